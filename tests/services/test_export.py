import codecs
import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifecrm_gui.services import tabular
from lifecrm_gui.services.clients import create_client, tags_of
from lifecrm_gui.services.contacts import display_phone
from lifecrm_gui.services.exporter import export_file, shown_phone
from lifecrm_gui.services.importer import import_file
from lifecrm_gui.services.timeline import add_order
from lifecrm_gui.store.db import close_database, open_database
from lifecrm_gui.store.models import Client, Order
from tests.conftest import AS_OF

HOSTILE = {"name": "=HYPERLINK(\"http://evil.example\",\"点我\")", "notes": "+1 打电话", "address": "-5层",
           "contact_person": "@老板", "source_detail": "'=已经引号"}


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def read_xlsx(path: Path):
    from openpyxl import load_workbook

    return load_workbook(path).active


@pytest.fixture
def hostile_client(db):
    client = create_client({**HOSTILE, "phone": "+1 650 253 0000", "followers": "12", "ref": "-7"}, as_of=AS_OF)
    add_order(client, {"ordered_on": "2026-05-01", "amount": "3999", "paid": "3999", "status": "delivered",
                       "package": "=SUM(A1:A9)", "note": "@note"}, as_of=AS_OF)
    return client


def test_csv_cells_a_spreadsheet_would_run_get_an_apostrophe(hostile_client, tmp_path):
    path = tmp_path / "clients.csv"
    assert export_file("clients", path, lang="zh") == 1
    header, row = read_csv(path)
    cell = dict(zip(header, row))
    assert cell["姓名"] == "'" + HOSTILE["name"]
    assert (cell["备注"], cell["地址"], cell["联系人"]) == ("'+1 打电话", "'-5层", "'@老板")
    assert cell["来源说明"] == "''=已经引号"
    assert cell["编号"] == "'-7"
    assert cell["手机"] == "'+1 650-253-0000"
    assert (cell["粉丝数"], cell["累计消费"], cell["订单数"]) == ("12", "3999.00", "1")


def test_xlsx_cells_are_text_never_formulas(hostile_client, tmp_path):
    path = tmp_path / "orders.xlsx"
    assert export_file("orders", path, lang="en") == 1
    sheet = read_xlsx(path)
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2])}
    assert all(c.data_type != "f" for line in sheet.iter_rows() for c in line)
    assert row["package"].value == "'=SUM(A1:A9)" and row["note"].value == "'@note"
    assert row["client_ref"].value == "'-7"
    assert row["amount"].value == 3999 and row["amount"].data_type == "n"
    assert row["ordered_on"].value.date() == date(2026, 5, 1)


def test_tab_and_carriage_return_starts_are_neutralised_and_numbers_left_alone(tmp_path):
    path = tmp_path / "t.csv"
    tabular.write_table(path, ["a", "b", "c", "d"], [["\tcmd", "\rcmd", -5, 2.5], ["-5", "x", 0, None]])
    assert read_csv(path)[1:] == [["'\tcmd", "'\rcmd", "-5", "2.5"], ["'-5", "x", "0", ""]]
    with tabular.open_table(path) as table:
        assert list(table.rows) == [(2, ["\tcmd", "\rcmd", "-5", "2.5"]), (3, ["-5", "x", "0", ""])]


def test_xlsx_keeps_numbers_as_numbers_and_text_as_text(tmp_path):
    path = tmp_path / "t.xlsx"
    tabular.write_table(path, ["a", "b", "c"], [["\tcmd", -5, 2.5], ["-5", 0, "@x"]])
    cells = [[(c.value, c.data_type) for c in row] for row in read_xlsx(path).iter_rows(min_row=2)]
    assert cells == [[("'\tcmd", "s"), (-5, "n"), (2.5, "n")], [("'-5", "s"), (0, "n"), ("'@x", "s")]]
    with tabular.open_table(path) as table:
        assert list(table.rows) == [(2, ["\tcmd", "-5", "2.5"]), (3, ["-5", "0", "@x"])]


def test_chinese_phones_are_shown_as_text_a_spreadsheet_keeps(db, tmp_path):
    create_client({"name": "王小明", "phone": "13800138000"}, as_of=AS_OF)
    path = tmp_path / "clients.csv"
    export_file("clients", path, lang="zh")
    assert read_csv(path)[1][7] == "138 0013 8000"


def test_csv_is_utf8_with_a_byte_order_mark(hostile_client, tmp_path):
    path = tmp_path / "clients.csv"
    export_file("clients", path, lang="zh")
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and raw[3:].decode("utf-8").startswith("编号,姓名")


