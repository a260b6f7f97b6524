"""Sample Seller Central pages (the test fixtures) rendered with today's dates, for the demo and the tests."""

# Token and declaration reference: tests/e2e/sellercentral.py's module docstring.
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from shipguard import config

SAMPLES_DIR: Path = config.sample_pages_dir()
DEFAULT_ZONE = "America/Los_Angeles"
MARKETPLACE_TZ = ZoneInfo(DEFAULT_ZONE)


# --------------------------------------------------------------------------- declaration

STYLES = ("us", "uk", "de", "de-wd", "fr", "ja")


@dataclass(frozen=True)
class FixtureInfo:
    """A fixture's declaration: its marketplace zone and default date style."""

    zone: str = DEFAULT_ZONE
    style: str = "us"


_DECL_RE = re.compile(
    r"\A[ \t]*(?:<!--|/\*)[ \t]*shipguard-fixture\b(?P<body>[^\n]*?)(?:-->|\*/)[ \t]*(?:\r?\n)?"
)


def _check_zone(zone: str) -> str:
    try:
        ZoneInfo(zone)
    except Exception as exc:  # ZoneInfoNotFoundError, ValueError
        raise ValueError(f"unknown time zone {zone!r}") from exc
    return zone


def split_declaration(text: str) -> tuple[FixtureInfo | None, str]:
    """``(declaration or None, text without the declaration line)``."""
    m = _DECL_RE.match(text)
    if not m:
        return None, text
    values: dict[str, str] = {}
    for item in m.group("body").split():
        key, sep, value = item.partition("=")
        if not sep or key not in ("zone", "style"):
            raise ValueError(f"bad shipguard-fixture declaration item {item!r}")
        values[key] = value
    if values.get("style", "us") not in STYLES:
        raise ValueError(f"unknown date style {values['style']!r}")
    _check_zone(values.get("zone", DEFAULT_ZONE))
    return FixtureInfo(**values), text[m.end() :]


def _fixture_path(name: str) -> Path:
    path = (SAMPLES_DIR / name).resolve()
    if SAMPLES_DIR not in path.parents:
        raise ValueError(f"fixture name escapes the fixture folder: {name!r}")
    return path


def fixture_source(name: str) -> str:
    """The raw text of a fixture, declaration and tokens included."""
    return _fixture_path(name).read_text(encoding="utf-8")


def fixture_info(name: str) -> FixtureInfo:
    """The fixture's declaration (defaults when it has none)."""
    return split_declaration(fixture_source(name))[0] or FixtureInfo()


# --------------------------------------------------------------------------- dates

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DE_DAYS = ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.")
_FR_DAYS = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
_FR_MONTHS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
_JA_DAYS = "月火水木金土日"
_DEFAULT_TIME = time(8, 27)
#: Seller Central Germany names Central European time the Java way.
_DE_ZONE_NAMES = {"CET": "MET", "CEST": "MEST"}


def _now_utc(now: datetime | None) -> datetime:
    """``now`` as an aware datetime; naive values are taken as UTC."""
    if now is None:
        return datetime.now(timezone.utc)
    if now.tzinfo is None:
        return now.replace(tzinfo=timezone.utc)
    return now


def _zone(zone) -> ZoneInfo:
    if zone is None:
        return MARKETPLACE_TZ
    return zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)


def marketplace_today(now: datetime | None = None, zone=None) -> date:
    """Today's calendar date in ``zone`` (default America/Los_Angeles)."""
    return _now_utc(now).astimezone(_zone(zone)).date()


def format_date(d: date, style: str = "us") -> str:
    """A ship-by date as Seller Central shows it in ``style`` (see the module docstring)."""
    if style == "us":
        return f"{_DAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "uk":
        return f"{_DAYS[d.weekday()]}, {d.day} {_MONTHS[d.month - 1]} {d.year}"
    if style == "de":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "de-wd":
        return f"{_DE_DAYS[d.weekday()]}, {d.day:02d}.{d.month:02d}.{d.year}"
    if style == "fr":
        return f"{_FR_DAYS[d.weekday()]} {d.day} {_FR_MONTHS[d.month - 1]} {d.year}"
    if style == "ja":
        return f"{d.year}年{d.month}月{d.day}日({_JA_DAYS[d.weekday()]})"
    raise ValueError(f"unknown date style {style!r}")


def format_us_date(d: date) -> str:
    """``Thu, Dec 5, 2019``."""
    return format_date(d, "us")


def format_time(dt: datetime, style: str = "us") -> str:
    """``8:27 AM PST`` (us), ``08:27 GMT`` (uk, fr), ``08:27 MET`` (de), ``23:45 JST`` (ja)."""
    name = dt.tzname()
    if style == "us":
        hour = dt.hour % 12 or 12
        return f"{hour}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'} {name}"
    if style in ("de", "de-wd"):
        name = _DE_ZONE_NAMES.get(name, name)
    elif style not in STYLES:
        raise ValueError(f"unknown date style {style!r}")
    return f"{dt.hour:02d}:{dt.minute:02d} {name}"


def format_us_time(dt: datetime) -> str:
    """``8:27 AM PST`` for an aware datetime in the marketplace zone."""
    return format_time(dt, "us")


def format_datetime(dt: datetime, style: str = "us") -> str:
    sep = ", " if style in ("us", "uk") else " "
    return f"{format_date(dt.date(), style)}{sep}{format_time(dt, style)}"


