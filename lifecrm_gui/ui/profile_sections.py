"""The client record as a form (domain.md §1), in two columns of groups: identity,
contact, origin and consent on the left; life events, preferences, influence and
tags on the right. Every field has its message underneath; the form knows its
values, which of them changed, and how to show the services' field errors."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QLabel,
                               QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

from lifecrm_gui.domain.vocab import (CLIENT_KINDS, CONSENT_CHANNELS, INDUSTRIES, NEEDS_ENTERPRISE, NEEDS_INDIVIDUAL,
                                      SOURCES, STYLES)
from lifecrm_gui.services.clients import clean_client, clean_family_member, find_duplicates
from lifecrm_gui.services.money import format_money

from .family_editor import FamilyEditor
from .form_widgets import CheckList, DateField, FieldMessage, VocabCombo, translated_problem, with_message
from .profile_fields import ReferrerPicker, TagsEdit
from .style import MUTED

LINE_FIELDS = ("name", "contact_person", "salutation", "phone", "phone_alt", "wechat", "email", "address",
               "source_detail")
DATE_FIELDS = ("birthday", "wedding_date", "first_seen_on", "consent_on")
COMBO_FIELDS = {"kind": CLIENT_KINDS, "industry": INDUSTRIES, "source": SOURCES, "consent_channel": CONSENT_CHANNELS}
CHECK_FIELDS = ("birthday_lunar", "influence_relevant", "annual_contract", "consent")
COUNT_FIELDS = ("followers", "engagement")
CONTACT_FIELDS = ("phone", "phone_alt", "wechat", "email")
ENTERPRISE_ONLY = ("industry", "reputation_rank", "annual_contract")


class ProfileForm(QWidget):
    """Every editable field of one client. `values()` gives comparable values keyed by the
    column names services.clients.update_client takes."""

    changed = Signal()
    referrerPicked = Signal(object)

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.client_id: int | None = None
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.forms: dict[str, QFormLayout] = {}
        self._loading = False
        self._build_fields()
        self._build_layout()
        self._connect()
        self.retranslate()
        self._kind_changed()
        self._consent_changed(False)

    # construction

    def _build_fields(self) -> None:
        for name in LINE_FIELDS:
            self.fields[name] = QLineEdit()
        for name in DATE_FIELDS:
            self.fields[name] = DateField()
            self.fields[name].setMaximumWidth(220)
        for name, table in COMBO_FIELDS.items():
            self.fields[name] = VocabCombo(table, self.lang, blank=name != "kind")
        rank = QComboBox()
        rank.addItem("—", None)
        for value in range(1, 6):
            rank.addItem(str(value), value)
        self.fields["reputation_rank"] = rank
        for name in CHECK_FIELDS:
            self.fields[name] = QCheckBox()
        for name in COUNT_FIELDS:
            spin = QSpinBox()
            spin.setRange(0, 2_000_000_000)
            spin.setGroupSeparatorShown(True)
            spin.setFixedWidth(170)
            self.fields[name] = spin
        self.fields["styles"] = CheckList(STYLES, self.lang, columns=3)
        self.needs_individual = CheckList(NEEDS_INDIVIDUAL, self.lang, columns=3)
        self.needs_enterprise = CheckList(NEEDS_ENTERPRISE, self.lang, columns=3)
        needs = QWidget()
        needs_layout = QVBoxLayout(needs)
        needs_layout.setContentsMargins(0, 0, 0, 0)
        needs_layout.addWidget(self.needs_individual)
        needs_layout.addWidget(self.needs_enterprise)
        self.fields["needs"] = needs
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(72)
        self.fields["notes"] = notes
        self.fields["tags"] = TagsEdit()
        self.fields["family"] = FamilyEditor(self.lang)
        self.fields["referred_by"] = ReferrerPicker()
        self.referrals = QLabel()
        self.referrals.setWordWrap(True)
        self.referrals.setStyleSheet(f"color: {MUTED};")
        for name in self.fields:
            self.messages[name] = FieldMessage()

    def _build_layout(self) -> None:
        sections = {
            "identity": ("name", "kind", "industry", "contact_person", "salutation"),
            "contact": ("phone", "phone_alt", "wechat", "email", "address"),
            "origin": ("source", "source_detail", "referred_by", "referrals", "first_seen_on"),
            "consent": ("consent", "consent_on", "consent_channel"),
            "life": ("birthday", "wedding_date", "family"),
            "preferences": ("styles", "needs", "notes"),
            "influence": ("followers", "engagement", "influence_relevant", "reputation_rank", "annual_contract"),
            "tags": ("tags",),
        }
        for section, names in sections.items():
            box = QGroupBox()
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form.setHorizontalSpacing(10)
            form.setVerticalSpacing(6)
            for name in names:
                label = QLabel()
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.labels[name] = label
                if name == "referrals":
                    row = self.referrals
                elif name == "birthday":
                    row = with_message(self.fields[name], self.messages[name], self.fields["birthday_lunar"])
                elif name in ("styles", "needs", "family"):
                    row = with_message(self.fields[name], self.messages[name])
                    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                    label.setContentsMargins(0, 3, 0, 0)
                else:
                    row = with_message(self.fields[name], self.messages[name])
                self.rows[name] = row
                form.addRow(label, row)
            self.groups[section] = box
            self.forms[section] = form
        columns = QGridLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setHorizontalSpacing(12)
        columns.setVerticalSpacing(12)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, names in ((left, ("identity", "contact", "origin", "consent")),
                              (right, ("life", "preferences", "influence", "tags"))):
            column.setSpacing(12)
            for section in names:
                column.addWidget(self.groups[section])
            column.addStretch(1)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 5)
        columns.setColumnStretch(1, 6)  # the family rows need the room

    def _connect(self) -> None:
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._edited)
                widget.editingFinished.connect(lambda n=name: self.check_field(n))
            elif isinstance(widget, DateField):
                widget.changed.connect(self._edited)
                widget.editingFinished.connect(lambda n=name: self.check_field(n))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._edited)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._edited)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._edited)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._edited)
        for widget in (self.fields["styles"], self.needs_individual, self.needs_enterprise, self.fields["tags"],
                       self.fields["family"]):
            widget.changed.connect(self._edited)
        self.fields["kind"].currentIndexChanged.connect(self._kind_changed)
        self.fields["consent"].toggled.connect(self._consent_changed)
        self.fields["referred_by"].picked.connect(self.referrerPicked)

    # texts

    def retranslate(self) -> None:
        titles = {"identity": self.tr("Identity"), "contact": self.tr("Contact"), "origin": self.tr("Origin"),
                  "consent": self.tr("Marketing consent"), "life": self.tr("Life events"),
                  "preferences": self.tr("Preferences"), "influence": self.tr("Word-of-mouth influence"),
                  "tags": self.tr("Tags")}
        for section, box in self.groups.items():
            box.setTitle(titles[section])
        texts = {
            "name": self.tr("Name *"), "kind": self.tr("Kind"), "industry": self.tr("Industry"),
            "contact_person": self.tr("Contact person"), "salutation": self.tr("Salutation"),
            "phone": self.tr("Mobile"), "phone_alt": self.tr("Second mobile"), "wechat": self.tr("WeChat"),
            "email": self.tr("Email"), "address": self.tr("Address"), "source": self.tr("Source"),
            "source_detail": self.tr("Source detail"), "referred_by": self.tr("Referred by"),
            "referrals": self.tr("Has referred"), "first_seen_on": self.tr("First seen"),
            "consent": self.tr("Consent"), "consent_on": self.tr("Given on"), "consent_channel": self.tr("Channel"),
            "birthday": self.tr("Birthday"), "wedding_date": self.tr("Wedding date"), "family": self.tr("Family"),
            "styles": self.tr("Styles"), "needs": self.tr("Needs"), "notes": self.tr("Notes"),
            "followers": self.tr("Followers"), "engagement": self.tr("Engagement"),
            "influence_relevant": self.tr("Relevance"), "reputation_rank": self.tr("Reputation rank"),
            "annual_contract": self.tr("Contract"), "tags": self.tr("Tags"),
        }
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.fields["birthday_lunar"].setText(self.tr("Lunar calendar"))
        self.fields["consent"].setText(self.tr("Agrees to receive offers and greetings"))
        self.fields["influence_relevant"].setText(self.tr("Posts reach the studio's audience"))
        self.fields["annual_contract"].setText(self.tr("Annual contract"))
        self.fields["engagement"].setSuffix(self.tr(" per post"))
        self.fields["engagement"].setToolTip(self.tr("Typical likes and comments per post"))
        self.fields["reputation_rank"].setToolTip(self.tr("1 (little known) to 5 (leading name), for enterprises"))
        self.fields["salutation"].setPlaceholderText(self.tr("How to address them, e.g. 王女士"))
        self.fields["phone"].setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.fields["wechat"].setPlaceholderText(self.tr("WeChat id"))
        self.fields["email"].setPlaceholderText(self.tr("name@example.com"))
        self.fields["source_detail"].setPlaceholderText(self.tr("e.g. which expo, which post"))
        for name in DATE_FIELDS:
            self.fields[name].retranslate()
        self.fields["family"].retranslate()
        self.fields["tags"].retranslate()
        self.fields["referred_by"].retranslate()
        self._show_referrals()

    def relabel(self, lang: str) -> None:
        """Vocabulary names in the new language (the choices stay)."""
        self.lang = lang
        for name in COMBO_FIELDS:
            self.fields[name].relabel(lang)
        for checks in (self.fields["styles"], self.needs_individual, self.needs_enterprise):
            checks.relabel(lang)
        self.fields["family"].relabel(lang)

    # values

    def set_profile(self, profile: dict) -> None:
        """Fill the form from services.profile.client_profile's dict, without counting as an edit."""
        self._loading = True
        try:
            client, shown = profile["client"], profile["display"]
            self.client_id = client["id"]
            self._referrals = profile.get("referrals", [])
            self._currency = profile.get("currency", "CNY")
            for name in LINE_FIELDS:
                value = shown.get(name) if name in ("phone", "phone_alt") else client.get(name)
                self.fields[name].setText(value or "")
            for name in DATE_FIELDS:
                self.fields[name].set_value(client.get(name))
            for name in COMBO_FIELDS:
                self.fields[name].set_key(client.get(name))
            rank = self.fields["reputation_rank"]
            rank.setCurrentIndex(max(0, rank.findData(client.get("reputation_rank"))))
            for name in CHECK_FIELDS:
                self.fields[name].setChecked(bool(client.get(name)))
            for name in COUNT_FIELDS:
                self.fields[name].setValue(int(client.get(name) or 0))
            self.fields["styles"].set_checked([s for s in (client.get("styles") or "").split(",") if s])
            needs = [n for n in (client.get("needs") or "").split(",") if n]
            self.needs_individual.set_checked(needs)
            self.needs_enterprise.set_checked(needs)
            self.fields["notes"].setPlainText(client.get("notes") or "")
            self.fields["tags"].set_tags(profile.get("tags", []))
            self.fields["family"].set_members(profile.get("family", []))
            picker = self.fields["referred_by"]
            picker.client_id = client["id"]
            picker.set_referrer(client.get("referred_by"), shown.get("referred_by"))
            self.clear_problems()
            self._kind_changed()
            self._show_referrals()
        finally:
            self._loading = False

    def values(self) -> dict:
        out = {}
        for name in LINE_FIELDS:
            out[name] = self.fields[name].text().strip()
        for name in DATE_FIELDS:
            out[name] = self.fields[name].text()
        for name in COMBO_FIELDS:
            out[name] = self.fields[name].key()
        out["reputation_rank"] = self.fields["reputation_rank"].currentData()
        for name in CHECK_FIELDS:
            out[name] = self.fields[name].isChecked()
        for name in COUNT_FIELDS:
            out[name] = self.fields[name].value()
        out["styles"] = self.fields["styles"].checked()
        out["needs"] = self.needs_individual.checked() + self.needs_enterprise.checked()
        out["notes"] = self.fields["notes"].toPlainText()
        out["tags"] = self.fields["tags"].tags()
        out["family"] = self.fields["family"].members()
        out["referred_by"] = self.fields["referred_by"].referrer_id()
        return out

    def set_referrer(self, client_id: int | None, name: str | None) -> None:
        self.fields["referred_by"].set_referrer(client_id, name)
        self._edited()

    # checking

    def check_field(self, name: str) -> bool:
        """Show the problem with one field (or a duplicate warning); True when it is fine."""
        message = self.messages[name]
        widget = self.fields[name]
        if isinstance(widget, DateField):
            problem = widget.problem()
        else:
            _values, errors = clean_client({name: widget.text()}, partial=True)
            problem = translated_problem(errors[0].message) if errors else None
        if problem:
            message.show_error(problem)
            return False
        message.clear()
        if name in CONTACT_FIELDS and widget.text().strip() and self.client_id is not None:
            self._warn_duplicates(name, widget.text())
        return True

    def _warn_duplicates(self, name: str, text: str) -> None:
        values, _errors = clean_client({name: text}, partial=True)
        value = values.get(name)
        column = "phone" if name == "phone_alt" else name
        found = find_duplicates(**{column: value}, exclude_id=self.client_id) if value else []
        if found:
            others = ", ".join(f"{d.name} (#{d.client_id})" for d in found[:3])
            self.messages[name].show_warning(self.tr("Also on file for %1").replace("%1", others))

    def check_all(self, changes: dict) -> bool:
        """Show every problem in the changed fields; True when there is none."""
        ok = True
        plain = {k: v for k, v in changes.items() if k not in ("family", "referred_by", "tags")}
        _values, errors = clean_client(plain, partial=True)
        for error in errors:
            self.show_problem(error.field, error.message)
            ok = False
        if "family" in changes:
            editor = self.fields["family"]
            editor.clear_problems()
            for index, member in enumerate(changes["family"]):
                _member, problems = clean_family_member(member, index)
                for problem in problems:
                    editor.show_problem(index, translated_problem(problem.message))
                    ok = False
        return ok

    def show_problem(self, field: str, message: str) -> None:
        """A service's field error beside its field ("family[2].birthday" goes to that row)."""
        if field.startswith("family["):
            index = int(field[len("family["):field.index("]")])
            self.fields["family"].show_problem(index, translated_problem(message))
            return
        target = self.messages.get(field) or self.messages["name"]
        target.show_error(translated_problem(message))

    def clear_problems(self, names=None) -> None:
        """Hide the messages of these fields (all when None)."""
        for name, message in self.messages.items():
            if names is None or name in names:
                message.clear()
        if names is None or "family" in names:
            self.fields["family"].clear_problems()

    def first_problem(self) -> QWidget | None:
        for name, message in self.messages.items():
            if message.is_error():
                return self.rows.get(name)
        for row in self.fields["family"].rows:
            if row.message.is_error():
                return row
        return None

    def set_read_only(self, flag: bool) -> None:
        for name, widget in self.fields.items():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(flag)
            elif isinstance(widget, DateField):
                widget.setReadOnly(flag)
            elif isinstance(widget, FamilyEditor):
                widget.set_read_only(flag)
            else:
                widget.setEnabled(not flag)
        self.needs_individual.setEnabled(not flag)
        self.needs_enterprise.setEnabled(not flag)

    # reactions

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def _kind_changed(self, *_args) -> None:
        enterprise = self.fields["kind"].key() == "enterprise"
        for name in ENTERPRISE_ONLY:
            form = self.forms["identity" if name == "industry" else "influence"]
            form.setRowVisible(self.rows[name], enterprise)
        needs = set(self.needs_individual.checked() + self.needs_enterprise.checked())
        self.needs_individual.setVisible(not enterprise or bool(needs & set(NEEDS_INDIVIDUAL)))
        self.needs_enterprise.setVisible(enterprise or bool(needs & set(NEEDS_ENTERPRISE)))

    def _consent_changed(self, given: bool) -> None:
        for name in ("consent_on", "consent_channel"):
            self.fields[name].setEnabled(given)

    def _show_referrals(self) -> None:
        referrals = getattr(self, "_referrals", [])
        currency = getattr(self, "_currency", "CNY")
        if not referrals:
            self.referrals.setText(self.tr("nobody yet"))
            return
        self.referrals.setText(", ".join(f"{r['name']} ({format_money(r['spend'], currency)})"
                                         for r in referrals))
