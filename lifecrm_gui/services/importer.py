"""Importing clients, orders and timeline events from CSV or XLSX: all or nothing.

Every row is checked first, with the same rules as the window (services.clients.
clean_client, services.timeline.clean_order, services.money, services.contacts); if
any row is bad nothing is written and every problem is listed with its line, column,
value and reason. A good file is written in one transaction by bulk inserts, and the
clients it touched are re-derived in the same transaction.

The column names, in English and Chinese, are documented in docs/import-formats.md.
"""

import re
import time as clock
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, time
from operator import itemgetter
from pathlib import Path

from phonenumbers import PhoneMetadata

from lifecrm_gui.domain.vocab import ACTIVITY_KINDS, EVENT_KINDS, LOGGABLE_KINDS, NEEDS, ORDER_STATUSES, lookup
from lifecrm_gui.search_keys import search_text, sort_key
from lifecrm_gui.store import bulk
from lifecrm_gui.store.models import database, now

from . import contacts, tabular
from .clients import MAX_TEXT as MAX_CLIENT_TEXT
from .clients import clean_client, parse_date
from .errors import FieldError
from .money import parse_money
from .recompute import Cancelled, recompute, recompute_clients
from .timeline import MAX_TEXT as MAX_EVENT_TEXT
from .timeline import clean_event, clean_order

__all__ = ["COLUMNS", "Cancelled", "Column", "ImportResult", "header_key", "import_file"]

KINDS = ("clients", "orders", "events")
# Above this many clients touched, the whole studio is re-derived (a handful of
# set-based queries) rather than a list of ids.
RECOMPUTE_ALL_FROM = 2000
# From this many rows, an import that at least doubles a table rebuilds its indexes
# around the insert (store.bulk.indexes_rebuilt) instead of growing them row by row.
REBUILD_INDEXES_FROM = 10_000
_BATCH = 50_000
_CHECK_EVERY = 4096


@dataclass(frozen=True)
class Column:
    field: str
    en: str
    zh: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    read_only: bool = False  # a derived figure an export adds; ignored on import


CLIENT_COLUMNS = (
    Column("ref", "ref", "编号", ("客户编号", "外部编号")),
    Column("name", "name", "姓名", ("客户姓名", "名称", "客户名称"), required=True),
    Column("kind", "kind", "客户类型", ("类型",)),
    Column("industry", "industry", "行业"),
    Column("contact_person", "contact_person", "联系人"),
    Column("salutation", "salutation", "称呼"),
    Column("gender", "gender", "性别"),
    Column("phone", "phone", "手机", ("电话", "手机号", "手机号码", "mobile")),
    Column("phone_alt", "phone_alt", "备用电话", ("其他电话", "电话2")),
    Column("wechat", "wechat", "微信", ("微信号",)),
    Column("email", "email", "邮箱", ("电子邮件", "电子邮箱", "e-mail")),
    Column("address", "address", "地址"),
    Column("birthday", "birthday", "生日"),
    Column("birthday_lunar", "birthday_lunar", "农历生日"),
    Column("wedding_date", "wedding_date", "结婚纪念日", ("结婚日期", "婚期")),
    Column("styles", "styles", "风格偏好", ("风格",)),
    Column("needs", "needs", "需求"),
    Column("notes", "notes", "备注"),
    Column("source", "source", "来源"),
    Column("source_detail", "source_detail", "来源说明"),
    Column("referred_by", "referred_by", "推荐人"),
    Column("first_seen_on", "first_seen_on", "首次接触日期"),
    Column("followers", "followers", "粉丝数"),
    Column("engagement", "engagement", "互动量"),
    Column("influence_relevant", "influence_relevant", "行业相关"),
    Column("reputation_rank", "reputation_rank", "口碑等级"),
    Column("annual_contract", "annual_contract", "年度合同"),
    Column("consent", "consent", "营销同意"),
    Column("consent_on", "consent_on", "同意日期"),
    Column("consent_channel", "consent_channel", "同意渠道"),
    Column("tags", "tags", "标签"),
    Column("stage", "stage", "阶段", read_only=True),
    Column("tier", "tier", "星级", read_only=True),
    Column("client_class", "class", "客户分类", read_only=True),
    Column("order_count", "order_count", "订单数", read_only=True),
    Column("spend", "spend", "累计消费", read_only=True),
    Column("ltv_total", "lifetime_value", "终身价值", read_only=True),
)
ORDER_COLUMNS = (
    Column("client_ref", "client_ref", "客户编号"),
    Column("phone", "phone", "手机", ("电话", "手机号", "手机号码", "mobile")),
    Column("client_name", "client_name", "客户姓名", read_only=True),
    Column("ordered_on", "ordered_on", "下单日期", ("订单日期",), required=True),
    Column("category", "category", "类别", ("需求类别",)),
    Column("package", "package", "套餐"),
    Column("amount", "amount", "金额", ("订单金额",), required=True),
    Column("paid", "paid", "实付", ("实付金额", "已付")),
    Column("status", "status", "状态"),
    Column("shoot_on", "shoot_on", "拍摄日期"),
    Column("note", "note", "备注"),
)
EVENT_COLUMNS = (
    Column("client_ref", "client_ref", "客户编号"),
    Column("phone", "phone", "手机", ("电话", "手机号", "手机号码", "mobile")),
    Column("client_name", "client_name", "客户姓名", read_only=True),
    Column("occurred_at", "occurred_at", "时间", ("日期", "发生时间"), required=True),
    Column("kind", "kind", "类型", required=True),
    Column("text", "text", "内容"),
    Column("staff", "staff", "员工", ("经办人",)),
    Column("satisfaction", "satisfaction", "满意度"),
)
COLUMNS = {"clients": CLIENT_COLUMNS, "orders": ORDER_COLUMNS, "events": EVENT_COLUMNS}


