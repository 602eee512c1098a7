import csv
import io
import json
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifecrm_gui.services import contacts, importer, tabular
from lifecrm_gui.services.clients import create_client
from lifecrm_gui.services.importer import Cancelled, fast_mobile, import_file
from lifecrm_gui.store.models import Client, ClientSearch, ClientTag, Event, Order, Tag
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[2]
ZH_CLIENT_HEADER = ["编号", "姓名", "手机", "微信", "邮箱", "生日", "结婚纪念日", "来源", "推荐人", "标签", "需求",
                    "客户类型", "营销同意", "备注"]


def write_csv(path: Path, rows, encoding="utf-8", delimiter=",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def problems(result):
    return [(e.row, e.field, e.value) for e in result.errors]


def client_by_ref(ref):
    return Client.get(Client.ref == ref)


# -- encodings, formats and headers ------------------------------------------------------------

ZH_ROWS = [ZH_CLIENT_HEADER,
           ["K1", "王小明", "138 0013 8000", "wx_wang01", "wang@example.com", "1990-05-01", "2015/10/1", "朋友推荐",
            "K2", "VIP、老客户", "婚纱照、全家福", "个人客户", "是", "喜欢胶片"],
           ["K2", "欧阳娜娜", "+86 139-0013-9000", "", "", "1988年3月2日", "", "社交媒体", "", "", "", "", "否", ""]]


@pytest.mark.parametrize("encoding, delimiter", [("utf-8", ","), ("utf-8-sig", ","), ("gb18030", ","),
                                                 ("utf-16", "\t"), ("utf-16", ",")])
def test_clients_import_from_csv_in_every_encoding(db, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "clients.csv", ZH_ROWS, encoding, delimiter)
    result = import_file("clients", path, as_of=AS_OF)
    assert problems(result) == []
    assert (result.rows, result.written) == (2, 2)
    wang = client_by_ref("K1")
    assert wang.name == "王小明" and wang.phone == "+8613800138000" and wang.wechat == "wx_wang01"
    assert wang.birthday == date(1990, 5, 1) and wang.wedding_date == date(2015, 10, 1)
    assert (wang.source, wang.needs, wang.kind, wang.notes) == ("referral", "wedding_portrait,family",
                                                               "individual", "喜欢胶片")
    assert wang.consent and wang.consent_on == AS_OF
    assert wang.referred_by.name == "欧阳娜娜"
    assert sorted(t.name for t in Tag.select().join(ClientTag).where(ClientTag.client == wang.id)) == ["VIP", "老客户"]
    ouyang = client_by_ref("K2")
    assert ouyang.phone == "+8613900139000" and ouyang.birthday == date(1988, 3, 2) and not ouyang.consent
    assert "ouyangnana" in ClientSearch.get_by_id(ouyang.id).text


def test_the_detected_encoding_is_reported(db, tmp_path):
    for encoding, expected in (("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"),
                               ("utf-16", "utf-16")):
        path = write_csv(tmp_path / f"{encoding}.csv", ZH_ROWS, encoding)
        assert import_file("clients", path, dry_run=True, as_of=AS_OF).encoding == expected


def test_clients_import_from_xlsx_with_typed_cells(db, tmp_path):
    rows = [["Name", "Phone", "Birthday", "Followers", "Consent", "Wedding Date"],
            ["Alice Chen", 13800138000, datetime(1991, 2, 3), 1200.0, True, date(2016, 5, 20)]]
    result = import_file("clients", write_xlsx(tmp_path / "clients.xlsx", rows), as_of=AS_OF)
    assert problems(result) == [] and result.format == "xlsx"
    alice = Client.get(Client.name == "Alice Chen")
    assert (alice.phone, alice.birthday, alice.followers, alice.consent, alice.wedding_date) == (
        "+8613800138000", date(1991, 2, 3), 1200, True, date(2016, 5, 20))


def test_english_headers_match_whatever_the_case_and_spacing(db, tmp_path):
    rows = [["REF", "name", "Phone", "WeChat", "E-mail", "wedding date", "Referred By", "Contact Person", "KIND",
             "industry", "Tags"],
            ["E1", "Lumière Studio", "13800138001", "lumiere_pr", "hi@lumiere.cn", "", "", "陈经理", "Enterprise",
             "PR agency", "press; brand"]]
    result = import_file("clients", write_csv(tmp_path / "en.csv", rows), as_of=AS_OF)
    assert problems(result) == []
    client = client_by_ref("E1")
    assert (client.kind, client.industry, client.contact_person, client.email) == (
        "enterprise", "pr", "陈经理", "hi@lumiere.cn")
    assert sorted(t.name for t in Tag.select()) == ["brand", "press"]


def test_an_unknown_column_is_named_and_nothing_is_read(db, tmp_path):
    rows = [["姓名", "手机", "生肖"], ["王小明", "13800138000", "龙"]]
    result = import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF)
    assert problems(result) == [(1, "生肖", "生肖")]
    assert "unknown column" in result.errors[0].message and "name/姓名" in result.errors[0].message
    assert result.written == 0 and Client.select().count() == 0


