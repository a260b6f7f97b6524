"""Buyer message rendering: the Python twin of extension/core/render.js (same vectors).

Template texts use `{name}` placeholders and optional segments `[[ ... {name} ... ]]`: a
segment is kept (without its brackets) when every placeholder inside it has a value, and
dropped whole, spaces and punctuation included, when one is blank. Spans are UTF-16 offsets.
"""

import re

from shipguard.buyer_messages.message_dates import format_message_date, message_date_formats
from shipguard.buyer_messages.utf16 import utf16_len

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
SEGMENT = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
# What JavaScript's String.prototype.trim() removes; str.strip() alone would differ.
JS_WHITESPACE = (
    "\t\n\v\f\r \xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def placeholders_in(text):
    """The placeholder names a template text uses, in order of first use."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def optional_placeholders(text):
    """Placeholders used only inside optional segments: the message reads well without them."""
    outside = set(placeholders_in(SEGMENT.sub("", text)))
    return [name for name in placeholders_in(text) if name not in outside]


def segment_problems(text):
    """Why the optional segments of a template text are malformed ([] when they are fine)."""
    problems = []
    for match in SEGMENT.finditer(text):
        if "[[" in match.group(1):
            problems.append(
                "Optional segments cannot be nested: close [[ with ]] before opening another."
            )
        elif not PLACEHOLDER.search(match.group(1)):
            problems.append(
                f"Optional segment [[{match.group(1)}]] has no placeholder, so it is never optional."
            )
    rest = SEGMENT.sub("", text)
    if "[[" in rest or "]]" in rest:
        problems.append(
            "Unbalanced [[ or ]]: an optional segment is written [[ ... {placeholder} ... ]]."
        )
    return problems


def field_value(fields, name):
    """A field's value as rendering sees it: trimmed as JavaScript trims, "" when missing."""
    value = fields.get(name)
    return "" if value is None else str(value).strip(JS_WHITESPACE)


def resolve_segments(text, fields):
    """Keep each optional segment whose placeholders all have values, drop the others."""

    def keep_or_drop(match):
        names = placeholders_in(match.group(1))
        return match.group(1) if all(field_value(fields, name) for name in names) else ""

    return SEGMENT.sub(keep_or_drop, text)


def fill(text, fields):
    """Fill `{name}` placeholders; return the text and the spans left unfilled.

    A field that is missing or blank stays as `{name}` in the text, so the seller sees
    what is missing instead of a sentence with a hole in it. Spans count UTF-16 units, as
    the extension does, so a value holding an emoji shifts both twins' spans alike.
    """
    out, unfilled, pos, length = [], [], 0, 0
    for match in PLACEHOLDER.finditer(text):
        before = text[pos : match.start()]
        out.append(before)
        length += utf16_len(before)
        value = field_value(fields, match.group(1))
        written = value or match.group(0)
        if not value:
            unfilled.append((match.group(1), length, length + len(written)))
        out.append(written)
        length += utf16_len(written)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), unfilled


def date_placeholders(template):
    """The names of a template's placeholders that stand for a day."""
    return [
        name
        for name, spec in template.get("placeholders", {}).items()
        if spec.get("type") == "date"
    ]


def with_dates_written(template, locale, fields, date_formats):
    """The fields with each day (YYYY-MM-DD) of a date placeholder as the locale writes it."""
    formats = message_date_formats(date_formats)
    return {
        **fields,
        **{
            name: format_message_date(field_value(fields, name), locale, formats)
            for name in date_placeholders(template)
            if name in fields
        },
    }


def render_message(template, locale, fields, date_formats=None):
    """Render one language of a template with an order's facts.

    Days of date placeholders are written by the locale's `message_date` in `date_formats`
    (the bundle's date formats). Returns {subject, body, findings}; each unfilled
    placeholder in the body is an `unfilled-placeholder` error finding with its span.
    """
    texts = template["locales"][locale]
    fields = with_dates_written(template, locale, fields, date_formats)
    subject, _ = fill(resolve_segments(texts["subject"], fields), fields)
    body, unfilled = fill(resolve_segments(texts["body"], fields), fields)
    findings = [
        {
            "rule": "unfilled-placeholder",
            "severity": "error",
            "message": f"Placeholder {{{name}}} has no value.",
            "start": start,
            "end": end,
        }
        for name, start, end in unfilled
    ]
    return {"subject": subject, "body": body, "findings": findings}
