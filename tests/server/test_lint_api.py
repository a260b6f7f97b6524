"""POST /api/v1/lint, lint findings in POST /api/v1/render, and `shipguard lint FILE`."""

import json
import os
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest
from shipguard import config
from shipguard.buyer_messages.lint import default_lint_data
from shipguard.buyer_messages.lint_requests import lint_text

from .helpers import default_document, run_cli, write_json

ORDER = "112-4839201-5728394"
BAD = f"Hello,\nyour order {ORDER} is on its way 😀\nPlease leave a review at www.acme.example.com"
# Clean in German: the phone number is the carrier's, which a buyer may need.
GERMAN = (
    f"Ihre Bestellung {ORDER} ist leider verspätet, wir versenden sie am Montag. Für Rückfragen "
    "erreichen Sie den Paketdienst unter 030 12345678."
)


# The seller's own phone number: an error by default.
OWN_PHONE = f"Ihre Bestellung {ORDER} verzögert sich. Rückfragen unter 030 12345678."


def lint(client, **body):
    return client.post("/api/v1/lint", json=body)


def test_lint_answers_ok_and_findings_with_utf16_spans(client):
    response = lint(client, text=BAD, locale="en-US")
    assert response.status_code == 200
    result = response.get_json()
    assert set(result) == {"ok", "findings"} and result["ok"] is False
    units = BAD.encode("utf-16-le")
    found = {
        f["rule"]: units[f["start"] * 2 : f["end"] * 2].decode("utf-16-le")
        for f in result["findings"]
    }
    assert found["no-emoji"] == "😀"
    assert found["no-links"] == "www.acme.example.com"  # after the emoji: two UTF-16 units for it
    assert "review" in found["no-review-requests"]
    starts = [(f["start"], f["end"]) for f in result["findings"]]
    assert starts == sorted(starts)
    for finding in result["findings"]:
        assert set(finding) == {"rule", "severity", "message", "start", "end"}


def test_clean_message_is_ok(client):
    text = (
        f"Hello,\n\nWe are sorry: your order {ORDER} will not ship by Thu, Dec 5, 2019. We now expect to ship it "
        "by Mon, Dec 9, 2019. If you would rather not wait, reply and we will cancel it and refund you in full."
    )
    for body in (
        {"locale": "en-US"},
        {"marketplace": "US"},
        {"locale": "en-US", "marketplace": "US"},
        {},
    ):
        assert lint(client, text=text, **body).get_json() == {"ok": True, "findings": []}, body


def test_marketplace_alone_gives_the_language_and_the_us_rules(client):
    text = f"Your order {ORDER} is delayed. We are sorry and we will ship it as soon as we can."
    us = {f["rule"] for f in lint(client, text=text, marketplace="US").get_json()["findings"]}
    assert {"us-delay-revised-date", "us-delay-cancel-option"} <= us
    germany = lint(client, text=text, marketplace="DE").get_json()
    assert {f["rule"] for f in germany["findings"]} == {"wrong-language"} and germany["ok"] is False


def test_warnings_alone_leave_the_message_ok():
    # The shipped rules are all errors; a team may make one a warning.
    shipped = default_lint_data()
    rules = [
        {**rule, "severity": "warning"} if rule["id"] == "no-phone-numbers" else rule
        for rule in shipped["rules"]
    ]
    data = SimpleNamespace(lint={**shipped, "rules": rules})
    text = f"Ihre Bestellung {ORDER} verzögert sich leider. Rückfragen unter 030 12345678."
    result = lint_text(data, text, locale="de-DE")
    assert [f["severity"] for f in result["findings"]] == ["warning"] and result["ok"] is True


def test_a_carriers_number_named_as_such_is_no_finding(client):
    text = f"Ihre Bestellung {ORDER} ist unterwegs, der Paketdienst ist unter 030 12345678 erreichbar, falls die Zustellung nicht klappt."
    assert lint(client, text=text, locale="de-DE").get_json() == {"ok": True, "findings": []}


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"locale": "en-US"}, 422, "text"),
        ({"text": "x" * 10_001}, 422, "text"),
        ({"text": "x", "locale": "english"}, 422, "locale"),
        ({"text": "x", "marketplace": "usa"}, 422, "marketplace"),
        ({"text": 5}, 422, "text"),
        ({"text": "x", "note": "y"}, 422, "note"),
        ({"text": "x", "locale": "pt-BR"}, 404, None),
        ({"text": "x", "marketplace": "ZZ"}, 404, None),
    ],
)
def test_bad_lint_requests_get_json_errors(client, body, status, field):
    response = lint(client, **body)
    assert response.status_code == status and response.mimetype == "application/json"
    error = response.get_json()
    assert error["code"] == status and error["message"]
    if field:
        assert field in error["errors"]


