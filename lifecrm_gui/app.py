"""Start the window: paths, logging, database, QApplication, main window."""

import sys
from pathlib import Path


def main(argv=None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from lifecrm_gui import APP_NAME, paths
    from lifecrm_gui.store.db import open_database

    argv = sys.argv[1:] if argv is None else argv
    db_path = paths.default_database()
    if "--db" in argv:
        db_path = Path(argv[argv.index("--db") + 1])
    open_database(db_path)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.setCentralWidget(QLabel(str(db_path)))
    window.show()
    return app.exec()
