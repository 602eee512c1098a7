"""Settings stored in the studio database (so every PC of a studio shares them)."""

import json

from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.store.models import Setting, database

POLICY_KEY = "policy"


def get_setting(key: str, default=None):
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def set_setting(key: str, value) -> None:
    Setting.replace(key=key, value=json.dumps(value, ensure_ascii=False)).execute()


def delete_setting(key: str) -> None:
    Setting.delete().where(Setting.key == key).execute()


def load_policy() -> Policy:
    return Policy.from_dict(get_setting(POLICY_KEY, {}))


def save_policy(policy: Policy) -> None:
    problems = policy.problems()
    if problems:
        from .errors import FieldError, ValidationError
        raise ValidationError([FieldError(field, message) for field, message in problems])
    with database.atomic():
        set_setting(POLICY_KEY, policy.to_dict())


def language() -> str:
    return get_setting("language", "zh")


def studio_name() -> str:
    return get_setting("studio_name", "")
