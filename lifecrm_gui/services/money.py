"""Money as integer minor units (fen, cents), read from and shown to people."""

from decimal import Decimal, InvalidOperation

SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$", "TWD": "NT$", "JPY": "¥"}
MAX_AMOUNT = 10**12  # ten billion yuan: anything bigger is a typing mistake


def parse_money(text) -> int:
    """"1,234.5", "¥1234.50", "1234" -> minor units; ValueError for anything else."""
    if isinstance(text, int):
        return text * 100
    if isinstance(text, float):
        text = repr(text)
    raw = str(text or "").strip()
    cleaned = raw.replace(",", "").replace("，", "").replace(" ", "")
    for symbol in ("CN¥", "RMB", "￥", "¥", "元", "$", "€", "£"):
        cleaned = cleaned.replace(symbol, "")
    if not cleaned:
        raise ValueError("an amount is required")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"not an amount: {raw}") from None
    if value < 0:
        raise ValueError(f"cannot be negative: {raw}")
    minor = value * 100
    if minor != minor.to_integral_value():
        raise ValueError(f"more than two decimals: {raw}")
    if minor > MAX_AMOUNT:
        raise ValueError(f"too large: {raw}")
    return int(minor)


def format_money(minor: int | None, currency: str = "CNY", decimals: bool = False) -> str:
    symbol = SYMBOLS.get(currency, currency + " ")
    value = (minor or 0) / 100
    return f"{symbol}{value:,.2f}" if decimals else f"{symbol}{value:,.0f}"
