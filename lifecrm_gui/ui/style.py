"""The look: Fusion with a calm light palette, the style sheet in resources/style.qss,
and icons from qtawesome's bundled fonts (nothing is downloaded)."""

import logging

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from lifecrm_gui import paths

log = logging.getLogger(__name__)

ACCENT = "#2a7d7b"
ACCENT_DARK = "#1f5f5d"
TEXT = "#263238"
MUTED = "#6b7a80"
WINDOW = "#f5f6f4"
BASE = "#ffffff"
ALTERNATE = "#f8faf9"
BORDER = "#d9dedc"
ERROR = "#b3261e"
ICON_COLOR = "#455a64"


def palette() -> QPalette:
    pal = QPalette()
    roles = QPalette.ColorRole
    for role, color in ((roles.Window, WINDOW), (roles.WindowText, TEXT), (roles.Base, BASE),
                        (roles.AlternateBase, ALTERNATE), (roles.Text, TEXT), (roles.Button, "#fbfbfa"),
                        (roles.ButtonText, TEXT), (roles.Highlight, "#cfe6e4"), (roles.HighlightedText, TEXT),
                        (roles.ToolTipBase, "#ffffff"), (roles.ToolTipText, TEXT), (roles.Link, ACCENT),
                        (roles.PlaceholderText, "#98a4a8"), (roles.Mid, BORDER), (roles.Midlight, "#e8ecea")):
        pal.setColor(role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(disabled, role, QColor("#a7b0b3"))
    return pal


def style_sheet() -> str:
    try:
        text = paths.resource_path("style.qss").read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet not found; using the plain style")
        return ""
    # Images in a style sheet are found from the working folder: point them at ours.
    return text.replace("{icons}", paths.resource_path("icons").as_posix())


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setStyleSheet(style_sheet())


def icon(name: str, color: str = ICON_COLOR) -> QIcon:
    """A qtawesome icon ("mdi6.account-plus"); an empty icon if the name is unknown."""
    import qtawesome

    try:
        return qtawesome.icon(name, color=color, color_disabled="#b0b8bb")
    except Exception:  # noqa: BLE001 - an unknown icon name must not break a window
        log.warning("unknown icon %s", name)
        return QIcon()


def app_icon() -> QIcon:
    found = QIcon()
    for name in ("lifecrm.svg", "lifecrm.png"):
        path = paths.resource_path("icons", name)
        if path.exists():
            found.addFile(str(path))
    return found
