"""Input problems, reported so a person can find and fix each one."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str
    value: object = None
    row: int | None = None  # line number in an imported file

    def __str__(self) -> str:
        where = f"line {self.row}, " if self.row is not None else ""
        value = "" if self.value in (None, "") else f" (value {str(self.value)[:60]!r})"
        return f"{where}{self.field}: {self.message}{value}"


class ValidationError(ValueError):
    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == field]


class NotFound(LookupError):
    pass