_AGE_WORDS = {
    "en": {"day": ("day", "days"), "hour": ("hour", "hours"), "minute": ("minute", "minutes")},
    "de": {"day": ("Tag", "Tagen"), "hour": ("Stunde", "Stunden"), "minute": ("Minute", "Minuten")},
    "fr": {"day": ("jour", "jours"), "hour": ("heure", "heures"), "minute": ("minute", "minutes")},
    "ja": {"day": ("日", "日"), "hour": ("時間", "時間"), "minute": ("分", "分")},
}
_JUST_NOW = {"en": "Just now", "de": "Gerade eben", "fr": "À l'instant", "ja": "たった今"}


def _lang(style: str) -> str:
    return {"us": "en", "uk": "en", "de": "de", "de-wd": "de", "fr": "fr", "ja": "ja"}[style]


def format_age(then: datetime, now: datetime, style: str = "us") -> str:
    """Seller Central's relative age: ``5 minutes ago``, ``14 hours ago``, ``3 days ago``."""
    lang = _lang(style)
    seconds = (now - then).total_seconds()
    if seconds < 60:
        return _JUST_NOW[lang]
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = int(seconds // size)
            word = _AGE_WORDS[lang][unit][0 if n == 1 else 1]
            if lang == "en":
                return f"{n} {word} ago"
            if lang == "de":
                return f"vor {n} {word}"
            if lang == "fr":
                return f"il y a {n} {word}"
            return f"{n}{word}前"
    raise AssertionError("unreachable")


def _epoch(dt: datetime) -> str:
    """Epoch seconds as the orders app writes them: a float with ``.0``."""
    return f"{math.floor(dt.timestamp())}.0"


# --------------------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_TOKEN_BODY_RE = re.compile(
    r"^(?P<kind>[a-z_]+)(?::(?P<arg>[+-]?\d+(?:\.\d+)?))?(?:@(?P<h>\d{1,2}):(?P<m>\d{2}))?"
    r"(?P<mods>(?:\|[^|]+)*)$"
)
# kind -> (argument: "days" | "days?" | "hours?", takes @H:MM, takes a style)
_KINDS = {
    "date": ("days", True, True),
    "datetime": ("days", True, True),
    "time": ("days", True, True),
    "age": ("days", True, True),
    "epoch": ("days", True, False),
    "epoch_start": ("days", False, False),
    "epoch_end": ("days", False, False),
    "epoch_now": ("hours?", False, False),
    "offset_ms": ("days?", False, False),
    "tz_abbr": ("days?", False, False),
}


def _token_value(token: str, now: datetime, info: FixtureInfo) -> str:
    m = _TOKEN_BODY_RE.match(token)
    spec = _KINDS.get(m.group("kind")) if m else None
    if spec is None:
        raise ValueError(f"unknown fixture token {{{{{token}}}}}")
    kind, arg = m.group("kind"), m.group("arg")
    arg_kind, takes_time, takes_style = spec
    if (arg is None and not arg_kind.endswith("?")) or (
        arg is not None and "." in arg and not arg_kind.startswith("hours")
    ):
        raise ValueError(f"bad argument in fixture token {{{{{token}}}}}")
    if m.group("h") is not None and not takes_time:
        raise ValueError(f"fixture token {{{{{token}}}}} takes no time of day")
    zone, style = info.zone, info.style
    for mod in filter(None, m.group("mods").split("|")):
        if mod.startswith("tz="):
            zone = _check_zone(mod[3:])
        elif mod in STYLES and takes_style:
            style = mod
        else:
            raise ValueError(f"bad modifier {mod!r} in fixture token {{{{{token}}}}}")
    tz = ZoneInfo(zone)
    if kind == "epoch_now":
        return _epoch(now + timedelta(hours=float(arg or 0)))
    day = now.astimezone(tz).date() + timedelta(days=int(arg or 0))
    if kind == "date":
        return format_date(day, style)
    if kind == "epoch_start":
        return _epoch(datetime.combine(day, time(0, 0), tzinfo=tz))
    if kind == "epoch_end":
        return _epoch(datetime.combine(day, time(23, 59, 59), tzinfo=tz))
    if kind in ("offset_ms", "tz_abbr"):
        noon = datetime.combine(day, time(12, 0), tzinfo=tz)
        if kind == "tz_abbr":
            return noon.tzname()
        return str(int(noon.utcoffset().total_seconds() * 1000))
    at = time(int(m.group("h")), int(m.group("m"))) if m.group("h") is not None else _DEFAULT_TIME
    local = datetime.combine(day, at, tzinfo=tz)
    if kind == "epoch":
        return _epoch(local)
    if kind == "datetime":
        return format_datetime(local, style)
    if kind == "time":
        return format_time(local, style)
    return format_age(local, now, style)  # age


def render_text(text: str, now: datetime | None = None, info: FixtureInfo | None = None) -> str:
    """Replace all tokens in ``text`` (see the module docstring).

    A declaration line at the top of ``text`` sets the zone and style (and is removed);
    else ``info``, else the defaults.
    """
    declared, body = split_declaration(text)
    info = declared or info or FixtureInfo()
    current = _now_utc(now)
    return _TOKEN_RE.sub(lambda m: _token_value(m.group(1), current, info), body)


def render_fixture(name: str, now: datetime | None = None) -> str:
    """Read ``tests/fixtures/sellercentral/<name>`` and replace its tokens.

    ``now`` defaults to the current time; a naive ``now`` is taken as UTC.
    """
    return render_text(fixture_source(name), now)


def render_json_fixture(name: str, now: datetime | None = None):
    """A JSON fixture rendered and parsed."""
    return json.loads(render_fixture(name, now))
