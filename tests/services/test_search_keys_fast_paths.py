"""The search keys' shortcuts (one reading per character; a phone already in E.164)
give exactly what the general way gives."""

import subprocess
import sys
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from lifecrm_gui.search_keys import MAX_SPELLINGS, _syllables, phone_digits, search_text, spellings

# Plain characters, polyphonic ones (行 长 乐 重 朝), surnames read as surnames, a
# compound surname's characters, Latin letters, digits and spaces.
CHARS = "王李张刘陈杨黄赵吴周伟芳娜敏静丽强磊军洋行长乐重朝单曾解区仇朴欧阳司马诸葛都柏 aZ9\u3000"


def general_spellings(name):
    """spellings() without its shortcut: every combination of the readings."""
    if not name or name.isascii():
        return (), ()
    full, initials = [], []
    for combo in product(*_syllables(name)):
        if len(full) >= MAX_SPELLINGS:
            break
        full.append("".join(combo))
        initials.append("".join(s[0] for s in combo))
    return tuple(dict.fromkeys(full)), tuple(dict.fromkeys(initials))


def general_phone_digits(phone):
    if not phone:
        return ""
    digits = "".join(c for c in phone if c.isdigit())
    if phone.startswith("+86") and len(digits) > 2:
        return f"{digits[2:]} {digits}"
    return digits


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CHARS, max_size=6))
def test_spellings_agree_with_every_combination(name):
    spellings.cache_clear()
    assert spellings(name) == general_spellings(name)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.from_regex(r"\+[0-9]{0,15}", fullmatch=True),
                 st.text(alphabet="+0123456789 -()٣²", max_size=16)))
def test_phone_digits_agree_with_the_digit_filter(phone):
    assert phone_digits(phone) == general_phone_digits(phone)


def test_keys_of_a_plain_name_and_a_polyphonic_one():
    assert spellings("张伟") == (("zhangwei",), ("zw",))
    full, initials = spellings("曾乐")  # 曾 as a surname is zeng; 乐 reads le or yue
    assert full[0] == "zengle" and "zengyue" in full and {"zl", "zy"} <= set(initials)
    text = search_text("张伟", None, ("+8613800138000",), "zw_1990", None, ("VIP",))
    assert text.split("\x1f") == ["张伟", "zhangwei", "zw", "13800138000 8613800138000", "zw_1990", "vip"]


def test_pinyin_loads_without_its_phrase_dictionary():
    # one character at a time needs no phrases: 45 MB and a quarter of a second saved
    code = ("import sys, lifecrm_gui.search_keys as k; assert k.readings('单') == ('dan', 'chan', 'shan'); "
            "print('pypinyin.phrases_dict' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
