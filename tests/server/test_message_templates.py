"""The shipped buyer message templates: every language, lint-clean, and refused when they are not."""

import json

import pytest
from shipguard import config
from shipguard.app import create_app
from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError
from shipguard.bundle.validation_cache import ValidationCache, default_cache_dir
from shipguard.buyer_messages.lint import language_of, lint_message
from shipguard.buyer_messages.render import render_message
from shipguard.buyer_messages.template_checks import renderings

from .helpers import default_document, default_template, write_json

LANGUAGES = [
    "de-DE",
    "en-GB",
    "en-US",
    "es-ES",
    "fr-FR",
    "it-IT",
    "ja-JP",
    "nl-NL",
    "pl-PL",
    "sv-SE",
]
TEMPLATE_IDS = [
    "cancelled-no-inventory",
    "delay-address-confirmation",
    "delay-carrier-problem",
    "delay-no-date",
    "delay-out-of-stock",
    "delay-partial-shipment",
    "delay-second-notice",
    "delay-weather",
    "request-address-confirmation",
]
# The default data as the run's apps have it (tests/conftest.py): validated once a run.
DATA = load_data(cache=ValidationCache(default_cache_dir()))
MARKETPLACES = {marketplace["code"]: marketplace for marketplace in DATA.marketplaces}
CASES = [
    (template["id"], locale)
    for template in DATA.templates
    for locale in sorted(template["locales"])
]


def test_every_template_is_written_in_every_language():
    assert sorted(template["id"] for template in DATA.templates) == TEMPLATE_IDS
    for template in DATA.templates:
        assert sorted(template["locales"]) == LANGUAGES, template["id"]
    assert len(CASES) == 90


@pytest.mark.parametrize(
    ("template_id", "locale"), CASES, ids=[f"{t}-{locale}" for t, locale in CASES]
)
def test_template_language_renders_and_lints_clean(template_id, locale):
    template = DATA.template(template_id)
    for rendered in renderings(template, locale, DATA.date_formats):
        assert (
            rendered["findings"] == []
            and "{" not in rendered["body"]
            and "[[" not in rendered["body"]
        )
        findings = lint_message(rendered["body"], locale=locale, rules=DATA.lint)
        assert findings == [], [
            (f["rule"], rendered["body"][f["start"] : f["end"]]) for f in findings
        ]
        assert template["placeholders"]["order_id"]["example"] in rendered["body"]


@pytest.mark.parametrize("template", DATA.templates, ids=lambda template: template["id"])
def test_template_covers_every_marketplace_whose_buyers_it_can_write_to(template):
    written = {language_of(locale) for locale in template["locales"]}
    reachable = sorted(
        code
        for code, marketplace in MARKETPLACES.items()
        if all(language_of(locale) in written for locale in marketplace["buyer_locales"])
    )
    assert sorted(template["marketplaces"]) == reachable == sorted(MARKETPLACES)


@pytest.mark.parametrize("template", DATA.templates, ids=lambda template: template["id"])
def test_template_declares_what_it_uses_and_uses_what_it_declares(template):
    texts = " ".join(
        text for language in template["locales"].values() for text in language.values()
    )
    assert {name for name in template["placeholders"] if "{" + name + "}" in texts} == set(
        template["placeholders"]
    )
    assert all(
        spec["description"] and spec["example"] for spec in template["placeholders"].values()
    )


def test_template_files_are_canonical():
    for path in config.messages_dir().glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert (
            text
            == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        ), path.name


