"""Small dialogs of the Campaigns tab and the Today view: a client's reply, a phone call
to log, and a follow-up task (which any page may open for a client). Each has `ask`,
which returns what was typed, or None when cancelled."""

from datetime import date, timedelta

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from lifecrm_gui.services import today as today_service
from lifecrm_gui.services.errors import ValidationError

from .form_widgets import DateField, FieldMessage, translated_problem, with_message


class _TextDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.text = QPlainTextEdit()
        self.text.setFixedHeight(90)
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def answer(self) -> str | None:
        return self.text.toPlainText().strip() if self.exec() == QDialog.DialogCode.Accepted else None


class ReplyDialog(_TextDialog):
    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reply"))
        self.headline.setText(self.tr("%1 replied. What did they say? (optional)").replace("%1", name))
        self.text.setPlaceholderText(self.tr("e.g. asked about dates in October"))

    @classmethod
    def ask(cls, name: str, parent=None) -> str | None:
        return cls(name, parent).answer()


class CallDialog(_TextDialog):
    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log a call"))
        self.headline.setText(self.tr("A call with %1: what was said?").replace("%1", name))
        self.text.setPlaceholderText(self.tr("e.g. confirmed the shoot at 10:00"))

    @classmethod
    def ask(cls, name: str, parent=None) -> str | None:
        return cls(name, parent).answer()


class FollowUpDialog(QDialog):
    """A follow-up task for a client; it saves itself and checks each field."""

    def __init__(self, client_id: int, name: str, today: date, parent=None):
        super().__init__(parent)
        self.client_id = client_id
        self.task_id: int | None = None
        self.setWindowTitle(self.tr("New follow-up"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        headline = QLabel(self.tr("A follow-up for %1").replace("%1", name))
        layout.addWidget(headline)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. call about the 周岁 shoot"))
        self.due = DateField()
        self.due.set_value(today + timedelta(days=1))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(64)
        self.note.setTabChangesFocus(True)
        self.messages = {"title": FieldMessage(), "due_on": FieldMessage()}
        form.addRow(self.tr("What *"), with_message(self.title, self.messages["title"]))
        form.addRow(self.tr("Due *"), with_message(self.due, self.messages["due_on"]))
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        for message in self.messages.values():
            message.clear()
        try:
            self.task_id = today_service.add_follow_up(self.client_id, self.title.text(), self.due.text(),
                                                       self.note.toPlainText().strip())
        except ValidationError as error:
            for problem in error.errors:
                self.messages.get(problem.field, self.messages["title"]).show_error(
                    translated_problem(problem.message))
            return
        self.accept()

    @classmethod
    def ask(cls, client_id: int, name: str, today: date, parent=None) -> int | None:
        """Open the dialog for a client; the new task's id, or None when cancelled."""
        dialog = cls(client_id, name, today, parent)
        return dialog.task_id if dialog.exec() == QDialog.DialogCode.Accepted else None
