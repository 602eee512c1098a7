"""SQL expressions that hand numbers, not text, to the numpy readers (the dashboard's
columns, the whole-studio recompute): a Python string made for every date and key of
100,000 clients costs more than the reads themselves."""

from lifecrm_gui.domain.bulk import NO_DAY  # a missing date, as the studio-wide rules mark it

_JULIAN_1970 = 2440588  # the Julian day number of 1970-01-01


def code_sql(column: str, table, missing: int = -1) -> str:
    """SQL for a vocabulary column as its position in `table`; NULL gives `missing`,
    an unknown key -1."""
    cases = " ".join(f"WHEN '{key}' THEN {i}" for i, key in enumerate(table))
    return f"CASE WHEN {column} IS NULL THEN {missing} ELSE CASE {column} {cases} ELSE -1 END END"


def day_sql(column: str) -> str:
    """SQL for a date (or date and time) column as days since 1970-01-01, NO_DAY for none:
    a Julian day starts at noon, hence the half day; a cast to integer, not text, keeps it
    cheap."""
    return f"IFNULL(CAST(julianday({column}) + 0.5 AS INTEGER) - {_JULIAN_1970}, {NO_DAY})"
