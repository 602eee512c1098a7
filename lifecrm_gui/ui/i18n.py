"""The window's language: which translator is installed, the person's choice (follow
the system, 中文 or English), and a font that shows Chinese on every system.

The choice lives in the studio database: "language_choice" holds "system", "zh" or
"en", and "language" always holds the language in effect ("zh" or "en"), which the
services and ctx.lang() read for the domain's labels.
"""

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QGuiApplication

from lifecrm_gui import paths

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
CHOICES = ("system", "zh", "en")
QM_FILES = {"zh": "lifecrm_zh_CN", "en": "lifecrm_en"}
QT_QM_FILES = {"zh": "qtbase_zh_CN", "en": "qtbase_en"}
LOCALES = {"zh": QLocale.Language.Chinese, "en": QLocale.Language.English}
TERRITORIES = {"zh": QLocale.Country.China, "en": QLocale.Country.UnitedStates}

# Families that hold Simplified Chinese glyphs on Windows, macOS and Linux, in that
# order; each also has Latin letters, so one family serves a whole label.
CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
                "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans SC")

_translators: list[QTranslator] = []
_current = "en"


def system_language() -> str:
    """"zh" on a Chinese system, else "en" (the source language)."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(choice: str | None) -> str:
    return choice if choice in LANGUAGES else system_language()


def saved_choice() -> str:
    """The person's choice as stored in the database; "system" when none was made."""
    from lifecrm_gui.services.settings import get_setting

    choice = get_setting("language_choice")
    if choice in CHOICES:
        return choice
    return "system"


def save_choice(choice: str) -> str:
    """Store the choice and the language it means; returns that language."""
    from lifecrm_gui.services.settings import set_setting

    if choice not in CHOICES:
        raise ValueError(f"unknown language choice: {choice}")
    lang = resolve(choice)
    set_setting("language_choice", choice)
    set_setting("language", lang)
    return lang


def sync_language_setting(lang: str) -> None:
    """Make the database's "language" say what the window shows (the system's language
    may differ from the last PC's); a read-only database just keeps its value."""
    from lifecrm_gui.services.settings import get_setting, set_setting

    try:
        if get_setting("language") != lang:
            set_setting("language", lang)
    except Exception as error:  # noqa: BLE001 - a read-only file must not stop the window
        log.warning("could not store the language setting: %s", error)


def current_language() -> str:
    return _current


def install_translators(lang: str) -> bool:
    """Swap in the translators of `lang` (ours and Qt's own for standard buttons); every
    widget then receives a LanguageChange event. False when our .qm file is missing."""
    global _current
    app = QCoreApplication.instance()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    ours = QTranslator(app)
    found = ours.load(QM_FILES[lang], str(paths.resource_path("translations")))
    if found:
        _translators.append(ours)
    else:
        log.warning("translation file %s.qm not found", QM_FILES[lang])
    qt_own = QTranslator(app)
    if qt_own.load(QT_QM_FILES[lang], QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _translators.append(qt_own)
    for translator in _translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(LOCALES[lang], TERRITORIES[lang]))
    _current = lang
    return found


def switch_language(ctx, choice: str) -> str:
    """Store a new choice and apply it at once; pages re-translate on ctx.languageChanged."""
    lang = save_choice(choice)
    if lang != _current or not _translators:
        install_translators(lang)
        ctx.languageChanged.emit(lang)
    return lang


def apply_font(app: QGuiApplication) -> QFont:
    """The application font: the CJK families first, then whatever the system uses."""
    font = QFont(app.font())
    system = [f for f in (font.families() or [font.family()]) if f not in CJK_FAMILIES]
    font.setFamilies([*CJK_FAMILIES, *system[:1]])
    app.setFont(font)
    return font


def format_count(number: int) -> str:
    """1234567 -> "1,234,567" in both languages (Chinese readers use the comma too)."""
    return f"{int(number):,}"
