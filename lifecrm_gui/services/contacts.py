"""Phones, emails and WeChat ids as the studio types them, checked and normalised."""

import re

import phonenumbers

DEFAULT_REGION = "CN"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_WECHAT = re.compile(r"^[A-Za-z][-_A-Za-z0-9]{5,19}$|^\+?\d{6,15}$")


def normalise_phone(text: str | None, region: str = DEFAULT_REGION) -> str | None:
    """E.164 ("+8613800138000") for a valid number, None for blank; ValueError otherwise."""
    if text is None or not str(text).strip():
        return None
    raw = str(text).strip()
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise ValueError(f"not a phone number: {raw}") from error
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"not a valid phone number for {region}: {raw}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str | None) -> str:
    """"+8613800138000" -> "138 0013 8000" for China, international format otherwise."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 86:
        national = str(number.national_number)
        if len(national) == 11:
            return f"{national[:3]} {national[3:7]} {national[7:]}"
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_email(text: str | None) -> str | None:
    if text is None or not str(text).strip():
        return None
    value = str(text).strip()
    if not _EMAIL.match(value):
        raise ValueError(f"not an email address: {value}")
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def normalise_wechat(text: str | None) -> str | None:
    """WeChat ids are 6-20 letters, digits, - or _, starting with a letter (or a phone number)."""
    if text is None or not str(text).strip():
        return None
    value = str(text).strip()
    if not _WECHAT.match(value):
        raise ValueError(f"not a WeChat id (6-20 letters, digits, - or _, starting with a letter): {value}")
    return value
