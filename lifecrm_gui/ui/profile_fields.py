"""Two fields of the profile that need more than a line edit: the referrer, picked
among the studio's clients by name, pinyin or phone, and the tags, typed with
completion from the tags in use."""

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from lifecrm_gui.services.contacts import display_phone

from . import workers
from .form_widgets import is_alive
from .style import icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_DELAY_MS = 250
MATCHES = 15


def find_referrers(query: str, exclude_id: int | None) -> list[tuple[int, str, str]]:
    """(id, name, phone as shown) of the live clients matching a query, the client
    being edited left out."""
    from lifecrm_gui.services.search import search

    return [(row["id"], row["name"], display_phone(row["phone"]))
            for row in search(query, limit=MATCHES + 1) if row["id"] != exclude_id][:MATCHES]


class ReferrerPicker(QWidget):
    """Who referred this client: type to search, pick from the list, or clear."""

    picked = Signal(object)  # a client id, or None for "nobody"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.client_id: int | None = None
        self._referrer: int | None = None
        self._name = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.addAction(icon("fa6s.magnifying-glass"), QLineEdit.ActionPosition.LeadingPosition)
        self.clear_button = QToolButton()
        self.clear_button.setIcon(icon("fa6s.xmark"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear_referrer)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(lambda _text: self._timer.start())
        self.edit.editingFinished.connect(self._restore_text)
        self.setFocusProxy(self.edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Search a client by name, pinyin or phone"))
        self.clear_button.setToolTip(self.tr("Nobody referred this client"))

    def referrer_id(self) -> int | None:
        return self._referrer

    def referrer_name(self) -> str:
        return self._name

    def set_referrer(self, client_id: int | None, name: str | None) -> None:
        """Show a referrer without telling anyone (a load, or a refused pick undone)."""
        self._referrer = client_id
        self._name = name or ""
        self._restore_text()
        self.clear_button.setVisible(client_id is not None)

    def clear_referrer(self) -> None:
        if self._referrer is not None:
            self.picked.emit(None)

    def search_now(self) -> None:
        self._timer.stop()
        query = self.edit.text().strip()
        if not query:
            self.matches.clear()
            return
        exclude = self.client_id
        workers.run_task(lambda _progress, _cancel: find_referrers(query, exclude),
                         lambda rows: self._show_matches(query, rows), read_only=True)

    def pick_match(self, row: int) -> None:
        """Choose the row-th match of the last search (what a click in the list does)."""
        item = self.matches.item(row)
        if item is not None:
            self.picked.emit(item.data(ID_ROLE))

    def _show_matches(self, query: str, rows) -> None:
        if not is_alive(self) or query != self.edit.text().strip():
            return  # the person typed on; a newer search follows
        self.matches.clear()
        for client_id, name, phone in rows:
            item = QStandardItem(f"{name}  ·  {phone}  ·  #{client_id}" if phone else f"{name}  ·  #{client_id}")
            item.setData(client_id, ID_ROLE)
            item.setData(name, NAME_ROLE)
            self.matches.appendRow(item)
        if rows and self.edit.hasFocus():
            self.completer.complete()

    def _activated(self, index: QModelIndex) -> None:
        self.picked.emit(index.data(ID_ROLE))

    def _restore_text(self) -> None:
        if self.completer.popup().isVisible():
            return
        self.edit.setText(f"{self._name}  ·  #{self._referrer}" if self._referrer is not None else "")


class TagsEdit(QLineEdit):
    """Tags separated by commas, each completed from the tags the studio already uses."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.known = QStringListModel(self)
        self.completer_ = QCompleter(self.known, self)
        self.completer_.setWidget(self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.activated[str].connect(self._complete_last)
        self.textEdited.connect(self._suggest)
        self.textChanged.connect(self.changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Tags, separated by commas"))

    def set_known_tags(self, tags) -> None:
        self.known.setStringList(list(tags))

    def tags(self) -> list[str]:
        text = self.text().replace("，", ",").replace("、", ",").replace(";", ",")
        return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))

    def set_tags(self, tags) -> None:
        self.setText(", ".join(tags or ()))

    def _suggest(self, text: str) -> None:
        prefix = text.replace("，", ",").split(",")[-1].strip()
        if not prefix:
            self.completer_.popup().hide()
            return
        self.completer_.setCompletionPrefix(prefix)
        if self.completer_.completionCount():
            self.completer_.complete()

    def _complete_last(self, tag: str) -> None:
        parts = self.text().replace("，", ",").split(",")
        parts[-1] = tag
        self.setText(", ".join(p.strip() for p in parts if p.strip()) + ", ")