def test_a_missing_required_column_and_a_column_given_twice_are_errors(db, tmp_path):
    result = import_file("clients", write_csv(tmp_path / "c.csv", [["手机", "电话"], ["13800138000", "x"]]),
                         as_of=AS_OF)
    assert {(e.row, e.field) for e in result.errors} == {(1, "电话"), (1, "name/姓名")}
    assert Client.select().count() == 0


def test_the_derived_columns_an_export_adds_are_ignored(db, tmp_path):
    rows = [["姓名", "阶段", "星级", "累计消费", "终身价值"], ["王小明", "忠诚客户", "七星", "99999.00", "1.00"]]
    result = import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF)
    assert problems(result) == []
    wang = Client.get(Client.name == "王小明")
    assert (wang.stage, wang.tier, wang.spend) == ("lead", 0, 0)


def test_line_numbers_count_blank_lines_and_quoted_line_breaks_as_a_spreadsheet_does(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('姓名,邮箱\n"王小明","a@b.cn"\n\n"李\n华",bad\n', encoding="utf-8")
    result = import_file("clients", path, as_of=AS_OF)
    assert problems(result) == [(4, "邮箱", "bad")]


# -- all or nothing ----------------------------------------------------------------------------

BAD_ROWS = [ZH_CLIENT_HEADER,
            ["A1", "王一", "13800000001", "", "", "", "", "", "", "", "", "", "", ""],
            ["A2", "", "12345", "", "not-an-email", "", "", "", "", "", "", "", "", ""],
            ["A3", "王三", "13800000003", "", "", "1990-02-30", "", "火星", "", "", "太空照", "", "", ""],
            ["A4", "王四", "13800000004", "", "", "", "", "", "A9", "", "", "外星人", "", ""],
            ["A5", "王五", "13800000005", "", "", "", "", "", "", "", "", "", "", ""]]
BAD_EXPECTED = [(3, "姓名", ""), (3, "手机", "12345"), (3, "邮箱", "not-an-email"), (4, "生日", "1990-02-30"),
                (4, "来源", "火星"), (4, "需求", "太空照"), (5, "客户类型", "外星人"), (5, "推荐人", "A9")]


@pytest.mark.parametrize("dry_run", [False, True])
def test_any_bad_row_means_nothing_is_written_and_every_problem_is_listed(db, tmp_path, dry_run):
    result = import_file("clients", write_csv(tmp_path / "c.csv", BAD_ROWS), dry_run=dry_run, as_of=AS_OF)
    assert sorted(problems(result)) == sorted(BAD_EXPECTED)
    assert all(e.message for e in result.errors)
    assert result.rows == 5 and result.written == 0
    assert Client.select().count() == 0 and Event.select().count() == 0 and Tag.select().count() == 0


def test_the_reasons_say_what_is_wrong(db, tmp_path):
    result = import_file("clients", write_csv(tmp_path / "c.csv", BAD_ROWS), as_of=AS_OF)
    reasons = {(e.row, e.field): e.message for e in result.errors}
    assert reasons[(3, "姓名")] == "a name is required"
    assert reasons[(4, "生日")].startswith("not a date")
    assert "no client" in reasons[(5, "推荐人")]


def test_a_dry_run_of_a_good_file_checks_every_row_and_writes_nothing(db, tmp_path):
    result = import_file("clients", write_csv(tmp_path / "c.csv", ZH_ROWS), dry_run=True, as_of=AS_OF)
    assert (result.rows, result.written, result.would_write, result.errors) == (2, 0, 2, [])
    assert Client.select().count() == 0


def test_contacts_already_in_the_database_or_earlier_in_the_file_are_duplicates(db, tmp_path):
    existing = create_client({"name": "老客户", "phone": "13800138000", "wechat": "wx_laoke"}, as_of=AS_OF)
    rows = [["姓名", "手机", "微信", "邮箱", "编号"],
            ["甲", "138-0013-8000", "", "", ""],
            ["乙", "13900000001", "wx_laoke", "yi@example.com", "R1"],
            ["丙", "13900000002", "", "", "R2"],
            ["丁", "+86 139 0000 0002", "", "YI@example.com", "R2"]]
    result = import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF)
    by_place = {(e.row, e.field): e.message for e in result.errors}
    assert set(by_place) == {(2, "手机"), (3, "微信"), (5, "手机"), (5, "编号")}
    assert by_place[(2, "手机")] == f"already belongs to 老客户 (#{existing})"
    assert by_place[(5, "手机")] == "already on line 4 (丙)"
    assert by_place[(5, "编号")] == "already on line 4"
    assert Client.select().count() == 1


