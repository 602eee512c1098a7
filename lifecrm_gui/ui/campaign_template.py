"""The message editor: channel, language, offer and cost, the text with its merge fields,
and the message as one recipient at a time will read it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lifecrm_gui.domain import templates
from lifecrm_gui.domain.campaign_rules import CHANNELS
from lifecrm_gui.domain.playbooks import PLAYBOOKS
from lifecrm_gui.domain.vocab import label

from .form_widgets import MoneyField
from .style import BORDER, ERROR, MUTED, icon

LANGUAGES = (("zh", "中文"), ("en", "English"))


class TemplateEditor(QWidget):
    """`preview_fn(template, lang, offer, client_ids) -> {client id: text}` is set by the
    page; `set_sample([(client id, name)])` gives the recipients to preview."""

    changed = Signal()

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.playbook: str | None = None
        self.preview_fn = None
        self.currency = "CNY"

        self.channel = QComboBox()
        self.language = QComboBox()
        for key, words in LANGUAGES:
            self.language.addItem(words, key)
        self.offer = QLineEdit()
        self.cost = MoneyField()
        self.text = QPlainTextEdit()
        self.text.setObjectName("templateText")
        self.text.setMinimumHeight(130)
        self.problems = QLabel()
        self.problems.setStyleSheet(f"color: {ERROR};")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.field_buttons: dict[str, QToolButton] = {}
        fields = QGridLayout()
        fields.setHorizontalSpacing(4)
        fields.setVerticalSpacing(4)
        for n, key in enumerate(templates.FIELDS):
            button = QToolButton()
            button.setObjectName("mergeField")
            button.setStyleSheet(f"QToolButton#mergeField {{ border: 1px solid {BORDER}; border-radius: 10px; "
                                 "padding: 2px 8px; background: #f3f8f7; }")
            button.clicked.connect(lambda _checked=False, k=key: self.insert_field(k))
            self.field_buttons[key] = button
            fields.addWidget(button, n // 5, n % 5)
        fields.setColumnStretch(5, 1)  # the buttons keep to the left, side by side

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_labels = [QLabel() for _ in range(4)]
        for caption, widget in zip(self.form_labels, (self.channel, self.language, self.offer, self.cost)):
            self.form.addRow(caption, widget)
        self.fields_caption = QLabel()
        self.fields_caption.setStyleSheet(f"color: {MUTED};")

        left = QVBoxLayout()
        left.setSpacing(8)
        left.addLayout(self.form)
        left.addWidget(self.fields_caption)
        left.addLayout(fields)
        left.addWidget(self.text, 1)
        left.addWidget(self.problems)

        self.sample = QComboBox()
        self.sample.setMinimumWidth(160)
        self.sample_caption = QLabel()
        self.bubble = QLabel()
        self.bubble.setObjectName("previewBubble")
        self.bubble.setWordWrap(True)
        self.bubble.setTextFormat(Qt.TextFormat.PlainText)
        self.bubble.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bubble.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.bubble.setStyleSheet("QLabel#previewBubble { background: #e9f6ec; border: 1px solid #cfe6d5; "
                                  "border-radius: 10px; padding: 10px 12px; color: #1f2d2a; }")
        self.length = QLabel()
        self.length.setStyleSheet(f"color: {MUTED};")
        self.copy_button = QPushButton(icon("fa5s.copy"), "")
        self.copy_button.clicked.connect(self.copy_preview)
        self.preview_title = QLabel()
        self.preview_title.setStyleSheet("font-weight: 600;")
        picker = QHBoxLayout()
        picker.addWidget(self.sample_caption)
        picker.addWidget(self.sample, 1)
        right_frame = QFrame()
        right_frame.setObjectName("previewFrame")
        right_frame.setStyleSheet(f"QFrame#previewFrame {{ background: #ffffff; border: 1px solid {BORDER}; "
                                  "border-radius: 8px; }")
        right = QVBoxLayout(right_frame)
        right.setContentsMargins(12, 10, 12, 10)
        right.addWidget(self.preview_title)
        right.addLayout(picker)
        right.addWidget(self.bubble)
        bottom = QHBoxLayout()
        bottom.addWidget(self.length, 1)
        bottom.addWidget(self.copy_button)
        right.addLayout(bottom)
        right.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addLayout(left, 3)
        layout.addWidget(right_frame, 2)

        for signal in (self.channel.currentIndexChanged, self.offer.textChanged, self.cost.textChanged,
                       self.text.textChanged):
            signal.connect(self._edited)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.sample.currentIndexChanged.connect(self.refresh_preview)
        self._last_lang = self.language.currentData()
        self.retranslate()

    # --- words ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        for caption, words in zip(self.form_labels, (self.tr("Channel"), self.tr("Language"), self.tr("Offer"),
                                                     self.tr("Cost"))):
            caption.setText(words)
        self.offer.setPlaceholderText(self.tr("e.g. 10% off a family portrait"))
        self.cost.setToolTip(self.tr("What the campaign cost (SMS fees, printing, gifts): its return is "
                                     "measured against it"))
        self.fields_caption.setText(self.tr("Merge fields (click to insert; {field|words} gives the words for a "
                                            "missing value)"))
        self.preview_title.setText(self.tr("Preview"))
        self.sample_caption.setText(self.tr("As read by"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy this message (to paste into WeChat)"))
        self.set_ui_language(self.lang)

    def set_ui_language(self, lang: str) -> None:
        """The language of the vocabulary shown (channels, field names)."""
        self.lang = lang
        chosen = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        for key in CHANNELS:
            self.channel.addItem(label(CHANNELS, key, lang), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(chosen)))
        self.channel.blockSignals(False)
        for key, button in self.field_buttons.items():
            field = templates.FIELDS[key]
            button.setText(field.name(lang))
            button.setToolTip(self.tr("Inserts %1; without a value: “%2”")
                              .replace("%1", templates.token(key, self.language.currentData()))
                              .replace("%2", field.fallback_en if self.language.currentData() == "en"
                                       else field.fallback_zh))

    # --- values ---------------------------------------------------------------------------
    def set_values(self, campaign: dict, currency: str = "CNY") -> None:
        self.playbook = campaign.get("playbook")
        self.currency = currency
        widgets = (self.channel, self.language, self.offer, self.cost, self.text)
        for widget in widgets:
            widget.blockSignals(True)
        self.channel.setCurrentIndex(max(0, self.channel.findData(campaign.get("channel"))))
        self.language.setCurrentIndex(max(0, self.language.findData(campaign.get("lang") or "zh")))
        self._last_lang = self.language.currentData()
        self.offer.setText(campaign.get("offer") or "")
        self.cost.set_currency(currency)
        self.cost.set_minor(campaign.get("cost") or None)
        self.text.setPlainText(campaign.get("template") or "")
        for widget in widgets:
            widget.blockSignals(False)
        self.set_ui_language(self.lang)
        self._check()
        self.refresh_preview()

    def values(self) -> dict:
        return {"template": self.text.toPlainText(), "lang": self.language.currentData(),
                "channel": self.channel.currentData(), "offer": self.offer.text().strip(),
                "cost": self.cost.text().strip()}

    def set_sample(self, people) -> None:
        """(client id, name) of the recipients to preview, the current one kept."""
        current = self.sample.currentData()
        self.sample.blockSignals(True)
        self.sample.clear()
        for client_id, name in people:
            self.sample.addItem(name, client_id)
        self.sample.setCurrentIndex(max(0, self.sample.findData(current)))
        self.sample.blockSignals(False)
        self.refresh_preview()

    # --- behaviour ------------------------------------------------------------------------
    def insert_field(self, key: str) -> None:
        self.text.insertPlainText(templates.token(key, self.language.currentData()))
        self.text.setFocus()

    def _language_changed(self, _index: int) -> None:
        """A playbook's own words follow the language; the person's own words stay."""
        old, new = self._last_lang, self.language.currentData()
        self._last_lang = new
        playbook = PLAYBOOKS.get(self.playbook or "")
        if playbook is not None:
            if self.text.toPlainText() == playbook.template(old):
                self.text.setPlainText(playbook.template(new))
            if self.offer.text() == playbook.offer(old):
                self.offer.setText(playbook.offer(new))
        self.set_ui_language(self.lang)
        self._edited()

    def _edited(self, *_args) -> None:
        self._check()
        self.refresh_preview()
        self.changed.emit()

    def _check(self) -> None:
        found = templates.problems(self.text.toPlainText())
        if found:
            self.problems.setText(self.tr("Unknown merge field: %1").replace("%1", ", ".join(
                "{" + name + "}" for name, _message in found)))
        self.problems.setVisible(bool(found))

    def refresh_preview(self, *_args) -> None:
        client_id = self.sample.currentData()
        if client_id is None or self.preview_fn is None:
            self.bubble.setText(self.tr("The audience is empty: there is no one to preview."))
            self.length.setText("")
            self.copy_button.setEnabled(False)
            return
        values = self.values()
        text = self.preview_fn(values["template"], values["lang"], values["offer"], [client_id]).get(client_id, "")
        self.bubble.setText(text)
        self.copy_button.setEnabled(bool(text))
        words = self.tr("%1 characters").replace("%1", str(len(text)))
        if self.channel.currentData() == "sms":
            words += " · " + self.tr("%1 SMS").replace("%1", str(templates.sms_parts(text)))
        self.length.setText(words)

    def copy_preview(self) -> None:
        QGuiApplication.clipboard().setText(self.bubble.text())
