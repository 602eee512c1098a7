"""The client's family (spouse, children, parents): one row per member with a
relation, a name and a birthday (lunar or not); children's birthdays drive the
studio's repeat shoots."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from lifecrm_gui.domain.vocab import RELATIONS

from .form_widgets import DateField, FieldMessage, VocabCombo
from .style import MUTED, icon


class FamilyRow(QWidget):
    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, member: dict, lang: str, parent=None):
        super().__init__(parent)
        self.member = dict(member)  # keeps uuid, gender and note, which the row does not edit
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.relation = VocabCombo(RELATIONS, lang)
        self.relation.set_key(member.get("relation") or "child")
        self.name = QLineEdit(member.get("name") or "")
        self.name.setMinimumWidth(80)
        self.birthday = DateField()
        self.birthday.set_value(member.get("birthday"))
        self.lunar = QCheckBox()
        self.lunar.setChecked(bool(member.get("birthday_lunar")))
        self.remove = QToolButton()
        self.remove.setIcon(icon("fa6s.trash-can"))
        self.remove.setAutoRaise(True)
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        row.addWidget(self.relation)
        row.addWidget(self.name, 3)
        row.addWidget(self.birthday, 3)
        row.addWidget(self.lunar)
        row.addWidget(self.remove)
        column.addLayout(row)
        self.message = FieldMessage()
        self.message.attach(self.birthday)
        column.addWidget(self.message)
        self.relation.currentIndexChanged.connect(self.changed)
        self.name.textChanged.connect(self.changed)
        self.birthday.changed.connect(self.changed)
        self.lunar.toggled.connect(self.changed)
        self.birthday.editingFinished.connect(self.check)
        self.retranslate()

    def retranslate(self) -> None:
        self.name.setPlaceholderText(self.tr("Name"))
        self.lunar.setText(self.tr("Lunar"))
        self.lunar.setToolTip(self.tr("The birthday is a lunar calendar date"))
        self.remove.setToolTip(self.tr("Remove this family member"))
        self.birthday.retranslate()

    def value(self) -> dict:
        return {**self.member, "relation": self.relation.key(), "name": self.name.text().strip(),
                "birthday": self.birthday.text(), "birthday_lunar": self.lunar.isChecked()}

    def check(self) -> bool:
        problem = self.birthday.problem()
        if problem:
            self.message.show_error(problem)
        else:
            self.message.clear()
        return problem is None

    def set_read_only(self, flag: bool) -> None:
        for widget in (self.relation, self.lunar, self.remove):
            widget.setEnabled(not flag)
        self.name.setReadOnly(flag)
        self.birthday.setReadOnly(flag)


class FamilyEditor(QWidget):
    """All family members of one client; `members()` is what services.clients.set_family takes."""

    changed = Signal()

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.rows: list[FamilyRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.empty = QLabel()
        self.empty.setStyleSheet(f"color: {MUTED};")
        self.list = QVBoxLayout()
        self.list.setSpacing(4)
        self.add_button = QPushButton(icon("fa6s.plus"), "")
        self.add_button.clicked.connect(self.add_member)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addWidget(self.empty)
        layout.addLayout(self.list)
        layout.addLayout(buttons)
        self.retranslate()
        self._update_empty()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No family members yet."))
        self.add_button.setText(self.tr("Add family member"))
        for row in self.rows:
            row.retranslate()

    def relabel(self, lang: str) -> None:
        self.lang = lang
        for row in self.rows:
            row.relation.relabel(lang)

    def set_members(self, members) -> None:
        for row in list(self.rows):
            self._drop(row)
        for member in members or ():
            self._append(member)
        self._update_empty()

    def add_member(self) -> FamilyRow:
        row = self._append({"relation": "child", "name": "", "birthday": None, "birthday_lunar": False})
        self._update_empty()
        row.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return row

    def members(self) -> list[dict]:
        return [row.value() for row in self.rows]

    def check(self) -> bool:
        return all([row.check() for row in self.rows])

    def show_problem(self, index: int, text: str) -> None:
        if 0 <= index < len(self.rows):
            self.rows[index].message.show_error(text)

    def clear_problems(self) -> None:
        for row in self.rows:
            row.message.clear()

    def set_read_only(self, flag: bool) -> None:
        self.add_button.setEnabled(not flag)
        for row in self.rows:
            row.set_read_only(flag)

    def _append(self, member: dict) -> FamilyRow:
        row = FamilyRow(member, self.lang)
        row.changed.connect(self.changed)
        row.removeRequested.connect(self._remove)
        self.rows.append(row)
        self.list.addWidget(row)
        return row

    def _remove(self, row: FamilyRow) -> None:
        self._drop(row)
        self._update_empty()
        self.changed.emit()

    def _drop(self, row: FamilyRow) -> None:
        self.rows.remove(row)
        self.list.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _update_empty(self) -> None:
        self.empty.setVisible(not self.rows)