# -- referrals ---------------------------------------------------------------------------------

def test_a_referrer_named_by_ref_later_in_the_file_or_by_phone(db, tmp_path):
    rows = [["编号", "姓名", "手机", "推荐人"],
            ["R1", "甲", "13900000001", "R3"],
            ["R2", "乙", "13900000002", "139 0000 0001"],
            ["R3", "丙", "13900000003", ""]]
    result = import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF)
    assert problems(result) == []
    assert client_by_ref("R1").referred_by.ref == "R3"
    assert client_by_ref("R2").referred_by.ref == "R1"
    assert client_by_ref("R3").referred_by is None
    assert client_by_ref("R3").client_class == "potential"  # a referral makes a potential client


def test_a_referrer_in_the_database_is_re_derived_too(db, tmp_path):
    referrer = create_client({"name": "老客户", "phone": "13800138000", "ref": "OLD"}, as_of=AS_OF)
    assert Client.get_by_id(referrer).client_class == "general"
    rows = [["姓名", "推荐人"], ["新客户", "OLD"], ["另一位", "138 0013 8000"]]
    result = import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF)
    assert problems(result) == []
    assert {c.referred_by_id for c in Client.select().where(Client.id != referrer)} == {referrer}
    assert Client.get_by_id(referrer).client_class == "potential"


@pytest.mark.parametrize("links", [{"R1": "R2", "R2": "R3", "R3": "R1"}, {"R1": "R1"}])
def test_a_referral_cycle_in_the_file_is_refused(db, tmp_path, links):
    rows = [["编号", "姓名", "推荐人"]] + [[ref, f"客户{ref}", links.get(ref, "")] for ref in ("R1", "R2", "R3")]
    result = import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF)
    cycle_rows = {2 + int(ref[1]) - 1 for ref in links}
    assert {(e.row, e.field) for e in result.errors} == {(row, "推荐人") for row in cycle_rows}
    assert all("cycle" in e.message or "own referrer" in e.message for e in result.errors)
    assert Client.select().count() == 0


def test_a_referrer_error_is_reported_beside_other_bad_rows(db, tmp_path):
    rows = [["编号", "姓名", "推荐人", "邮箱"], ["R1", "甲", "NOPE", ""], ["R2", "乙", "", "bad"]]
    result = import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF)
    assert problems(result) == [(2, "推荐人", "NOPE"), (3, "邮箱", "bad")]


