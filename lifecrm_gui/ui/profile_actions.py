"""What staff can do to a client from the profile: mark lost or reopen, move between
lead and prospect, pin a class, export the client's data, trash or restore, and
erase for good after typing the client's name."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from lifecrm_gui.domain.vocab import CLASSES, STAGES, label

from .style import ERROR, icon

MANUAL_TARGETS = ("lead", "prospect")


class ProfileActions(QWidget):
    markLostRequested = Signal()
    reopenRequested = Signal()
    stageRequested = Signal(str)
    pinRequested = Signal(object)  # a class id, or None to unpin
    exportRequested = Signal()
    trashRequested = Signal()
    restoreRequested = Signal()
    eraseRequested = Signal()

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.lost_button = QPushButton(icon("fa6s.user-slash"), "")
        self.lost_button.clicked.connect(self.markLostRequested)
        self.reopen_button = QPushButton(icon("fa6s.rotate-left"), "")
        self.reopen_button.clicked.connect(self.reopenRequested)
        self.restore_button = QPushButton(icon("fa6s.trash-arrow-up"), "")
        self.restore_button.clicked.connect(self.restoreRequested)

        self.stage_menu = QMenu(self)
        self.stage_actions: dict[str, QAction] = {}
        for key in STAGES:
            if key == "new":
                self.stage_menu.addSeparator()
            action = self.stage_menu.addAction("")
            action.triggered.connect(lambda _checked=False, k=key: self.stageRequested.emit(k))
            self.stage_actions[key] = action
        self.stage_button = self._menu_button("fa6s.right-left", self.stage_menu)

        self.class_menu = QMenu(self)
        self.class_actions: dict[str, QAction] = {}
        for key in CLASSES:
            action = self.class_menu.addAction("")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, k=key: self.pinRequested.emit(k))
            self.class_actions[key] = action
        self.class_menu.addSeparator()
        self.unpin_action = self.class_menu.addAction(icon("fa6s.thumbtack-slash"), "")
        self.unpin_action.triggered.connect(lambda: self.pinRequested.emit(None))
        self.class_button = self._menu_button("fa6s.thumbtack", self.class_menu)

        self.more_menu = QMenu(self)
        self.export_action = self.more_menu.addAction(icon("fa6s.file-export"), "")
        self.export_action.triggered.connect(self.exportRequested)
        self.more_menu.addSeparator()
        self.trash_action = self.more_menu.addAction(icon("fa6s.trash-can"), "")
        self.trash_action.triggered.connect(self.trashRequested)
        self.erase_action = self.more_menu.addAction(icon("fa6s.eraser", ERROR), "")
        self.erase_action.triggered.connect(self.eraseRequested)
        self.more_button = self._menu_button("fa6s.ellipsis", self.more_menu)

        for widget in (self.lost_button, self.reopen_button, self.restore_button, self.stage_button,
                       self.class_button, self.more_button):
            layout.addWidget(widget)
        self.reopen_button.hide()
        self.restore_button.hide()
        self.retranslate()

    def _menu_button(self, icon_name: str, menu: QMenu) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def retranslate(self) -> None:
        self.lost_button.setText(self.tr("Mark lost…"))
        self.lost_button.setToolTip(self.tr("The client is gone: record why"))
        self.reopen_button.setText(self.tr("Reopen"))
        self.reopen_button.setToolTip(self.tr("Take back the lost mark; the stage follows from the facts again"))
        self.restore_button.setText(self.tr("Restore"))
        self.stage_button.setText(self.tr("Stage"))
        self.stage_button.setToolTip(self.tr("Move a client without orders between lead and prospect"))
        self.class_button.setText(self.tr("Class"))
        self.class_button.setToolTip(self.tr("Pin a class by hand, or let the rules decide"))
        self.unpin_action.setText(self.tr("Unpin: follow the rules"))
        self.more_button.setText(self.tr("More"))
        self.export_action.setText(self.tr("Export this client's data…"))
        self.trash_action.setText(self.tr("Move to trash"))
        self.erase_action.setText(self.tr("Erase for good…"))
        self.relabel(self.lang)

    def relabel(self, lang: str) -> None:
        self.lang = lang
        for key, action in self.stage_actions.items():
            action.setText(self.tr("Move to %1").replace("%1", label(STAGES, key, lang)))
        for key, action in self.class_actions.items():
            action.setText(self.tr("Pin as %1").replace("%1", label(CLASSES, key, lang)))

    def update_for(self, profile: dict | None) -> None:
        """Offer what applies to this client."""
        if profile is None:
            self.setEnabled(False)
            return
        self.setEnabled(True)
        client = profile["client"]
        deleted = bool(profile.get("deleted"))
        lost = client.get("lost_on") is not None
        self.lost_button.setVisible(not lost and not deleted)
        self.reopen_button.setVisible(lost and not deleted)
        self.restore_button.setVisible(deleted)
        for widget in (self.stage_button, self.class_button):
            widget.setEnabled(not deleted)
        self.trash_action.setEnabled(not deleted)
        self.unpin_action.setEnabled(client.get("class_pin") is not None)
        stage = (profile.get("derived") or {}).get("stage")
        for key, action in self.stage_actions.items():
            action.setEnabled(key != stage)
        for key, action in self.class_actions.items():
            action.setChecked(client.get("class_pin") == key)


class EraseDialog(QDialog):
    """Erase for good (a privacy request): the button only works once the client's name is typed."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.name = name
        self.setObjectName("eraseDialog")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet(f"color: {ERROR}; font-weight: bold;")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.confirm = QLineEdit()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setIcon(icon("fa6s.eraser", ERROR))
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.confirm.textChanged.connect(self._typed)
        for widget in (self.headline, self.explanation, self.prompt, self.confirm, self.buttons):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Erase for good"))
        self.headline.setText(self.tr("Erase %1 and everything about them?").replace("%1", self.name))
        self.explanation.setText(self.tr(
            "This removes the client, their family, orders, timeline, follow-ups and campaign records from the "
            "database, as a privacy request asks. It cannot be undone; backups made earlier still hold them."))
        self.prompt.setText(self.tr("Type the client's name to confirm: %1").replace("%1", self.name))
        self.erase_button.setText(self.tr("Erase for good"))

    def _typed(self, text: str) -> None:
        self.erase_button.setEnabled(text.strip() == self.name.strip())
