"""Lint as the API serves it: requests checked against the loaded data, render findings merged."""

from shipguard.buyer_messages.lint import language_of, lint_message


def unknown_lint_target(lint, locale=None, marketplace=None):
    """Why `lint` (the bundle's lint data) cannot serve this locale or marketplace, or None."""
    reasons = []
    languages = lint["languages"]
    if locale and language_of(locale) not in languages:
        known = ", ".join(sorted(languages))
        reasons.append(
            f"Lint knows no language {language_of(locale)!r} (locale {locale}); it knows {known}."
        )
    # message_locales has every marketplace's code, with or without buyer locales.
    if marketplace and marketplace not in lint["message_locales"]:
        reasons.append(f"No marketplace with code {marketplace!r}.")
    return " ".join(reasons) or None


def lint_text(data, text, locale=None, marketplace=None):
    """{ok, findings} for a message, with the data's lint rules."""
    # data.lint lives as long as the bundle, so lint compiles it once, keyed by identity.
    findings = lint_message(text, locale=locale, marketplace=marketplace, rules=data.lint)
    return {
        "ok": not any(finding["severity"] == "error" for finding in findings),
        "findings": findings,
    }


def with_lint_findings(rendered, data, locale):
    """A render result whose findings also hold the lint findings of its body, sorted by span.

    Render already reports each unfilled placeholder, with a message naming it; lint's
    finding of the same rule on the same span would only repeat it.
    """
    known = {(f["rule"], f["start"], f["end"]) for f in rendered["findings"]}
    extra = [
        f
        for f in lint_text(data, rendered["body"], locale)["findings"]
        if (f["rule"], f["start"], f["end"]) not in known
    ]
    findings = sorted([*rendered["findings"], *extra], key=lambda f: (f["start"], f["end"]))
    return {**rendered, "findings": findings}