def header_key(text: str) -> str:
    """Headers match ignoring case, spaces, underscores and hyphens."""
    return re.sub(r"[\s_\-]+", "", text).casefold()


_BY_KEY = {kind: {header_key(name): column for column in columns
                  for name in (column.field, column.en, column.zh, *column.aliases)}
           for kind, columns in COLUMNS.items()}


@dataclass
class ImportResult:
    kind: str
    path: str
    dry_run: bool = False
    rows: int = 0
    written: int = 0
    would_write: int = 0  # what a dry run found ready to write
    errors: list[FieldError] = field(default_factory=list)
    format: str | None = None
    encoding: str | None = None
    recomputed: int = 0
    recompute_seconds: float = 0.0  # of `seconds`, the re-derivation of the clients touched
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict:
        return {"kind": self.kind, "file": self.path, "format": self.format, "encoding": self.encoding,
                "dry_run": self.dry_run, "rows": self.rows, "written": self.written,
                "would_write": self.would_write,
                "recomputed": self.recomputed, "recompute_seconds": round(self.recompute_seconds, 3),
                "seconds": round(self.seconds, 3),
                "errors": [{"row": e.row, "field": e.field, "value": _plain(e.value), "message": e.message}
                           for e in self.errors]}


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


class _Invalid:
    """A cached verdict that a value is bad, with the reason."""
    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


# -- values -----------------------------------------------------------------------------------

def _iso_date(text: str):
    """ISO date text for what a file holds, else _Invalid; date.fromisoformat first,
    then services.clients.parse_date (2024/5/1, 2024年5月1日, ...)."""
    if len(text) == 10:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    try:
        return parse_date(text, "").isoformat()
    except ValueError:
        pass
    try:  # a date cell that carries a time of day
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return _Invalid("not a date (use YYYY-MM-DD)")


def _timestamp(text: str):
    """'YYYY-MM-DD HH:MM:SS' for a time of day or a date (a date alone is taken as noon,
    as the timeline does), else _Invalid."""
    if len(text) == 10:
        day = _iso_date(text)
        return day if type(day) is _Invalid else f"{day} 12:00:00"
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        day_text, _, time_text = text.replace("T", " ").partition(" ")
        day = _iso_date(day_text)
        if type(day) is _Invalid or not time_text.strip():
            return _Invalid("not a date and time (use YYYY-MM-DD HH:MM)")
        parts = time_text.strip().replace("：", ":").split(":")
        try:
            if len(parts) not in (2, 3):
                raise ValueError
            moment = time(*(int(part) for part in parts))
        except ValueError:
            return _Invalid("not a date and time (use YYYY-MM-DD HH:MM)")
        at = datetime.combine(date.fromisoformat(day), moment)
    if at.tzinfo is not None:
        return _Invalid("give the local time without a time zone (YYYY-MM-DD HH:MM)")
    return at.replace(microsecond=0).isoformat(sep=" ")


def _money(text: str):
    try:
        return parse_money(text)
    except ValueError as error:
        return _Invalid(str(error).split(":")[0])


_REGION = PhoneMetadata.metadata_for_region(contacts.DEFAULT_REGION)
_COUNTRY_PREFIX = f"+{_REGION.country_code}"
_MOBILE = re.compile(f"(?:{_REGION.mobile.national_number_pattern})")


def fast_mobile(text: str) -> str | None:
    """The E.164 form of a home-region mobile number written plainly ("13800138000",
    "138 0013 8000", "+86 138-0013-8000"), exactly as contacts.normalise_phone gives it,
    without parsing; None for anything else (which then goes the slow way)."""
    digits = text.replace(" ", "").replace("-", "")
    digits = digits.removeprefix(_COUNTRY_PREFIX)
    if digits.isascii() and digits.isdigit() and _MOBILE.fullmatch(digits):
        return _COUNTRY_PREFIX + digits
    return None


def _phone(text: str):
    """E.164 or _Invalid, for a non-blank phone cell."""
    fast = fast_mobile(text)
    if fast is not None:
        return fast
    try:
        return contacts.normalise_phone(text)
    except ValueError as error:
        return _Invalid(str(error).split(":")[0])


class _Cached(dict):
    """A check of a cell's text, remembered per distinct text (dates, amounts and
    statuses repeat across thousands of rows). `cache.get(text, MISSING)` in a hot
    loop, `cache.fill(text)` on a miss; a bad value is remembered as BAD."""

    def __init__(self, check: Callable):
        super().__init__()
        self.check = check

    def fill(self, text: str):
        value = self[text] = self.check(text.strip())
        return value

    def __call__(self, text: str):
        value = self.get(text, MISSING)
        return self.fill(text) if value is MISSING else value


