"""Checks across data files: templates cover their marketplaces' languages and lint clean, rules keep their examples."""

import json
from functools import lru_cache

from shipguard.bundle.schemas.lint import example_text
from shipguard.buyer_messages.examples import example_fields
from shipguard.buyer_messages.lint import compile_lint, language_of, lint_message
from shipguard.buyer_messages.lint_kinds import CHECKS
from shipguard.buyer_messages.render import optional_placeholders, render_message

SUBJECT_KINDS = ("pattern",)  # a subject is one line: only the rules about what a text contains


def missing_language_problems(template, marketplaces):
    """{field: [reason]} for marketplaces the template lists without writing their buyers' language."""
    written = {language_of(locale) for locale in template["locales"]}
    errors = {}
    for index, code in enumerate(template["marketplaces"]):
        marketplace = marketplaces.get(code)
        missing = [
            locale
            for locale in (marketplace or {}).get("buyer_locales", [])
            if language_of(locale) not in written
        ]
        if missing:
            reason = (
                f"Marketplace {code} has buyers in {', '.join(missing)}, but the template has no "
                f"{', '.join(sorted({language_of(locale) + '-*' for locale in missing}))} text."
            )
            errors[f"marketplaces.{index}"] = [reason]
    return errors


def renderings(template, locale, date_formats):
    """The texts a template language can become: all placeholder examples, then without the optional ones."""
    examples = example_fields(template)
    texts = template["locales"][locale]
    optional = set(optional_placeholders(texts["body"])) | set(
        optional_placeholders(texts["subject"])
    )
    variants = [examples]
    if optional:
        variants.append({name: value for name, value in examples.items() if name not in optional})
    return [render_message(template, locale, fields, date_formats) for fields in variants]


def _key(document):
    return json.dumps(document, sort_keys=True, ensure_ascii=False)


# Every app start and reload checks the same files again; these caches make that cheap.
@lru_cache(maxsize=4)
def _compiled(lint_key):
    return compile_lint(json.loads(lint_key))


def compiled_lint(lint_file):
    """The compiled rules of lint data, compiled once per distinct content."""
    return _compiled(_key(lint_file))


def template_lint_problems(template, lint_file, date_formats, proofs=None):
    """{field: [reason]}: every lint error in any language of a template, rendered with its
    examples (days written by `date_formats`); `proofs` (validation_cache.Proofs) skips a
    template that passed with the same rules and date formats before, and notes one that does."""
    keys = _key(template), _key(lint_file), _key(date_formats)
    return _proven_or_checked(proofs, "template-lint", keys, _template_lint_problems)


def _proven_or_checked(proofs, kind, keys, check):
    """check(*keys) as fresh lists, or {} when `proofs` holds that it passed on these keys."""
    content = "\n".join(keys)
    if proofs is not None and proofs.passed(kind, content):
        return {}
    errors = {field: list(reasons) for field, reasons in check(*keys).items()}
    if proofs is not None and not errors:
        proofs.note(kind, content)
    return errors


@lru_cache(maxsize=256)
def _template_lint_problems(template_key, lint_key, date_formats_key):
    template, lint = json.loads(template_key), _compiled(lint_key)
    date_formats = json.loads(date_formats_key)
    subject_rules = {rule.id for rule in lint.rules if rule.kind in SUBJECT_KINDS}
    errors = {}
    for locale in sorted(template["locales"]):
        for rendered in renderings(template, locale, date_formats):
            for part, findings in (
                ("body", lint_message(rendered["body"], locale=locale, rules=lint)),
                (
                    "subject",
                    [
                        f
                        for f in lint_message(rendered["subject"], locale=locale, rules=lint)
                        if f["rule"] in subject_rules
                    ],
                ),
            ):
                for finding in findings:
                    if finding["severity"] == "error":
                        reason = _lint_reason(finding, rendered[part])
                        field = errors.setdefault(f"locales.{locale}.{part}", [])
                        if reason not in field:
                            field.append(reason)
    return errors


def _lint_reason(finding, text):
    """One line naming the rule and quoting the text it found (UTF-16 span, so encode to slice)."""
    units = text.encode("utf-16-le")[finding["start"] * 2 : finding["end"] * 2].decode(
        "utf-16-le", "replace"
    )
    quoted = units if len(units) <= 60 else units[:57] + "..."
    return f"lint {finding['rule']}: {finding['message']} Found: {quoted!r}"


def rule_example_problems(lint_file, proofs=None):
    """{field: [reason]} for rules whose examples do not behave: a flag example not flagged,
    an ok one flagged; `proofs` as for template_lint_problems."""
    return _proven_or_checked(proofs, "rule-examples", (_key(lint_file),), _rule_example_problems)


@lru_cache(maxsize=4)
def _rule_example_problems(lint_key):
    lint_data, lint = json.loads(lint_key), _compiled(lint_key)
    errors = {}
    for index, spec in enumerate(lint_data["rules"]):
        if spec["kind"] not in CHECKS:
            continue
        for verdict in ("flag", "ok"):
            for locale, examples in spec["examples"][verdict].items():
                for number, example in enumerate(examples):
                    found = any(
                        f["rule"] == spec["id"]
                        for f in lint_message(example_text(example), locale=locale, rules=lint)
                    )
                    if found != (verdict == "flag"):
                        what = "is not flagged" if verdict == "flag" else "is flagged"
                        errors[f"rules.{index}.examples.{verdict}.{locale}.{number}"] = [
                            f"This example {what} by {spec['id']}."
                        ]
    return errors
