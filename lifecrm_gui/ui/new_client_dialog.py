"""A new client, typed in while the phone is still at the ear: a name and a phone are
enough. Problems show beside their field; a phone, WeChat id or email another client
already has brings up an offer to open that client instead."""

from datetime import date, datetime, time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
                               QLabel, QLineEdit, QMenu, QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
                               QWidget)

from lifecrm_gui.domain.vocab import CONSENT_CHANNELS, NEEDS_ENTERPRISE, NEEDS_INDIVIDUAL, SOURCES, label
from lifecrm_gui.services import contacts
from lifecrm_gui.services.clients import create_client, find_duplicates
from lifecrm_gui.services.errors import ValidationError

DUPLICATE_CHECK_MS = 300
FIELDS = ("name", "phone", "wechat", "email", "source", "needs", "notes")


class FieldBox(QWidget):
    """An input with its problem written under it in red."""

    def __init__(self, field: QWidget, parent=None):
        super().__init__(parent)
        self.field = field
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)

    def set_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        self.field.setProperty("invalid", bool(text))
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)


class NeedsButton(QPushButton):
    """Several needs in one compact button: a menu of ticks, the chosen names as its text."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setObjectName("needsButton")
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.actions_: dict[str, QAction] = {}
        self.lang = "en"
        self.placeholder = ""

    def build(self, lang: str, placeholder: str) -> None:
        chosen = self.chosen()
        self.lang, self.placeholder = lang, placeholder
        self.menu_.clear()
        self.actions_.clear()
        for n, table in enumerate((NEEDS_INDIVIDUAL, NEEDS_ENTERPRISE)):
            if n:
                self.menu_.addSeparator()
            for key in table:
                action = self.menu_.addAction(label(table, key, lang))
                action.setCheckable(True)
                action.setChecked(key in chosen)
                action.setData(key)
                action.toggled.connect(self._update)
                self.actions_[key] = action
        self._update()

    def chosen(self) -> list[str]:
        return [key for key, action in self.actions_.items() if action.isChecked()]

    def set_chosen(self, keys) -> None:
        for key, action in self.actions_.items():
            action.setChecked(key in keys)

    def _update(self, *_args) -> None:
        names = [action.text() for action in self.actions_.values() if action.isChecked()]
        separator = "、" if self.lang == "zh" else ", "
        self.setText(separator.join(names) if names else self.placeholder)
        self.changed.emit()


class NewClientDialog(QDialog):
    """Add a client. After Save, `client_id` is the new client; after "Open", `opened_id`
    is the existing one (and `openClient` was emitted)."""

    openClient = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("newClientDialog")
        self.ctx = ctx
        self.client_id: int | None = None
        self.opened_id: int | None = None
        self.duplicates = []
        self.lang = ctx.lang()

        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.wechat = QLineEdit()
        self.email = QLineEdit()
        self.source = QComboBox()
        self.needs = NeedsButton()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.consent = QCheckBox()
        self.consent_channel = QComboBox()
        self.consent_channel.setEnabled(False)
        self.consent.toggled.connect(self.consent_channel.setEnabled)
        self.log_inquiry = QCheckBox()
        self.log_inquiry.setChecked(True)
        for edit in (self.name, self.phone, self.wechat, self.email):
            edit.setMinimumWidth(300)

        self.boxes = {field: FieldBox(widget) for field, widget in
                      (("name", self.name), ("phone", self.phone), ("wechat", self.wechat), ("email", self.email),
                       ("source", self.source), ("needs", self.needs), ("notes", self.notes))}
        consent_row = QWidget()
        consent_layout = QHBoxLayout(consent_row)
        consent_layout.setContentsMargins(0, 0, 0, 0)
        consent_layout.addWidget(self.consent)
        consent_layout.addWidget(self.consent_channel)
        consent_layout.addStretch(1)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.labels = {}
        for field in FIELDS:
            self.labels[field] = self._label(self.boxes[field].field)
            self.form.addRow(self.labels[field], self.boxes[field])
        self.labels["consent"] = self._label(self.consent_channel)
        self.form.addRow(self.labels["consent"], consent_row)
        self.form.addRow("", self.log_inquiry)

        self.banner = QFrame()
        self.banner.setObjectName("duplicateBanner")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_buttons = QHBoxLayout()
        self.banner_buttons.setContentsMargins(0, 0, 0, 0)
        self.save_anyway = QPushButton()
        self.save_anyway.setObjectName("saveAnyway")
        self.save_anyway.clicked.connect(lambda: self.save(allow_duplicates=True))
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text)
        banner_layout.addLayout(self.banner_buttons)
        self.banner.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setObjectName("dialogHint")
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DUPLICATE_CHECK_MS)
        self.timer.timeout.connect(self.check_duplicates)
        for field, edit in (("name", self.name), ("phone", self.phone), ("wechat", self.wechat),
                            ("email", self.email)):
            edit.textEdited.connect(lambda _text, f=field: self.boxes[f].set_error(None))
        for edit in (self.phone, self.wechat, self.email):
            edit.textChanged.connect(self.timer.start)
        self.phone.editingFinished.connect(lambda: self.check_field("phone"))
        self.wechat.editingFinished.connect(lambda: self.check_field("wechat"))
        self.email.editingFinished.connect(lambda: self.check_field("email"))
        self.retranslate()
        self.setMinimumWidth(500)
        self.name.setFocus()

    @staticmethod
    def _label(buddy: QWidget) -> QLabel:
        """A label level with the first line of its field, also when an error shows below it."""
        label_ = QLabel()
        label_.setBuddy(buddy)
        label_.setMinimumHeight(buddy.sizeHint().height() if not isinstance(buddy, QPlainTextEdit) else 30)
        label_.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label_

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.lang = self.ctx.lang()
        self.setWindowTitle(self.tr("New client"))
        self.intro.setText(self.tr("A name and a phone number are enough; add the rest when you know it."))
        titles = {"name": self.tr("Name"), "phone": self.tr("Mobile phone"), "wechat": self.tr("WeChat"),
                  "email": self.tr("Email"), "source": self.tr("Source"), "needs": self.tr("Needs"),
                  "notes": self.tr("Notes"), "consent": self.tr("Marketing")}
        for field, text in titles.items():
            self.labels[field].setText(text + ("  *" if field == "name" else ""))
        self.name.setPlaceholderText(self.tr("e.g. 王芳 or Wang Fang"))
        self.phone.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.wechat.setPlaceholderText(self.tr("WeChat id"))
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.notes.setPlaceholderText(self.tr("What they asked about, dates, budget…"))
        self.consent.setText(self.tr("Agrees to receive news and offers"))
        self.log_inquiry.setText(self.tr("Log this call as an inquiry on the timeline"))
        self.save_anyway.setText(self.tr("Save as a new client anyway"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._fill_combo(self.source, SOURCES, self.tr("Not known"))
        self._fill_combo(self.consent_channel, CONSENT_CHANNELS, None, default="phone")
        self.needs.build(self.lang, self.tr("Choose…"))
        if self.duplicates:
            self._show_duplicates(self.duplicates)

    def _fill_combo(self, combo: QComboBox, table, none_text: str | None, default=None) -> None:
        chosen = combo.currentData() if combo.count() else default
        combo.clear()
        if none_text is not None:
            combo.addItem(none_text, None)
        for key in table:
            combo.addItem(label(table, key, self.lang), key)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def field_message(self, field: str, fallback: str) -> str:
        """Our words for a problem with a field; the service's words for anything else."""
        messages = {
            "name": self.tr("Please enter a name."),
            "phone": self.tr("Not a valid mobile number: type the 11 digits, e.g. 138 0013 8000."),
            "wechat": self.tr("A WeChat id has 6 to 20 letters, digits, - or _, and starts with a letter."),
            "email": self.tr("Not an email address."),
        }
        return messages.get(field, fallback)

    # --- checking -----------------------------------------------------------------------
    def values(self) -> dict:
        consent = self.consent.isChecked()
        return {
            "name": self.name.text().strip(),
            "phone": self.phone.text().strip(),
            "wechat": self.wechat.text().strip(),
            "email": self.email.text().strip(),
            "source": self.source.currentData(),
            "needs": self.needs.chosen(),
            "notes": self.notes.toPlainText().strip(),
            "consent": consent,
            "consent_channel": self.consent_channel.currentData() if consent else None,
            "consent_on": self.ctx.today() if consent else None,
        }

    def check_field(self, field: str) -> bool:
        text = getattr(self, field).text()
        check = {"phone": contacts.normalise_phone, "wechat": contacts.normalise_wechat,
                 "email": contacts.normalise_email}[field]
        try:
            check(text)
        except ValueError as error:
            self.boxes[field].set_error(self.field_message(field, str(error)))
            return False
        self.boxes[field].set_error(None)
        return True

    def _normalised(self) -> dict:
        out = {}
        for field, check in (("phone", contacts.normalise_phone), ("wechat", contacts.normalise_wechat),
                             ("email", contacts.normalise_email)):
            try:
                out[field] = check(getattr(self, field).text())
            except ValueError:
                out[field] = None
        return out

    def check_duplicates(self) -> list:
        """Clients who already have the phone, WeChat id or email typed so far."""
        self.timer.stop()
        found = find_duplicates(**self._normalised())
        self._show_duplicates(found)
        return found

    def _show_duplicates(self, found) -> None:
        self.duplicates = found
        while self.banner_buttons.count():
            item = self.banner_buttons.takeAt(0)
            if item.widget() is not None and item.widget() is not self.save_anyway:
                item.widget().deleteLater()
        if not found:
            self.banner.hide()
            return
        names = {"phone": self.tr("phone number"), "wechat": self.tr("WeChat id"), "email": self.tr("email")}
        lines = []
        seen = {}
        for dup in found:
            shown = contacts.display_phone(dup.value) if dup.field == "phone" else dup.value
            lines.append(self.tr("This %1 (%2) already belongs to %3.").replace("%1", names.get(dup.field, dup.field))
                         .replace("%2", shown).replace("%3", dup.name))
            seen.setdefault(dup.client_id, dup.name)
        self.banner_text.setText("\n".join(dict.fromkeys(lines)))
        for client_id, name in list(seen.items())[:3]:
            button = QPushButton(self.tr("Open %1").replace("%1", name))
            button.setObjectName("openDuplicate")
            button.setProperty("client_id", client_id)
            button.clicked.connect(lambda _checked=False, cid=client_id: self.open_existing(cid))
            self.banner_buttons.addWidget(button)
        self.banner_buttons.addStretch(1)
        self.banner_buttons.addWidget(self.save_anyway)
        self.banner.show()

    def open_existing(self, client_id: int) -> None:
        self.opened_id = client_id
        self.ctx.clientSelected.emit(client_id)
        self.openClient.emit(client_id)
        self.accept()

    # --- saving -------------------------------------------------------------------------
    def save(self, allow_duplicates: bool = False) -> bool:
        for box in self.boxes.values():
            box.set_error(None)
        data = self.values()
        if not allow_duplicates and self.check_duplicates():
            return False
        first_event = (("inquiry", data["notes"] or self.tr("Phone inquiry"), self._now())
                       if self.log_inquiry.isChecked() else None)
        try:
            client_id = create_client(data, as_of=self.ctx.today(), allow_duplicates=allow_duplicates,
                                      first_event=first_event)
        except ValidationError as error:
            self._show_errors(error)
            return False
        self.client_id = client_id
        self.ctx.clientsChanged.emit([client_id])
        self.ctx.clientSelected.emit(client_id)
        self.accept()
        return True

    def _now(self) -> datetime:
        today = self.ctx.today()
        return datetime.now().replace(microsecond=0) if today == date.today() else datetime.combine(today, time(12))

    def _show_errors(self, error: ValidationError) -> None:
        first = None
        for field in FIELDS:
            problems = error.for_field(field)
            if problems:
                if field in ("phone", "wechat", "email") and self.check_field(field):
                    self.check_duplicates()  # a valid value another client has
                    continue
                self.boxes[field].set_error(self.field_message(field, problems[0].message))
                first = first or self.boxes[field].field
        others = [e for e in error.errors if e.field not in FIELDS]
        if others:
            self.boxes["notes"].set_error("\n".join(str(e) for e in others))
        if first is not None:
            first.setFocus()