# -- orders ------------------------------------------------------------------------------------

@pytest.fixture
def studio(db):
    ids = {"wang": create_client({"name": "王小明", "phone": "13800138000", "ref": "C1"}, as_of=AS_OF),
           "li": create_client({"name": "李华", "phone": "13900139000", "ref": "C2"}, as_of=AS_OF),
           "zhao": create_client({"name": "赵四", "phone": "13700137000"}, as_of=AS_OF)}
    return ids


ORDER_HEADER = ["客户编号", "手机", "下单日期", "类别", "套餐", "金额", "实付", "状态", "拍摄日期", "备注"]


def test_duplicate_order_rows_and_zero_amounts_are_kept(studio, tmp_path):
    same = ["C1", "", "2026-01-05", "婚纱照", "A套餐", "3999", "3999", "已交付", "2026-01-20", ""]
    rows = [ORDER_HEADER, same, same, ["", "137 0013 7000", "2026-02-01", "", "赠送", "0", "", "已拍摄", "", "老客户回馈"]]
    result = import_file("orders", write_csv(tmp_path / "o.csv", rows), as_of=AS_OF)
    assert problems(result) == [] and result.written == 3
    assert Order.select().where(Order.client == studio["wang"]).count() == 2
    free = Order.get(Order.client == studio["zhao"])
    assert (free.amount, free.paid, free.status, free.package, free.note) == (0, 0, "shot", "赠送", "老客户回馈")
    wang = Client.get_by_id(studio["wang"])
    assert (wang.order_count, wang.spend, wang.stage) == (2, 799800, "active")


def test_orders_for_unknown_clients_are_reported_with_their_line(studio, tmp_path):
    rows = [ORDER_HEADER,
            ["C1", "", "2026-01-05", "", "", "100", "", "", "", ""],
            ["C404", "", "2026-01-05", "", "", "100", "", "", "", ""],
            ["", "13600000000", "2026-01-05", "", "", "100", "", "", "", ""],
            ["", "", "2026-01-05", "", "", "100", "", "", "", ""],
            ["C1", "13900139000", "2026-01-05", "", "", "100", "", "", "", ""]]
    result = import_file("orders", write_csv(tmp_path / "o.csv", rows), as_of=AS_OF)
    assert problems(result) == [(3, "客户编号", "C404"), (4, "手机", "13600000000"), (5, "客户编号", ""),
                                (6, "手机", "13900139000")]
    assert Order.select().count() == 0


def test_bad_order_values_are_reported_in_the_words_of_the_order_form(studio, tmp_path):
    rows = [ORDER_HEADER,
            ["C1", "", "2026-13-01", "太空照", "", "abc", "", "想想", "soon", ""],
            ["C1", "", "", "", "", "100", "200", "", "", ""]]
    result = import_file("orders", write_csv(tmp_path / "o.csv", rows), as_of=AS_OF)
    reasons = {(e.row, e.field): e.message for e in result.errors}
    assert set(reasons) == {(2, "下单日期"), (2, "类别"), (2, "金额"), (2, "状态"), (2, "拍摄日期"), (3, "下单日期"),
                            (3, "实付")}
    assert reasons[(2, "金额")] == "not an amount"
    assert reasons[(3, "实付")] == "more than the amount"
    assert reasons[(3, "下单日期")] == "a date is required"


def test_a_cancelled_order_is_kept_but_does_not_count(studio, tmp_path):
    rows = [ORDER_HEADER,
            ["C1", "", "2026-03-01", "全家福", "", "2000", "2000", "已交付", "", ""],
            ["C1", "", "2026-04-01", "全家福", "", "5000", "1000", "已取消", "", ""],
            ["C2", "", "2026-04-01", "全家福", "", "5000", "500", "cancelled", "", ""]]
    result = import_file("orders", write_csv(tmp_path / "o.csv", rows), as_of=AS_OF)
    assert problems(result) == [] and Order.select().count() == 3
    wang, li = Client.get_by_id(studio["wang"]), Client.get_by_id(studio["li"])
    assert (wang.order_count, wang.spend, wang.stage) == (1, 200000, "new")
    assert (li.order_count, li.spend, li.stage) == (0, 0, "lead")
    assert Order.get(Order.client == studio["li"]).status == "cancelled"


