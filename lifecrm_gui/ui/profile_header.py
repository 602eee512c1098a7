"""The client's header: name, coloured stage badge, tier stars, class, word-of-mouth
quadrant and lifetime value, each figure with its reason in words. The profile page
shows it in full (figure cards); the timeline page shows the compact line."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from lifecrm_gui.domain.vocab import CLASSES, QUADRANTS, STAGES, label, tier_label
from lifecrm_gui.services.money import format_money

from .badges import StageBadge, paint_stars, stars_width
from .form_widgets import caption_label
from .style import MUTED, icon

STAR_SIZE = 13.0


class TierStars(QWidget):
    """The value tier as gold stars (a hollow one for 准星, a dash for 无星)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tier = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_tier(self, tier: int) -> None:
        self.tier = int(tier or 0)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(stars_width(self.tier, STAR_SIZE), int(STAR_SIZE) + 6)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        paint_stars(painter, QRectF(self.rect()), self.tier, STAR_SIZE)
        painter.end()


class Chip(QLabel):
    """A quiet rounded label for the class and the quadrant."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("chip")
        self.setStyleSheet("QLabel#chip { background: #eef2f1; color: #37474f; border-radius: 9px; "
                           "padding: 1px 9px; }")


class FigureCard(QFrame):
    """One derived figure: a caption, the value, and the reason in words."""

    def __init__(self, value_widgets: list[QWidget], parent=None):
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setStyleSheet("QFrame#figureCard { background: #ffffff; border: 1px solid #e1e6e4; "
                           "border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(3)
        self.caption = caption_label()
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        row.setSpacing(6)
        for widget in value_widgets:
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setObjectName("reason")
        self.reason.setStyleSheet(f"QLabel#reason {{ color: {MUTED}; }}")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.reason, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)


class ClientHeader(QWidget):
    """Name and figures of the selected client; `set_profile` takes services.profile.client_profile's
    dict (plus "currency")."""

    def __init__(self, compact: bool = False, parent=None):
        super().__init__(parent)
        self.compact = compact
        self.profile: dict | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)

        self.title_row = QHBoxLayout()
        self.title_row.setSpacing(10)
        self.avatar = QLabel()
        self.avatar.setFixedSize(36, 36)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel()
        self.name.setObjectName("clientName")
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet(f"color: {MUTED};")
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name)
        names.addWidget(self.subtitle)
        self.title_row.addWidget(self.avatar)
        self.title_row.addLayout(names)

        self.stage_badge = StageBadge()
        self.stars = TierStars()
        self.tier_label = QLabel()
        self.class_chip = Chip()
        self.quadrant_chip = Chip()
        self.ltv_value = QLabel()
        value_font = QFont(self.ltv_value.font())
        value_font.setBold(True)
        self.ltv_value.setFont(value_font)
        self.trash_chip = Chip()
        self.trash_chip.setStyleSheet("QLabel#chip { background: #fde8e7; color: #b3261e; border-radius: 9px; "
                                      "padding: 1px 9px; }")
        self.trash_chip.hide()

        if compact:
            self.title_row.addSpacing(6)
            for widget in (self.stage_badge, self.stars, self.tier_label, self.class_chip, self.quadrant_chip,
                           self.trash_chip):
                self.title_row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
            self.title_row.addStretch(1)
            self.ltv_caption = caption_label()
            self.title_row.addWidget(self.ltv_caption)
            self.title_row.addWidget(self.ltv_value)
            outer.addLayout(self.title_row)
            self.cards = {}
        else:
            self.title_row.addWidget(self.trash_chip, 0, Qt.AlignmentFlag.AlignVCenter)
            self.title_row.addStretch(1)
            outer.addLayout(self.title_row)
            self.ltv_parts = QLabel()
            self.ltv_parts.setWordWrap(True)
            self.cards = {
                "stage": FigureCard([self.stage_badge]),
                "tier": FigureCard([self.stars, self.tier_label]),
                "class": FigureCard([self.class_chip]),
                "quadrant": FigureCard([self.quadrant_chip]),
                "ltv": FigureCard([self.ltv_value]),
            }
            grid = QGridLayout()
            grid.setSpacing(8)
            for column, card in enumerate(self.cards.values()):
                grid.addWidget(card, 0, column)
                grid.setColumnStretch(column, 5 if column == 4 else 4)
            outer.addLayout(grid)
        self.retranslate()

    def add_to_title_row(self, widget: QWidget) -> None:
        """Place a widget (the page's actions) at the right of the name."""
        self.title_row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)

    def retranslate(self) -> None:
        captions = {"stage": self.tr("Stage"), "tier": self.tr("Value tier"), "class": self.tr("Class"),
                    "quadrant": self.tr("Word of mouth"), "ltv": self.tr("Lifetime value")}
        for key, card in self.cards.items():
            card.caption.setText(captions[key])
        if self.compact:
            self.ltv_caption.setText(self.tr("Lifetime value"))
        self.trash_chip.setText(self.tr("In the trash"))
        if self.profile is not None:
            self.set_profile(self.profile)

    def _hide_empty_chips(self) -> None:
        for chip in (self.class_chip, self.quadrant_chip):
            chip.setVisible(bool(chip.text()))

    def clear(self) -> None:
        self.profile = None
        self.name.setText("")
        self.subtitle.setText("")

    def set_profile(self, profile: dict) -> None:
        self.profile = profile
        client, shown = profile["client"], profile["display"]
        derived = profile.get("derived")
        currency = profile.get("currency", "CNY")
        money = lambda minor: format_money(minor, currency)  # noqa: E731
        enterprise = client.get("kind") == "enterprise"
        self.avatar.setPixmap(icon("fa6s.building" if enterprise else "fa6s.user", "#6b8f8d").pixmap(QSize(26, 26)))
        self.avatar.setStyleSheet("background: #e4efee; border-radius: 18px;")
        self.name.setText(client.get("name") or "")
        bits = [shown.get("kind") or ""]
        if enterprise and client.get("industry"):
            bits.append(shown.get("industry"))
        if client.get("contact_person"):
            bits.append(self.tr("contact: %1").replace("%1", client["contact_person"]))
        if shown.get("phone"):
            bits.append(shown["phone"])
        if derived and derived.get("satisfaction") is not None:
            bits.append(self.tr("satisfaction %1/5").replace("%1", f"{derived['satisfaction']:.1f}"))
        bits.append(f"#{client.get('id')}")
        self.subtitle.setText("  ·  ".join(b for b in bits if b))
        self.trash_chip.setVisible(bool(profile.get("deleted")))
        if derived is None:  # in the trash: the figures as last stored, not kept up to date
            lang = profile.get("lang", "zh")
            stage = client.get("stage")
            self.stage_badge.set_stage(stage, label(STAGES, stage, lang))
            self.stars.set_tier(client.get("tier") or 0)
            self.tier_label.setText(tier_label(client.get("tier") or 0, lang))
            self.class_chip.setText(label(CLASSES, client.get("client_class"), lang))
            self.quadrant_chip.setText(label(QUADRANTS, client.get("quadrant"), lang))
            self.ltv_value.setText(money(client.get("ltv_total")))
            for key, card in self.cards.items():
                card.reason.setText(self.tr("As when it went to the trash; not kept up to date there.")
                                    if key == "stage" else "")
            self._hide_empty_chips()
            return
        self.stage_badge.set_stage(derived["stage"], derived["stage_label"])
        self.stars.set_tier(derived["tier"])
        self.tier_label.setText(derived["tier_label"])
        pinned = derived.get("class_pinned")
        self.class_chip.setText(self.tr("%1 (pinned)").replace("%1", derived["class_label"]) if pinned
                                else derived["class_label"])
        self.quadrant_chip.setText(derived["quadrant_label"])
        ltv = derived["ltv"]
        self.ltv_value.setText(money(ltv["total"]))
        parts = (self.tr("= spend %1 + projected %2 + referrals %3")
                 .replace("%1", money(ltv["historical"])).replace("%2", money(ltv["projected"]))
                 .replace("%3", money(ltv["referral"])))
        projected_why = self.tr("projected: average order × orders a year × %1 more years").replace(
            "%1", str(ltv.get("expected_years", 10)))
        reasons = {"stage": derived["stage_reason"], "tier": derived["tier_reason"],
                   "class": derived["class_reason"], "quadrant": derived["quadrant_reason"],
                   "ltv": parts + "\n" + projected_why}
        self._hide_empty_chips()
        if self.compact:
            self.stage_badge.setToolTip(reasons["stage"])
            self.stars.setToolTip(reasons["tier"])
            self.tier_label.setToolTip(reasons["tier"])
            self.class_chip.setToolTip(self.tr("Class: %1").replace("%1", reasons["class"]))
            self.quadrant_chip.setToolTip(self.tr("Word of mouth: %1").replace("%1", reasons["quadrant"]))
            self.ltv_value.setToolTip(reasons["ltv"])
        else:
            for key, card in self.cards.items():
                card.reason.setText(reasons[key])
