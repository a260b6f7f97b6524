"""Days inside buyer messages, in each language's grammar: the Python twin of
extension/core/message-date.js (same vectors, tests/vectors/message-dates.json).

A date placeholder's value is a day, YYYY-MM-DD; the locale's `message_date` (date-formats
data) writes it as the sentence around it needs ("entro giovedì 5 dicembre", "do 5 grudnia").
"""

import re
from datetime import date

ISO_DAY = re.compile(r"([1-9]\d{3})-(\d{2})-(\d{2})", re.ASCII)


def message_date_formats(date_formats):
    """{locale: message_date} from the date formats data (a list of records)."""
    return {
        locale: record["message_date"]
        for record in date_formats or ()
        if "message_date" in record
        for locale in record["locales"]
    }


def _day(value):
    match = ISO_DAY.fullmatch(value)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def is_iso_day(value):
    """True for a real calendar day written YYYY-MM-DD."""
    return _day(value) is not None


def format_message_date(value, locale, formats):
    """The day `value` (YYYY-MM-DD) as `locale` writes it in a sentence; other values unchanged.

    A locale without a message date format keeps the ISO day, which every reader can parse.
    """
    day = _day(value)
    spec = formats.get(locale)
    if day is None or spec is None:
        return value
    parts = {
        "{day}": spec.get("first_day", "1") if day.day == 1 else str(day.day),
        "{month_number}": str(day.month),
        "{month}": spec["months"][day.month - 1] if "months" in spec else "",
        "{weekday}": spec["weekdays"][day.weekday()] if "weekdays" in spec else "",
    }
    return re.sub(r"\{[a-z_]+\}", lambda m: parts.get(m.group(0), m.group(0)), spec["pattern"])