def test_orders_from_xlsx_with_date_and_number_cells(studio, tmp_path):
    rows = [["client_ref", "ordered_on", "amount", "paid", "status"],
            ["C1", datetime(2026, 5, 4), 1999.5, 1999.5, "delivered"]]
    result = import_file("orders", write_xlsx(tmp_path / "o.xlsx", rows), as_of=AS_OF)
    assert problems(result) == []
    order = Order.get()
    assert (order.ordered_on, order.amount, order.paid) == (date(2026, 5, 4), 199950, 199950)


# -- events ------------------------------------------------------------------------------------

def test_events_in_chinese_and_english_kinds(studio, tmp_path):
    rows = [["客户编号", "时间", "类型", "内容", "员工", "满意度"],
            ["C2", "2026-06-01 14:30", "咨询", "问婚纱照价格", "小美", ""],
            ["C2", "2026-06-02", "Feedback", "很满意", "", "5"],
            ["C1", "2026/6/3 9:05", "备注", "内部备注", "", ""]]
    result = import_file("events", write_csv(tmp_path / "e.csv", rows), as_of=AS_OF)
    assert problems(result) == [] and result.written == 3
    events = {e.kind: e for e in Event.select().where(Event.kind != "stage_change")}
    assert events["inquiry"].occurred_at == datetime(2026, 6, 1, 14, 30) and events["inquiry"].staff == "小美"
    assert events["feedback"].satisfaction == 5 and events["feedback"].occurred_at == datetime(2026, 6, 2, 12)
    assert events["inquiry"].is_activity and not events["note"].is_activity
    assert Client.get_by_id(studio["li"]).stage == "prospect"
    assert Client.get_by_id(studio["wang"]).stage == "lead"  # a note is not client activity


def test_bad_events_are_listed(studio, tmp_path):
    rows = [["client_ref", "occurred_at", "kind", "satisfaction"],
            ["C1", "yesterday", "inquiry", ""],
            ["C1", "2026-06-01", "阶段变更", ""],
            ["C1", "2026-06-01", "party", "9"],
            ["C1", "2026-06-01", "订单", ""]]
    result = import_file("events", write_csv(tmp_path / "e.csv", rows), as_of=AS_OF)
    assert problems(result) == [(2, "occurred_at", "yesterday"), (3, "kind", "阶段变更"), (4, "kind", "party"),
                                (4, "satisfaction", "9"), (5, "kind", "订单")]
    assert Event.select().where(Event.kind != "stage_change").count() == 0


def test_the_timeline_and_the_import_refuse_a_touch_in_the_same_words(studio, tmp_path):
    from lifecrm_gui.services.errors import ValidationError
    from lifecrm_gui.services.timeline import log_event

    long_text = "很" * 5000
    with pytest.raises(ValidationError) as raised:
        log_event(studio["li"], "阶段变更", long_text, satisfaction="9", as_of=AS_OF)
    by_hand = sorted((e.field, e.message) for e in raised.value.errors)
    rows = [["client_ref", "occurred_at", "kind", "text", "satisfaction"], ["C2", "2026-06-01", "阶段变更", long_text, "9"]]
    imported = import_file("events", write_csv(tmp_path / "e.csv", rows), as_of=AS_OF)
    assert sorted((e.field, e.message) for e in imported.errors) == by_hand
    assert [field for field, _message in by_hand] == ["kind", "satisfaction", "text"]
    assert "recorded by LifeCRM itself" in dict(by_hand)["kind"]


# -- hostile files -----------------------------------------------------------------------------

