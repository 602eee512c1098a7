"""The text the search box looks through for each client: the name as written,
its pinyin spellings and initials (every reading of a polyphonic character,
surnames read as surnames), phone digits, WeChat id, email and tags.

pypinyin is imported on first use, not at start-up.
"""

from functools import lru_cache
from itertools import islice, product

SEPARATOR = "\x1f"
MAX_SPELLINGS = 32

# Surnames whose reading as a surname differs from the everyday one (or that
# pypinyin's single-character table does not list first).
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao", "查": "zha",
    "盖": "ge", "缪": "miao", "乐": "yue", "覃": "qin", "召": "shao", "翟": "zhai", "秘": "bi",
    "种": "chong", "员": "yun", "繁": "po", "过": "guo", "尉": "yu", "宁": "ning", "纪": "ji",
    "华": "hua", "任": "ren", "沈": "shen", "黑": "he", "牟": "mou", "折": "she", "洗": "xian",
    "冼": "xian", "隗": "wei", "句": "gou", "蕃": "pi", "长": "chang", "万": "wan", "都": "du",
    "重": "chong", "柏": "bai", "薄": "bo", "卜": "bu", "芮": "rui", "尉迟": "yu chi", "万俟": "mo qi",
    "长孙": "zhang sun", "令狐": "ling hu", "澹台": "tan tai", "单于": "chan yu", "欧阳": "ou yang",
    "司马": "si ma", "上官": "shang guan", "诸葛": "zhu ge", "东方": "dong fang", "皇甫": "huang fu",
}
COMPOUND_SURNAMES = frozenset(k for k in SURNAME_READINGS if len(k) == 2)


@lru_cache(maxsize=20000)
def readings(char: str) -> tuple[str, ...]:
    """Every pinyin reading of one character, without tones; the character itself
    when it has none (Latin letters, digits)."""
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="default")
    values = tuple(dict.fromkeys(r.lower() for r in found[0])) if found and found[0] else ()
    return values or (char.lower(),)


def _syllables(name: str) -> list[tuple[str, ...]]:
    """Per syllable, its readings; the surname (first one or two characters) read
    as a surname first."""
    chars = [c for c in name if not c.isspace()]
    if not chars:
        return []
    out = []
    head = "".join(chars[:2])
    if head in COMPOUND_SURNAMES:
        out.extend((syllable,) for syllable in SURNAME_READINGS[head].split())
        rest = chars[2:]
    else:
        first = chars[0]
        own = readings(first)
        surname = SURNAME_READINGS.get(first)
        out.append((surname, *[r for r in own if r != surname]) if surname else own)
        rest = chars[1:]
    out.extend(readings(c) for c in rest)
    return out


@lru_cache(maxsize=4096)
def spellings(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(full spellings, initials) for a name, at most MAX_SPELLINGS of each."""
    if not name or name.isascii():
        return (), ()
    syllables = _syllables(name)
    if all(len(options) == 1 for options in syllables):
        # Most names have one reading per character: one spelling, no combinations.
        return ("".join([options[0] for options in syllables]),), \
            ("".join([options[0][0] for options in syllables]),)
    # The n-th combination of initials is the initials of the n-th combination of readings.
    full = map("".join, islice(product(*syllables), MAX_SPELLINGS))
    initials = map("".join, islice(product(*[[r[0] for r in options] for options in syllables]), MAX_SPELLINGS))
    return tuple(dict.fromkeys(full)), tuple(dict.fromkeys(initials))


def sort_key(name: str) -> str:
    """Names sort by their first pinyin spelling, as a Chinese reader expects."""
    full, _ = spellings(name or "")
    return f"{full[0]} {name}" if full else (name or "").lower()


def phone_digits(phone: str | None) -> str:
    """"+8613800138000" -> "13800138000 8613800138000": the national number a
    person types, and the full one."""
    if not phone:
        return ""
    if phone[0] == "+" and phone.isascii() and phone[1:].isdigit():
        digits = phone[1:]  # E.164, as every stored phone is
    else:
        digits = "".join(c for c in phone if c.isdigit())
    if phone.startswith("+86") and len(digits) > 2:
        return f"{digits[2:]} {digits}"
    return digits


def search_text(name, contact_person=None, phones=(), wechat=None, email=None, tags=()) -> str:
    parts = []
    for person in (name, contact_person):
        if person:
            full, initials = spellings(person)
            parts += (person.lower(), " ".join(full), " ".join(initials))
    for phone in phones:
        if phone:
            parts.append(phone_digits(phone))
    if wechat:
        parts.append(wechat.lower())
    if email:
        parts.append(email.lower())
    for tag in tags:
        parts.append(tag.lower())
    return SEPARATOR.join([p for p in parts if p])


def normalise_query(query: str) -> str:
    """What the search box's text is looked for as: lower case; a phone typed with
    spaces, dashes or brackets becomes its digits."""
    text = query.strip().lower()
    if text and all(c.isdigit() or c in " -+()" for c in text) and any(c.isdigit() for c in text):
        text = "".join(c for c in text if c.isdigit())
    return text