MISSING = object()
BAD = _Invalid("bad")


def _or_bad(check: Callable, blank=None) -> Callable:
    """A check that gives `blank` for an empty cell and BAD for any _Invalid."""
    def checked(text: str):
        if not text:
            return blank
        value = check(text)
        return BAD if type(value) is _Invalid else value
    return checked


def _vocab(table, blank=None, allowed=None):
    def check(text: str):
        key = lookup(table, text)
        return key if key is not None and (allowed is None or key in allowed) else BAD
    return _Cached(_or_bad(check, blank))


# -- the file and its header ------------------------------------------------------------------

class _Sheet:
    """The columns of the file this import reads, by field."""

    def __init__(self, kind: str, table: tabular.Table, errors: list[FieldError]):
        self.headers = [h.strip().lstrip("\ufeff") for h in table.headers]
        self.width = len(self.headers)
        self.header_row = table.header_row
        self.index: dict[str, int] = {}
        self.blank_columns = []
        known = _BY_KEY[kind]
        for i, header in enumerate(self.headers):
            if not header:
                self.blank_columns.append(i)
                continue
            column = known.get(header_key(header))
            if column is None:
                errors.append(FieldError(header, "unknown column; the columns of a " + kind + " file are "
                                         + columns_text(kind), header, self.header_row))
            elif column.field in self.index:
                first = self.headers[self.index[column.field]]
                errors.append(FieldError(header, f"the same column as {first!r} ({column.en}/{column.zh}), "
                                                 "given twice", header, self.header_row))
            elif not column.read_only:
                self.index[column.field] = i
        for column in COLUMNS[kind]:
            if column.required and column.field not in self.index:
                errors.append(FieldError(f"{column.en}/{column.zh}", "a required column is missing", None,
                                         self.header_row))
        if kind in ("orders", "events") and "client_ref" not in self.index and "phone" not in self.index:
            errors.append(FieldError("client_ref/客户编号", "name the client by a client_ref/客户编号 or a "
                                                            "phone/手机 column", None, self.header_row))

    def header(self, field_name: str) -> str:
        index = self.index.get(field_name)
        return self.headers[index] if index is not None else field_name

    def at(self, field_name: str) -> int:
        """The cell index of a field; a column the file lacks reads as the always-empty
        cell `shape` adds after the last column."""
        return self.index.get(field_name, self.width)

    def shape(self, line: int, cells: list[str], errors: list[FieldError]) -> None:
        """Pad the row to the header's width plus one empty cell; a value under no
        header is an error."""
        width = self.width
        if len(cells) <= width:
            cells.extend([""] * (width + 1 - len(cells)))
        elif any(cells[width:]):
            extra = next(i for i in range(width, len(cells)) if cells[i])
            errors.append(FieldError(f"column {extra + 1}", "a value in a column without a header",
                                     cells[extra], line))
            cells[width] = ""
        for i in self.blank_columns:
            if cells[i].strip():
                errors.append(FieldError(f"column {i + 1}", "a value in a column without a header", cells[i], line))


def columns_text(kind: str) -> str:
    return ", ".join(f"{c.en}/{c.zh}" for c in COLUMNS[kind])


# -- progress ---------------------------------------------------------------------------------

class _Progress:
    """progress(done, total) in hundredths of the whole import: reading and checking
    0-60, writing 60-85, re-deriving the clients 85-100."""

    def __init__(self, callback, should_cancel):
        self.callback = callback
        self.should_cancel = should_cancel
        self.last = -1

    def report(self, share: float) -> None:
        done = int(share * 100)
        if self.callback is not None and done != self.last:
            self.last = done
            self.callback(done, 100)

    def check(self, share: float) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise Cancelled()
        self.report(share)

    def recomputing(self, done: int, total: int) -> None:
        """services.recompute's progress, as the last part of the import's."""
        self.report(0.85 + 0.15 * done / total if total else 0.85)


# -- the kinds --------------------------------------------------------------------------------

