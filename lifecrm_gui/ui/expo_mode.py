"""Expo mode: a full-screen quick lead form for the studio's booth at a wedding fair.

Large type; Enter saves the visitor as a prospect (source expo, the fair's name as
source detail, an inquiry on the timeline) and clears the form for the next one;
a phone already seen today (or known from before) is flagged with who it is, and
Enter then adds what was said to that client instead. A counter shows the leads of
the day and a list the latest ones. Everything is written to this computer's own
database: no network is needed. Esc asks before leaving.
"""

import logging
import time
from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from lifecrm_gui.domain.vocab import NEEDS, STAGES, label
from lifecrm_gui.services import expo
from lifecrm_gui.services.contacts import display_phone
from lifecrm_gui.services.errors import ValidationError
from lifecrm_gui.services.settings import load_policy

from .errors import show_error
from .form_widgets import DateField, FieldMessage, MoneyField, translated_problem, with_message
from .i18n import format_count
from .style import ERROR, icon

log = logging.getLogger(__name__)

# The interests offered as buttons, the wedding fair's first.
INTERESTS = ("wedding_portrait", "wedding_day", "travel", "couple", "maternity", "newborn", "children", "family",
             "portrait")
CHIP_COLUMNS = 5
RECENT_SHOWN = 12
SAVED_COLOR = "#2e7d32"

STYLE = """
QWidget#expoWindow { background: #f5f6f4; }
QFrame#expoHeader { background: #1f5f5d; }
QLabel#expoTitle { color: #ffffff; font-size: 24px; font-weight: 600; }
QLabel#expoFair { color: #d7ecea; font-size: 18px; }
QFrame#expoCounter { background: #2a7d7b; border-radius: 10px; }
QLabel#expoCount { color: #ffffff; font-size: 32px; font-weight: 700; }
QLabel#expoCountCaption { color: #e3f2f1; font-size: 15px; }
QPushButton#expoLeave { color: #ffffff; background: transparent; border: 1px solid #8fbfbc; border-radius: 8px;
    font-size: 16px; padding: 8px 16px; }
QPushButton#expoLeave:hover { background: #2a7d7b; }
QFrame#expoCard { background: #ffffff; border: 1px solid #d9dedc; border-radius: 10px; }
QLabel#expoField { font-size: 17px; color: #455a64; }
QLabel#expoSectionTitle { font-size: 19px; font-weight: 600; color: #263238; }
QWidget#expoWindow QLineEdit { font-size: 22px; padding: 4px 12px; min-height: 34px; border-radius: 7px; }
QLabel#fieldMessage { font-size: 15px; }
QPushButton#expoChip { font-size: 18px; padding: 7px 12px; border: 1px solid #cfd6d4; border-radius: 19px;
    background: #fbfbfa; color: #37474f; min-height: 22px; }
QPushButton#expoChip:checked { background: #2a7d7b; color: #ffffff; border-color: #2a7d7b; }
QPushButton#expoChip:hover:!checked { background: #eaf3f2; }
QCheckBox#expoConsent { font-size: 18px; color: #263238; spacing: 10px; }
QCheckBox#expoConsent::indicator { width: 24px; height: 24px; }
QPushButton#expoSave { font-size: 22px; font-weight: 600; color: #ffffff; background: #2a7d7b; border: none;
    border-radius: 9px; padding: 10px 30px; }
QPushButton#expoSave:hover { background: #1f5f5d; }
QLabel#expoStatus { font-size: 19px; }
QLabel#expoHint { font-size: 15px; color: #6b7a80; }
QFrame#expoKnown { background: #fff6e0; border: 1px solid #e6c15a; border-radius: 9px; }
QLabel#expoKnownText { font-size: 18px; color: #5d4300; }
QPushButton#expoKnownAdd { font-size: 18px; font-weight: 600; color: #ffffff; background: #b7791f; border: none;
    border-radius: 8px; padding: 9px 18px; }
QPushButton#expoKnownBack { font-size: 18px; padding: 9px 18px; border-radius: 8px; }
QListWidget#expoRecent { font-size: 17px; border: none; background: transparent; }
QListWidget#expoRecent::item { padding: 7px 4px; border-bottom: 1px solid #eef1f0; color: #263238; }
QLabel#expoEmpty { font-size: 16px; color: #8a979c; }
"""


