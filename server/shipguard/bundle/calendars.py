"""Carrier calendars for the bundle: the days carriers do not collect, computed from the
`holidays` package and the collection rules in carrier-calendars.json (no holiday lists by hand)."""

import json
import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

# The extension's UI languages: holiday names are packed in those the country's data has.
UI_LANGUAGES = ("en", "de", "fr", "it", "es", "ja")
# How long ahead a bundle's calendar must reach; `shipguard check` refuses less.
MIN_DAYS_COVERED = 60
_OBSERVED = re.compile(r"\s*\(observed\)$")


def calendar_window(months_ahead, today):
    """(first, last) day packed: from the first of this month, `months_ahead` whole months
    beyond the current one, so every process serves the same days all month long."""
    first = today.replace(day=1)
    month_index = first.year * 12 + first.month - 1 + months_ahead + 1
    last = date(month_index // 12, month_index % 12 + 1, 1) - timedelta(days=1)
    return first, last


def pack_calendars(calendars_file, today, packed=None):
    """The bundle's `carrier_calendars` for the rules file at `today` (UTC); `packed`, the
    same rules packed before (kept by the validation cache), is used if it covers the days."""
    first, last = calendar_window(calendars_file["months_ahead"], today)
    if packed and (packed["from"], packed["until"]) == (first.isoformat(), last.isoformat()):
        return packed
    return _pack(json.dumps(calendars_file, sort_keys=True), first, last)


@lru_cache(maxsize=4)
def _pack(rules_json, first, last):
    # Imported when needed: its country modules are a good part of a server's start.
    import holidays

    rules = json.loads(rules_json)
    return {
        "from": first.isoformat(),
        "until": last.isoformat(),
        "source": f"holidays {holidays.__version__}",
        "marketplaces": {
            calendar["marketplace"]: _marketplace(calendar, first, last)
            for calendar in rules["calendars"]
        },
    }


def _marketplace(calendar, first, last):
    import holidays

    country = calendar["country"]
    national = _holidays(country, None, first, last)
    english = {day: names["en"] for day, names in national.items()}
    regions = {}
    # Regional holidays are packed only where a carrier observes them.
    observing = any(rule["regional_holidays"] for rule in calendar["carriers"])
    for subdivision in holidays.country_holidays(country).subdivisions if observing else ():
        extra = {
            day: names
            for day, names in _holidays(country, subdivision, first, last).items()
            if day not in national
        }
        if extra:
            regions[subdivision] = _dated(extra)
    return {
        "country": country,
        "holidays": _dated(national),
        "regions": regions,
        "carriers": [_carrier(rule, english) for rule in calendar["carriers"]],
    }


def _carrier(rule, english_names):
    """A carrier's own non-collection days: its closed weekdays and the holidays it observes."""
    works = set(rule.get("works_holidays", []))
    observed = [
        day
        for day, name in sorted(english_names.items())
        if not rule.get("works_all_holidays")
        and not any(_OBSERVED.sub("", part) in works for part in name.split("; "))
    ]
    return {
        "carrier": rule["carrier"],
        "closed_weekdays": sorted(rule["closed_weekdays"]),
        "holidays": observed,
        "regional_holidays": rule["regional_holidays"] and not rule.get("works_all_holidays"),
    }


def _dated(names_by_day):
    return [{"date": day, "name": names} for day, names in sorted(names_by_day.items())]


def _holidays(country, subdivision, first, last):
    """{ISO date: {language: name}} of a country's (or a subdivision's) holidays in the window."""
    import holidays

    years = range(first.year, last.year + 1)
    by_day = {}
    for ui_language, data_language in _languages(country).items():
        found = holidays.country_holidays(
            country, subdiv=subdivision, years=years, language=data_language
        )
        for day, name in found.items():
            if first <= day <= last:
                by_day.setdefault(day.isoformat(), {})[ui_language] = name
    return by_day


@lru_cache(maxsize=64)
def _languages(country):
    """UI language -> the holidays package's language code for it, English always included."""
    import holidays

    supported = holidays.country_holidays(country).supported_languages
    chosen = {}
    for ui_language in UI_LANGUAGES:
        exact = [code for code in supported if code == ui_language]
        regional = sorted(code for code in supported if code.split("_")[0] == ui_language)
        if ui_language == "en" and "en_US" in supported:
            chosen["en"] = "en_US"
        elif exact or regional:
            chosen[ui_language] = (exact or regional)[0]
    chosen.setdefault("en", None)  # the country's own language when it has no English names
    return chosen


def holiday_names(country, first, last):
    """The English names of a country's national holidays in a window, observed days folded in."""
    return {
        _OBSERVED.sub("", part)
        for names in _holidays(country, None, first, last).values()
        for part in names["en"].split("; ")
    }


def utc_today():
    """Today in UTC: the day every server process agrees on."""
    return datetime.now(timezone.utc).date()


def coverage_problems(calendars_file, today):
    """Why a calendar packed today would not reach MIN_DAYS_COVERED days ahead (empty if it does)."""
    _, last = calendar_window(calendars_file["months_ahead"], today)
    needed = today + timedelta(days=MIN_DAYS_COVERED)
    if last < needed:
        return [
            f"The calendars would end on {last.isoformat()}, before {needed.isoformat()}: "
            f"they must cover the next {MIN_DAYS_COVERED} days."
        ]
    return []


def calendar_reference_problems(calendar, marketplaces, carriers, today):
    """Field errors of one marketplace's rules, as {field: reasons} (empty when sound)."""
    import holidays

    errors = {}
    if calendar["marketplace"] not in marketplaces:
        errors["marketplace"] = [f"No marketplace with code {calendar['marketplace']!r}."]
    try:
        known = holidays.country_holidays(calendar["country"])
    except NotImplementedError:
        return {
            **errors,
            "country": [f"The holidays package has no country {calendar['country']!r}."],
        }
    needed = today + timedelta(days=MIN_DAYS_COVERED)
    if known.end_year < needed.year:
        errors["country"] = [
            f"The holidays package knows {calendar['country']} only until {known.end_year}: "
            f"the calendar must cover the next {MIN_DAYS_COVERED} days."
        ]
    first, last = calendar_window(12, today)
    names = holiday_names(calendar["country"], first, last)
    for index, rule in enumerate(calendar["carriers"]):
        rule_errors = {}
        if rule["carrier"] not in carriers:
            rule_errors["carrier"] = [f"No carrier with id {rule['carrier']!r} in carriers.json."]
        unknown = {
            position: [f"{calendar['country']} has no holiday named {name!r} in the next year."]
            for position, name in enumerate(rule.get("works_holidays", []))
            if name not in names
        }
        if unknown:
            rule_errors["works_holidays"] = unknown
        if rule_errors:
            errors.setdefault("carriers", {})[index] = rule_errors
    return errors