def test_longest_allowed_text_is_linted(client):
    prefix = f"Order {ORDER}. "
    result = lint(client, text=prefix + ("ab " * 5_000)[: 10_000 - len(prefix)]).get_json()
    assert [f["rule"] for f in result["findings"]] == ["too-long"]


def test_lint_body_that_is_not_json_is_400_or_415(client):
    assert client.post("/api/v1/lint", data="{", content_type="application/json").status_code == 400
    assert client.post("/api/v1/lint", data="text=x").status_code == 415


def test_render_adds_lint_findings_of_the_body(client):
    fields = {
        "order_id": ORDER,
        "ship_by": "2019-12-05",
        "new_ship_date": "2019-12-09",
        "carrier": "see www.acme.example.com",
    }
    result = client.post(
        "/api/v1/render",
        json={"template": "delay-carrier-problem", "locale": "en-US", "fields": fields},
    ).get_json()
    links = [f for f in result["findings"] if f["rule"] == "no-links"]
    assert (
        len(links) == 1
        and result["body"][links[0]["start"] : links[0]["end"]] == "www.acme.example.com"
    )


def test_render_reports_an_unfilled_placeholder_once(client):
    result = client.post(
        "/api/v1/render",
        json={"template": "delay-weather", "locale": "de-DE", "fields": {"order_id": ORDER}},
    ).get_json()
    spans = [(f["start"], f["end"]) for f in result["findings"]]
    assert len(spans) == len(set(spans)) == 2
    assert all(f["message"].startswith("Placeholder {") for f in result["findings"])


def test_openapi_documents_lint(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/lint"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/LintRequest"
    }
    assert {"200", "404", "422"} <= set(operation["responses"])
    schemas = spec["components"]["schemas"]
    assert set(schemas["LintRequest"]["properties"]) == {"text", "locale", "marketplace"}
    assert schemas["LintRequest"]["properties"]["text"]["maxLength"] == 10_000
    assert set(schemas["LintResponse"]["properties"]) == {"ok", "findings"}


def test_cli_prints_file_line_column_severity_rule_and_exits_1_on_errors(tmp_path):
    message = tmp_path / "message.txt"
    message.write_text(BAD, encoding="utf-8")
    result = run_cli("lint", message, "--locale", "en-US")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert f"{message}:2:{BAD.splitlines()[1].index('😀') + 1}: error no-emoji: " in "\n".join(
        lines
    )
    assert any(line.startswith(f"{message}:3:") and " error no-links: " in line for line in lines)
    assert any(
        line.startswith(f"{message}:3:") and " error no-review-requests: " in line for line in lines
    )


def test_cli_exit_0_on_a_clean_message_or_warnings_only(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(GERMAN, encoding="utf-8")
    result = run_cli("lint", clean, "--locale", "de-DE")
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
    # A team that makes phone numbers a warning gets exit 0 and the warning printed.
    team = tmp_path / "team"
    team.mkdir()
    shipped = json.loads((config.default_data_dir() / "lint.json").read_text(encoding="utf-8"))
    [phone] = [rule for rule in shipped["rules"] if rule["id"] == "no-phone-numbers"]
    (team / "lint.json").write_text(
        json.dumps({"rules": [{**phone, "severity": "warning"}]}), encoding="utf-8"
    )
    ours = tmp_path / "ours.txt"
    ours.write_text(f"Ihre Bestellung {ORDER} verzögert sich. Rückfragen unter 030 12345678.")
    result = run_cli("lint", ours, "--locale", "de-DE", "--data-dir", team)
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = result.stdout.splitlines()
    column = ours.read_text(encoding="utf-8").index("030") + 1
    assert line.startswith(f"{ours}:1:{column}: warning no-phone-numbers: ")


def test_cli_marketplace_brings_the_us_rules(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text(f"Your order {ORDER} is delayed. We are sorry.", encoding="utf-8")
    assert run_cli("lint", notice, "--locale", "en-GB").returncode == 0
    result = run_cli("lint", notice, "--marketplace", "US")
    assert result.returncode == 1 and "us-delay-cancel-option" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("nope.txt",),
        ("{file}", "--locale", "english"),
        ("{file}", "--locale", "pt-BR"),
        ("{file}", "--marketplace", "ZZ"),
    ],
)
def test_cli_refuses_what_it_cannot_lint_with_exit_2(tmp_path, args):
    message = tmp_path / "m.txt"
    message.write_text("x", encoding="utf-8")
    result = run_cli("lint", *[arg.format(file=message) for arg in args])
    assert (
        result.returncode == 2
        and result.stderr.startswith("shipguard lint: ")
        and result.stdout == ""
    )


