"""A new order, or an existing one to edit or cancel: needs category, package, amount,
paid, status, ordered on, shoot date and note, each checked beside its field."""

from datetime import date

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from lifecrm_gui.domain.vocab import NEEDS, ORDER_STATUSES
from lifecrm_gui.services.timeline import clean_order

from .form_widgets import (DateField, FieldMessage, MoneyField, VocabCombo, fit_bold_text, translated_problem,
                           with_message)
from .style import ERROR, icon

FIELDS = ("category", "package", "amount", "paid", "status", "ordered_on", "shoot_on", "note")
SAVE, CANCEL_ORDER = "save", "cancel_order"


class OrderDialog(QDialog):
    """`order` is a row of services.timeline.list_orders (None for a new order). After
    `accepted`, `action` says what was chosen and `values()` holds the order."""

    def __init__(self, client_name: str, order: dict | None = None, *, today: date, lang: str = "zh",
                 currency: str = "CNY", parent=None):
        super().__init__(parent)
        self.setObjectName("orderDialog")
        self.client_name = client_name
        self.order = order
        self.action = SAVE
        self.setMinimumWidth(460)
        self.fields: dict[str, QWidget] = {
            "category": VocabCombo(NEEDS, lang, blank=True),
            "package": QLineEdit(),
            "amount": MoneyField(currency),
            "paid": MoneyField(currency),
            "status": VocabCombo(ORDER_STATUSES, lang),
            "ordered_on": DateField(),
            "shoot_on": DateField(),
            "note": QPlainTextEdit(),
        }
        self.fields["note"].setFixedHeight(64)
        self.fields["note"].setTabChangesFocus(True)
        self.messages = {name: FieldMessage() for name in FIELDS}
        self.labels = {name: QLabel() for name in FIELDS}
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in FIELDS:
            form.addRow(self.labels[name], with_message(self.fields[name], self.messages[name]))
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setIcon(icon("fa6s.floppy-disk", "#ffffff"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.try_accept)
        self.cancel_order_button = None
        if order is not None and order.get("status") != "cancelled":
            self.cancel_order_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
            self.cancel_order_button.setIcon(icon("fa6s.ban", ERROR))
            self.cancel_order_button.clicked.connect(self.cancel_order)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(order, today)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"category": self.tr("Needs category"), "package": self.tr("Package"),
                 "amount": self.tr("Amount *"), "paid": self.tr("Paid"), "status": self.tr("Status"),
                 "ordered_on": self.tr("Ordered on *"), "shoot_on": self.tr("Shoot date"), "note": self.tr("Note")}
        for name, widget in self.labels.items():
            widget.setText(texts[name])
        if self.order is None:
            self.setWindowTitle(self.tr("New order"))
            self.headline.setText(self.tr("A new order for %1").replace("%1", self.client_name))
        else:
            self.setWindowTitle(self.tr("Edit order"))
            self.headline.setText(self.tr("Order of %1 for %2").replace("%1", str(self.order.get("ordered_on"))[:10])
                                  .replace("%2", self.client_name))
        self.fields["package"].setPlaceholderText(self.tr("e.g. 全家福 A 套餐"))
        self.save_button.setText(self.tr("Save order"))
        fit_bold_text(self.save_button)
        if self.cancel_order_button is not None:
            self.cancel_order_button.setText(self.tr("Cancel this order"))
            self.cancel_order_button.setToolTip(self.tr("Cancelled orders are kept and stop counting"))
        for name in ("ordered_on", "shoot_on"):
            self.fields[name].retranslate()

    def _fill(self, order: dict | None, today: date) -> None:
        if order is None:
            self.fields["status"].set_key("booked")
            self.fields["ordered_on"].set_value(today)
            return
        self.fields["category"].set_key(order.get("category"))
        self.fields["package"].setText(order.get("package") or "")
        self.fields["amount"].set_minor(order.get("amount"))
        self.fields["paid"].set_minor(order.get("paid"))
        self.fields["status"].set_key(order.get("status"))
        self.fields["ordered_on"].set_value(order.get("ordered_on"))
        self.fields["shoot_on"].set_value(order.get("shoot_on"))
        self.fields["note"].setPlainText(order.get("note") or "")

    def values(self) -> dict:
        """What services.timeline.add_order / update_order take."""
        f = self.fields
        return {"category": f["category"].key(), "package": f["package"].text().strip(),
                "amount": f["amount"].text().strip(), "paid": f["paid"].text().strip(),
                "status": f["status"].key(), "ordered_on": f["ordered_on"].text(), "shoot_on": f["shoot_on"].text(),
                "note": f["note"].toPlainText().strip()}

    def check(self) -> bool:
        """Show every problem beside its field; True when there is none."""
        for message in self.messages.values():
            message.clear()
        values = self.values()
        _cleaned, errors = clean_order(values)
        for error in errors:
            self.messages.get(error.field, self.messages["note"]).show_error(translated_problem(error.message))
        if not values["ordered_on"]:
            self.messages["ordered_on"].show_error(self.tr("The order needs a date"))
        return not errors and bool(values["ordered_on"])

    def try_accept(self) -> None:
        if self.check():
            self.action = SAVE
            self.accept()

    def cancel_order(self) -> None:
        self.action = CANCEL_ORDER
        self.accept()