def _field_label(text: str = "") -> QLabel:
    found = QLabel(text)
    found.setObjectName("expoField")
    return found


class FairDialog(QDialog):
    """Which fair the booth is at: asked when expo mode starts, the last name offered."""

    def __init__(self, remembered: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("expoFairDialog")
        self.setMinimumWidth(480)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.hint = QLabel()
        self.hint.setObjectName("dialogHint")
        self.hint.setWordWrap(True)
        self.name = QLineEdit(remembered)
        self.name.setMaxLength(expo.MAX_FAIR_NAME)
        self.name.selectAll()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_if_named)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update_ok)
        self.retranslate()
        self._update_ok()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Expo mode"))
        self.title.setText(self.tr("Which fair is this?"))
        self.hint.setText(self.tr("Every lead captured is marked with the fair's name, so you can see later which "
                                  "fair brought whom."))
        self.name.setPlaceholderText(self.tr("e.g. Spring Wedding Expo 2026"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start expo mode"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.fair()))

    def _accept_if_named(self) -> None:
        if self.fair():
            self.accept()

    def fair(self) -> str:
        return " ".join(self.name.text().split())


class ExpoWindow(QWidget):
    """The booth's form. `saved(int)`: a new lead's client id; `added(int)`: a known
    client's id, who got the booth's note; `left()`: expo mode closed."""

    saved = Signal(int)
    added = Signal(int)
    left = Signal()

    def __init__(self, ctx, fair: str, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("expoWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.ctx = ctx
        self.fair = fair
        self.known: list[expo.KnownPhone] = []
        self.pending_lead: expo.Lead | None = None
        self.changed_ids: list[int] = []
        self.last_save_seconds: float | None = None
        self._leaving = False
        self.currency = load_policy().currency

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._header())
        body = QHBoxLayout()
        body.setContentsMargins(28, 18, 28, 10)
        body.setSpacing(22)
        body.addWidget(self._form_card(), 3)
        body.addWidget(self._recent_card(), 1)
        root.addLayout(body, 1)
        self.hint = QLabel()
        self.hint.setObjectName("expoHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.hint)
        root.addSpacing(12)

        ctx.languageChanged.connect(self._language_changed)
        self.retranslate()
        self.refresh_counts()
        self.name.setFocus()
        QTimer.singleShot(0, self._warm_up)

    # --- building -----------------------------------------------------------------------
    def _header(self) -> QFrame:
        header = QFrame()
        header.setObjectName("expoHeader")
        row = QHBoxLayout(header)
        row.setContentsMargins(28, 10, 28, 10)
        row.setSpacing(18)
        badge = QLabel()
        badge.setPixmap(icon("mdi6.account-multiple-plus-outline", "#ffffff").pixmap(40, 40))
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("expoTitle")
        self.fair_label = QLabel()
        self.fair_label.setObjectName("expoFair")
        titles.addWidget(self.title)
        titles.addWidget(self.fair_label)
        counter = QFrame()
        counter.setObjectName("expoCounter")
        counter_layout = QVBoxLayout(counter)
        counter_layout.setContentsMargins(22, 4, 22, 6)
        counter_layout.setSpacing(0)
        self.count = QLabel("0")
        self.count.setObjectName("expoCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_caption = QLabel()
        self.count_caption.setObjectName("expoCountCaption")
        self.count_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        counter_layout.addWidget(self.count)
        counter_layout.addWidget(self.count_caption)
        self.leave_button = QPushButton(icon("mdi6.exit-to-app", "#ffffff"), "")
        self.leave_button.setObjectName("expoLeave")
        self.leave_button.setIconSize(QSize(20, 20))
        self.leave_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.leave_button.clicked.connect(lambda: self.leave())
        row.addWidget(badge)
        row.addLayout(titles, 1)
        row.addWidget(counter)
        row.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _form_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("expoCard")
        grid = QGridLayout(card)
        grid.setContentsMargins(26, 16, 26, 18)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(5)
        self.labels: dict[str, QLabel] = {}
        self.messages: dict[str, FieldMessage] = {}

        self.name = QLineEdit()
        self.name.setObjectName("expoName")
        self.phone = QLineEdit()
        self.phone.setObjectName("expoPhone")
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.wedding_date = DateField()
        self.budget = MoneyField(self.currency)
        self.budget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.notes = QLineEdit()
        self.notes.setMaxLength(expo.MAX_NOTES)
        self.consent = QCheckBox()
        self.consent.setObjectName("expoConsent")

        def place(key, widget, row, column, span=1):
            self.labels[key] = _field_label()
            self.messages[key] = FieldMessage()
            grid.addWidget(self.labels[key], row, column, 1, span)
            grid.addWidget(with_message(widget, self.messages[key]), row + 1, column, 1, span)

        place("name", self.name, 0, 0)
        place("phone", self.phone, 0, 1)
        self.labels["needs"] = _field_label()
        grid.addWidget(self.labels["needs"], 2, 0, 1, 2)
        chips = QGridLayout()
        chips.setHorizontalSpacing(8)
        chips.setVerticalSpacing(8)
        self.chips: dict[str, QPushButton] = {}
        for n, key in enumerate(INTERESTS):
            chip = QPushButton()
            chip.setObjectName("expoChip")
            chip.setCheckable(True)
            chip.setAutoDefault(False)
            chip.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.chips[key] = chip
            chips.addWidget(chip, n // CHIP_COLUMNS, n % CHIP_COLUMNS)
        grid.addLayout(chips, 3, 0, 1, 2)
        grid.setRowMinimumHeight(4, 4)
        place("wedding_date", self.wedding_date, 5, 0)
        place("budget", self.budget, 5, 1)
        place("notes", self.notes, 7, 0, 2)
        grid.addWidget(self.consent, 9, 0, 1, 2)
        grid.setRowMinimumHeight(10, 6)

        self.known_panel = self._known_panel()
        grid.addWidget(self.known_panel, 11, 0, 1, 2)
        self.actions = QWidget()
        actions = QHBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(18)
        self.save_button = QPushButton(icon("mdi6.content-save-outline", "#ffffff"), "")
        self.save_button.setIconSize(QSize(24, 24))
        self.save_button.setObjectName("expoSave")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.submit)
        self.status = QLabel()
        self.status.setObjectName("expoStatus")
        self.status.setWordWrap(True)
        actions.addWidget(self.save_button)
        actions.addWidget(self.status, 1)
        grid.addWidget(self.actions, 12, 0, 1, 2)
        grid.setRowStretch(13, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return card

    def _known_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("expoKnown")
        row = QHBoxLayout(panel)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(14)
        sign = QLabel()
        sign.setPixmap(icon("mdi6.account-alert-outline", "#b7791f").pixmap(32, 32))
        self.known_text = QLabel()
        self.known_text.setObjectName("expoKnownText")
        self.known_text.setWordWrap(True)
        self.known_add = QPushButton()
        self.known_add.setObjectName("expoKnownAdd")
        self.known_add.setAutoDefault(False)
        self.known_add.clicked.connect(self.add_to_known)
        self.known_back = QPushButton()
        self.known_back.setObjectName("expoKnownBack")
        self.known_back.setAutoDefault(False)
        self.known_back.clicked.connect(self.edit_phone)
        column = QVBoxLayout()
        column.setSpacing(8)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addWidget(self.known_add)
        buttons.addWidget(self.known_back)
        buttons.addStretch(1)
        column.addWidget(self.known_text)
        column.addLayout(buttons)
        row.addWidget(sign, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        panel.hide()
        return panel

    def _recent_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("expoCard")
        card.setMinimumWidth(300)
        column = QVBoxLayout(card)
        column.setContentsMargins(20, 18, 20, 18)
        column.setSpacing(8)
        self.recent_title = QLabel()
        self.recent_title.setObjectName("expoSectionTitle")
        self.recent = QListWidget()
        self.recent.setObjectName("expoRecent")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.setWordWrap(True)
        self.recent_empty = QLabel()
        self.recent_empty.setObjectName("expoEmpty")
        self.recent_empty.setWordWrap(True)
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent, 1)
        column.addWidget(self.recent_empty, 1)
        return card

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self.ctx.lang()
        self.setWindowTitle(self.tr("Expo mode — %1").replace("%1", self.fair))
        self.title.setText(self.tr("Expo mode"))
        self.fair_label.setText(self.fair)
        self.count_caption.setText(self.tr("leads today"))
        self.leave_button.setText(self.tr("Leave (Esc)"))
        texts = {"name": self.tr("Name"), "phone": self.tr("Mobile phone"), "needs": self.tr("Interested in"),
                 "wedding_date": self.tr("Wedding date"), "budget": self.tr("Budget"), "notes": self.tr("Notes")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.name.setPlaceholderText(self.tr("e.g. 王芳"))
        self.phone.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.notes.setPlaceholderText(self.tr("What they are looking for, when to call back…"))
        for key, chip in self.chips.items():
            chip.setText(label(NEEDS, key, lang))
        self.consent.setText(self.tr("Agrees to receive the studio's offers and news (marketing consent)"))
        self.save_button.setText(self.tr("Save and next"))
        self.recent_title.setText(self.tr("Captured today"))
        self.recent_empty.setText(self.tr("The leads of the day appear here."))
        self.known_back.setText(self.tr("Change the phone"))
        self.hint.setText(self.tr("Enter saves and clears the form for the next visitor  ·  Esc leaves expo mode  ·  "
                                  "Everything is saved on this computer: no network needed"))
        if self.known:
            self._show_known()
        self.refresh_counts()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the form -----------------------------------------------------------------------
    def values(self) -> dict:
        return {"name": self.name.text(), "phone": self.phone.text(), "wedding_date": self.wedding_date.text(),
                "budget": self.budget.text(), "notes": self.notes.text(), "consent": self.consent.isChecked(),
                "needs": [key for key, chip in self.chips.items() if chip.isChecked()]}

    def clear(self) -> None:
        for edit in (self.name, self.phone, self.wedding_date.edit, self.budget, self.notes):
            edit.clear()
        for chip in self.chips.values():
            chip.setChecked(False)
        self.consent.setChecked(False)
        self._clear_problems()
        self._hide_known()
        self.name.setFocus()

    def _clear_problems(self) -> None:
        for message in self.messages.values():
            message.clear()

    def _show_problems(self, error: ValidationError) -> None:
        self._clear_problems()
        first = None
        fields = {"name": self.name, "phone": self.phone, "wedding_date": self.wedding_date, "budget": self.budget,
                  "notes": self.notes}
        for problem in error.errors:
            key = problem.field if problem.field in self.messages else None
            if key is None:
                continue
            self.messages[key].show_error(translated_problem(problem.message))
            if first is None:
                first = fields[key]
        if first is not None:
            first.setFocus()
        self.set_status(self.tr("Please check the marked fields."), ERROR)

    def set_status(self, text: str, color: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"QLabel#expoStatus {{ color: {color}; }}")

    def submit(self) -> int | None:
        """Enter: check the form, flag a known phone, else save the lead and clear the
        form. Returns the new client's id, or None when nothing was saved."""
        started = time.perf_counter()
        try:
            lead = expo.clean_lead(self.values())
        except ValidationError as error:
            self._show_problems(error)
            return None
        self._clear_problems()
        day = self.ctx.today()
        try:
            self.known = expo.known_phone(lead.phone, day)
            if self.known:
                self.pending_lead = lead
                self._show_known()
                return None
            client_id = expo.capture(lead, fair=self.fair, day=day)
        except ValidationError as error:
            self._show_problems(error)
            return None
        except Exception as error:  # noqa: BLE001 - shown; what was typed stays in the form
            show_error(error, self)
            return None
        self._after_write(client_id)
        self.set_status(self.tr("Saved: %1. Ready for the next visitor.").replace("%1", lead.name), SAVED_COLOR)
        self.last_save_seconds = time.perf_counter() - started
        self.saved.emit(client_id)
        return client_id

    def _after_write(self, client_id: int) -> None:
        self.changed_ids.append(client_id)
        self.clear()
        self.refresh_counts()
        self.ctx.clientsChanged.emit([client_id])

    # --- a phone the studio knows -------------------------------------------------------
    def _show_known(self) -> None:
        lang = self.ctx.lang()
        first = self.known[0]
        who = self.tr("%1 (%2)").replace("%1", first.name).replace("%2", label(STAGES, first.stage, lang)) \
            if first.stage else first.name
        if first.seen_today:
            when = first.at.strftime("%H:%M") if first.at else ""
            text = (self.tr("%1 was already captured today at %2: %3.") if when else
                    self.tr("%1 was already captured today: %3."))
        else:
            when = first.first_seen_on.isoformat() if first.first_seen_on else ""
            text = (self.tr("%1 belongs to %3, a client since %2.") if when else self.tr("%1 belongs to %3."))
        text = text.replace("%1", display_phone(first.phone)).replace("%2", when).replace("%3", who)
        if len(self.known) > 1:
            text += " " + self.tr("(%1 clients have this phone.)").replace("%1", str(len(self.known)))
        self.known_text.setText(text + "\n" + self.tr("Add what they said to %1's timeline instead of a new lead?")
                                .replace("%1", first.name))
        self.known_add.setText(self.tr("Add to %1's timeline").replace("%1", first.name))
        self.known_panel.show()
        self.actions.hide()
        self.known_add.setFocus()
        self.set_status("", SAVED_COLOR)

    def _hide_known(self) -> None:
        self.known = []
        self.pending_lead = None
        self.known_panel.hide()
        self.actions.show()

    def add_to_known(self) -> int | None:
        """The flagged client gets the booth's note (or inquiry); the form clears."""
        if not self.known or self.pending_lead is None:
            return None
        target, lead = self.known[0], self.pending_lead
        try:
            expo.add_to_known(target.client_id, lead, fair=self.fair, day=self.ctx.today())
        except Exception as error:  # noqa: BLE001 - shown; what was typed stays in the form
            show_error(error, self)
            return None
        self._after_write(target.client_id)
        self.set_status(self.tr("Added to %1's timeline. Ready for the next visitor.").replace("%1", target.name),
                        SAVED_COLOR)
        self.added.emit(target.client_id)
        return target.client_id

    def edit_phone(self) -> None:
        self._hide_known()
        self.phone.setFocus()
        self.phone.selectAll()

    # --- counts -------------------------------------------------------------------------
    def refresh_counts(self) -> None:
        day = self.ctx.today()
        try:
            count = expo.leads_today(day)
            recent = expo.recent_leads(day, RECENT_SHOWN)
        except Exception as error:  # noqa: BLE001 - the form still works; the counter says nothing
            log.warning("the expo counter cannot be read: %s", error)
            return
        self.count.setText(format_count(count))
        self.recent.clear()
        for lead in recent:
            when = lead["at"].strftime("%H:%M") if isinstance(lead["at"], datetime) else ""
            text = f"{when}   {lead['name']}" + (f"\n        {lead['phone']}" if lead["phone"] else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, lead["id"])
            self.recent.addItem(item)
        self.recent.setVisible(bool(recent))
        self.recent_empty.setVisible(not recent)

    def _warm_up(self) -> None:
        """The first save writes a name's pinyin keys: load pypinyin now, not then."""
        from lifecrm_gui.search_keys import search_text

        search_text("王芳", None, (), None, None, ())

    # --- keys and leaving ---------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.known_panel.isVisible():
                self.add_to_known()
            else:
                self.submit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            if self.known_panel.isVisible():
                self.edit_phone()
            else:
                self.leave()
            event.accept()
            return
        super().keyPressEvent(event)

    def bring_forward(self) -> None:
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def leave(self, ask: bool = True) -> bool:
        """Close expo mode, after asking (unless `ask` is False); True when it closed."""
        if ask and not self._confirm_leave():
            return False
        self._leaving = True
        self.close()
        return True

    def _confirm_leave(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Leave expo mode"),
            self.tr("Leave expo mode? Every lead captured is saved (%1 today).").replace("%1", self.count.text()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.name.setFocus()
            return False
        return True

    def closeEvent(self, event) -> None:
        # The window's close button (or Alt+F4) asks like Esc; closing from code does not.
        if not self._leaving and event.spontaneous():
            if not self._confirm_leave():
                event.ignore()
                return
        self._leaving = True
        super().closeEvent(event)
        parent = self.parentWidget()
        if parent is not None and parent.isVisible():
            parent.raise_()
            parent.activateWindow()
        self.left.emit()


def open_expo_mode(ctx, parent=None, fair: str | None = None) -> ExpoWindow | None:
    """Expo mode over the whole screen; the fair's name is asked for (the last one
    offered) unless given, and remembered. None when the person cancelled."""
    if not fair:
        dialog = FairDialog(expo.fair_name(), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        fair = dialog.fair()
    fair = expo.set_fair_name(fair)
    window = ExpoWindow(ctx, fair, parent)
    window.showFullScreen()
    window.raise_()
    window.activateWindow()
    window.name.setFocus()
    return window