def test_each_new_template_has_its_copy_remedy():
    remedies = {remedy["id"]: remedy for remedy in DATA.rules["remedies"]}
    expected = {
        "copy-delay-partial-shipment": ("tell-buyer", "delay-partial-shipment"),
        "copy-delay-second-notice": ("tell-buyer", "delay-second-notice"),
        "copy-delay-no-date": ("tell-buyer", "delay-no-date"),
        "copy-request-address-confirmation": ("verify", "request-address-confirmation"),
        "copy-cancelled-no-inventory": ("cannot-ship", "cancelled-no-inventory"),
    }
    for remedy_id, (group, template_id) in expected.items():
        remedy = remedies[remedy_id]
        assert (remedy["kind"], remedy["group"], remedy["template"]) == (
            "copy-message",
            group,
            template_id,
        )
        assert remedy["statuses"] == ["late", "due-soon"] and remedy["title"]["en"]
    copied = {
        remedy["template"] for remedy in remedies.values() if remedy["kind"] == "copy-message"
    }
    assert copied == set(TEMPLATE_IDS)


def team_copy(team_dir, change, template_id="delay-weather"):
    template = default_template(template_id)
    change(template)
    return write_json(team_dir / "messages" / f"{template_id}.json", template)


def refused(team_dir):
    with pytest.raises(DataError) as raised:
        load_data(team_dir)
    with pytest.raises(DataError):
        create_app({"TESTING": True, "DATA_DIR": str(team_dir)})
    return [str(problem) for problem in raised.value.problems]


def test_lint_error_in_one_language_is_refused_naming_file_language_and_rule(team_dir):
    def add_link(template):
        template["locales"]["fr-FR"]["body"] += "\n\nVoir www.exemple.fr pour le suivi."

    path = team_copy(team_dir, add_link)
    assert any(
        line.startswith(f"{path}: locales.fr-FR.body: lint no-links:") for line in refused(team_dir)
    )


def test_lint_error_only_without_the_optional_fields_is_refused(team_dir):
    def broken_when_left_out(template):
        # Without the optional delivery date, the English delay notice loses its new date.
        body = template["locales"]["en-US"]["body"]
        template["locales"]["en-US"]["body"] = body.replace(
            "We now expect to ship it by {new_ship_date}[[",
            "[[We now expect to ship it by {new_ship_date}",
        )

    path = team_copy(team_dir, broken_when_left_out)
    assert any(
        line.startswith(f"{path}: locales.en-US.body: lint us-delay-revised-date:")
        for line in refused(team_dir)
    )


def test_missing_language_for_a_listed_marketplace_is_refused(team_dir):
    path = team_copy(team_dir, lambda template: template["locales"].pop("ja-JP"))
    assert (
        f"{path}: marketplaces.11: Marketplace JP has buyers in ja-JP, but the template has no ja-* text."
        in refused(team_dir)
    )


def test_undeclared_placeholder_is_refused_naming_the_language(team_dir):
    def add_placeholder(template):
        template["locales"]["pl-PL"]["subject"] += " {tracking_id}"

    path = team_copy(team_dir, add_placeholder)
    assert (
        f"{path}: locales.pl-PL.subject: Placeholder {{tracking_id}} is not declared in placeholders."
        in refused(team_dir)
    )


def test_subject_is_linted_for_what_it_contains(team_dir):
    path = team_copy(
        team_dir,
        lambda template: template["locales"]["de-DE"].update(
            subject="Ihre Bestellung {order_id} 🚚"
        ),
    )
    assert any(
        line.startswith(f"{path}: locales.de-DE.subject: lint no-emoji:")
        for line in refused(team_dir)
    )


def test_team_lint_rules_replace_by_id_and_must_keep_their_examples(team_dir):
    rule = next(
        rule for rule in default_document("lint.json")["rules"] if rule["id"] == "no-phone-numbers"
    )
    write_json(team_dir / "lint.json", {"rules": [{**rule, "severity": "error"}]})
    data = load_data(team_dir)
    assert (
        next(r for r in data.lint["rules"] if r["id"] == "no-phone-numbers")["severity"] == "error"
    )
    assert [r["id"] for r in data.lint["rules"]] == [r["id"] for r in DATA.lint["rules"]]

    rule["examples"]["ok"]["de-DE"].append("Rufen Sie uns an: 030 12345678.")
    added = len(rule["examples"]["ok"]["de-DE"]) - 1
    path = write_json(team_dir / "lint.json", {"rules": [rule]})
    assert (
        f"{path}: rules.0.examples.ok.de-DE.{added}: This example is flagged by no-phone-numbers."
        in refused(team_dir)
    )


