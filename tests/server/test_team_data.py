"""A team data folder layers over the defaults; each kind of breakage names file and field."""

import shutil

import pytest
from shipguard import config
from shipguard.app import create_app
from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError

from .helpers import default_document, default_template, problem_lines, team_template, write_json

COPY_TEAM_NOTE = {
    "id": "copy-team-note",
    "kind": "copy-message",
    "group": "tell-buyer",
    "template": "team-note",
    "statuses": ["late"],
    "title": {"en": "Copy the team note"},
}


def marketplaces_with(**changes):
    document = default_document("marketplaces.json")
    document["marketplaces"][0].update(changes)
    return document


def adapter_with(**changes):
    document = default_document("pages/orders-list.json")
    document.update(changes)
    return document


BROKEN = {
    "bad-json": (
        "rules.json",
        '{\n  "due_soon_hours": ,\n  "delay_business_days": 2\n}',
        "line 2 column 21",
        "Invalid JSON",
    ),
    "wrong-type": (
        "rules.json",
        {"due_soon_hours": "soon"},
        "due_soon_hours",
        "Not a valid number",
    ),
    "not-positive": ("rules.json", {"due_soon_hours": 0}, "due_soon_hours", "greater than 0"),
    "unknown-key": (
        "marketplaces.json",
        marketplaces_with(currency="USD"),
        "marketplaces.0.currency",
        "Unknown field",
    ),
    "undeclared-placeholder": (
        "messages/team-note.json",
        team_template(
            locales={"en-US": {"subject": "Order {order_id}", "body": "Tracking {tracking_id}."}}
        ),
        "locales.en-US.body",
        "{tracking_id}",
    ),
    "missing-template": (
        "rules.json",
        {"remedies": [{**COPY_TEAM_NOTE, "template": "team-nope"}]},
        "remedies.0.template",
        "team-nope",
    ),
    "bad-status": (
        "rules.json",
        {
            "remedies": [
                {**COPY_TEAM_NOTE, "template": "delay-weather", "statuses": ["late", "soon"]}
            ]
        },
        "remedies.0.statuses.1",
        "Must be one of",
    ),
    "open-page-elsewhere": (
        "rules.json",
        {
            "remedies": [
                {
                    "id": "open-evil",
                    "kind": "open-page",
                    "group": "verify",
                    "path": "//evil.example/x",
                    "statuses": ["late"],
                    "title": {"en": "Evil"},
                }
            ]
        },
        "remedies.0.path",
        "Seller Central",
    ),
    "copy-without-template": (
        "rules.json",
        {"remedies": [{key: value for key, value in COPY_TEAM_NOTE.items() if key != "template"}]},
        "remedies.0.template",
        "Required for copy-message",
    ),
    "path-with-buyer-data": (
        "rules.json",
        {
            "remedies": [
                {
                    "id": "open-x",
                    "kind": "open-page",
                    "group": "verify",
                    "path": "/orders-v3/order/{buyer_email}",
                    "statuses": ["late"],
                    "title": {"en": "X"},
                }
            ]
        },
        "remedies.0.path",
        "{buyer_email}",
    ),
    "bad-regex": (
        "pages/orders-list.json",
        adapter_with(url_patterns=["^/orders-v3/(unclosed$"]),
        "url_patterns.0",
        "regular expression",
    ),
    "bad-time-zone": (
        "marketplaces.json",
        marketplaces_with(time_zone="Mars/Olympus"),
        "marketplaces.0.time_zone",
        "Mars/Olympus",
    ),
    "id-not-file-name": ("pages/orders-grid.json", adapter_with(), "id", "orders-grid"),
    "unknown-marketplace": (
        "messages/team-note.json",
        team_template(marketplaces=["ZZ"]),
        "marketplaces.0",
        "'ZZ'",
    ),
    "bad-date-regex": (
        "date-formats.json",
        {
            "date_formats": [
                {
                    "locale": "de-DE",
                    "months": [["jan"]] * 12,
                    "patterns": [{"regex": "(\\d+", "order": "DMY"}],
                }
            ]
        },
        "date_formats.0.patterns.0.regex",
        "regular expression",
    ),
}


@pytest.mark.parametrize(
    ("relative", "content", "field", "reason"), BROKEN.values(), ids=list(BROKEN)
)
def test_broken_team_file_names_file_and_field(team_dir, relative, content, field, reason):
    path = write_json(team_dir / relative, content)
    with pytest.raises(DataError) as raised:
        load_data(team_dir)
    lines = problem_lines(raised.value, path)
    assert any(f": {field}: " in line and reason in line for line in lines), str(raised.value)


