"""The Clients tab: search as you type, filters, sorting, the count, keyboard."""

from PySide6.QtCore import Qt

from lifecrm_gui.ui.client_list import CLIENT_ID_ROLE, COLUMN_KEYS, ClientListPage, ClientTableModel

from .conftest import add_client, add_inquiry, add_order


def names(page):
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def make_page(ctx, qtbot):
    page = ClientListPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitUntil(lambda: not page.model.is_refreshing())
    return page


def type_search(page, qtbot, text):
    """Type like a person; the list follows after the pause."""
    with qtbot.waitSignal(page.model.refreshed, timeout=3000):
        page.filters.search.clear()
        qtbot.keyClicks(page.filters.search, text)


def choose(page, qtbot, filter_name, key):
    combo = page.filters.combos[filter_name]
    with qtbot.waitSignal(page.model.refreshed, timeout=3000):
        combo.setCurrentIndex(combo.findData(key))


def test_search_by_initials_and_last_four_digits(ctx, qtbot):
    add_client("王芳", "13800138000")
    add_client("李娜", "13912345678")
    add_client("Wendy Fox", "13700001111")
    page = make_page(ctx, qtbot)
    assert sorted(names(page)) == ["Wendy Fox", "李娜", "王芳"]

    type_search(page, qtbot, "wf")
    assert names(page) == ["王芳"]
    type_search(page, qtbot, "wang fang")
    assert names(page) == []  # the spellings are stored without spaces
    type_search(page, qtbot, "wangfang")
    assert names(page) == ["王芳"]
    type_search(page, qtbot, "wendy")
    assert names(page) == ["Wendy Fox"]
    type_search(page, qtbot, "5678")
    assert names(page) == ["李娜"]
    type_search(page, qtbot, "139 1234 5678")
    assert names(page) == ["李娜"]
    type_search(page, qtbot, "zzz")
    assert names(page) == []
    assert page.stack.currentWidget() is page.empty_label
    assert "No client matches" in page.empty_label.text()


def test_the_list_follows_every_keystroke_and_ends_on_the_last(ctx, qtbot):
    add_client("王芳", "13800138000")
    add_client("李娜", "13912345678")
    add_client("刘丽", "13700001111")
    page = make_page(ctx, qtbot)
    page.filters.search.setText("l")
    assert names(page) == ["李娜", "刘丽"]  # filtered on the keystroke itself: no pause for typing
    with qtbot.waitSignal(page.model.refreshed, timeout=3000):
        page.filters.search.setText("li")
    qtbot.waitUntil(lambda: not page.model.is_refreshing(), timeout=3000)
    assert names(page) == ["李娜", "刘丽"]
    page.filters.search.setText("liu")
    qtbot.waitUntil(lambda: names(page) == ["刘丽"], timeout=3000)


def test_count_label_says_how_many_of_all(ctx, qtbot):
    for n in range(3):
        add_client(f"客户{n}", f"1380013800{n}")
    page = make_page(ctx, qtbot)
    assert page.count_label.text() == "3 of 3"
    type_search(page, qtbot, "13800138001")
    assert page.count_label.text() == "1 of 3"


def test_count_label_groups_thousands(ctx, qtbot):
    from lifecrm_gui.services.demo import generate_demo
    from lifecrm_gui.store.models import database
    from tests.conftest import AS_OF

    generate_demo(database.obj, 1234, seed=3, as_of=AS_OF)
    page = make_page(ctx, qtbot)
    assert page.count_label.text() == "1,234 of 1,234"
    # Painting reads the rows on screen, a page at a time: not all 1,234.
    qtbot.waitUntil(lambda: len(page.model._rows) > 0)
    assert len(page.model._rows) <= 400


def test_empty_database_says_how_to_start(ctx, qtbot):
    page = make_page(ctx, qtbot)
    assert page.count_label.text() == "0 of 0"
    assert page.stack.currentWidget() is page.empty_label
    assert "Ctrl+N" in page.empty_label.text()


def test_filters_by_stage_tier_and_source(ctx, qtbot):
    lead = add_client("张伟", "13800000001", source="walk_in")
    prospect = add_client("李强", "13800000002", source="referral")
    add_inquiry(prospect)
    buyer = add_client("赵敏", "13800000003", source="referral")
    add_order(buyer, 30, "6000")  # 三星: 5,000 to below 10,000 yuan
    page = make_page(ctx, qtbot)

    choose(page, qtbot, "stages", "prospect")
    assert names(page) == ["李强"]
    assert page.count_label.text() == "1 of 3"
    choose(page, qtbot, "stages", None)
    choose(page, qtbot, "tiers", 2)
    assert names(page) == ["赵敏"]
    choose(page, qtbot, "tiers", None)
    choose(page, qtbot, "sources", "referral")
    assert sorted(names(page)) == ["李强", "赵敏"]
    with qtbot.waitSignal(page.model.refreshed, timeout=3000):
        page.filters.clear_button.click()
    assert page.model.rowCount() == 3
    assert lead in [page.model.client_id(r) for r in range(3)]