def test_team_lint_rule_needs_a_known_language_and_marketplace(team_dir):
    rule = next(
        rule
        for rule in default_document("lint.json")["rules"]
        if rule["id"] == "us-delay-cancel-option"
    )
    rule["scope"]["marketplaces"] = ["US", "ZZ"]
    rule["require"]["pt"] = ["reembolso"]
    path = write_json(team_dir / "lint.json", {"rules": [rule]})
    problems = refused(team_dir)
    assert f"{path}: rules.0.require: No language profile for pt." in problems
    assert f"{path}: rules.0.scope.marketplaces: No marketplace with code 'ZZ'." in problems


def test_a_fact_label_without_english_is_refused(team_dir):
    def german_only(template):
        template["placeholders"]["order_id"]["label"] = {"de": "Amazon-Bestellnummer"}

    path = team_copy(team_dir, german_only)
    problems = refused(team_dir)
    assert any(
        line.startswith(f"{path}: placeholders.order_id") and '"en"' in line for line in problems
    ), problems


def test_a_team_template_may_leave_out_labels(team_dir):
    def unlabelled(template):
        for placeholder in template["placeholders"].values():
            placeholder.pop("label")

    team_copy(team_dir, unlabelled)
    load_data(team_dir)


def us_body(template_id, **fields):
    template = DATA.template(template_id)
    examples = {name: spec["example"] for name, spec in template["placeholders"].items()}
    return render_message(template, "en-US", {**examples, **fields}, DATA.date_formats)["body"]


def test_every_delay_message_says_which_notice_it_is():
    notices = {
        template["id"]: template.get("delay_notice")
        for template in DATA.templates
        if template["id"].startswith("delay-")
    }
    assert notices == {
        "delay-address-confirmation": "first",
        "delay-carrier-problem": "first",
        "delay-no-date": "open-ended",
        "delay-out-of-stock": "first",
        "delay-partial-shipment": "first",
        "delay-second-notice": "second",
        "delay-weather": "first",
    }


@pytest.mark.parametrize(
    "template_id",
    [t["id"] for t in DATA.templates if t.get("delay_notice") == "first"],
)
def test_first_us_notices_say_that_no_reply_accepts_the_new_date(template_id):
    body = us_body(template_id)
    assert "If we do not hear from you, we will take it that you accept the new date." in body
    assert "by Monday, December 9" in body


def test_second_notice_cancels_unless_the_buyer_agrees_to_wait():
    body = us_body("delay-second-notice", earlier_ship_date="2019-12-09")
    assert "will not ship by Monday, December 9, the date we gave you" in body
    assert "We now expect to ship it by Monday, December 16" in body
    assert "we will only keep your order if you agree to wait" in body
    assert (
        "If we have not heard from you by Monday, December 9, we will cancel the order "
        "ourselves and refund you in full, at no cost to you." in body
    )
    assert "just reply and we will cancel it now and refund you in full right away" in body


def test_open_ended_notice_gives_no_date_the_reason_and_the_day_we_cancel():
    body = us_body("delay-no-date", cancel_by_date="2019-12-16")
    assert "our supplier cannot yet tell us when new stock will arrive" in body
    assert "we cannot yet give you a new shipping date" in body
    assert "you may still cancel at any time until the order ships" in body
    assert "still cannot ship the order by Monday, December 16, we will cancel it then" in body


@pytest.mark.parametrize("locale", LANGUAGES)
def test_second_and_open_ended_notices_carry_their_dates_in_every_language(locale):
    second = DATA.template("delay-second-notice")["locales"][locale]["body"]
    open_ended = DATA.template("delay-no-date")["locales"][locale]["body"]
    # The earlier date twice: the date missed, and the day silence cancels the order.
    assert second.count("{earlier_ship_date}") == 2 and "{new_ship_date}" in second
    assert "{cancel_by_date}" in open_ended and "{new_ship_date}" not in open_ended
