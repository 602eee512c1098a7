"""The owner's settings: the studio, the language, the second backup folder, and every
threshold the rules use. On OK the policy is saved and every client is re-derived on
a worker (with progress and cancel); cancelling puts the old policy back, so the
figures never disagree with the settings."""

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from lifecrm_gui import paths

from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.vocab import TIERS, tier_label
from lifecrm_gui.services import backups
from lifecrm_gui.services.errors import ValidationError
from lifecrm_gui.services.money import SYMBOLS
from lifecrm_gui.services.recompute import recompute
from lifecrm_gui.services.settings import get_setting, load_policy, save_policy, set_setting

from . import i18n, workers
from .errors import show_error
from .new_client_dialog import FieldBox
from .style import icon

# Policy fields edited as whole numbers: (field, minimum, maximum).
NUMBER_FIELDS = (
    ("prospect_window_days", 1, 3650), ("dormant_after_days", 1, 7300), ("churned_after_days", 1, 10950),
    ("loyal_min_orders", 1, 100), ("attribution_window_days", 1, 365), ("key_top_percent", 1, 100),
    ("cooperative_orders_per_year", 1, 100), ("influence_high", 0, 100), ("frequency_high", 1, 365),
    ("expected_years", 0, 60),
)
DAY_FIELDS = frozenset(("prospect_window_days", "dormant_after_days", "churned_after_days",
                        "attribution_window_days"))
TIER_NAMES = TIERS[1:]  # the lower bounds of 准星 .. 七星


