"""File > Merge from another LifeCRM database: choose the laptop's file, merge on a
worker, read the summary, resolve the fields that differ."""

from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from lifecrm_gui.services import backups
from lifecrm_gui.services.clients import get_model
from lifecrm_gui.services.timeline import log_event
from lifecrm_gui.store import db as store_db
from lifecrm_gui.store.models import database
from lifecrm_gui.ui.merge_dialog import MergeDialog

from .conftest import add_client

WAIT_MS = 20_000


@pytest.fixture(autouse=True)
def no_scheduler_left():
    yield
    backups.stop()


@contextmanager
def using(path: Path):
    previous = Path(database.obj.database)
    store_db.close_database()
    store_db.open_database(path)
    try:
        yield
    finally:
        store_db.close_database()
        store_db.open_database(previous)


@pytest.fixture
def laptop(ctx, tmp_path):
    """A field laptop's database: 王芳 again (her phone typed differently, another
    name spelling, a new WeChat id and an inquiry) and a new lead."""
    add_client("王芳", "138 0013 8000")
    path = tmp_path / "expo-laptop.sqlite3"
    with using(path):
        fang = add_client("王芳芳", "+86 138-0013-8000", wechat="fang_wedding")
        log_event(fang, "inquiry", "婚博会上问了婚纱照", occurred_at="2026-06-20 15:00:00")
        add_client("赵敏", "13600136000", source="expo")
    return path


def open_dialog(ctx, qtbot) -> MergeDialog:
    dialog = MergeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(dialog, qtbot, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(path), "")))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)


def test_merging_a_laptop_shows_what_came_over_and_the_fields_to_review(ctx, qtbot, laptop, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    assert not dialog.merge_button.isEnabled() and not dialog.review_box.isVisible()
    choose(dialog, qtbot, monkeypatch, laptop)
    assert dialog.file_edit.text() == str(laptop) and dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS) as merged, \
            qtbot.waitSignal(ctx.clientsChanged, timeout=WAIT_MS) as changed:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    summary = merged.args[0]
    assert (summary.new_clients, summary.matched, summary.conflicts) == (1, 1, 1)
    assert sorted(changed.args[0]) == sorted(summary.client_ids)
    assert dialog.result_box.isVisible()
    assert [dialog.cards[k].value.text() for k in ("new", "matched", "conflicts")] == ["1", "1", "1"]
    assert "Backup taken first" in dialog.details.text()
    assert Path(summary.backup).exists()
    # The review list: one field, ours and theirs side by side.
    assert dialog.review_box.isVisible() and dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(4)]
    assert cells == ["王芳", "Name", "王芳", "王芳芳"]
    fang_id = dialog.conflicts[0]["client_id"]
    assert get_model(fang_id).wechat == "fang_wedding"  # the empty field was filled without asking


def test_taking_theirs_applies_the_choice_and_empties_the_list(ctx, qtbot, laptop, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    choose(dialog, qtbot, monkeypatch, laptop)
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS):
        dialog.start_merge()
    fang_id = dialog.conflicts[0]["client_id"]
    qtbot.mouseClick(dialog.take_all, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {dialog.conflicts[0]["id"]: "theirs"}
    with qtbot.waitSignal(dialog.resolved, timeout=WAIT_MS) as resolved, \
            qtbot.waitSignal(ctx.clientsChanged, timeout=WAIT_MS) as changed:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert resolved.args == [[fang_id]] and changed.args == [[fang_id]]
    assert get_model(fang_id).name == "王芳芳"
    assert dialog.table.rowCount() == 0 and not dialog.review_box.isVisible()


def test_keeping_ours_leaves_the_client_and_a_second_dialog_finds_nothing_left(ctx, qtbot, laptop, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    choose(dialog, qtbot, monkeypatch, laptop)
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS):
        dialog.start_merge()
    fang_id = dialog.conflicts[0]["client_id"]
    dialog.choose_all("ours")
    with qtbot.waitSignal(dialog.resolved, timeout=WAIT_MS) as resolved:
        dialog.apply_choices()
    assert resolved.args == [[]]
    assert get_model(fang_id).name == "王芳"
    later = open_dialog(ctx, qtbot)
    assert later.table.rowCount() == 0 and not later.review_box.isVisible()


def test_merging_the_same_file_again_says_there_is_nothing_to_do(ctx, qtbot, laptop, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    choose(dialog, qtbot, monkeypatch, laptop)
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS):
        dialog.start_merge()
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS) as again:
        dialog.start_merge()
    assert again.args[0].already_merged
    assert "nothing to do" in dialog.details.text()
    assert dialog.table.rowCount() == 1  # the earlier conflict still waits for a choice


def test_a_file_that_is_not_a_lifecrm_database_is_refused_in_the_dialog(ctx, qtbot, tmp_path, monkeypatch,
                                                                       no_messages):
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes(b"shopping list" * 500)
    dialog = open_dialog(ctx, qtbot)
    choose(dialog, qtbot, monkeypatch, notes)
    handle = dialog.start_merge()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT_MS)
    assert "cannot be merged" in dialog.error.text()
    assert handle.error is not None and no_messages == []
    assert dialog.merge_button.isEnabled() and not dialog.result_box.isVisible()


def test_every_text_is_set_and_fits(ctx, qtbot, laptop, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    choose(dialog, qtbot, monkeypatch, laptop)
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS):
        dialog.start_merge()
    dialog.resize(1000, 640)
    dialog.retranslate()
    assert dialog.windowTitle() == "Merge from another LifeCRM database"
    assert all(card.caption.text() for card in dialog.cards.values())
    for button in (dialog.choose_button, dialog.merge_button, dialog.keep_all, dialog.take_all, dialog.apply_button):
        assert button.text() and button.width() >= button.fontMetrics().horizontalAdvance(button.text())
    combo = dialog.table.cellWidget(0, 4)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Keep ours", "Take theirs"]
