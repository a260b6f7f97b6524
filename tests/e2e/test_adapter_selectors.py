"""The page adapters (server/shipguard/data/pages/*.json) against the fixture pages, in a real
CSS engine: every selector matches something in a fixture of its page kind, and the
adapters' label texts appear in the fixtures of that kind and language.

One headless Chromium renders each fixture with ``page.set_content`` (its inline scripts run,
so the ``kat-*`` components have their open shadow roots) and answers ``querySelectorAll``
for every selector, in the document and in every open shadow root. The last tests check
that the fixtures' own scripts (forms, JSON loaders) behave as their sidecars say.
"""

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sellercentral as sc
from browser import BROWSER_ARGS, chromium_executable

PAGES_DIR = Path(__file__).resolve().parents[2] / "server" / "shipguard" / "data" / "pages"
# Thu Dec 5 2019, 12:00 PST: dates do not change what matches.
NOW = datetime(2019, 12, 5, 20, 0, tzinfo=timezone.utc)


def _adapters():
    out = {}
    for path in sorted(PAGES_DIR.glob("*.json")):
        adapter = json.loads(path.read_text(encoding="utf-8"))
        if adapter.get("selectors"):  # orders-api reads JSON, not markup
            out[adapter.get("id", path.stem)] = adapter
    return out


ADAPTERS = _adapters()


def _kind_of(name):
    """A fixture page's kind: its sidecar's ``page_kind``; for pages without orders (and so
    without a sidecar) the adapter whose id starts the file name (``account-health-us.html``)."""
    if sc.expectations_path(name).exists():
        expect = sc.fixture_expectations(name)
        return None if expect.get("variant_of") else expect["page_kind"]  # variants: same markup
    return next((kind for kind in ADAPTERS if name.startswith(kind + "-")), None)


def _fixtures_by_kind():
    """{page kind: [fixture]} for the fixture pages."""
    out = {}
    for name in sc.fixture_names():
        kind = _kind_of(name) if name.endswith(".html") else None
        if kind is not None:
            out.setdefault(kind, []).append(name)
    return out


FIXTURES = _fixtures_by_kind()


def _lang(name):
    root = sc.parse_html(sc.render_fixture(name, NOW))
    return root.find(lambda n: n.tag == "html").attrs["lang"]


LANGS = {name: _lang(name) for names in FIXTURES.values() for name in names}


def _label_locale(adapter, lang):
    """The adapter's label set for a page language: exact, else the same language (en-GB ->
    en-US), else None."""
    locales = list(adapter.get("labels", {}))
    if lang in locales:
        return lang
    return next((loc for loc in locales if loc.split("-")[0] == lang.split("-")[0]), None)


def _readable(name):
    if not sc.expectations_path(name).exists():
        return True
    return sc.fixture_expectations(name).get("source") != "unreadable"


# Walks the document and every open shadow root: selector match counts (or the error a
# selector raises) and the visible text, one entry per text node, plus `label` attributes
# (kat-* components render those in their shadow roots).
_SCAN_JS = r"""(selectors) => {
  const roots = [];
  const walk = (root) => {
    roots.push(root);
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  const matches = {};
  for (const selector of selectors) {
    let count = 0, error = null;
    for (const root of roots) {
      try { count += root.querySelectorAll(selector).length; } catch (e) { error = String(e); break; }
    }
    matches[selector] = error === null ? { count } : { error };
  }
  const squash = (s) => s.replace(/\s+/g, " ").trim();
  const texts = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentNode && node.parentNode.nodeName;
      if (parent === "SCRIPT" || parent === "STYLE") continue;
      const text = squash(node.data);
      if (text) texts.push(text);
    }
    for (const el of root.querySelectorAll("[label]")) texts.push(squash(el.getAttribute("label")));
  }
  return { matches, texts };
}"""


