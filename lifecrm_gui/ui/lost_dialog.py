"""Mark a client lost (domain.md §3): a reason is required, and words when it is "other"."""

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit,
                               QRadioButton, QVBoxLayout)

from lifecrm_gui.domain.stages import TransitionRefused, check_mark_lost
from lifecrm_gui.domain.vocab import LOST_REASONS, label

from .form_widgets import FieldMessage, fit_bold_text
from .style import icon


class LostDialog(QDialog):
    def __init__(self, client_name: str, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.setObjectName("lostDialog")
        self.client_name = client_name
        self.lang = lang
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.reason_label = QLabel()
        self.reasons = QButtonGroup(self)
        self.reason_buttons: dict[str, QRadioButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for i, key in enumerate(LOST_REASONS):
            button = QRadioButton(label(LOST_REASONS, key, lang))
            self.reasons.addButton(button)
            self.reason_buttons[key] = button
            button.toggled.connect(self._reason_toggled)
            grid.addWidget(button, i // 2, i % 2)
        self.note_label = QLabel()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.message = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setIcon(icon("fa6s.user-slash", "#ffffff"))
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.headline)
        layout.addWidget(self.reason_label)
        layout.addLayout(grid)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Mark lost"))
        self.headline.setText(self.tr("%1 stays churned until a new order.").replace("%1", self.client_name))
        self.reason_label.setText(self.tr("Why was the client lost?"))
        self.note_label.setText(self.tr("Note (required when the reason is “Other”)"))
        self.note.setPlaceholderText(self.tr("What happened, in a few words"))
        self.ok_button.setText(self.tr("Mark lost"))
        fit_bold_text(self.ok_button)

    def reason(self) -> str | None:
        for key, button in self.reason_buttons.items():
            if button.isChecked():
                return key
        return None

    def set_reason(self, key: str) -> None:
        self.reason_buttons[key].setChecked(True)

    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    def try_accept(self) -> None:
        try:
            check_mark_lost(self.reason(), self.note_text(), False)
        except TransitionRefused as refused:
            self.message.show_error(refused.text(self.lang))
            return
        self.accept()

    def _reason_toggled(self, _checked: bool) -> None:
        self.message.clear()
