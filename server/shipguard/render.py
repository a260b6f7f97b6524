"""Buyer message rendering: the Python twin of extension/core/render.js (same vectors)."""
import re

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def placeholders_in(text):
    """The placeholder names a template text uses, in order of first use."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def fill(text, fields):
    """Fill `{name}` placeholders; return the text and the spans left unfilled.

    A field that is missing or blank stays as `{name}` in the text, so the seller sees
    what is missing instead of a sentence with a hole in it.
    """
    out, unfilled, pos = [], [], 0
    for match in PLACEHOLDER.finditer(text):
        out.append(text[pos:match.start()])
        value = fields.get(match.group(1))
        value = "" if value is None else str(value).strip()
        start = sum(len(part) for part in out)
        if value:
            out.append(value)
        else:
            out.append(match.group(0))
            unfilled.append((match.group(1), start, start + len(match.group(0))))
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), unfilled


def render_message(template, locale, fields):
    """Render one language of a template with an order's facts.

    Returns {subject, body, findings}; each unfilled placeholder in the body is an
    `unfilled-placeholder` error finding with its span in the rendered body.
    """
    texts = template["locales"][locale]
    subject, _ = fill(texts["subject"], fields)
    body, unfilled = fill(texts["body"], fields)
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