@pytest.fixture(scope="module")
def chromium(playwright):
    """A plain headless Chromium (no extension)."""
    browser = playwright.chromium.launch(
        executable_path=chromium_executable(), headless=True, args=BROWSER_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def scan(chromium):
    """{fixture: {"kind", "lang", "matches": {selector: {count}|{error}}, "texts", "errors"}}."""
    results = {}
    context = chromium.new_context()
    try:
        for kind, names in FIXTURES.items():
            if kind not in ADAPTERS:
                continue
            selectors = sorted({s for group in ADAPTERS[kind]["selectors"].values() for s in group})
            for name in names:
                page = (
                    context.new_page()
                )  # a fresh document (and custom element registry) per fixture
                errors = []
                page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
                page.set_content(sc.render_fixture(name, NOW), wait_until="load")
                found = page.evaluate(_SCAN_JS, selectors)
                results[name] = {
                    "kind": kind,
                    "lang": LANGS[name],
                    "matches": found["matches"],
                    "texts": found["texts"],
                    "errors": errors,
                }
                page.close()
    finally:
        context.close()
    return results


SELECTOR_CASES = [
    pytest.param(kind, key, selector, id=f"{kind}.{key}:{selector}")
    for kind, adapter in ADAPTERS.items()
    for key, group in adapter["selectors"].items()
    for selector in group
]


def test_every_adapter_has_fixtures():
    assert set(ADAPTERS) <= set(FIXTURES), set(ADAPTERS) - set(FIXTURES)


@pytest.mark.parametrize(("kind", "key", "selector"), SELECTOR_CASES)
def test_selector_matches_in_a_fixture(scan, kind, key, selector):
    results = {name: r["matches"][selector] for name, r in scan.items() if r["kind"] == kind}
    broken = sorted({r["error"] for r in results.values() if "error" in r})
    assert not broken, f"{kind} selector {key}: {selector!r} is not valid CSS: {broken[0]}"
    hits = sorted(name for name, r in results.items() if r.get("count"))
    assert hits, f"{kind} selector {key}: {selector!r} matches nothing in {sorted(results)}"


#: The selector group that says "this page is one Shipguard knows".
RECOGNISED = {"orders-list": "table"}


@pytest.mark.parametrize("name", [n for names in FIXTURES.values() for n in names])
def test_readable_fixtures_are_recognised_and_unreadable_ones_not(scan, name):
    result = scan[name]
    adapter = ADAPTERS[result["kind"]]
    group = adapter["selectors"][RECOGNISED.get(result["kind"], "ready")]
    hit = any(result["matches"][s].get("count") for s in group)
    assert hit == _readable(name), (name, group)
    assert result["errors"] == [], result["errors"]


LABEL_CASES = [
    pytest.param(kind, locale, key, id=f"{kind}.{locale}.{key}")
    for kind, adapter in ADAPTERS.items()
    for locale in adapter.get("labels", {})
    if any(
        _label_locale(adapter, LANGS[n]) == locale and _readable(n) for n in FIXTURES.get(kind, [])
    )
    for key in adapter["labels"][locale]
]

#: (kind, locale, key) the fixtures do not show, and why.
NOT_SHOWN = {
    (
        "order-details",
        "de-DE",
        "done_statuses",
    ): "the German order-details fixture is an unshipped order",
    (
        "order-details",
        "ja-JP",
        "done_statuses",
    ): "the Japanese order-details fixture is an unshipped order",
}


def _shown_labels(scan, kind, locale, key):
    """The labels of one adapter key in one language that its fixtures in that language show."""
    adapter = ADAPTERS[kind]
    names = [
        n
        for n, r in scan.items()
        if r["kind"] == kind and _readable(n) and _label_locale(adapter, r["lang"]) == locale
    ]
    wanted = [" ".join(label.split()) for label in adapter["labels"][locale][key]]
    shown = [
        label for label in wanted if any(label in text for n in names for text in scan[n]["texts"])
    ]
    return names, wanted, shown


@pytest.mark.parametrize(
    ("kind", "locale", "key"), [case for case in LABEL_CASES if tuple(case.values) not in NOT_SHOWN]
)
def test_adapter_labels_appear_in_fixtures(scan, kind, locale, key):
    names, wanted, shown = _shown_labels(scan, kind, locale, key)
    assert shown, (
        f"no {kind} fixture in {locale} ({', '.join(names)}) shows any {key} label of {wanted}"
    )


@pytest.mark.parametrize(("kind", "locale", "key"), list(NOT_SHOWN))
def test_labels_no_fixture_shows_are_listed_with_the_reason(scan, kind, locale, key):
    assert (kind, locale, key) in [tuple(case.values) for case in LABEL_CASES], (
        "not an adapter label: take it off NOT_SHOWN"
    )
    _, _, shown = _shown_labels(scan, kind, locale, key)
    assert not shown, f"{kind}.{locale}.{key} is shown now: take it off NOT_SHOWN"


def test_label_coverage_by_language():
    """Which adapter languages the fixtures cover (the rest is data nobody has seen on a page)."""
    covered = {
        (kind, _label_locale(ADAPTERS[kind], LANGS[n]))
        for kind, names in FIXTURES.items()
        if kind in ADAPTERS
        for n in names
    }
    assert {("orders-list", loc) for loc in ("en-US", "de-DE", "fr-FR", "ja-JP")} <= covered
    assert {("order-details", loc) for loc in ("en-US", "de-DE", "fr-FR", "ja-JP")} <= covered
    assert {("confirm-shipment", "en-US"), ("confirm-shipment", "de-DE")} <= covered
    assert {("contact-buyer", "en-US"), ("contact-buyer", "de-DE")} <= covered


# ---------------------------------------------------------------- the fixtures' own scripts


@pytest.fixture
def blank_page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.mark.parametrize(
    ("name", "other"),
    [("confirm-shipment-us.html", "Other"), ("confirm-shipment-de.html", "Andere")],
)
def test_confirm_shipment_form_records_submits(blank_page, name, other):
    page = blank_page
    page.set_content(sc.render_fixture(name))
    carrier_other = page.locator('input[data-test-id="text-input-carrier"]')
    assert not carrier_other.is_visible()
    select = page.locator('[data-test-id="tvs-carrier-dropdown"] select')
    select.select_option(label=other)
    assert select.input_value() == "Other" and carrier_other.is_visible()
    carrier_other.fill("Spedition Muster")
    page.locator('input[data-test-id="shipping-service"]').fill("Ground")
    page.locator('input[data-test-id="text-input-tracking-id"]').fill("TRK123456789")
    page.locator('[data-test-id="confirm-shipment-button-action"]').click()
    [submit] = page.evaluate("window.__fixtureSubmits")
    order_id = next(iter(sc.fixture_expectations(name)["orders"]))
    assert (
        submit["orderId"] == order_id
        and submit["carrier"] == "Other"
        and submit["carrierText"] == other
    )
    assert (submit["carrierName"], submit["shippingService"], submit["trackingId"]) == (
        "Spedition Muster",
        "Ground",
        "TRK123456789",
    )
    assert page.url == "about:blank" and page.errors == []
    select.select_option("UPS")
    assert not carrier_other.is_visible() and carrier_other.input_value() == ""


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("contact-buyer-us.html", "Notify of a problem with shipping your order"),
        ("contact-buyer-de.html", "Über ein Problem beim Versand Ihrer Bestellung informieren"),
    ],
)
def test_contact_buyer_form_state_follows_events(blank_page, name, reason):
    page = blank_page
    page.set_content(sc.render_fixture(name))
    form = lambda: page.evaluate("window.__fixtureForm")  # noqa: E731
    send = page.locator("kat-button.ayb-contact-form-send-button")
    textarea = page.locator(".contact-buyer-text-area kat-textarea").locator(
        'textarea[part="textarea"]'
    )
    assert send.get_attribute("disabled") == ""
    # Setting the value alone is not seen by the page (as with Amazon's components).
    textarea.evaluate("(t) => { t.value = 'Hello'; }")
    assert form()["text"] == ""
    textarea.evaluate("(t) => t.dispatchEvent(new Event('input', {bubbles: true, composed: true}))")
    assert form()["text"] == "Hello"
    send.click()
    assert form()["sent"] is False  # no reason chosen yet: Send is disabled
    page.locator(f'kat-radiobutton[label="{reason}"]').click()
    assert form()["reason"] == "shippingProblem" and form()["reasonLabel"] == reason
    assert page.locator("kat-radiobutton[checked]").count() == 1
    page.locator('kat-radiobutton[value="other"]').click()
    assert page.locator("kat-radiobutton[checked]").get_attribute("value") == "other"
    page.locator(f'kat-radiobutton[label="{reason}"]').click()
    assert send.get_attribute("disabled") is None
    send.click()
    state = form()
    assert state["sent"] is True and state["sends"][0]["text"] == "Hello"
    assert state["sends"][0]["reason"] == "shippingProblem" and page.errors == []


