"""Qt only: the main window, one module per tab, table models, dialogs, workers, charts.

Pages never run SQL: they ask lifecrm_gui.services. Pages talk to each other only
through the AppContext's signals.
"""