def test_english_headers_on_request(hostile_client, tmp_path):
    path = tmp_path / "clients.csv"
    export_file("clients", path, lang="en")
    header = read_csv(path)[0]
    assert header[:3] == ["ref", "name", "kind"] and "lifetime_value" in header


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_failed_export_leaves_the_previous_file_untouched(tmp_path, suffix):
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"clients{suffix}"
    target.write_bytes(b"last week's export")

    def rows():
        yield ["王小明"]
        raise OSError("disk full")

    with pytest.raises(OSError):
        tabular.write_table(target, ["姓名"], rows())
    assert list(out.iterdir()) == [target] and target.read_bytes() == b"last week's export"
    with pytest.raises(ValueError):
        tabular.write_table(out / "clients.pdf", ["姓名"], [])
    assert list(out.iterdir()) == [target]


@given(st.text(max_size=12))
def test_neutralising_is_undone_exactly_on_reading(text):
    written = tabular.neutralise(text)
    assert not written or written[0] not in tabular.FORMULA_STARTS
    assert tabular.restore(written) == text


def test_the_display_form_of_a_phone_matches_the_profile(db):
    for number in ("+8613800138000", "+8619912345678", "+16502530000", "+861012345678", None):
        assert shown_phone(number) == display_phone(number)


# -- round trip --------------------------------------------------------------------------------

def build_studio():
    old = create_client({"name": "欧阳娜娜", "phone": "13900139000", "wechat": "wx_ouyang", "ref": "K1",
                         "kind": "individual", "birthday": "1988-03-02", "wedding_date": "2014-10-01",
                         "needs": ["wedding_portrait", "newborn"], "styles": ["film"], "source": "social",
                         "consent": True, "consent_on": "2025-01-02", "consent_channel": "wechat",
                         "tags": ["VIP", "老客户"], "notes": "多行\n备注, 含逗号", "followers": "5000",
                         "engagement": "120", "first_seen_on": "2020-02-02"}, as_of=AS_OF)
    create_client({"name": "王小明", "phone": "13800138000", "referred_by": old, "source": "referral",
                   "address": "上海市", "salutation": "王先生", "gender": "男", "birthday_lunar": True,
                   "birthday": "1990-05-01", "email": "wang@example.com"}, as_of=AS_OF)
    brand = create_client({"name": "Lumière 公关", "kind": "enterprise", "industry": "pr", "contact_person": "陈经理",
                           "email": "hi@lumiere.cn", "reputation_rank": "4", "annual_contract": True,
                           "influence_relevant": True, "ref": "E-1", "referred_by": old}, as_of=AS_OF)
    add_order(old, {"ordered_on": "2025-06-01", "category": "wedding_portrait", "package": "A套餐",
                    "amount": "8999.50", "paid": "8999.50", "status": "delivered", "shoot_on": "2025-06-20"},
              as_of=AS_OF)
    add_order(old, {"ordered_on": "2026-02-01", "amount": "0", "status": "shot", "note": "赠送"}, as_of=AS_OF)
    add_order(brand, {"ordered_on": "2026-03-01", "category": "product", "amount": "20000", "paid": "5000",
                      "status": "cancelled"}, as_of=AS_OF)
    add_order(brand, {"ordered_on": "2026-03-01", "category": "product", "amount": "20000", "paid": "5000",
                      "status": "booked"}, as_of=AS_OF)


PROFILE = ("ref", "name", "kind", "industry", "contact_person", "salutation", "gender", "phone", "phone_alt",
           "wechat", "email", "address", "birthday", "birthday_lunar", "wedding_date", "styles", "needs", "notes",
           "source", "source_detail", "first_seen_on", "followers", "engagement", "influence_relevant",
           "reputation_rank", "annual_contract", "consent", "consent_on", "consent_channel",
           "stage", "tier", "client_class", "order_count", "spend", "ltv_total")


def snapshot() -> dict:
    clients = {}
    for client in Client.select():
        clients[client.name] = ({f: getattr(client, f) for f in PROFILE},
                                client.referred_by.name if client.referred_by else None,
                                sorted(tags_of(client.id)))
    orders = sorted((o.client.name, o.ordered_on, o.category, o.package, o.amount, o.paid, o.status, o.shoot_on,
                     o.note) for o in Order.select())
    return {"clients": clients, "orders": orders}


@pytest.mark.parametrize("suffix, lang", [(".csv", "zh"), (".xlsx", "zh"), (".csv", "en")])
def test_an_export_imports_back_into_an_empty_database(db, tmp_path, suffix, lang):
    build_studio()
    before = snapshot()
    assert export_file("clients", tmp_path / f"clients{suffix}", lang=lang) == 3
    assert export_file("orders", tmp_path / f"orders{suffix}", lang=lang) == 4
    close_database()
    open_database(tmp_path / "empty.sqlite3")
    clients = import_file("clients", tmp_path / f"clients{suffix}", as_of=AS_OF)
    assert clients.errors == [] and clients.written == 3
    orders = import_file("orders", tmp_path / f"orders{suffix}", as_of=AS_OF)
    assert orders.errors == [] and orders.written == 4
    assert snapshot() == before