def _api_log(page, count):
    page.wait_for_function("n => (window.__fixtureApi || []).length >= n", arg=count, timeout=5000)
    return page.evaluate("window.__fixtureApi")


@pytest.mark.parametrize(
    ("variant", "query", "first", "later"),
    [
        ("orders-list-unshipped-json.html", "", None, None),
        ("orders-list-unshipped-xhr.html", "", "json", ""),
        ("orders-list-unshipped-xhr.html", "?xhr=text", "", ""),
    ],
)
def test_list_variants_load_their_json(blank_page, variant, query, first, later):
    page = blank_page
    table = {"/orders-v3/mfn/unshipped": variant, **sc.API_ROUTES}
    sc.install_routes(page.context, table, now=NOW)
    page.goto(sc.ORIGIN + "/orders-v3/mfn/unshipped" + query)
    [load] = _api_log(page, 1)
    assert load["url"].startswith("/orders-api/search?limit=15&offset=0&") and load["orders"] == 11
    assert load["status"] == 200 and load.get("responseType") == first
    page.locator(".a-pagination a", has_text="2").click()
    load2 = _api_log(page, 2)[1]
    assert (
        "offset=15&" in load2["url"] and load2["orders"] == 3 and load2.get("responseType") == later
    )
    # An expired session answers the sign-in page: the app sees no JSON.
    table["/orders-api/search"] = sc.SIGNIN_FIXTURE
    del table["/orders-api/search?offset=15"]
    page.locator(".a-pagination a", has_text="1").click()
    load3 = _api_log(page, 3)[2]
    assert load3["error"] == "not JSON" and load3["status"] == 200
    assert page.errors == []
