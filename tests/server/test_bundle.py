"""GET /api/v1/bundle: canonical bytes, ETag and 304, caching headers, HEAD."""

import hashlib
import json
import os
import re

import pytest
from shipguard import config
from shipguard.app import create_app
from shipguard.bundle.datastore import load_data
from shipguard.bundle.features import feature_ids
from shipguard.bundle.problems import DataError
from shipguard.bundle.schemas.bundle import BundleSchema

from .helpers import default_document, write_json

BUNDLE_KEYS = {
    "version",
    "generated_at",
    "marketplaces",
    "date_formats",
    "pages",
    "rules",
    "lint",
    "templates",
    "carriers",
    "tracking_dataset",
    "carrier_calendars",
    "transit_times",
    "disabled_features",
}


def test_bundle_is_the_documented_json(client):
    response = client.get("/api/v1/bundle")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    bundle = response.get_json()
    assert set(bundle) == BUNDLE_KEYS
    BundleSchema().load(bundle)  # the bundle fits the schema its OpenAPI document shows
    shipped_lint = default_document("lint.json")
    # The rules travel without their examples, which only check the rules on the server.
    assert bundle["lint"]["rules"] == [
        {key: value for key, value in rule.items() if key != "examples"}
        for rule in shipped_lint["rules"]
    ]
    assert sorted(bundle["lint"]["languages"]) == sorted(shipped_lint["languages"])
    assert bundle["lint"]["message_locales"]["CA"] == ["en-CA", "fr-CA"]
    assert bundle["disabled_features"] == []
    assert [page["id"] for page in bundle["pages"]] == sorted(
        p.stem for p in (config.default_data_dir() / "pages").glob("*.json")
    )
    assert "copy-delay-out-of-stock" in [remedy["id"] for remedy in bundle["rules"]["remedies"]]


def test_templates_in_the_bundle_are_full_and_sorted(client):
    templates = client.get("/api/v1/bundle").get_json()["templates"]
    ids = [template["id"] for template in templates]
    assert ids == sorted(ids) and "delay-out-of-stock" in ids
    assert all("en-US" in template["locales"] for template in templates)


def canonical(document):
    """The canonical form, spelled out here rather than borrowed from the code under test."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def test_bytes_are_canonical_and_etag_hashes_the_content(client):
    response = client.get("/api/v1/bundle")
    bundle = json.loads(response.data)
    assert response.data == canonical(bundle)
    content = {
        key: value for key, value in bundle.items() if key not in ("version", "generated_at")
    }
    digest = hashlib.sha256(canonical(content)).hexdigest()
    assert response.headers["ETag"] == f'"{digest}"'
    assert bundle["version"] == digest[:12]


def test_generated_at_is_the_newest_data_file_time(app, team_dir):
    path = write_json(team_dir / "rules.json", {"due_soon_hours": 12})
    os.utime(path, (1893456000, 1893456000))  # 2030-01-01, newer than any default file
    bundle = json.loads(
        create_app({"DATA_DIR": str(team_dir)}).test_client().get("/api/v1/bundle").data
    )
    assert bundle["generated_at"] == "2030-01-01T00:00:00Z"
    default_stamp = json.loads(app.test_client().get("/api/v1/bundle").data)["generated_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", default_stamp)


def test_every_app_on_the_same_files_serves_the_same_bytes(client):
    other = create_app({"DATA_DIR": None}).test_client()
    assert client.get("/api/v1/bundle").data == other.get("/api/v1/bundle").data


def test_content_change_changes_etag_and_version(client, team_dir):
    write_json(team_dir / "rules.json", {"due_soon_hours": 12})
    changed = create_app({"DATA_DIR": str(team_dir)}).test_client().get("/api/v1/bundle")
    original = client.get("/api/v1/bundle")
    assert changed.headers["ETag"] != original.headers["ETag"]
    assert changed.get_json()["version"] != original.get_json()["version"]
    assert changed.get_json()["rules"]["due_soon_hours"] == 12


def test_cache_headers(client):
    response = client.get("/api/v1/bundle")
    assert response.headers["Cache-Control"] == "public, max-age=300"
    assert re.fullmatch(r'"[0-9a-f]{64}"', response.headers["ETag"])


@pytest.mark.parametrize(
    "if_none_match",
    ["{etag}", "W/{etag}", '"something-else", {etag}', "*", '"a",W/{etag}'],
)
def test_matching_if_none_match_gives_304(client, if_none_match):
    etag = client.get("/api/v1/bundle").headers["ETag"]
    response = client.get(
        "/api/v1/bundle", headers={"If-None-Match": if_none_match.format(etag=etag)}
    )
    assert response.status_code == 304
    assert response.data == b""
    assert response.headers["ETag"] == etag
    assert response.headers["Cache-Control"] == "public, max-age=300"


@pytest.mark.parametrize("if_none_match", ['"0123"', 'W/"0123"', ""])
def test_other_if_none_match_gives_the_bundle(client, if_none_match):
    response = client.get("/api/v1/bundle", headers={"If-None-Match": if_none_match})
    assert response.status_code == 200
    assert response.get_json()["version"]


def test_head_has_the_headers_without_the_body(client):
    full = client.get("/api/v1/bundle")
    head = client.head("/api/v1/bundle")
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["ETag"] == full.headers["ETag"]
    assert int(head.headers["Content-Length"]) == len(full.data)


def test_healthz_names_the_bundle_version(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    version = client.get("/api/v1/bundle").get_json()["version"]
    assert response.get_json() == {"status": "ok", "version": version}


def test_bundle_carries_team_disabled_features(team_dir):
    rules = default_document("rules.json")
    rules["disabled_features"] = ["reminders", "projections"]
    write_json(team_dir / "rules.json", rules)
    bundle = create_app({"DATA_DIR": str(team_dir)}).test_client().get("/api/v1/bundle").get_json()
    assert bundle["disabled_features"] == ["reminders", "projections"]
    assert "disabled_features" not in bundle["rules"]


def test_the_kill_switch_names_only_features_of_the_registry(team_dir):
    rules = default_document("rules.json")
    rules["disabled_features"] = ["orders-list", "notifications"]
    write_json(team_dir / "rules.json", rules)
    with pytest.raises(DataError) as raised:
        load_data(team_dir)
    assert "disabled_features.1" in str(raised.value)
    assert "No feature 'notifications'" in str(raised.value)


def test_bundle_is_sent_gzipped_to_clients_that_accept_it(client):
    import gzip as gzip_module

    plain = client.get("/api/v1/bundle")
    packed = client.get("/api/v1/bundle", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert gzip_module.decompress(packed.get_data()) == plain.get_data()
    assert len(packed.get_data()) < len(plain.get_data()) / 2
    assert packed.headers["ETag"] != plain.headers["ETag"], "each encoding has its own tag"
    # Either tag revalidates to 304, whichever encoding the client asks for now.
    for tag in (plain.headers["ETag"], packed.headers["ETag"]):
        again = client.get(
            "/api/v1/bundle", headers={"If-None-Match": tag, "Accept-Encoding": "gzip"}
        )
        assert again.status_code == 304
    refused = client.get("/api/v1/bundle", headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in refused.headers


def test_the_feature_registry_is_valid_and_names_every_page_kind():
    ids = feature_ids()
    assert {"reminders", "projections"} <= set(ids)
    pages = {path.stem for path in (config.default_data_dir() / "pages").glob("*.json")}
    assert pages <= set(ids)
