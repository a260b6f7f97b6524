"""Every lint rule's flag and ok examples, in every template language, through the Python twin.

tests/js/lint.test.js runs the same examples through the extension's twin.
"""

import json

import pytest
from marshmallow import ValidationError
from shipguard import config
from shipguard.bundle.schemas.lint import KIND_PARAMETERS, LintFileSchema, example_text
from shipguard.buyer_messages.lint import compile_lint, lint_message
from shipguard.buyer_messages.lint_kinds import CHECKS
from shipguard.buyer_messages.template_checks import rule_example_problems

LINT_FILE = config.default_data_dir() / "lint.json"
LINT_DOCS = config.REPO_ROOT / "docs" / "lint.md"
LINT = json.loads(LINT_FILE.read_text(encoding="utf-8"))
RULES = compile_lint(LINT)
TEMPLATE_LOCALES = sorted(
    {
        locale
        for path in config.messages_dir().glob("*.json")
        for locale in json.loads(path.read_text(encoding="utf-8"))["locales"]
    }
)


def examples(verdict):
    for rule in LINT["rules"]:
        for locale, texts in sorted(rule["examples"][verdict].items()):
            for number, example in enumerate(texts):
                yield pytest.param(
                    rule["id"], locale, example_text(example), id=f"{rule['id']}-{locale}-{number}"
                )


def findings_of(rule_id, text, locale):
    return [
        finding
        for finding in lint_message(text, locale=locale, rules=RULES)
        if finding["rule"] == rule_id
    ]


@pytest.mark.parametrize(("rule_id", "locale", "text"), list(examples("flag")))
def test_flag_example_is_flagged(rule_id, locale, text):
    assert findings_of(rule_id, text, locale), f"{rule_id} missed: {text[:200]!r}"


@pytest.mark.parametrize(("rule_id", "locale", "text"), list(examples("ok")))
def test_ok_example_is_left_alone(rule_id, locale, text):
    found = findings_of(rule_id, text, locale)
    assert not found, [text[f["start"] : f["end"]] for f in found]


def applies_to(rule):
    """The template locales a rule applies to: its scope's locales, else all of them."""
    scope = rule.get("scope", {}).get("locales")
    return [locale for locale in TEMPLATE_LOCALES if scope is None or locale in scope]


@pytest.mark.parametrize("rule", LINT["rules"], ids=[rule["id"] for rule in LINT["rules"]])
def test_every_rule_has_examples_in_every_template_language(rule):
    assert len(TEMPLATE_LOCALES) >= 10
    assert set(applies_to(rule)) <= set(rule["examples"]["flag"]), (
        "a language the rule applies to has no flag example"
    )
    assert set(TEMPLATE_LOCALES) <= set(rule["examples"]["ok"]), (
        "a template language has no ok example"
    )


def test_a_rule_without_examples_in_a_template_language_fails_the_coverage_test():
    rule = json.loads(json.dumps(LINT["rules"][0]))
    del rule["examples"]["flag"]["ja-JP"]
    with pytest.raises(AssertionError):
        test_every_rule_has_examples_in_every_template_language(rule)


def test_rule_ids_are_unique_and_every_kind_is_checked_and_documented():
    ids = [rule["id"] for rule in LINT["rules"]]
    assert len(ids) == len(set(ids)) >= 15
    assert set(KIND_PARAMETERS) == set(CHECKS)
    # Every shipped rule is an Amazon policy or FTC requirement: an error. Teams may add warnings.
    assert {rule["severity"] for rule in LINT["rules"]} == {"error"}
    rows = LINT_DOCS.read_text(encoding="utf-8").splitlines()
    for kind, parameters in KIND_PARAMETERS.items():
        row = next((line for line in rows if line.startswith(f"| `{kind}` |")), None)
        assert row, f"docs/lint.md has no row for the {kind} kind"
        for name in parameters["required"] + parameters["optional"]:
            assert f"`{name}`" in row, f"docs/lint.md does not name {kind}'s {name}"


def test_lint_file_is_valid_and_canonical():
    LintFileSchema().load(LINT)
    text = LINT_FILE.read_text(encoding="utf-8")
    assert text == json.dumps(LINT, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_examples_are_checked_at_load_too():
    assert rule_example_problems(LINT) == {}
    broken = json.loads(json.dumps(LINT))
    broken["rules"][0]["examples"]["ok"]["en-US"].append("See https://example.com now.")
    problems = rule_example_problems(broken)
    assert list(problems) == [
        f"rules.0.examples.ok.en-US.{len(broken['rules'][0]['examples']['ok']['en-US']) - 1}"
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda rule: rule.update(kind="max-length"), "max_chars"),
        (lambda rule: rule.update(max_chars=10), "max_chars"),
        (lambda rule: rule["patterns"].update({"*": ["(?P<x>a)"]}), "patterns"),
        (lambda rule: rule["patterns"].update({"*": ["a*"]}), "patterns"),
        (lambda rule: rule["patterns"].update({"pt": ["x"]}), "pt"),
        (lambda rule: rule.update(message="two\nlines"), "message"),
        (lambda rule: rule.update(severity="info"), "severity"),
        (lambda rule: rule.update(colour="red"), "colour"),
        (
            lambda rule: rule["examples"]["flag"].update({"en-US": [{"repeat": "x", "times": 0}]}),
            "en-US",
        ),
    ],
)
def test_schema_refuses_a_broken_rule_naming_the_field(change, field):
    document = json.loads(json.dumps(LINT))
    change(document["rules"][0])
    with pytest.raises(ValidationError) as raised:
        LintFileSchema().load(document)
    assert field in json.dumps(raised.value.messages)


def test_language_detection_joins_the_declared_language():
    # A German review request in a message declared English is still caught.
    text = "Order 112-4839201-5728394 ist unterwegs. Wir würden uns über eine Bewertung freuen, wenn Sie mit uns zufrieden sind."
    rules = {finding["rule"] for finding in lint_message(text, locale="en-US", rules=RULES)}
    assert {"no-review-requests", "wrong-language"} <= rules


def test_marketplace_gives_the_language_and_scope():
    lint = {**LINT, "message_locales": {"US": ["en-US"], "DE": ["de-DE"]}}
    delay = "Your order 112-4839201-5728394 is delayed. We are sorry, and we will ship it with the next batch."
    us_rules = {finding["rule"] for finding in lint_message(delay, marketplace="US", rules=lint)}
    assert {"us-delay-revised-date", "us-delay-cancel-option"} <= us_rules
    de_rules = {finding["rule"] for finding in lint_message(delay, marketplace="DE", rules=lint)}
    assert (
        "wrong-language" in de_rules
        and not {"us-delay-revised-date", "us-delay-cancel-option"} & de_rules
    )


WHEN_ASKED = json.loads(
    (config.REPO_ROOT / "tests" / "vectors" / "lint-when-asked.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", WHEN_ASKED["cases"], ids=lambda case: case["name"])
def test_when_asked_matches_count_only_where_the_buyer_is_asked(case):
    LintFileSchema().load(WHEN_ASKED["lint"])
    found = lint_message(case["text"], locale="en-US", rules=WHEN_ASKED["lint"])
    assert [[f["start"], f["end"]] for f in found] == case["expect"]


def test_when_asked_needs_asks():
    rule = {**WHEN_ASKED["lint"]["rules"][0]}
    del rule["asks"]
    with pytest.raises(ValidationError, match="when_asked"):
        LintFileSchema().load({**WHEN_ASKED["lint"], "rules": [rule]})