def test_cli_lints_several_files_and_a_folder_in_one_run(tmp_path):
    folder = tmp_path / "outbox"
    (folder / "uk").mkdir(parents=True)
    (folder / "a.txt").write_text(OWN_PHONE, encoding="utf-8")
    (folder / "uk" / "b.txt").write_text(BAD, encoding="utf-8")
    (folder / ".draft.txt").write_text(BAD, encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text(BAD, encoding="utf-8")
    result = run_cli("lint", single, folder, "--locale", "de-DE")
    assert result.returncode == 1, result.stderr
    named = [line.split(":", 1)[0] for line in result.stdout.splitlines()]
    # File by file, in the order given, a folder's files sorted, hidden ones left out.
    order = [str(single), str(folder / "a.txt"), str(folder / "uk" / "b.txt")]
    assert set(named) == set(order) and named == sorted(named, key=order.index)


def test_cli_reports_an_unreadable_file_and_still_lints_the_others(tmp_path):
    message = tmp_path / "m.txt"
    message.write_text(BAD, encoding="utf-8")
    result = run_cli("lint", tmp_path / "missing.txt", message, "--locale", "en-US")
    assert result.returncode == 2
    assert result.stderr.startswith(f"shipguard lint: cannot read {tmp_path / 'missing.txt'}")
    assert f"{message}:2:" in result.stdout


def test_cli_with_a_team_folder_uses_its_lint_rules(tmp_path):
    message = tmp_path / "m.txt"
    message.write_text(OWN_PHONE, encoding="utf-8")
    rule = next(
        rule for rule in default_document("lint.json")["rules"] if rule["id"] == "no-phone-numbers"
    )
    write_json(tmp_path / "team" / "lint.json", {"rules": [{**rule, "severity": "warning"}]})
    assert " error no-phone-numbers: " in run_cli("lint", message, "--locale", "de-DE").stdout
    result = run_cli("lint", message, "--locale", "de-DE", "--data-dir", tmp_path / "team")
    assert result.returncode == 0 and " warning no-phone-numbers: " in result.stdout, result.stderr


def test_check_counts_templates_languages_and_rules():
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert "templates 9, template languages 90, lint rules 17" in result.stdout


def test_render_refuses_a_field_longer_than_an_order_fact(client):
    body = {
        "template": "delay-out-of-stock",
        "locale": "ja-JP",
        "fields": {"order_id": "1" * 30_000},
    }
    response = client.post("/api/v1/render", json=body)
    assert response.status_code == 422
    assert "fields" in response.get_json()["errors"]


def test_lint_of_a_long_run_of_digits_answers_at_once(client):
    # The Japanese marketing rule once scanned every run of digits from every start.
    started = time.process_time()
    response = lint(client, text="1" * 10_000, locale="ja-JP")
    assert response.status_code == 200 and time.process_time() - started < 1


def test_cli_lint_loads_neither_the_schemas_nor_flask_once_the_data_was_validated(tmp_path):
    # What keeps `shipguard lint` quick to start: only the lint engine and its data, validated
    # by the first run (with the schemas) and taken from the user's cache by the next.
    message = tmp_path / "m.txt"
    message.write_text(GERMAN, encoding="utf-8")
    probe = (
        "import sys; from shipguard.cli import main; status = main(sys.argv[1:]); "
        "print(sorted(m for m in ('marshmallow', 'flask', 'waitress') if m in sys.modules))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    loaded = []
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-c", probe, "lint", str(message), "--locale", "de-DE"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        loaded.append(result.stdout.splitlines()[-1])
    assert loaded == ["['marshmallow']", "[]"], result.stdout + result.stderr