class _ClientSide:
    """Resolving a cell to an existing client, by ref or by phone (orders, events)."""

    def __init__(self):
        self.refs, self.trashed_refs, self.phones = {}, {}, {}
        for cid, ref, name, phone, phone_alt, _wechat, _email, in_trash, _referrer in bulk.client_keys():
            if in_trash:
                if ref:
                    self.trashed_refs[ref] = name
                continue
            if ref:
                self.refs[ref] = cid
            for number in (phone, phone_alt):
                if number:
                    owner = self.phones.get(number)
                    self.phones[number] = cid if owner in (None, cid) else -1
        self.phone_cells = _Cached(self._phone_owner)

    def _phone_owner(self, text: str):
        number = _phone(text)
        if type(number) is _Invalid:
            return number
        owner = self.phones.get(number)
        if owner is None:
            return _Invalid("no client has this phone number")
        if owner == -1:
            return _Invalid("several clients have this phone number: name the client by client_ref")
        return owner

    def resolve(self, ref: str, phone: str, sheet: _Sheet, line: int, errors: list[FieldError]) -> int | None:
        client = None
        if ref:
            client = self.refs.get(ref)
            if client is None:
                message = (f"the client with this ref ({self.trashed_refs[ref]}) is in the trash: restore them "
                           "first" if ref in self.trashed_refs else "no client has this ref")
                errors.append(FieldError(sheet.header("client_ref"), message, ref, line))
                return None
        if phone:
            owner = self.phone_cells(phone)
            if type(owner) is _Invalid:
                if client is None:
                    errors.append(FieldError(sheet.header("phone"), owner.message, phone, line))
                    return None
                return client  # the ref decides; the phone may be an old number
            if client is not None and owner != client:
                errors.append(FieldError(sheet.header("phone"), "belongs to another client than the ref "
                                                                "names", phone, line))
                return None
            client = owner
        if client is None:
            errors.append(FieldError(sheet.header("client_ref") if "client_ref" in sheet.index else
                                     sheet.header("phone"), "name the client by client_ref or phone", "", line))
        return client


class _Orders:
    def __init__(self, sheet: _Sheet, as_of: date):
        self.sheet = sheet
        self.clients = _ClientSide()
        self.records: list[tuple] = []
        self.add = self._row_checker()

    def _row_checker(self) -> Callable:
        """The check of one row, as a closure over its columns and caches: it runs once
        per row of files with hundreds of thousands of them."""
        sheet, clients = self.sheet, self.clients
        i_ref, i_phone, i_on, i_amount, i_paid, i_status, i_category, i_shoot, i_package, i_note = map(
            sheet.at, ("client_ref", "phone", "ordered_on", "amount", "paid", "status", "category", "shoot_on",
                       "package", "note"))
        refs_get = clients.refs.get
        phones = clients.phone_cells
        phones_get = phones.get
        dates = _Cached(_or_bad(_iso_date))
        amounts = _Cached(_or_bad(_money, BAD))
        payments = _Cached(_or_bad(_money, 0))
        statuses = _vocab(ORDER_STATUSES, "booked")
        categories = _vocab(NEEDS)
        dates_get, amounts_get, payments_get = dates.get, amounts.get, payments.get
        statuses_get, categories_get = statuses.get, categories.get
        append = self.records.append

        def add(line: int, cells: list[str], errors: list[FieldError]) -> None:
            phone = cells[i_phone]
            if not phone:
                client = refs_get(cells[i_ref])
            elif not cells[i_ref]:  # named by phone alone, as an export names them
                client = phones_get(phone, MISSING)
                if client is MISSING:
                    client = phones.fill(phone)
                if type(client) is not int:
                    client = None
            else:
                client = None
            if client is None:
                client = clients.resolve(cells[i_ref].strip(), phone.strip(), sheet, line, errors)
            text = cells[i_on]
            ordered_on = dates_get(text, MISSING)
            if ordered_on is MISSING:
                ordered_on = dates.fill(text)
            text = cells[i_shoot]
            shoot_on = dates_get(text, MISSING)
            if shoot_on is MISSING:
                shoot_on = dates.fill(text)
            text = cells[i_amount]
            amount = amounts_get(text, MISSING)
            if amount is MISSING:
                amount = amounts.fill(text)
            text = cells[i_paid]
            paid = payments_get(text, MISSING)
            if paid is MISSING:
                paid = payments.fill(text)
            text = cells[i_status]
            status = statuses_get(text, MISSING)
            if status is MISSING:
                status = statuses.fill(text)
            text = cells[i_category]
            category = categories_get(text, MISSING)
            if category is MISSING:
                category = categories.fill(text)
            if (ordered_on is None or ordered_on is BAD or shoot_on is BAD or amount is BAD or paid is BAD
                    or status is BAD or category is BAD or paid > amount):
                self._report(line, cells, errors)
            elif client is not None:
                append((client, ordered_on, category, cells[i_package].strip(), amount, paid, status, shoot_on,
                        cells[i_note].strip()))

        return add

    def _report(self, line: int, cells: list[str], errors: list[FieldError]) -> None:
        """What is wrong with an order, in the words of services.timeline.clean_order."""
        sheet = self.sheet
        raw = {name: cells[sheet.at(name)].strip() for name in ("ordered_on", "amount", "paid", "status",
                                                                "category", "shoot_on")}
        _values, problems = clean_order(raw)
        if not raw["ordered_on"]:
            problems.insert(0, FieldError("ordered_on", "a date is required", ""))
        for problem in problems:
            errors.append(FieldError(sheet.header(problem.field), problem.message, problem.value, line))

    def finish(self, errors: list[FieldError]) -> None:
        pass

    def write(self, stamp: str, progress: _Progress) -> None:
        # In client order (the file's order kept within a client): the indexes that lead
        # with the client grow in runs instead of at random places.
        records = sorted(self.records, key=itemgetter(0))
        _insert_batches("orders", bulk.insert_orders, records, stamp, progress)

    def touched_clients(self) -> set[int]:
        return {r[0] for r in self.records}

    def kept_off(self) -> list[str]:
        return []  # the re-derivation reads the rows just written through their indexes


