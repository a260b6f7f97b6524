"""The built Chrome and Firefox editions: loadable, store-clean (web-ext lint), no remote code, minimal permissions."""

import html
import json
import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
import shipguard
from shipguard import config
from shipguard.bundle.problems import DataError
from shipguard.commands.firefox_manifest import (
    GECKO_ID,
    MIN_FIREFOX_ANDROID_VERSION,
    MIN_FIREFOX_VERSION,
    firefox_manifest,
)
from shipguard.commands.store_files import SCREENSHOT_SIZE, load_store_data, write_store_files

REPO = Path(__file__).resolve().parents[2]
WEB_EXT = REPO / "node_modules" / ".bin" / "web-ext"

# Every permission the extension may ask for, with why; a new one must be argued for here.
ALLOWED_PERMISSIONS = {
    "storage": "settings (sync) and the cached bundle, seen orders and logs (local)",
    "alarms": "periodic bundle refresh and deadline reminders",
    "notifications": "reminders, optional: requested when the seller turns them on",
}
# Wildcards that would hand the extension every site.
BROAD_HOSTS = {"<all_urls>", "*://*/*", "http://*/*", "https://*/*"}
REMOTE_CODE = [
    (re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//", re.I), "a remote <script src>"),
    (re.compile(r"\bimport\s*\(\s*[\"'`](?:https?:)?//"), "import() of a remote module"),
    (re.compile(r"\bfrom\s*[\"'](?:https?:)?//"), "a static import from a remote URL"),
    (re.compile(r"\bimportScripts\s*\("), "importScripts()"),
    (re.compile(r"\beval\s*\("), "eval()"),
    (re.compile(r"\bnew\s+Function\s*\("), "new Function()"),
    (
        re.compile(r"\bset(?:Timeout|Interval)\s*\(\s*[\"'`]"),
        "a string passed to setTimeout/setInterval",
    ),
]


@pytest.fixture(scope="module")
def dist(built_dist):
    """The run's one `shipguard build` (tests/support/browser_suite.py), which the browser
    suites load: what is checked here is what they ran."""
    return built_dist


def built_manifest(dist, browser):
    return json.loads((dist / browser / "manifest.json").read_text(encoding="utf-8"))


def source_manifest():
    return json.loads(config.manifest_path().read_text(encoding="utf-8"))


def files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- Firefox


def test_firefox_manifest_has_what_firefox_wants():
    source = source_manifest()
    before = json.dumps(source, sort_keys=True)
    manifest = firefox_manifest(source)
    assert json.dumps(source, sort_keys=True) == before, "the Chrome manifest must not change"
    gecko = manifest["browser_specific_settings"]["gecko"]
    assert gecko["id"] == GECKO_ID
    # data_collection_permissions is read from Firefox 140 (Android 142) on.
    assert gecko["strict_min_version"] == MIN_FIREFOX_VERSION == "140.0"
    android = manifest["browser_specific_settings"]["gecko_android"]
    assert android["strict_min_version"] == MIN_FIREFOX_ANDROID_VERSION == "142.0"
    assert gecko["data_collection_permissions"] == {"required": ["none"]}
    background = manifest["background"]
    # Firefox runs `scripts` and ignores service_worker with a warning: the Firefox folder
    # carries only what Firefox runs.
    assert background["scripts"] == [source["background"]["service_worker"]]
    assert "service_worker" not in background
    assert background["type"] == "module"
    assert "minimum_chrome_version" not in manifest
    assert "use_dynamic_url" not in json.dumps(manifest)


def test_firefox_manifest_drops_use_dynamic_url_and_keeps_a_minimal_manifest_minimal():
    manifest = firefox_manifest(
        {
            "manifest_version": 3,
            "name": "x",
            "version": "1",
            "web_accessible_resources": [{"resources": ["a/*"], "use_dynamic_url": True}],
        }
    )
    assert manifest["web_accessible_resources"] == [{"resources": ["a/*"]}]
    assert "background" not in manifest


def test_build_writes_both_editions_from_the_same_files(dist):
    chrome, firefox = dist / "chrome", dist / "firefox"
    assert files(chrome) == files(firefox)
    for name in files(chrome):
        if name != "manifest.json":
            assert (chrome / name).read_bytes() == (firefox / name).read_bytes(), name
    declared = load_store_data()["data_use"]["firefox_data_collection"]
    assert built_manifest(dist, "firefox") == {
        **firefox_manifest(source_manifest(), declared),
        "version": shipguard.__version__,
    }
    with zipfile.ZipFile(dist / f"shipguard-firefox-{shipguard.__version__}.zip") as archive:
        assert sorted(archive.namelist()) == files(firefox)
        assert json.loads(archive.read("manifest.json")) == built_manifest(dist, "firefox")


def test_chrome_edition_is_the_source_manifest(dist):
    assert built_manifest(dist, "chrome") == {**source_manifest(), "version": shipguard.__version__}


def web_ext_lint(folder):
    assert shutil.which("node") and shutil.which("npm"), (
        "Node.js and npm run web-ext (make test installs them)"
    )
    assert WEB_EXT.exists(), "web-ext is not installed: run `npm ci` (make test does)"
    result = subprocess.run(
        [str(WEB_EXT), "lint", "--source-dir", str(folder), "--output", "json", "--no-input"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=REPO,
    )
    start = result.stdout.find("{")
    assert start >= 0, f"web-ext lint printed no report: {result.stdout}{result.stderr}"
    return json.loads(result.stdout[start:])


def test_web_ext_lint_finds_nothing_a_reviewer_would_query_in_the_firefox_edition(dist):
    report = web_ext_lint(dist / "firefox")

    def describe(items):
        return "\n".join(f"  {i['code']} {i.get('file', '')}: {i['message']}" for i in items)

    # AMO's reviewers see the same report: no error, and no warning or notice to explain.
    findings = report["errors"] + report["warnings"] + report["notices"]
    assert findings == [], f"web-ext lint:\n{describe(findings)}"


# --------------------------------------------------------------------------- Chrome


def test_chrome_edition_is_mv3_with_minimal_permissions(dist):
    manifest = built_manifest(dist, "chrome")
    assert manifest["manifest_version"] == 3
    asked = manifest.get("permissions", []) + manifest.get("optional_permissions", [])
    unexplained = sorted(set(asked) - set(ALLOWED_PERMISSIONS))
    assert not unexplained, (
        f"new permission(s) {unexplained}: add them with a reason to ALLOWED_PERMISSIONS"
    )
    hosts = manifest.get("host_permissions", []) + manifest.get("optional_host_permissions", [])
    hosts += [m for script in manifest.get("content_scripts", []) for m in script["matches"]]
    hosts += [
        m
        for entry in manifest.get("web_accessible_resources", [])
        for m in entry.get("matches", [])
    ]
    assert not BROAD_HOSTS & set(hosts)
    for pattern in hosts:
        assert re.match(
            r"^https://sellercentral(-[a-z]+)?\.amazon\.[a-z.]+/\*$|^https?://(127\.0\.0\.1|localhost)(:\d+|:\*)?/\*$",
            pattern,
        ), f"host pattern beyond Seller Central and the local server: {pattern}"
    policy = json.dumps(manifest.get("content_security_policy", {}))
    assert "unsafe-eval" not in policy and "http" not in policy


def test_no_remote_or_generated_code_in_the_built_extension(dist):
    found = []
    for name in files(dist / "chrome"):
        if name.endswith((".js", ".mjs", ".html")):
            text = (dist / "chrome" / name).read_text(encoding="utf-8")
            found += [f"{name}: {why}" for pattern, why in REMOTE_CODE if pattern.search(text)]
    assert found == []


def test_everything_the_manifest_names_is_in_the_build(dist):
    chrome = dist / "chrome"
    manifest = built_manifest(dist, "chrome")
    named = [manifest["background"]["service_worker"], manifest["options_ui"]["page"]]
    named += [manifest["action"]["default_popup"]] if "default_popup" in manifest["action"] else []
    named += [
        f
        for script in manifest["content_scripts"]
        for f in script.get("js", []) + script.get("css", [])
    ]
    named += list(manifest["icons"].values()) + list(manifest["action"]["default_icon"].values())
    named.append(f"_locales/{manifest['default_locale']}/messages.json")
    assert [n for n in named if not (chrome / n).is_file()] == []


def png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_icons_have_the_size_their_key_says(dist):
    manifest = built_manifest(dist, "chrome")
    icons = {**manifest["icons"], **manifest["action"]["default_icon"]}
    assert {"16", "32", "48", "128"} <= set(manifest["icons"])
    for size, name in icons.items():
        assert png_size(dist / "chrome" / name) == (int(size), int(size)), name


def test_pages_can_reach_only_the_feature_registry_and_only_at_a_per_session_url(dist):
    """The content modules are joined into the one content script the manifest lists, so no
    code needs to be web-accessible: a page fetching a file to detect Shipguard gets nothing.
    The content script reads only the feature registry from the extension's files."""
    manifest = built_manifest(dist, "chrome")
    assert manifest["web_accessible_resources"] == [
        {
            "resources": ["core/features.json"],
            "matches": manifest["content_scripts"][1]["matches"],
            "use_dynamic_url": True,
        }
    ], "a page could load these files to detect the extension; keep them few, dynamic only"
    scripts = [name for entry in manifest["content_scripts"] for name in entry["js"]]
    assert scripts == ["content/page-hook.js", "content/content-script.js"]
    shipped = files(dist / "chrome")
    assert [name for name in shipped if name.startswith("content/")] == scripts[::-1]
    script = (dist / "chrome" / "content/content-script.js").read_text(encoding="utf-8")
    sources = sorted(
        path.relative_to(config.extension_dir()).as_posix()
        for path in (config.extension_dir() / "content").rglob("*.js")
        if path.name != "page-hook.js" and not path.name.endswith(".test.js")
    )
    assert [name for name in sources if f'joined.set("{name}", ' not in script] == []
    assert not re.search(r"^\s*(import|export)\b|\bimport\(", script, re.M)


# --------------------------------------------------------------------------- store files


def test_firefox_declares_the_data_collection_the_disclosure_states(dist):
    disclosure = load_store_data()["data_use"]
    gecko = built_manifest(dist, "firefox")["browser_specific_settings"]["gecko"]
    assert gecko["data_collection_permissions"] == disclosure["firefox_data_collection"]
    # Declaring "none" is only honest while nothing but the bundle request leaves the browser.
    assert gecko["data_collection_permissions"] == {"required": ["none"]}
    sheet = (dist / "store" / "firefox-add-ons.md").read_text(encoding="utf-8")
    assert json.dumps(disclosure["firefox_data_collection"]) in sheet


@pytest.mark.parametrize(
    "browser,sheet", [("chrome", "chrome-web-store.md"), ("firefox", "firefox-add-ons.md")]
)
def test_each_store_sheet_argues_every_permission_and_states_the_data_use(dist, browser, sheet):
    store = load_store_data()
    text = (dist / "store" / sheet).read_text(encoding="utf-8")
    manifest = built_manifest(dist, browser)
    for permission in manifest["permissions"] + manifest["optional_permissions"]:
        assert f"**{permission}**" in text and store["permissions"][permission] in text
    assert store["permissions"]["host_access"] in text
    for pattern in manifest["content_scripts"][0]["matches"]:
        assert pattern in text
    for item in store["data_use"]["stored_locally"] + store["data_use"]["sent_to_server"]:
        assert item["what"] in text
    assert store["data_use"]["nothing_else"] in text
    assert store["remote_code"] in text
    assert f"shipguard-{browser}-{shipguard.__version__}.zip" in text
    assert "{{" not in text and "{%" not in text


def test_the_privacy_policy_page_states_the_disclosure(dist):
    store = load_store_data()
    page = (dist / "store" / "privacy-policy.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    for item in store["data_use"]["stored_locally"] + store["data_use"]["sent_to_server"]:
        assert item["what"] in text
    assert store["data_use"]["nothing_else"] in text
    assert "sellercentral.amazon.co.jp" in text and "https://" not in text


def test_a_permission_without_a_reason_fails_the_build(tmp_path):
    manifest = source_manifest()
    manifest["permissions"].append("tabs")
    with pytest.raises(DataError, match=r"permissions\.tabs"):
        write_store_files(tmp_path, {"chrome": manifest, "firefox": manifest}, load_store_data())


def _top_level_keys(source):
    """The keys of the object literal starting at source[0] ("{"), not those of nested ones;
    `key: value` and shorthand `key`, not spreads or computed `[KEY]` (KEY constants count)."""
    segments, depth, start = [], 0, 1
    for i, char in enumerate(source):
        if char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
        if (depth == 1 and char == ",") or depth == 0:
            segments.append(source[start:i].strip())
            start = i + 1
        if depth == 0:
            break
    return [m.group(1) for m in (re.match(r"(\w+)\s*(?::|$)", seg) for seg in segments) if m]


def stored_keys():
    """Every storage key the extension writes: set({...}) literals, KEY constants, settings."""
    found = set()

    def code(path):  # without line comments, whose commas would split an object literal
        return re.sub(r"(?<=\s)//[^\n]*", "", path.read_text(encoding="utf-8"))

    for path in (REPO / "extension").rglob("*.js"):
        text = code(path)
        found |= set(re.findall(r'^const KEY = "(\w+)";', text, re.M))
        for match in re.finditer(r"storage\.(?:local|sync)\.set\(\{", text):
            found |= set(_top_level_keys(text[match.end() - 1 :]))
    settings = code(REPO / "extension/lib/settings.js")
    defaults = settings.index("{", settings.index("export const DEFAULTS"))
    return found | set(_top_level_keys(settings[defaults:]))


def test_the_disclosure_names_everything_the_extension_stores():
    keys = stored_keys()
    assert {"seenOrders", "bundle", "serverUrl", "teamToken", "accountHealth"} <= keys
    disclosed = {
        k for item in load_store_data()["data_use"]["stored_locally"] for k in item["keys"]
    }
    assert sorted(keys - disclosed) == [], "stored but not in data/store.json's stored_locally"
    assert sorted(disclosed - keys) == [], "disclosed but no longer stored"


def test_store_screenshot_size_is_the_demos_page_size_scaled():
    from shipguard.demo.run import VIEWPORT

    width, height = SCREENSHOT_SIZE
    assert (width, height) == (1280, 800)
    assert width / VIEWPORT["width"] == height / VIEWPORT["height"]


IMPORT = re.compile(r'(?:^import\s*\{[^}]*\}\s*from\s*|\bimport\(\s*)"(\.{1,2}/[^"]+)"', re.M)


@pytest.mark.parametrize("browser", ["chrome", "firefox"])
def test_every_shipped_module_is_imported_and_every_import_is_shipped(dist, browser):
    folder = dist / browser
    shipped = {name for name in files(folder) if name.endswith(".js")}
    imported = set()
    for name in shipped:
        for specifier in IMPORT.findall((folder / name).read_text(encoding="utf-8")):
            target = (folder / name).parent.joinpath(specifier).resolve().relative_to(folder)
            imported.add(target.as_posix())
    assert imported <= shipped, f"imported but not shipped: {sorted(imported - shipped)}"
    manifest = built_manifest(dist, browser)
    background = manifest["background"]
    entries = {background.get("service_worker"), *background.get("scripts", [])} - {None}
    entries |= {script for c in manifest["content_scripts"] for script in c["js"]}
    pages = ("options/options.js", "popup/popup.js")
    assert shipped - imported - entries - set(pages) == set()
    assert not any(name.startswith("content/") for name in imported)


def test_locales_ship_their_messages_without_notes_for_translators(dist):
    for path in (dist / "chrome" / "_locales").glob("*/messages.json"):
        messages = json.loads(path.read_text(encoding="utf-8"))
        source = json.loads(
            (config.extension_dir() / path.relative_to(dist / "chrome")).read_text(encoding="utf-8")
        )
        assert messages.keys() == source.keys()
        for key, message in messages.items():
            assert "description" not in message
            assert message["message"] == source[key]["message"], (path, key)