def test_every_problem_is_reported_at_once(team_dir):
    rules = write_json(
        team_dir / "rules.json", {"due_soon_hours": -1, "delay_business_days": "two"}
    )
    markets = write_json(team_dir / "marketplaces.json", marketplaces_with(code="usa"))
    with pytest.raises(DataError) as raised:
        load_data(team_dir)
    assert len(problem_lines(raised.value, rules)) == 2
    assert len(problem_lines(raised.value, markets)) == 1
    assert len(raised.value.problems) == 3


def test_missing_team_folder_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="does not exist"):
        load_data(tmp_path / "nowhere")


def test_app_refuses_to_start_on_broken_data(team_dir):
    write_json(team_dir / "rules.json", {"due_soon_hours": "soon"})
    with pytest.raises(DataError, match="due_soon_hours"):
        create_app({"DATA_DIR": str(team_dir)})


def test_same_id_replaces_and_new_id_adds(team_dir):
    write_json(
        team_dir / "messages/delay-weather.json",
        team_template("delay-weather", title="Team weather"),
    )
    write_json(team_dir / "messages/team-note.json", team_template())
    write_json(team_dir / "rules.json", {"remedies": [COPY_TEAM_NOTE]})
    data = load_data(team_dir)
    assert data.template("delay-weather")["title"] == "Team weather"
    assert data.template("team-note")["title"] == "A team's own note"
    assert data.template("delay-out-of-stock") is not None
    remedy_ids = [remedy["id"] for remedy in data.rules["remedies"]]
    assert remedy_ids[-1] == "copy-team-note" and "copy-delay-out-of-stock" in remedy_ids


def test_team_rules_override_only_what_they_name(team_dir):
    defaults = default_document("rules.json")
    renamed = {**defaults["remedies"][0], "title": {"en": "Team title"}}
    write_json(team_dir / "rules.json", {"due_soon_hours": 6, "remedies": [renamed]})
    rules = load_data(team_dir).rules
    assert rules["due_soon_hours"] == 6
    assert rules["delay_business_days"] == defaults["delay_business_days"]
    assert [remedy["id"] for remedy in rules["remedies"]] == [
        remedy["id"] for remedy in defaults["remedies"]
    ]
    assert rules["remedies"][0]["title"] == {"en": "Team title"}


def test_team_marketplace_is_added_and_usable_by_templates(team_dir):
    brazil = {
        "code": "BR",
        "id": "A2Q3Y263D00KWC",
        "name": "Amazon.com.br",
        "hosts": ["sellercentral.amazon.com.br"],
        "sales_channels": ["Amazon.com.br"],
        "time_zone": "America/Sao_Paulo",
        "buyer_locales": ["pt-BR"],
        "page_locales": ["pt-BR"],
        "weekend_days": [6, 7],
    }
    write_json(team_dir / "marketplaces.json", {"marketplaces": [brazil]})
    # A template listing BR must be written in its buyers' language too.
    portuguese = {
        "subject": "Seu pedido {order_id}: envio atrasado",
        "body": (
            "Olá,\n\nlamentamos: o seu pedido {order_id} vai atrasar. Agora esperamos enviá-lo até {new_ship_date}.\n\n"
            "Se preferir não esperar, basta responder a esta mensagem: nós mesmos cancelaremos o pedido e faremos "
            "o reembolso total imediatamente, sem custo para você."
        ),
    }
    locales = {**default_template()["locales"], "pt-BR": portuguese}
    write_json(
        team_dir / "messages/team-note.json", team_template(marketplaces=["BR"], locales=locales)
    )
    data = load_data(team_dir)
    codes = [marketplace["code"] for marketplace in data.marketplaces]
    assert codes[-1] == "BR" and codes.count("BR") == 1 and "US" in codes
    assert data.template("team-note")["marketplaces"] == ["BR"]


def test_team_marketplace_with_a_known_code_replaces_the_default(team_dir):
    germany = next(
        m for m in default_document("marketplaces.json")["marketplaces"] if m["code"] == "DE"
    )
    write_json(
        team_dir / "marketplaces.json",
        {"marketplaces": [{**germany, "page_locales": ["de-DE", "en-GB"]}]},
    )
    data = load_data(team_dir)
    replaced = [m for m in data.marketplaces if m["code"] == "DE"]
    assert len(replaced) == 1 and replaced[0]["page_locales"] == ["de-DE", "en-GB"]


def test_team_rules_without_disabled_features_keep_the_defaults(tmp_path, team_dir, monkeypatch):
    defaults = tmp_path / "defaults"
    shutil.copytree(config.default_data_dir(), defaults)
    rules = default_document("rules.json")
    write_json(defaults / "rules.json", {**rules, "disabled_features": ["reminders"]})
    monkeypatch.setattr(config, "default_data_dir", lambda: defaults)
    write_json(team_dir / "rules.json", {"due_soon_hours": 6})
    assert load_data(team_dir).disabled_features == ["reminders"]
    write_json(team_dir / "rules.json", {"disabled_features": []})
    assert load_data(team_dir).disabled_features == []