def _rebuild(table: str, adding: int) -> bool:
    """Whether to rebuild the table's indexes around an insert of `adding` rows: when the
    table at least doubles (a studio moving in from its spreadsheets)."""
    return adding >= REBUILD_INDEXES_FROM and adding >= bulk.row_count(table)


def _insert_batches(table: str, insert: Callable, records: list[tuple], stamp: str, progress: _Progress) -> None:
    uuids = bulk.sorted_uuids(len(records))
    total = len(records)
    with bulk.indexes_rebuilt(table, _rebuild(table, total)):
        for start in range(0, total, _BATCH):
            end = min(start + _BATCH, total)
            insert([(uuids[i], *records[i], stamp) for i in range(start, end)])
            progress.check(0.6 + 0.25 * end / total)


class _Events:
    def __init__(self, sheet: _Sheet, as_of: date):
        self.sheet = sheet
        self.clients = _ClientSide()
        self.records: list[tuple] = []
        self.add = self._row_checker()

    def _row_checker(self) -> Callable:
        sheet, clients = self.sheet, self.clients
        i_ref, i_phone, i_when, i_kind, i_text, i_staff, i_score = map(
            sheet.at, ("client_ref", "phone", "occurred_at", "kind", "text", "staff", "satisfaction"))
        refs_get = clients.refs.get
        kinds = _vocab(EVENT_KINDS, BAD, LOGGABLE_KINDS)
        scores = _Cached(_or_bad(self._score))
        append = self.records.append
        activity = ACTIVITY_KINDS

        def add(line: int, cells: list[str], errors: list[FieldError]) -> None:
            client = refs_get(cells[i_ref])
            if client is None or cells[i_phone]:
                client = clients.resolve(cells[i_ref].strip(), cells[i_phone].strip(), sheet, line, errors)
            when_text = cells[i_when].strip()
            when = _timestamp(when_text) if when_text else BAD
            kind = kinds(cells[i_kind])
            text = cells[i_text].strip()
            score = scores(cells[i_score])
            if type(when) is _Invalid or kind is BAD or score is BAD or len(text) > MAX_EVENT_TEXT:
                self._report(line, cells, when, errors)
            elif client is not None:
                append((client, when, kind, text, cells[i_staff].strip() or None, score, int(kind in activity)))

        return add

    @staticmethod
    def _score(text: str):
        try:
            score = int(text)
        except ValueError:
            return BAD
        return score if 1 <= score <= 5 else BAD

    def _report(self, line: int, cells: list[str], when, errors: list[FieldError]) -> None:
        sheet = self.sheet

        def problem(name, message):
            errors.append(FieldError(sheet.header(name), message, cells[sheet.at(name)].strip(), line))

        if type(when) is _Invalid:
            problem("occurred_at", when.message if when is not BAD else "a date and time is required")
        _values, found = clean_event(cells[sheet.at("kind")].strip(), cells[sheet.at("text")],
                                     cells[sheet.at("satisfaction")].strip())
        for error in found:
            value = error.value if error.field == "text" else cells[sheet.at(error.field)].strip()
            errors.append(FieldError(sheet.header(error.field), error.message, value, line))

    def finish(self, errors: list[FieldError]) -> None:
        pass

    def write(self, stamp: str, progress: _Progress) -> None:
        records = sorted(self.records, key=itemgetter(0))
        _insert_batches("event", bulk.insert_events, records, stamp, progress)

    def touched_clients(self) -> set[int]:
        return {r[0] for r in self.records}

    def kept_off(self) -> list[str]:
        return []  # the re-derivation reads the rows just written through their indexes


# Client fields whose cells repeat across rows: each distinct text is checked once by
# clean_client and the verdict reused.
_REPEATING = ("kind", "industry", "source", "consent_channel", "needs", "styles", "birthday", "wedding_date",
              "first_seen_on", "consent_on", "birthday_lunar", "influence_relevant", "annual_contract",
              "consent", "followers", "engagement", "reputation_rank")
# Fields checked per row by clean_client.
_PER_ROW = ("name", "contact_person", "salutation", "gender", "address", "notes", "source_detail", "wechat", "email")
_CONTACTS = (("phone", "phone"), ("phone_alt", "phone"), ("wechat", "wechat"), ("email", "email"))
# Insert columns that hold what clean_client gives, with the value when the file has no such column.
_DEFAULTS = {"kind": "individual", "styles": "", "needs": "", "notes": "", "followers": 0, "engagement": 0,
             "birthday_lunar": 0, "influence_relevant": 0, "annual_contract": 0, "consent": 0}
_SLOT = {name: i for i, name in enumerate(bulk.CLIENT_INSERT_COLUMNS)}
_NAME, _NOTES = _SLOT["name"], _SLOT["notes"]
_PLAIN_TEXT = ("contact_person", "salutation", "gender", "address", "notes", "source_detail")
_ID_CHECKS = {"wechat": contacts.normalise_wechat, "email": contacts.normalise_email}
_CONSENT, _CONSENT_ON, _FIRST_SEEN = _SLOT["consent"], _SLOT["consent_on"], _SLOT["first_seen_on"]


