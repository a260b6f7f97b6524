"""Templates rendered with their placeholder examples and the lint findings of each language."""

import logging

from shipguard.buyer_messages.lint import lint_message
from shipguard.buyer_messages.render import render_message, with_dates_written

log = logging.getLogger("shipguard.status")


def example_fields(template):
    """Each placeholder's example value, by name."""
    return {name: spec["example"] for name, spec in template["placeholders"].items()}


def examples_by_locale(template, date_formats):
    """{placeholder: {locale: example}}: each example as the message in that language writes it."""
    return {
        name: {
            locale: with_dates_written(template, locale, {name: spec["example"]}, date_formats)[
                name
            ]
            for locale in sorted(template["locales"])
        }
        for name, spec in template["placeholders"].items()
    }


def rendered_examples(template, lint_rules=None, date_formats=None):
    """[{locale, subject, body, findings, lint}] for every language of a template.

    `lint` holds the findings on the body, with `lint_rules` (the bundle's lint data, or
    the shipped rules when None); days are written by `date_formats` (the bundle's).
    """
    fields = example_fields(template)
    languages = []
    for locale in sorted(template["locales"]):
        rendered = render_message(template, locale, fields, date_formats)
        languages.append(
            {
                "locale": locale,
                "texts": template["locales"][locale],
                **rendered,
                # By locale alone: a template's first marketplace would impose its language on all.
                **_lint_or_error(rendered["body"], locale, None, lint_rules),
            }
        )
    return languages


def _lint_or_error(text, locale, marketplace, lint_rules):
    """{"lint": findings or None} or, if lint broke, {"lint_error": its type} for the page."""
    try:
        return {"lint": lint_findings(text, locale, marketplace, lint_rules)}
    except Exception as error:
        log.warning("Lint failed on a template example (%s).", type(error).__name__)
        return {"lint": None, "lint_error": type(error).__name__}


def lint_findings(text, locale, marketplace=None, lint_rules=None):
    """Lint findings [{rule, severity, message, start, end}] for text (shipped rules when none given)."""
    return lint_message(text, locale=locale, marketplace=marketplace, rules=lint_rules or None)
