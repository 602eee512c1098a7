"""Message templates with merge fields.

A field is written `{name}` (or by its Chinese name, `{姓名}`); `{field|words}`
gives the words to use when the recipient has no value for it; `{{` and `}}`
write a brace. A missing value never shows as "None" or as a raw `{field}`:
it takes the inline words, else the field's own fallback below (a related
field first, then fixed words that read well in a sentence). An unknown field
is reported by `problems` and renders as its inline words or nothing.
"""

import re
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from .milestones import child_age_text
from .vocab import NEEDS, label


@dataclass(frozen=True)
class Field:
    key: str
    zh: str  # the Chinese name, usable in templates
    en: str
    fallback_zh: str
    fallback_en: str
    instead: str | None = None  # a field whose value stands in first

    def name(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


FIELDS = MappingProxyType({f.key: f for f in (
    Field("name", "姓名", "Name", "亲爱的客户", "valued client"),
    Field("salutation", "称呼", "Salutation", "亲爱的客户", "there", instead="name"),
    Field("last_shoot", "上次拍摄", "Last shoot", "拍摄", "photo shoot"),
    Field("last_shoot_date", "上次拍摄日期", "Last shoot date", "之前", "earlier"),
    Field("child_name", "孩子姓名", "Child's name", "宝贝", "your little one"),
    Field("child_age", "孩子年龄", "Child's age", "长大", "growing up"),
    Field("tier", "星级", "Tier", "尊贵", "valued"),
    Field("offer", "优惠", "Offer", "老客户专属礼遇", "a special gift for returning clients"),
    Field("studio", "工作室", "Studio name", "我们工作室", "our studio"),
    Field("holiday", "节日", "Holiday", "节日", "the holidays"),
)})
_BY_NAME = {**{k: k for k in FIELDS}, **{f.zh: f.key for f in FIELDS.values()}}
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}|]*)(?:\|([^{}]*))?\}")
TIER_WORDS_EN = ("", "near-star", "3-star", "4-star", "5-star", "6-star", "7-star")
TIER_WORDS_ZH = ("", "准星", "三星", "四星", "五星", "六星", "七星")


def field_key(name: str) -> str | None:
    """The field a name in braces means (English key or Chinese name), None if unknown."""
    return _BY_NAME.get(name.strip())


def token(key: str, lang: str = "zh") -> str:
    """How a field is written into a template in a language."""
    return "{" + (FIELDS[key].zh if lang != "en" else key) + "}"


def fields_used(template: str) -> list[str]:
    out = []
    for match in _TOKEN.finditer(template or ""):
        if match.group(1) is not None:
            key = field_key(match.group(1))
            if key and key not in out:
                out.append(key)
    return out


def problems(template: str) -> list[tuple[str, str]]:
    """(field, message) for each unknown field in braces."""
    out = []
    for match in _TOKEN.finditer(template or ""):
        name = match.group(1)
        if name is not None and field_key(name) is None:
            out.append((name.strip() or "{}", "unknown merge field; use one of " + ", ".join(FIELDS)))
    return out


def _present(value) -> bool:
    return value is not None and str(value).strip() != ""


def resolve(key: str, values: dict, lang: str = "zh") -> str:
    """A field's value for a recipient, or its fallback."""
    field = FIELDS[key]
    value = values.get(key)
    if _present(value):
        return str(value).strip()
    if field.instead and _present(values.get(field.instead)):
        return str(values[field.instead]).strip()
    return field.fallback_en if lang == "en" else field.fallback_zh


def render(template: str, values: dict, lang: str = "zh") -> str:
    """The template with every field filled for one recipient."""
    def fill(match):
        text = match.group(0)
        if text == "{{":
            return "{"
        if text == "}}":
            return "}"
        key = field_key(match.group(1))
        inline = match.group(2)
        if key is not None and _present(values.get(key)):
            return str(values[key]).strip()
        if inline is not None and inline.strip():
            return inline.strip()
        return resolve(key, values, lang) if key is not None else ""
    return _TOKEN.sub(fill, template or "")


@dataclass(frozen=True)
class MergeFacts:
    """What is known of one recipient that a message may use."""
    name: str | None = None
    salutation: str | None = None
    last_shoot_category: str | None = None
    last_shoot_package: str | None = None
    last_shoot_on: date | None = None
    child_name: str | None = None
    child_birthday: date | None = None
    tier: int = 0
    offer: str | None = None
    studio: str | None = None
    holiday: str | None = None


def format_date(day: date | None, lang: str = "zh") -> str | None:
    if day is None:
        return None
    if lang == "en":
        return f"{day.day} {day.strftime('%B')} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def merge_values(facts: MergeFacts, lang: str = "zh", on: date | None = None) -> dict[str, str | None]:
    """The field values of one recipient in a language; a child's age is as of `on`
    (the day of the occasion, or the day the message goes out)."""
    shoot = None
    if facts.last_shoot_category:
        shoot = label(NEEDS, facts.last_shoot_category, lang)
        if lang == "en" and not shoot[:2].isupper():  # "your wedding portraits", but "your ID photos"
            shoot = shoot[0].lower() + shoot[1:]
    elif facts.last_shoot_package:
        shoot = facts.last_shoot_package
    age = child_age_text(facts.child_birthday, on, lang) if facts.child_birthday and on else None
    tiers = TIER_WORDS_EN if lang == "en" else TIER_WORDS_ZH
    return {
        "name": facts.name,
        "salutation": facts.salutation,
        "last_shoot": shoot,
        "last_shoot_date": format_date(facts.last_shoot_on, lang),
        "child_name": facts.child_name,
        "child_age": age,
        "tier": tiers[facts.tier] if 0 < facts.tier < len(tiers) else None,  # 无星 is nothing to boast of
        "offer": facts.offer,
        "studio": facts.studio,
        "holiday": facts.holiday,
    }


def sms_parts(text: str) -> int:
    """How many SMS a text takes: 70 characters in one (67 per part when longer) with
    any Chinese character, else 160 (153 per part)."""
    length = len(text or "")
    if length == 0:
        return 0
    wide = any(ord(ch) > 127 for ch in text)
    single, part = (70, 67) if wide else (160, 153)
    return 1 if length <= single else -(-length // part)
