"""What leaves the studio: CSV or XLSX files for SMS platforms, a WeChat list of the
per-recipient texts, mail merge (emails and printed cards) and a call list with what
to say. Sending happens outside the app; staff mark the recipients sent afterwards.

Cells a spreadsheet would run as a formula (starting with = + - @, or a tab or
carriage return) are written with a leading apostrophe."""

import csv
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

from lifecrm_gui.domain.campaign_rules import CHANNEL_CONTACTS, RECIPIENT_STATUSES
from lifecrm_gui.domain.vocab import label

from . import campaigns
from .contacts import display_phone
from .errors import FieldError, ValidationError

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# kind: (contact needed, columns as (key, Chinese header, English header))
LAYOUTS = {
    "sms": (("phone", "phone_alt"), (("sms_phone", "手机号码", "Mobile"), ("message", "短信内容", "Message"),
                                     ("name", "姓名", "Name"))),
    "wechat": (("wechat", "phone"), (("name", "姓名", "Name"), ("wechat", "微信号", "WeChat ID"),
                                     ("phone", "手机", "Mobile"), ("message", "消息内容", "Message"))),
    "mail_merge": ((), (("name", "姓名", "Name"), ("salutation", "称呼", "Salutation"), ("email", "邮箱", "Email"),
                        ("address", "地址", "Address"), ("phone", "手机", "Mobile"), ("message", "正文", "Text"))),
    "calls": (("phone", "phone_alt"), (("name", "姓名", "Name"), ("phone", "手机", "Mobile"),
                                       ("phone_alt", "备用电话", "Other phone"), ("status", "状态", "Status"),
                                       ("message", "话术", "What to say"), ("result", "通话结果", "Call result"))),
}
KINDS = tuple(LAYOUTS)
DEFAULT_KIND = {"phone": "calls", "sms": "sms", "wechat": "wechat", "email": "mail_merge", "card": "mail_merge"}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    no_contact: int  # recipients the channel cannot reach (no phone, no address ...)
    recipient_ids: tuple = ()  # the recipients written, to mark sent once the messages went out


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def sms_number(e164: str | None) -> str:
    """A number as SMS platforms in China take it: 11 digits for a Chinese mobile,
    00 and the international digits otherwise (never a leading +)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return "".join(ch for ch in e164 if ch.isdigit())
    if number.country_code == 86:
        return str(number.national_number)
    return f"00{number.country_code}{number.national_number}"


def _reachable(row: dict, needed) -> bool:
    return not needed or any(row.get(f) for f in needed)


def _value(key: str, row: dict, lang: str) -> str:
    if key == "sms_phone":
        return sms_number(row.get("phone") or row.get("phone_alt"))
    if key in ("phone", "phone_alt"):
        return display_phone(row.get(key))
    if key == "status":
        return label(RECIPIENT_STATUSES, row["status"], lang)
    if key == "result":
        return ""
    return row.get(key) or ""


def export_rows(campaign_id: int, kind: str, lang: str = "zh",
                statuses=("pending",)) -> tuple[list[str], list[list[str]], int, list[int]]:
    """(headers, rows, recipients left out for want of a contact, the recipients written)."""
    if kind not in LAYOUTS:
        raise ValidationError([FieldError("kind", f"use one of {', '.join(LAYOUTS)}", kind)])
    needed, columns = LAYOUTS[kind]
    if kind == "mail_merge":
        channel = campaigns.get_campaign(campaign_id)["channel"]
        needed = CHANNEL_CONTACTS.get(channel, ()) if channel in ("email", "card") else ()
    rows, missing, ids = [], 0, []
    for row in campaigns.recipients(campaign_id):
        if statuses and row["status"] not in statuses:
            continue
        if not _reachable(row, needed):
            missing += 1
            continue
        row["salutation"] = row["salutation"] or row["name"]
        rows.append([neutralise(_value(key, row, lang)) for key, _zh, _en in columns])
        ids.append(row["id"])
    headers = [en if lang == "en" else zh for _key, zh, en in columns]
    return headers, rows, missing, ids


def export_campaign(campaign_id: int, path, kind: str | None = None, lang: str = "zh",
                    statuses=("pending",)) -> ExportResult:
    """Write a campaign's recipients (pending ones by default) to CSV (UTF-8 with BOM,
    which Excel and SMS platforms read) or XLSX, by the file's extension."""
    path = Path(path)
    kind = kind or DEFAULT_KIND[campaigns.get_campaign(campaign_id)["channel"]]
    headers, rows, missing, ids = export_rows(campaign_id, kind, lang, statuses)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows(rows)
    elif suffix == ".xlsx":
        from openpyxl import Workbook
        book = Workbook(write_only=True)
        sheet = book.create_sheet(kind)
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        book.save(path)
    else:
        raise ValidationError([FieldError("file", "use a .csv or .xlsx file", path.name)])
    return ExportResult(path, len(rows), missing, tuple(ids))


def summary_line(result: ExportResult, lang: str = "zh") -> str:
    if lang == "en":
        extra = f"; {result.no_contact} without a contact for this channel left out" if result.no_contact else ""
        return f"{result.rows} recipients written to {result.path.name}{extra}"
    extra = f";{result.no_contact} 位缺少该渠道的联系方式,未导出" if result.no_contact else ""
    return f"已导出 {result.rows} 位收件人到 {result.path.name}{extra}"
