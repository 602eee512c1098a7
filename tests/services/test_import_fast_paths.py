"""The clients import's shortcut for the cells clean_client checks per row (name, free
text, WeChat id, email) stores exactly what clean_client would, and gives way to it
whenever a cell is wrong, so that the reasons stay clean_client's."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lifecrm_gui.services import importer, tabular
from lifecrm_gui.services.clients import MAX_TEXT, clean_client
from tests.conftest import AS_OF

FIELDS = ("name", "contact_person", "salutation", "gender", "address", "notes", "source_detail", "wechat", "email")
SHORT = st.text(alphabet="王芳 \t\u3000ab_-@.1", max_size=12)
CELL = st.one_of(SHORT, st.just(""), st.just("   "),
                 st.sampled_from(["wx_wang01", "wang@example.COM", "13800138000", "a@b", "1wx", "王@例子.中国"]),
                 st.integers(MAX_TEXT - 1, MAX_TEXT + 1).map(lambda n: "字" * n))


def clients_handler():
    table = tabular.Table("csv", "utf-8", list(FIELDS), 1, iter(()), 0)
    errors = []
    sheet = importer._Sheet("clients", table, errors)
    assert not errors
    return importer._Clients(sheet, AS_OF)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(CELL, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_the_per_row_shortcut_stores_what_clean_client_stores(db, cells):
    handler = clients_handler()
    cells = [*cells, ""]
    record = handler.template.copy()
    values = handler._plain_cells(cells, record)

    data = {"name": cells[0]}
    data.update((name, cells[i]) for i, name in enumerate(FIELDS) if i and cells[i])
    expected_values, problems = clean_client(data, partial=True)
    expected = handler.template.copy()
    for name, value in expected_values.items():
        if value is not None:
            expected[importer._SLOT[name]] = value
    if problems:
        assert values is None
    else:
        assert values is not None
        assert record == expected
        assert {name: expected_values.get(name) for name in values} == values
        assert all(expected_values.get(name) is None for name in ("wechat", "email") if name not in values)


def test_a_bad_cell_takes_clean_client_s_words(db, tmp_path):
    path = tmp_path / "clients.csv"
    path.write_text("name,wechat,notes\n王芳,1wx,ok\n,wx_wang01,\n李娜,wx_lina01," + "字" * (MAX_TEXT + 1) + "\n",
                    encoding="utf-8")
    result = importer.import_file("clients", path, as_of=AS_OF)
    assert [(e.row, e.field, e.message) for e in result.errors] == [
        (2, "wechat", "not a WeChat id (6-20 letters, digits, - or _, starting with a letter)"),
        (3, "name", "a name is required"),
        (4, "notes", f"longer than {MAX_TEXT} characters")]


# -- orders, a batch of rows at a time -------------------------------------------------------------

ORDER_FIELDS = ["client_ref", "phone", "ordered_on", "category", "package", "amount", "paid", "status", "shoot_on",
                "note"]
ORDER_ROW = st.tuples(st.sampled_from(["C1", "C2", "", "X9", " C1"]),
                      st.sampled_from(["", "13800138000", "138 0013 8000", "13900139000", "13700137000", "12345",
                                       "13600000000"]),
                      st.sampled_from(["2026-01-05", "2026/1/5", "", "bad"]),
                      st.sampled_from(["", "婚纱照", "wedding", "x"]),
                      st.sampled_from(["", " 套餐 "]),
                      st.sampled_from(["100", "0", "1,000.50", "", "-5", "abc"]),
                      st.sampled_from(["", "100", "2000"]),
                      st.sampled_from(["", "已交付", "cancelled", "nope"]),
                      st.sampled_from(["", "2026-02-01", "2026-13-01"]),
                      st.sampled_from(["", " 备注 "]))


def orders_handler(header):
    table = tabular.Table("csv", "utf-8", list(header), 1, iter(()), 0)
    errors = []
    sheet = importer._Sheet("orders", table, errors)
    assert not errors
    return importer._Orders(sheet, AS_OF)


@pytest.fixture
def three_clients(db):
    from lifecrm_gui.services.clients import create_client

    for name, phone, ref in (("王小明", "13800138000", "C1"), ("李华", "13900139000", "C2"), ("赵四", "13700137000", None)):
        create_client({"name": name, "phone": phone, "ref": ref}, as_of=AS_OF)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ORDER_ROW, min_size=1, max_size=5), st.sampled_from([ORDER_FIELDS, ORDER_FIELDS[1:],
                                                                     [ORDER_FIELDS[0], *ORDER_FIELDS[2:]]]))
def test_the_client_of_an_order_row_is_the_one_resolve_names(three_clients, rows, header):
    """The row check's shortcuts (a known ref alone, a phone alone) agree with
    _ClientSide.resolve, which decides every other case and words every refusal."""
    handler = orders_handler(header)
    sheet, side = handler.sheet, handler.clients
    for line, row in enumerate(rows, 2):
        cells = [cell for name, cell in zip(ORDER_FIELDS, row) if name in header] + [""]
        errors, expected_errors = [], []
        written = len(handler.records)
        handler.add(line, list(cells), errors)
        ref, phone = cells[sheet.at("client_ref")].strip(), cells[sheet.at("phone")].strip()
        expected = side.resolve(ref, phone, sheet, line, expected_errors)
        if len(handler.records) > written:
            assert handler.records[-1][0] == expected and not expected_errors
        found = [(e.row, e.field, e.value, e.message) for e in errors]
        assert all((e.row, e.field, e.value, e.message) in found for e in expected_errors)
        if expected is None:
            assert len(handler.records) == written
