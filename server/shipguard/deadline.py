"""Ship-by deadlines and statuses: the Python reference of extension/core (same vectors)."""

import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

DAY_END = time(23, 59, 59)


def compile_date_format(fmt):
    """Compile a bundle date format: `{month}` in a pattern stands for any month name."""
    month_index = {name.lower(): i + 1 for i, names in enumerate(fmt["months"]) for name in names}
    alternation = "|".join(re.escape(n) for n in sorted(month_index, key=len, reverse=True))
    patterns = [
        (re.compile(p["regex"].replace("{month}", f"({alternation})"), re.IGNORECASE), p["order"])
        for p in fmt["patterns"]
    ]
    return {"locales": fmt["locales"], "months": month_index, "patterns": patterns}


def _date_from_match(match, order, months):
    parts = dict(zip(order, match.groups()))
    month = int(parts["M"]) if parts["M"].isdigit() else months.get(parts["M"].lower())
    try:
        found = date(int(parts["Y"]), month, int(parts["D"]))
    except (TypeError, ValueError):
        return None
    return found if 1970 <= found.year <= 2200 else None


def find_dates(text, compiled):
    """Every date in text in reading order; later patterns never claim matched text."""
    found, taken = [], []
    for regex, order in compiled["patterns"]:
        for match in regex.finditer(text):
            start, end = match.span()
            if any(start < e and end > s for s, e in taken):
                continue
            day = _date_from_match(match, order, compiled["months"])
            if day is None:
                continue
            taken.append((start, end))
            found.append((start, day))
    return [day for _, day in sorted(found, key=lambda item: item[0])]


def ship_by_deadline(text, compiled, time_zone):
    """(deadline as aware UTC datetime, ship-by day) or (None, problem)."""
    if not text or not text.strip():
        return None, "no-ship-by"
    dates = find_dates(text, compiled)
    if not dates:
        return None, "unreadable-ship-by"
    last = max(dates)
    local_end = datetime.combine(last, DAY_END, tzinfo=ZoneInfo(time_zone))
    return local_end.astimezone(timezone.utc), last


def ship_status(done, deadline, now, due_soon):
    """done | unknown | late | due-soon | on-track, as in extension/core/deadline.js."""
    if done:
        return "done"
    if deadline is None:
        return "unknown"
    if now > deadline:
        return "late"
    if deadline - now <= due_soon:
        return "due-soon"
    return "on-track"


def add_business_days(start, count, weekend_days=(6, 7)):
    """The day `count` business days after start; weekend_days are ISO weekdays."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.isoweekday() not in weekend_days:
            count -= 1
    return day
