"""Exporting clients and orders to CSV (UTF-8 with a byte-order mark, so Excel shows
Chinese) or XLSX, in the columns the importer reads: an export imports cleanly into an
empty database. Client files carry the derived figures (stage, tier, class, orders,
spend, lifetime value) as read-only columns the importer skips.

Cells a spreadsheet would run as formulas are neutralised by services.tabular; phones
are written in their display form ("138 0013 8000"), which no spreadsheet takes for a
number or a formula."""

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

from lifecrm_gui.domain.vocab import (
    CLASSES,
    CLIENT_KINDS,
    CONSENT_CHANNELS,
    INDUSTRIES,
    NEEDS,
    ORDER_STATUSES,
    SOURCES,
    STAGES,
    STYLES,
    label,
    tier_label,
)
from lifecrm_gui.store import bulk

from . import tabular
from .contacts import display_phone
from .importer import COLUMNS
from .settings import language

KINDS = ("clients", "orders")
MONEY_FORMAT = "#,##0.00"
_YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}
_LIST_SEPARATOR = {"zh": "、", "en": ", "}


def _headers(kind: str, fields: tuple[str, ...], lang: str) -> list[str]:
    by_field = {c.field: c for c in COLUMNS[kind]}
    return [by_field[f].zh if lang == "zh" else by_field[f].en for f in fields]


def shown_phone(e164: str | None) -> str:
    """The display form of a stored phone; Chinese mobiles without parsing."""
    if not e164:
        return ""
    if len(e164) == 14 and e164.startswith("+861"):
        return f"{e164[3:6]} {e164[6:10]} {e164[10:]}"
    return display_phone(e164)


def _day(text):
    return date.fromisoformat(text[:10]) if text else None


def _yuan(minor):
    return Decimal(minor or 0).scaleb(-2)


CLIENT_FIELDS = ("ref", "name", "kind", "industry", "contact_person", "salutation", "gender", "phone",
                 "phone_alt", "wechat", "email", "address", "birthday", "birthday_lunar", "wedding_date", "styles",
                 "needs", "notes", "source", "source_detail", "referred_by", "first_seen_on", "followers",
                 "engagement", "influence_relevant", "reputation_rank", "annual_contract", "consent", "consent_on",
                 "consent_channel", "tags", "stage", "tier", "client_class", "order_count", "spend", "ltv_total")
ORDER_FIELDS = ("client_ref", "phone", "client_name", "ordered_on", "category", "package", "amount", "paid",
                "status", "shoot_on", "note")


def _client_rows(lang: str) -> Iterator[list]:
    yes, no = _YES_NO[lang]
    separator = _LIST_SEPARATOR[lang]

    def words(table, keys):
        return separator.join(label(table, k, lang) for k in keys.split(",") if k) if keys else ""

    def named(table, key):
        return label(table, key, lang) if key else ""

    for (ref, name, kind, industry, person, salutation, gender, phone, phone_alt, wechat, email, address,
         birthday, birthday_lunar, wedding_date, styles, needs, notes, source, source_detail, first_seen_on,
         followers, engagement, relevant, rank, contract, consent, consent_on, channel,
         stage, tier, client_class, order_count, spend, ltv_total,
         referrer_ref, referrer_phone, referrer_wechat, referrer_email, tags) in bulk.export_clients():
        referrer = referrer_ref or shown_phone(referrer_phone) or referrer_wechat or referrer_email or ""
        yield [ref or "", name, named(CLIENT_KINDS, kind), named(INDUSTRIES, industry), person or "",
               salutation or "", gender or "", shown_phone(phone), shown_phone(phone_alt), wechat or "",
               email or "", address or "", _day(birthday), yes if birthday_lunar else no, _day(wedding_date),
               words(STYLES, styles), words(NEEDS, needs), notes or "", named(SOURCES, source), source_detail or "",
               referrer, _day(first_seen_on), followers, engagement, yes if relevant else no, rank,
               yes if contract else no, yes if consent else no, _day(consent_on), named(CONSENT_CHANNELS, channel),
               tags or "", named(STAGES, stage), tier_label(tier or 0, lang), named(CLASSES, client_class),
               order_count, _yuan(spend), _yuan(ltv_total)]


def _order_rows(lang: str) -> Iterator[list]:
    for (ref, phone, name, ordered_on, category, package, amount, paid, status, shoot_on,
         note) in bulk.export_orders():
        yield [ref or "", shown_phone(phone), name, _day(ordered_on), label(NEEDS, category, lang) if category else "",
               package or "", _yuan(amount), _yuan(paid), label(ORDER_STATUSES, status, lang), _day(shoot_on),
               note or ""]


def export_file(kind: str, path: Path, *, lang: str | None = None,
                progress: Callable[[int, int], None] | None = None) -> int:
    """Write every live client (or every order of a live client) to `path`, .csv or
    .xlsx by its suffix; returns the number of rows written. Headers and names are in
    `lang` ("zh" or "en"; the studio's language by default). `progress(done, total)`
    counts rows."""
    if kind not in KINDS:
        raise ValueError(f"export clients or orders, not {kind!r}")
    lang = lang or language()
    lang = lang if lang in ("zh", "en") else "zh"
    if kind == "clients":
        fields, rows, total = CLIENT_FIELDS, _client_rows(lang), bulk.client_count()
    else:
        fields, rows, total = ORDER_FIELDS, _order_rows(lang), bulk.export_order_count()
    money = {i: MONEY_FORMAT for i, f in enumerate(fields) if f in ("amount", "paid", "spend", "ltv_total")}
    report = (lambda done: progress(done, total)) if progress else None
    count = tabular.write_table(path, _headers(kind, fields, lang), rows, number_formats=money, progress=report)
    if progress:
        progress(count, total)
    return count