def test_filter_by_needs_and_class(ctx, qtbot):
    add_client("周杰", "13800000011", needs=["family"])
    add_client("吴磊", "13800000012", needs=["wedding_portrait", "maternity"])
    page = make_page(ctx, qtbot)
    choose(page, qtbot, "needs", "maternity")
    assert names(page) == ["吴磊"]
    choose(page, qtbot, "needs", None)
    choose(page, qtbot, "classes", "key")
    assert names(page) == []


def test_sorting_by_column_headers(ctx, qtbot):
    small = add_client("陈晨", "13800000021")
    add_order(small, 10, "800")
    big = add_client("安娜", "13800000022")
    add_order(big, 10, "12000")
    add_client("张三", "13800000023")
    page = make_page(ctx, qtbot)
    assert names(page) == ["安娜", "陈晨", "张三"]  # by pinyin: an, chen, zhang

    spend = COLUMN_KEYS.index("spend")
    with qtbot.waitSignal(page.model.refreshed, timeout=3000):
        page.table.sortByColumn(spend, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["安娜", "陈晨", "张三"]
    with qtbot.waitSignal(page.model.refreshed, timeout=3000):
        page.table.sortByColumn(spend, Qt.SortOrder.AscendingOrder)
    assert names(page) == ["张三", "陈晨", "安娜"]
    assert page.model.index(0, spend).data() == "¥0"
    assert page.model.index(2, spend).data() == "¥12,000"

    with qtbot.waitSignal(page.model.refreshed, timeout=3000):
        page.table.sortByColumn(COLUMN_KEYS.index("phone"), Qt.SortOrder.DescendingOrder)
    assert names(page) == ["张三", "安娜", "陈晨"]


def test_columns_show_readable_values(ctx, qtbot):
    client = add_client("王芳", "13800138000", source="expo")
    add_order(client, 5, "16000")
    page = make_page(ctx, qtbot)
    row = {key: page.model.index(0, n).data() for n, key in enumerate(COLUMN_KEYS)}
    assert row["phone"] == "138 0013 8000"
    assert row["stage"] == "New client"
    assert row["tier"] == "5 stars"
    assert page.model.index(0, COLUMN_KEYS.index("stage")).data(Qt.ItemDataRole.UserRole) == "new"
    assert row["ltv_total"].startswith("¥")
    assert row["source"] == "Expo"
    headers = [page.model.headerData(n, Qt.Orientation.Horizontal) for n in range(len(COLUMN_KEYS))]
    assert headers == ["Name", "Phone", "Stage", "Tier", "Class", "Last activity", "Spend", "Lifetime value",
                       "Source", "Tags"]


def test_selection_and_enter(ctx, qtbot):
    first = add_client("安娜", "13800000031")
    second = add_client("陈晨", "13800000032")
    page = make_page(ctx, qtbot)
    with qtbot.waitSignal(ctx.clientSelected) as selected:
        page.focus_table()
    assert selected.args == [first]
    with qtbot.waitSignal(ctx.clientSelected) as selected:
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert selected.args == [second]
    with qtbot.waitSignal(page.openRequested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [second]


def test_down_arrow_in_search_moves_to_the_list(ctx, qtbot):
    add_client("安娜", "13800000041")
    page = make_page(ctx, qtbot)
    page.filters.search.setFocus()
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 0


def test_refreshes_when_clients_change_and_keeps_the_selection(ctx, qtbot):
    first = add_client("安娜", "13800000051")
    page = make_page(ctx, qtbot)
    page.select_client(first)
    new = add_client("贝贝", "13800000052")
    with qtbot.waitSignal(page.model.refreshed, timeout=3000):
        ctx.clientsChanged.emit([new])
    assert names(page) == ["安娜", "贝贝"]
    assert page.current_client() == first


def test_selection_from_elsewhere_is_shown(ctx, qtbot):
    add_client("安娜", "13800000061")
    other = add_client("贝贝", "13800000062")
    page = make_page(ctx, qtbot)
    ctx.clientSelected.emit(other)
    assert page.current_client() == other
    assert page.table.currentIndex().data(CLIENT_ID_ROLE) == other


def test_model_reads_a_search_without_a_view(ctx, qtbot):
    add_client("安娜", "13800000071")
    model = ClientTableModel(ctx)
    with qtbot.waitSignal(model.refreshed, timeout=3000):
        model.refresh()
    assert model.rowCount() == 1 and model.columnCount() == len(COLUMN_KEYS)
    assert model.total() == 1