def _stored(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class _Clients:
    def __init__(self, sheet: _Sheet, as_of: date):
        self.sheet = sheet
        self.as_of = as_of.isoformat()
        self.repeating = [(sheet.index[name], _Cached(lambda text, name=name: self._repeating(name, text)))
                          for name in _REPEATING if name in sheet.index]
        self.per_row = [(name, sheet.index[name]) for name in _PER_ROW if name in sheet.index and name != "name"]
        self.contacts = [(name, space, sheet.index[name]) for name, space in _CONTACTS if name in sheet.index]
        self.i_name = sheet.index["name"]
        self.texts = [(_SLOT[name], i) for name, i in self.per_row if name in _PLAIN_TEXT]
        self.ids = [(name, _SLOT[name], i, _ID_CHECKS[name]) for name, i in self.per_row if name in _ID_CHECKS]
        self.template = [None] * len(bulk.CLIENT_INSERT_COLUMNS)
        for name, default in _DEFAULTS.items():
            self.template[_SLOT[name]] = default
        # What the database holds: contact values of live clients, and every ref.
        self.db_contacts = {"phone": {}, "wechat": {}, "email": {}}
        self.db_refs = {}
        for cid, ref, name, phone, phone_alt, wechat, email, in_trash, _referrer in bulk.client_keys():
            if ref:
                self.db_refs[ref] = (cid, name, bool(in_trash))
            if in_trash:
                continue
            for space, value in (("phone", phone), ("phone", phone_alt), ("wechat", wechat), ("email", email)):
                if value:
                    self.db_contacts[space].setdefault(value, (cid, name))
        # Per row of the file, good or bad (row k is the k-th data row):
        self.lines: list[int] = []
        self.names: list[str] = []
        self.referrers: list[str] = []
        self.tags: list[tuple[str, ...]] = []
        self.file_refs: dict[str, int] = {}  # ref -> k
        self.file_contacts = {"phone": {}, "wechat": {}, "email": {}}  # value -> (line, name, k)
        # Insert rows of the good rows; written only when every row is good, so then records[k] is row k's.
        self.records: list[tuple] = []
        self.parents: dict[int, int] = {}  # k -> k of the referrer in the file
        self.db_parents: dict[int, int] = {}  # k -> id of the referrer in the database

    def _plain_cells(self, cells: list[str], record: list):
        """The cells clean_client checks per row (name, free text, WeChat id, email) as
        it would store them, put into `record`; the name, WeChat id and email by field;
        None at the first problem. The same rules without clean_client's dictionaries,
        for the good rows that are nearly all of a file."""
        name = cells[self.i_name].strip()
        if not name:
            return None
        record[_NAME] = name
        for slot, i in self.texts:
            text = cells[i]
            if text:
                text = text.strip()
                if len(text) > MAX_CLIENT_TEXT:
                    return None
                if text or slot == _NOTES:
                    record[slot] = text
        values = {"name": name}
        for name, slot, i, normalise in self.ids:
            text = cells[i]
            if text:
                try:
                    value = normalise(text)
                except ValueError:
                    return None
                if value is not None:
                    record[slot] = value
                values[name] = value
        return values

    @staticmethod
    def _repeating(name: str, text: str) -> tuple[tuple, list[FieldError]]:
        """clean_client's verdict on one cell: the (insert slot, value) pairs and the problems."""
        values, problems = clean_client({name: text}, partial=True)
        return tuple((_SLOT[n], _stored(v)) for n, v in values.items() if n in _SLOT and v is not None), problems

    def add(self, line: int, cells: list[str], errors: list[FieldError]) -> None:
        sheet = self.sheet
        index = sheet.index
        count = len(errors)
        k = len(self.lines)
        record = self.template.copy()
        values = self._plain_cells(cells, record)
        if values is None:  # a problem: clean_client names each one, in its words
            record = self.template.copy()
            data = {"name": cells[index["name"]]}
            for name, i in self.per_row:
                if cells[i]:
                    data[name] = cells[i]
            values, problems = clean_client(data, partial=True)
            for name, value in values.items():
                if value is not None:
                    record[_SLOT[name]] = value
        else:
            problems = []
        for i, cache in self.repeating:
            text = cells[i]
            found = cache.get(text, MISSING)
            if found is MISSING:
                found = cache.fill(text)
            pairs, found_problems = found
            for slot, value in pairs:
                record[slot] = value
            if found_problems:
                problems.extend(found_problems)
        for problem in problems:
            errors.append(FieldError(sheet.header(problem.field), problem.message, problem.value, line))
        for name in ("phone", "phone_alt"):
            if name in index:
                text = cells[index[name]].strip()
                number = _phone(text) if text else None
                if type(number) is _Invalid:
                    errors.append(FieldError(sheet.header(name), number.message, text, line))
                    number = None
                values[name] = record[_SLOT[name]] = number
        client_name = values["name"]
        self.lines.append(line)
        self.names.append(client_name)
        self.referrers.append(cells[index["referred_by"]].strip() if "referred_by" in index else "")
        for name, space, i in self.contacts:
            value = values.get(name)
            if not value:
                continue
            owner = self.db_contacts[space].get(value)
            if owner is not None:
                errors.append(FieldError(sheet.header(name), f"already belongs to {owner[1]} (#{owner[0]})",
                                         cells[i].strip(), line))
                continue
            earlier = self.file_contacts[space].get(value)
            if earlier is not None:
                errors.append(FieldError(sheet.header(name), f"already on line {earlier[0]} ({earlier[1]})",
                                         cells[i].strip(), line))
                continue
            self.file_contacts[space][value] = (line, client_name, k)
        ref = cells[index["ref"]].strip() if "ref" in index else ""
        if ref:
            if ref in self.db_refs:
                cid, owner, in_trash = self.db_refs[ref]
                errors.append(FieldError(sheet.header("ref"), f"already belongs to {owner} (#{cid})"
                                         + (", in the trash" if in_trash else ""), ref, line))
            elif ref in self.file_refs:
                earlier = self.file_refs[ref]
                errors.append(FieldError(sheet.header("ref"), f"already on line {self.lines[earlier]}", ref, line))
            else:
                self.file_refs[ref] = k
            record[_SLOT["ref"]] = ref
        tags = cells[index["tags"]] if "tags" in index else ""
        if tags:
            parts = tags.replace("，", ",").replace("、", ",").replace(";", ",").replace("；", ",").split(",")
            self.tags.append(tuple(dict.fromkeys(t.strip() for t in parts if t.strip())))
        else:
            self.tags.append(())
        if len(errors) > count:
            return
        if record[_CONSENT] and record[_CONSENT_ON] is None:
            record[_CONSENT_ON] = self.as_of
        if record[_FIRST_SEEN] is None:
            record[_FIRST_SEEN] = self.as_of
        # A tuple of plain values, which the garbage collector stops scanning: with
        # 100,000 lists kept, its passes would cost a third of the whole check.
        self.records.append(tuple(record))

    def _find_referrer(self, text: str):
        """('file', k) or ('db', client id) for a referrer named by ref, phone, WeChat id
        or email; an _Invalid with the reason if there is none."""
        if text in self.file_refs:
            return "file", self.file_refs[text]
        if text in self.db_refs:
            cid, name, in_trash = self.db_refs[text]
            if in_trash:
                return _Invalid(f"the referrer {name} (#{cid}) is in the trash: restore them first")
            return "db", cid
        candidates = []
        number = _phone(text)
        if type(number) is not _Invalid:
            candidates.append(("phone", number))
        for space, normalise in (("wechat", contacts.normalise_wechat), ("email", contacts.normalise_email)):
            try:
                candidates.append((space, normalise(text)))
            except ValueError:
                pass
        for space, value in candidates:
            earlier = self.file_contacts[space].get(value)
            if earlier is not None:
                return "file", earlier[2]
            owner = self.db_contacts[space].get(value)
            if owner is not None:
                return "db", owner[0]
        return _Invalid("no client in this file or the database has this ref, phone, WeChat id or email")

    def finish(self, errors: list[FieldError]) -> None:
        """Referrers, once every row is known (a referrer may come later in the file),
        and no referral cycle among the file's clients."""
        header = self.sheet.header("referred_by")
        resolved = {}
        for k, text in enumerate(self.referrers):
            if not text:
                continue
            target = resolved.get(text)
            if target is None:
                target = resolved[text] = self._find_referrer(text)
            if type(target) is _Invalid:
                errors.append(FieldError(header, target.message, text, self.lines[k]))
            elif target[0] == "file":
                self.parents[k] = target[1]
            else:
                self.db_parents[k] = target[1]
        # A referrer in the database cannot lead back into the file (its clients are new),
        # so a cycle can only run through the file's own rows.
        state: dict[int, int] = {}  # 1 = on the walk being followed, 2 = known to end
        for start in self.parents:
            walk = []
            node = start
            while node is not None and node not in state:
                state[node] = 1
                walk.append(node)
                node = self.parents.get(node)
            if node is not None and state[node] == 1:
                cycle = walk[walk.index(node):]
                chain = " → ".join(self.names[k] for k in [*cycle, cycle[0]])
                for k in cycle:
                    message = ("a client cannot be their own referrer" if len(cycle) == 1
                               else f"a referral cycle: {chain}")
                    errors.append(FieldError(header, message, self.referrers[k], self.lines[k]))
            for k in walk:
                state[k] = 2

    def write(self, stamp: str, progress: _Progress) -> None:
        first_id = self.first_id = bulk.next_client_id()
        records = self.records
        slot_id, slot_referrer = _SLOT["id"], _SLOT["referred_by_id"]
        slot_created, slot_updated = _SLOT["created_at"], _SLOT["updated_at"]
        db_parents, parents = self.db_parents, self.parents

        def row(k: int) -> list:
            values = [uuids[k], *records[k]]  # the uuid first, then the insert columns from 1
            values[1 + slot_id] = first_id + k
            values[1 + slot_created] = values[1 + slot_updated] = stamp
            if k in db_parents:
                values[1 + slot_referrer] = db_parents[k]
            elif k in parents:
                values[1 + slot_referrer] = first_id + parents[k]
            return values

        total = len(records)
        uuids = bulk.sorted_uuids(total)
        # A referrer later in the file gets its id only when its own row goes in: the
        # links are checked when the transaction ends, by then every row is in.
        bulk.defer_foreign_keys()
        for start in range(0, total, _BATCH):
            end = min(start + _BATCH, total)
            bulk.insert_clients([row(k) for k in range(start, end)])
            progress.check(0.6 + 0.1 * end / total)
        names = {tag for tags in self.tags for tag in tags}
        if names:
            ids = bulk.tag_ids(sorted(names))
            bulk.insert_client_tags((first_id + k, ids[tag]) for k, tags in enumerate(self.tags) for tag in tags)
        slots = [_SLOT[n] for n in ("name", "contact_person", "phone", "phone_alt", "wechat", "email")]
        with bulk.indexes_rebuilt("client_search", _rebuild("client_search", total)):
            for start in range(0, total, _BATCH):
                rows = []
                for k in range(start, min(start + _BATCH, total)):
                    name, person, phone, phone_alt, wechat, email = (records[k][s] for s in slots)
                    rows.append((first_id + k, search_text(name, person, (phone, phone_alt), wechat, email,
                                                           self.tags[k]), sort_key(name)))
                bulk.insert_client_search(rows)
                progress.check(0.7 + 0.15 * min(start + _BATCH, total) / total)

    def touched_clients(self) -> set[int]:
        return set(range(self.first_id, self.first_id + len(self.records)))

    def kept_off(self) -> list[str]:
        """The tables whose indexes are dropped for the write and the re-derivation after
        it, and built once at the end, when the import at least doubles them: the clients
        (the re-derivation fills their derived columns, several of them indexed) and the
        events (where it writes each new client's first stage)."""
        return [table for table in ("client", "event") if _rebuild(table, len(self.records))]


_HANDLERS = {"clients": _Clients, "orders": _Orders, "events": _Events}


# -- the import -------------------------------------------------------------------------------

def import_file(kind: str, path: Path, dry_run: bool = False, *, as_of: date,
                progress: Callable[[int, int], None] | None = None,
                should_cancel: Callable[[], bool] | None = None, staff: str | None = None) -> ImportResult:
    """Import a CSV or XLSX file of clients, orders or events, all or nothing.

    Every row is checked before anything is written; with any problem (or `dry_run`)
    nothing is written and `errors` lists each one by line (as a spreadsheet numbers
    it, the header being line 1), column header, value and reason. `progress(done,
    total)` is told how far the import has got in hundredths; `should_cancel()` returning
    True stops it (raising Cancelled) with nothing written. Runs on any thread that has a
    database connection (services.session.thread_connection)."""
    if kind not in KINDS:
        raise ValueError(f"import clients, orders or events, not {kind!r}")
    started = clock.perf_counter()
    path = Path(path)
    result = ImportResult(kind=kind, path=str(path), dry_run=dry_run)
    steps = _Progress(progress, should_cancel)
    steps.check(0.0)
    errors = result.errors
    sheet = None
    count = 0
    try:
        with tabular.open_table(path) as table:
            result.format, result.encoding = table.format, table.encoding
            sheet = _Sheet(kind, table, errors)
            if errors:
                return _done(result, started)
            handler = _HANDLERS[kind](sheet, as_of)
            add, shape, width = handler.add, sheet.shape, sheet.width
            plain = not sheet.blank_columns
            for line, cells in table.rows:
                count += 1
                if plain and len(cells) == width:
                    cells.append("")  # the cell a column the file lacks reads (_Sheet.at)
                else:
                    shape(line, cells, errors)
                add(line, cells, errors)
                if count % _CHECK_EVERY == 0:
                    result.rows = count
                    steps.check(0.6 * table.fraction())
            result.rows = count
    except tabular.TableError as problem:
        result.rows = count
        column = problem.column
        header = sheet.headers[column] if sheet and column is not None and column < sheet.width else path.name
        errors.append(FieldError(header, str(problem), problem.value, problem.row))
        return _done(result, started)
    if result.rows == 0 and not errors:
        errors.append(FieldError(path.name, "the file has a header but no rows", None, sheet.header_row + 1))
    handler.finish(errors)
    steps.check(0.6)
    if errors:
        return _done(result, started)
    if dry_run:
        result.would_write = len(handler.records)
        steps.report(1.0)
        return _done(result, started)
    with database.atomic(), ExitStack() as kept_off:
        for table in handler.kept_off():
            kept_off.enter_context(bulk.indexes_rebuilt(table))
        handler.write(now().isoformat(sep=" "), steps)
        touched = handler.touched_clients()
        redo = steps.recomputing
        if len(touched) > RECOMPUTE_ALL_FROM:
            outcome = recompute(as_of, staff=staff, progress=redo, should_cancel=should_cancel)
        else:
            outcome = recompute_clients(touched, as_of, staff=staff, progress=redo, should_cancel=should_cancel)
        result.recomputed, result.recompute_seconds = outcome.clients, outcome.seconds
        result.written = len(handler.records)
    steps.report(1.0)
    return _done(result, started)


def _done(result: ImportResult, started: float) -> ImportResult:
    result.errors.sort(key=lambda e: e.row or 0)
    result.seconds = clock.perf_counter() - started
    return result
