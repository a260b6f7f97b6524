"""Where the rules come from in Firefox: the packed bundle with the server down, the server
whose URL the seller saves on the options page, and its bundle kept when it stops."""

import json
from pathlib import Path

import pytest
import requests
from pages import STATUSES, button, by_label, extension_url, storage, text_of
from sellercentral import fixture_expectations, fixture_url
from shipguard.commands.server_process import running_server

UNSHIPPED = "orders-list-unshipped.html"
DEFAULT_SERVER = "http://127.0.0.1:8417"
RULES = Path(__file__).parents[2] / "server/shipguard/data/rules.json"


def manage_orders(firefox, pages):
    """{order: status} once Manage Orders shows every order's badge."""
    pages[fixture_url(UNSHIPPED)] = UNSHIPPED
    tab = firefox.new_tab(fixture_url(UNSHIPPED))
    shown = tab.wait_for(
        f"(n) => {{ const s = ({STATUSES})(); return Object.keys(s).length === n && s; }}",
        len(fixture_expectations(UNSHIPPED)["orders"]),
    )
    tab.close()
    return shown


def use_server(tab, url):
    """Wait until the extension's bundle in use came from `url`; that bundle."""
    tab.wait_for(
        """async (url) => {
            const s = await chrome.storage.local.get(["bundleUrl", "bundleSource"]);
            return s.bundleSource === "server" && s.bundleUrl === url + "/api/v1/bundle";
        }""",
        url,
    )
    return storage(tab, "local", "bundle")


def test_fresh_install_with_the_server_down_uses_the_packed_bundle(firefox, pages):
    options = firefox.new_tab(extension_url("options/options.html"))
    problem = options.wait_for(
        "async () => (await chrome.storage.local.get('lastProblem')).lastProblem"
    )
    assert "NetworkError" in problem, problem
    assert storage(options, "local", "bundle") is None, "no server bundle was cached"
    shown = options.wait_for(text_of("#rules-state"))
    assert "(packed with the extension)" in shown and "Last download failed" in shown
    assert manage_orders(firefox, pages) == fixture_expectations(UNSHIPPED)["orders"]


def test_the_server_url_saved_on_the_options_page_is_the_one_fetched(firefox, server_url):
    options = firefox.new_tab(extension_url("options/options.html"))
    # The page fills in the saved URL once it has read the settings; type over it after that.
    assert options.wait_for(f"() => ({by_label('Server URL')})()?.value") == DEFAULT_SERVER
    options.type(by_label("Server URL"), server_url + "/")
    options.click(button("Save"))
    assert "Saved" in options.wait_for(text_of("#server-feedback"))
    assert storage(options, "sync", "serverUrl") == server_url
    bundle = use_server(options, server_url)
    served = requests.get(f"{server_url}/api/v1/bundle", timeout=5).json()
    assert bundle["version"] == served["version"]
    options.click(button("Reload rules"))
    options.wait_for(
        f"() => ({text_of('#rules-state')})()?.includes('Rules version {served['version']} (from the server).')"
    )


@pytest.fixture
def wide_window_dir(tmp_path):
    """A team data dir whose rules call anything due within 72 h "due soon"."""
    rules = json.loads(RULES.read_text())
    rules["due_soon_hours"] = 72
    (tmp_path / "rules.json").write_text(json.dumps(rules))
    return tmp_path


def test_the_servers_bundle_is_used_and_kept_when_the_server_stops(firefox, pages, wide_window_dir):
    before = manage_orders(firefox, pages)
    options = firefox.new_tab(extension_url("options/options.html"))
    with running_server(data_dir=wide_window_dir) as server:
        url = server.url
        options.evaluate("(url) => chrome.storage.sync.set({serverUrl: url})", url)
        assert use_server(options, url)["rules"]["due_soon_hours"] == 72
    # The server is gone now; its cached bundle still decides.
    after = manage_orders(firefox, pages)
    widened = [o for o, status in before.items() if status == "on-track" and after[o] == "due-soon"]
    assert widened, (before, after)
    assert all(after[o] == s for o, s in before.items() if s in ("late", "done", "unknown"))
