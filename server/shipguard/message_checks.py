"""Templates rendered with their placeholder examples, with lint findings once lint exists."""
import importlib
import importlib.util
import logging

from .render import render_message

log = logging.getLogger("shipguard.status")
# Names the lint module may give its entry point, most specific first.
_LINT_FUNCTIONS = ("lint_message", "lint_text", "lint")


def example_fields(template):
    """Each placeholder's example value, by name."""
    return {name: spec["example"] for name, spec in template["placeholders"].items()}


def rendered_examples(template, lint_rules=None):
    """[{locale, subject, body, findings, lint}] for every language of a template.

    `lint` is None when the server has no lint module, else its findings on the body
    (with `lint_rules`, the bundle's lint data, or the shipped rules when None).
    """
    fields = example_fields(template)
    marketplace = (template.get("marketplaces") or [None])[0]
    languages = []
    for locale in sorted(template["locales"]):
        rendered = render_message(template, locale, fields)
        languages.append({
            "locale": locale,
            "texts": template["locales"][locale],
            **rendered,
            **_lint_or_error(rendered["body"], locale, marketplace, lint_rules),
        })
    return languages


def _lint_or_error(text, locale, marketplace, lint_rules):
    """{"lint": findings or None} or, if lint broke, {"lint_error": its type} for the page."""
    try:
        return {"lint": lint_findings(text, locale, marketplace, lint_rules)}
    except Exception as error:  # noqa: BLE001 - one broken check must not take the page down
        log.warning("Lint failed on a template example (%s).", type(error).__name__)
        return {"lint": None, "lint_error": type(error).__name__}


def linter():
    """The lint module's function (text, locale, marketplace) if the module exists, else None."""
    if importlib.util.find_spec("shipguard.lint") is None:
        return None
    module = importlib.import_module("shipguard.lint")
    return next((getattr(module, name) for name in _LINT_FUNCTIONS if callable(getattr(module, name, None))), None)


def lint_findings(text, locale, marketplace=None, lint_rules=None):
    """Lint findings [{rule, severity, message, start, end}] for text, or None without lint."""
    lint = linter()
    if lint is None:
        return None
    options = {"rules": lint_rules} if lint_rules else {}
    result = lint(text, locale=locale, marketplace=marketplace, **options)
    findings = result.get("findings", []) if isinstance(result, dict) else result
    return [finding if isinstance(finding, dict) else vars(finding) for finding in findings]
