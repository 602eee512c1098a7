"""What every page of the window shares: the database path, today's date, the
language, and the signals by which pages tell each other what changed."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal


class AppContext(QObject):
    clientSelected = Signal(int)  # a client id; -1 for none
    clientsChanged = Signal(list)  # ids written; an empty list means "many: reload everything"
    settingsChanged = Signal()  # policy, currency or studio settings changed (a recompute follows)
    languageChanged = Signal(str)  # "zh" or "en", after the translator was swapped
    statusMessage = Signal(str)

    def __init__(self, db_path: Path, today: date | None = None, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._today = today
        self.current_client: int | None = None
        self._lang: str | None = None
        self.clientSelected.connect(self._remember)
        self.languageChanged.connect(self._set_lang)

    def today(self) -> date:
        """The date the rules judge by: fixed in tests and screenshots, else the clock's."""
        return self._today or date.today()

    def _remember(self, client_id: int) -> None:
        self.current_client = client_id if client_id >= 0 else None

    def _set_lang(self, lang: str) -> None:
        self._lang = lang

    def lang(self) -> str:
        """The language texts are shown in: read once, then kept up to date by languageChanged."""
        if self._lang is None:
            from lifecrm_gui.services.settings import language

            self._lang = language()
        return self._lang