def test_a_huge_field_is_refused_without_reading_on(db, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text('姓名,备注\n王小明,ok\n李华,"' + "x" * 200_000 + '\n' + "赵四,ok\n" * 1000, encoding="utf-8")
    result = import_file("clients", path, as_of=AS_OF)
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.row == 3 and "longer than 10,000 characters" in error.message
    assert result.rows == 1 and Client.select().count() == 0


def test_a_huge_line_is_refused(db, tmp_path):
    path = tmp_path / "line.csv"
    path.write_text("姓名\n" + "x" * (tabular.MAX_LINE_CHARS + 10) + "\n", encoding="utf-8")
    result = import_file("clients", path, as_of=AS_OF)
    assert [e.row for e in result.errors] == [2] and "line is longer" in result.errors[0].message


def test_a_long_cell_in_a_workbook_is_refused(db, tmp_path):
    path = write_xlsx(tmp_path / "long.xlsx", [["姓名", "备注"], ["王小明", "y" * 20_000]])
    result = import_file("clients", path, as_of=AS_OF)
    assert problems(result) == [(2, "备注", "y" * 40 + "…")]


def _bomb(path: Path, member: str, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, b"<row>" + b" " * size + b"</row>")
    return path


def test_a_zip_bomb_workbook_is_refused_before_it_is_opened(db, tmp_path, monkeypatch):
    import openpyxl

    def must_not_open(*args, **kwargs):
        raise AssertionError("openpyxl opened the bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", must_not_open)
    result = import_file("clients", _bomb(tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", 40_000_000),
                         as_of=AS_OF)
    assert len(result.errors) == 1 and "zip bomb" in result.errors[0].message
    assert result.errors[0].field == "bomb.xlsx" and Client.select().count() == 0


def test_a_workbook_inflating_beyond_the_cap_is_refused(db, tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_XLSX_UNCOMPRESSED", 1_000_000)
    path = tmp_path / "big.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"x" * 1_100_000)
    result = import_file("clients", path, as_of=AS_OF)
    assert "would inflate" in result.errors[0].message


def _with_dimension(path: Path, ref: str) -> Path:
    """The workbook with its sheet's declared dimension replaced."""
    source = zipfile.ZipFile(path)
    target_path = path.with_name("declared-" + path.name)
    with zipfile.ZipFile(target_path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index("<dimension ref=\"") + len("<dimension ref=\"")
                data = (text[:start] + ref + text[text.index("\"", start):]).encode()
            target.writestr(item, data)
    source.close()
    return target_path


def test_a_workbook_declaring_millions_of_rows_is_refused(db, tmp_path):
    path = _with_dimension(write_xlsx(tmp_path / "d.xlsx", [["姓名"], ["王小明"]]), "A1:C9000000")
    result = import_file("clients", path, as_of=AS_OF)
    assert "declares 9,000,000 rows" in result.errors[0].message


def test_a_wrong_small_declared_dimension_does_not_drop_rows(db, tmp_path):
    path = _with_dimension(write_xlsx(tmp_path / "d.xlsx", [["姓名"], ["王小明"], ["李华"]]), "A1:A1")
    result = import_file("clients", path, as_of=AS_OF)
    assert problems(result) == [] and result.written == 2


def test_rows_beyond_the_cap_are_counted_even_when_the_sheet_understates_its_size(db, tmp_path, monkeypatch):
    rows = [["姓名"]] + [[f"客户{i}"] for i in range(6)]
    path = _with_dimension(write_xlsx(tmp_path / "d.xlsx", rows), "A1:A1")
    monkeypatch.setattr(tabular, "MAX_ROWS", 3)
    result = import_file("clients", path, as_of=AS_OF)
    assert "more than 3 rows" in result.errors[0].message and Client.select().count() == 0


def test_the_process_wide_csv_field_limit_is_put_back(db, tmp_path):
    before = csv.field_size_limit()
    import_file("clients", write_csv(tmp_path / "c.csv", ZH_ROWS), as_of=AS_OF)
    path = tmp_path / "huge.csv"
    path.write_text('姓名\n"' + "x" * 20_000 + '"\n', encoding="utf-8")
    assert import_file("clients", path, as_of=AS_OF).errors
    assert csv.field_size_limit() == before


def test_too_big_a_file_and_too_many_rows_are_refused(db, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "c.csv", [["姓名"]] + [[f"客户{i}"] for i in range(10)])
    monkeypatch.setattr(tabular, "MAX_ROWS", 5)
    result = import_file("clients", path, as_of=AS_OF)
    assert [e.row for e in result.errors] == [7] and "more than 5 rows" in result.errors[0].message
    monkeypatch.setattr(tabular, "MAX_FILE_BYTES", 10)
    result = import_file("clients", path, as_of=AS_OF)
    assert "split it into smaller files" in result.errors[0].message and result.rows == 0
    assert Client.select().count() == 0


def test_text_in_no_known_encoding_and_binary_files_are_refused(db, tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes("姓名\n".encode() + b"\xff\xfe\xfd\x80\x80")
    assert "neither UTF-8 nor GB18030" in import_file("clients", path, as_of=AS_OF).errors[0].message
    path.write_bytes("姓名\n王\n".encode("utf-16-le"))
    assert "NUL bytes" in import_file("clients", path, as_of=AS_OF).errors[0].message
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert ".xlsx or CSV" in import_file("clients", old, as_of=AS_OF).errors[0].message


def test_an_empty_file_and_a_header_without_rows(db, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "empty" in import_file("clients", empty, as_of=AS_OF).errors[0].message
    header_only = write_csv(tmp_path / "h.csv", [["姓名"]])
    assert "no rows" in import_file("clients", header_only, as_of=AS_OF).errors[0].message


def test_a_value_in_a_column_without_a_header_is_an_error(db, tmp_path):
    path = write_csv(tmp_path / "c.csv", [["姓名", "", "手机"], ["王小明", "?", "13800138000", "extra"]])
    result = import_file("clients", path, as_of=AS_OF)
    assert problems(result) == [(2, "column 4", "extra"), (2, "column 2", "?")]


# -- the window's worker: progress and cancel ---------------------------------------------------

def test_progress_runs_to_the_end(db, tmp_path):
    seen = []
    import_file("clients", write_csv(tmp_path / "c.csv", ZH_ROWS), as_of=AS_OF,
                progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancelling_during_the_write_leaves_nothing_written(db, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "_BATCH", 2)
    rows = [["姓名", "手机"]] + [[f"客户{i}", f"1390000{i:04d}"] for i in range(10)]
    seen = []
    with pytest.raises(Cancelled):
        import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF,
                    progress=lambda done, total: seen.append(done), should_cancel=lambda: bool(seen) and seen[-1] > 60)
    assert Client.select().count() == 0 and Tag.select().count() == 0


def indexes():
    from lifecrm_gui.store.models import database

    return sorted(database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())


def test_an_import_that_doubles_a_table_rebuilds_the_indexes_it_dropped(studio, tmp_path, monkeypatch):
    from lifecrm_gui.store.models import database

    before = indexes()
    monkeypatch.setattr(importer, "REBUILD_INDEXES_FROM", 1)
    rows = [["编号", "姓名", "手机", "推荐人"], ["N1", "甲", "13900000001", "N3"], ["N2", "乙", "13900000002", "C1"],
            ["N3", "丙", "13900000003", ""], ["N4", "丁", "13900000004", "N1"]]
    assert import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF).errors == []
    orders = [ORDER_HEADER] + [["N1", "", "2026-01-05", "", "", "100", "100", "", "", ""]] * 5
    assert import_file("orders", write_csv(tmp_path / "o.csv", orders), as_of=AS_OF).written == 5
    assert indexes() == before
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [c.referred_by.ref if c.referred_by else None for c in Client.select().where(Client.ref.startswith("N"))
            .order_by(Client.ref)] == ["N3", "C1", None, "N1"]
    assert Client.get(Client.ref == "N1").stage == "loyal"
    assert [c.name for c in Client.select().join(ClientSearch).where(ClientSearch.text.contains("jia"))] == ["甲"]


def test_a_cancelled_import_leaves_the_indexes_as_they_were(studio, tmp_path, monkeypatch):
    before = indexes()
    monkeypatch.setattr(importer, "REBUILD_INDEXES_FROM", 1)
    monkeypatch.setattr(importer, "_BATCH", 2)
    orders = [ORDER_HEADER] + [["C1", "", "2026-01-05", "", "", "100", "100", "", "", ""]] * 9
    seen = []
    with pytest.raises(Cancelled):
        import_file("orders", write_csv(tmp_path / "o.csv", orders), as_of=AS_OF,
                    progress=lambda done, total: seen.append(done), should_cancel=lambda: bool(seen) and seen[-1] > 70)
    assert indexes() == before and Order.select().count() == 0


def test_many_clients_are_re_derived_as_a_whole_studio(db, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "RECOMPUTE_ALL_FROM", 2)
    existing = create_client({"name": "老客户", "ref": "OLD"}, as_of=AS_OF)
    rows = [["编号", "姓名", "推荐人"], ["N1", "甲", "OLD"], ["N2", "乙", ""], ["N3", "丙", ""]]
    result = import_file("clients", write_csv(tmp_path / "c.csv", rows), as_of=AS_OF)
    assert problems(result) == [] and result.recomputed == 4
    assert {c.stage for c in Client.select()} == {"lead"}
    assert Client.get_by_id(existing).client_class == "potential"


# -- the phone fast path -----------------------------------------------------------------------

@given(st.from_regex(r"1[0-9]{10}", fullmatch=True),
       st.sampled_from(["{}", "+86 {}", " {} ", "+86-{}", "0086{}", "(+86){}"]))
def test_the_mobile_fast_path_agrees_with_phonenumbers(digits, form):
    text = form.format(digits)
    try:
        expected = contacts.normalise_phone(text)
    except ValueError:
        expected = None
    fast = fast_mobile(text.strip())
    assert fast is None or fast == expected
    checked = importer._phone(text.strip())
    assert (checked if isinstance(checked, str) else None) == expected


def test_common_mobiles_take_the_fast_path():
    assert fast_mobile("138 0013 8000") == "+8613800138000"
    assert fast_mobile("+86 199-1234-5678") == "+8619912345678"
    assert fast_mobile("010 1234 5678") is None


# -- the command line --------------------------------------------------------------------------

def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "lifecrm_gui", *map(str, args)], check=False, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_the_command_line_imports_and_exits_zero(tmp_path):
    database = tmp_path / "cli.sqlite3"
    good = write_csv(tmp_path / "good.csv", ZH_ROWS)
    dry = run_cli("import", "clients", good, "--db", database, "--dry-run", "--as-of", "2026-06-30")
    assert dry.returncode == 0 and "would import" in dry.stdout
    done = run_cli("import", "clients", good, "--db", database, "--as-of", "2026-06-30", "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert (data["rows"], data["written"], data["errors"], data["encoding"]) == (2, 2, [], "utf-8")
    shown = run_cli("show", "K1", "--db", database, "--as-of", "2026-06-30")
    assert "王小明" in shown.stdout


def test_the_command_line_lists_the_problems_and_exits_one(tmp_path):
    database = tmp_path / "cli.sqlite3"
    bad = write_csv(tmp_path / "bad.csv", BAD_ROWS)
    text = run_cli("import", "clients", bad, "--db", database)
    assert text.returncode == 1
    assert "8 problem(s); nothing was written." in text.stdout and "line 4, 来源" in text.stdout
    as_json = run_cli("import", "clients", bad, "--db", database, "--json")
    assert as_json.returncode == 1
    errors = json.loads(as_json.stdout)["errors"]
    assert sorted((e["row"], e["field"], e["value"]) for e in errors) == sorted(BAD_EXPECTED)
    count = run_cli("stats", "--db", database, "--json")
    assert json.loads(count.stdout)["clients"] == 0