def _spin(minimum: int, maximum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setGroupSeparatorShown(True)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    spin.setMinimumWidth(110)
    return spin


class SettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.ctx = ctx
        self.original = load_policy()
        self.recompute_task = None
        self.recomputed = None  # the RecomputeResult once done

        self.studio_name = QLineEdit(get_setting("studio_name", "") or "")
        self.currency = QComboBox()
        for code, symbol in SYMBOLS.items():
            self.currency.addItem(f"{code}  {symbol}", code)
        self.currency.setCurrentIndex(max(self.currency.findData(self.original.currency), 0))
        self.language = QComboBox()
        configured = backups.configured_second_dir()
        self.original_second_dir = str(configured) if configured else ""
        self.second_dir = QLineEdit(self.original_second_dir)
        self.second_dir.setClearButtonEnabled(True)
        self.second_dir.setMinimumWidth(300)
        self.second_dir_button = QPushButton(icon("fa5s.folder-open"), "")
        self.second_dir_button.setAutoDefault(False)
        self.second_dir_button.clicked.connect(self.choose_second_dir)
        second_row = QWidget()
        row = QHBoxLayout(second_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.second_dir, 1)
        row.addWidget(self.second_dir_button)
        self.second_dir_box = FieldBox(second_row)
        self.second_dir_hint = QLabel()
        self.second_dir_hint.setObjectName("dialogHint")
        self.second_dir_hint.setWordWrap(True)
        self.spins = {name: _spin(low, high) for name, low, high in NUMBER_FIELDS}
        self.tier_spins = [_spin(1, 10_000_000) for _ in TIER_NAMES]
        self.key_tier = QComboBox()
        self.boxes = {name: FieldBox(spin) for name, spin in self.spins.items()}
        self.labels: dict[str, QLabel] = {}

        self.tabs = QTabWidget()
        self.tabs.addTab(self._studio_page(), "")
        self.tabs.addTab(self._lifecycle_page(), "")
        self.tabs.addTab(self._value_page(), "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.note = QLabel()
        self.note.setObjectName("dialogHint")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.tabs)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.show_policy(self.original)
        self.retranslate()

    # --- pages --------------------------------------------------------------------------
    def _form(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(14, 14, 14, 14)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        return page, form

    def _row(self, form: QFormLayout, key: str, widget: QWidget) -> None:
        self.labels[key] = QLabel()
        self.labels[key].setBuddy(widget if not isinstance(widget, FieldBox) else widget.field)
        form.addRow(self.labels[key], widget)

    def _studio_page(self) -> QWidget:
        page, form = self._form()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, "studio_name", self.studio_name)
        self._row(form, "currency", self.currency)
        self._row(form, "language", self.language)
        self._row(form, "second_dir", self.second_dir_box)
        self.labels["second_dir"].setBuddy(self.second_dir)
        form.addRow("", self.second_dir_hint)
        return page

    def _lifecycle_page(self) -> QWidget:
        page, form = self._form()
        for name in ("prospect_window_days", "dormant_after_days", "churned_after_days", "loyal_min_orders",
                     "attribution_window_days"):
            self._row(form, name, self.boxes[name])
        return page

    def _value_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(14, 14, 14, 14)
        layout.setSpacing(10)
        self.tier_title = QLabel()
        self.tier_title.setObjectName("sectionTitle")
        layout.addWidget(self.tier_title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        self.tier_labels = []
        for n, spin in enumerate(self.tier_spins):
            tier_name = QLabel()
            self.tier_labels.append(tier_name)
            grid.addWidget(tier_name, n // 3 * 2, n % 3)
            grid.addWidget(spin, n // 3 * 2 + 1, n % 3)
        layout.addLayout(grid)
        self.tier_box = FieldBox(QWidget())
        self.tier_box.field.hide()
        layout.addWidget(self.tier_box)
        form_page, form = self._form()
        form.setContentsMargins(0, 6, 0, 0)
        self._row(form, "key_tier", self.key_tier)
        for name in ("key_top_percent", "cooperative_orders_per_year", "influence_high", "frequency_high",
                     "expected_years"):
            self._row(form, name, self.boxes[name])
        layout.addWidget(form_page)
        layout.addStretch(1)
        return page

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self.ctx.lang()
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("Studio"))
        self.tabs.setTabText(1, self.tr("Lifecycle"))
        self.tabs.setTabText(2, self.tr("Value and classes"))
        texts = {
            "studio_name": self.tr("Studio name"),
            "currency": self.tr("Currency"),
            "language": self.tr("Language"),
            "second_dir": self.tr("Second backup folder"),
            "prospect_window_days": self.tr("Prospect window"),
            "dormant_after_days": self.tr("Dormant after"),
            "churned_after_days": self.tr("Churned after"),
            "loyal_min_orders": self.tr("Loyal from"),
            "attribution_window_days": self.tr("Campaign attribution window"),
            "key_tier": self.tr("Key clients from tier"),
            "key_top_percent": self.tr("Key clients: top share by spend"),
            "cooperative_orders_per_year": self.tr("Cooperative from"),
            "influence_high": self.tr("High influence from score"),
            "frequency_high": self.tr("High interaction from"),
            "expected_years": self.tr("Expected years as a client"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        tips = {
            "prospect_window_days": self.tr("A client without orders stays a prospect this long after their last "
                                            "contact, then counts as a lead."),
            "dormant_after_days": self.tr("A client with orders and no activity for this long is dormant."),
            "churned_after_days": self.tr("…and after this long, churned. Must be longer than the dormant window."),
            "loyal_min_orders": self.tr("Orders that make a client loyal."),
            "key_top_percent": self.tr("Paying clients in this top share of spend are key clients (80/20)."),
            "influence_high": self.tr("Word-of-mouth influence score (0-100) counted as high."),
            "frequency_high": self.tr("Client-initiated touches and orders a year counted as frequent."),
            "expected_years": self.tr("Years a client is expected to stay, for the projected lifetime value."),
        }
        for key, text in tips.items():
            self.labels[key].setToolTip(text)
            self.spins[key].setToolTip(text)
        days = self.tr(" days")
        for name in DAY_FIELDS:
            self.spins[name].setSuffix(days)
        self.spins["loyal_min_orders"].setSuffix(self.tr(" orders"))
        self.spins["cooperative_orders_per_year"].setSuffix(self.tr(" orders a year"))
        self.spins["frequency_high"].setSuffix(self.tr(" touches a year"))
        self.spins["key_top_percent"].setSuffix(" %")
        self.spins["expected_years"].setSuffix(self.tr(" years"))
        # one column of equal boxes, whatever their suffix says in this language
        width = max(170, *(spin.sizeHint().width() for spin in self.spins.values()))
        for box in (*self.spins.values(), self.key_tier):
            box.setMinimumWidth(width)
        self.tier_title.setText(self.tr("Value tiers: spend from (yuan)"))
        for n, tier_name in enumerate(self.tier_labels):
            tier_name.setText(tier_label(n + 1, lang))
        for spin in self.tier_spins:
            spin.setPrefix("¥ " if self.currency.currentData() in ("CNY", "JPY") else "")
        chosen = self.key_tier.currentData() if self.key_tier.count() else self.original.key_tier
        self.key_tier.clear()
        for tier in range(2, len(TIERS)):
            self.key_tier.addItem(tier_label(tier, lang), tier)
        self.key_tier.setCurrentIndex(max(self.key_tier.findData(chosen), 0))
        choice = self.language.currentData() if self.language.count() else i18n.saved_choice()
        self.language.clear()
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("中文（简体）", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(choice), 0))
        self.second_dir.setPlaceholderText(self.tr("None: backups stay on this computer only"))
        self.second_dir_button.setText(self.tr("Choose…"))
        self.second_dir_hint.setText(self.tr("A USB stick or a network folder: every backup is copied there too. "
                                             "When it is not connected, the backup stays here and you are told."))
        self.note.setText(self.tr("Changing a threshold re-derives every client's stage, tier and class."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- values -------------------------------------------------------------------------
    def show_policy(self, policy: Policy) -> None:
        for name, spin in self.spins.items():
            spin.setValue(int(getattr(policy, name)))
        for spin, bound in zip(self.tier_spins, policy.tier_bounds, strict=False):
            spin.setValue(int(bound) // 100)
        index = self.key_tier.findData(policy.key_tier)
        if index >= 0:
            self.key_tier.setCurrentIndex(index)

    def policy(self) -> Policy:
        values = self.original.to_dict()
        values.update({name: spin.value() for name, spin in self.spins.items()})
        values["tier_bounds"] = [spin.value() * 100 for spin in self.tier_spins]
        values["key_tier"] = self.key_tier.currentData() if self.key_tier.count() else self.original.key_tier
        values["currency"] = self.currency.currentData()
        return Policy.from_dict(values)

    def _show_problems(self, error: ValidationError) -> None:
        for name, box in self.boxes.items():
            problems = error.for_field(name)
            box.set_error(problems[0].message if problems else None)
        tier_problems = error.for_field("tier_bounds")
        self.tier_box.set_error(self.tr("The tiers need six rising amounts above zero.") if tier_problems else None)
        for n in range(self.tabs.count()):
            if any(box.error.text() for box in self.tabs.widget(n).findChildren(FieldBox)):
                self.tabs.setCurrentIndex(n)
                break

    def _messages(self) -> dict[str, str]:
        return {
            "churned_after_days": self.tr("The churn window must be longer than the dormant window."),
            "loyal_min_orders": self.tr("Loyal needs at least two orders."),
        }

    # --- the second backup folder -------------------------------------------------------
    def choose_second_dir(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Second backup folder"),
                                                  self.second_dir.text().strip() or str(Path.home()))
        if chosen:
            self.second_dir.setText(chosen)
            self.second_dir_box.set_error(None)

    def second_dir_problem(self) -> str | None:
        """Why the folder typed cannot be used; None when it can (or is unchanged, or empty)."""
        text = self.second_dir.text().strip()
        if not text or text == self.original_second_dir:
            return None
        folder = Path(text).expanduser()
        if not folder.is_dir():
            return self.tr("This folder does not exist. Is the USB stick or the network folder connected?")
        try:
            if folder.resolve() == paths.backup_dir().resolve():
                return self.tr("The backups are kept in this folder already: choose another drive.")
        except OSError:
            return self.tr("This folder cannot be read.")
        return None

    def _save_second_dir(self) -> None:
        text = self.second_dir.text().strip()
        if text != self.original_second_dir:
            backups.set_second_dir(str(Path(text).expanduser()) if text else None)

    # --- OK -----------------------------------------------------------------------------
    def apply(self) -> None:
        """Save what changed; re-derive every client when a threshold changed."""
        problem = self.second_dir_problem()
        self.second_dir_box.set_error(problem)
        if problem:
            self.tabs.setCurrentIndex(0)
            self.second_dir.setFocus()
            return
        policy = self.policy()
        problems = policy.problems()
        if problems:
            messages = self._messages()
            from lifecrm_gui.services.errors import FieldError
            self._show_problems(ValidationError([FieldError(f, messages.get(f, m)) for f, m in problems]))
            return
        for box in (*self.boxes.values(), self.tier_box):
            box.set_error(None)
        rules_changed = policy.to_dict() | {"currency": ""} != self.original.to_dict() | {"currency": ""}
        try:
            set_setting("studio_name", self.studio_name.text().strip())
            self._save_second_dir()
            if policy != self.original:
                save_policy(policy)
            choice = self.language.currentData()
            if choice != i18n.saved_choice() or i18n.resolve(choice) != i18n.current_language():
                i18n.switch_language(self.ctx, choice)
        except ValidationError as error:
            self._show_problems(error)
            return
        except Exception as error:  # noqa: BLE001 - shown, and the dialog stays open
            show_error(error, self)
            return
        if rules_changed:
            self._recompute()
        else:
            self.ctx.settingsChanged.emit()
            self.accept()

    def _recompute(self) -> None:
        today = self.ctx.today()
        self.buttons.setEnabled(False)
        dialog = workers.make_progress_dialog(self.tr("Re-deriving every client with the new settings…"), self)
        dialog.setWindowTitle(self.tr("Applying settings"))

        def work(progress, should_cancel):
            return recompute(today, progress=progress, should_cancel=should_cancel)

        self.recompute_task = workers.run_task(work, self._recomputed, self._failed, on_cancel=self._cancelled,
                                               progress_dialog=dialog)

    def _recomputed(self, result) -> None:
        self.recomputed = result
        self.buttons.setEnabled(True)
        self.ctx.settingsChanged.emit()
        self.ctx.clientsChanged.emit([])
        if result is not None and result.moved:
            self.ctx.statusMessage.emit(self.tr("Settings applied. Clients who moved stage: %1")
                                        .replace("%1", i18n.format_count(result.moved)))
        self.accept()

    def _restore(self) -> None:
        save_policy(self.original)
        self.buttons.setEnabled(True)

    def _cancelled(self) -> None:
        self._restore()
        self.note.setText(self.tr("Cancelled: the thresholds were put back as they were."))

    def _failed(self, error) -> None:
        self._restore()
        show_error(error, self)
