"""The browser tests share one Chromium: each test finds Shipguard, the pages and the browser
as a fresh profile has them, whatever the test before it left behind."""

import pytest
from browser import launch_with_extension, service_worker
from sellercentral import ORIGIN, install_routes

# Routes the fixtures' own (installed for each test) would not shadow.
ROUTED_ELSEWHERE = "https://routed.example/left-behind"

# What Shipguard keeps, once its start-up has written what it writes (the time of its
# first fetch aside).
EXTENSION_STATE = """async () => {
    for (let i = 0; i < 100 && !(await chrome.storage.local.get("fetchedAt")).fetchedAt; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { fetchedAt, ...local } = await chrome.storage.local.get(null);
    return {
        local,
        sync: await chrome.storage.sync.get(null),
        session: await chrome.storage.session.get(null),
        alarms: (await chrome.alarms.getAll()).map((alarm) => [alarm.name, alarm.periodInMinutes]),
        toolbar: [await chrome.action.getBadgeText({}), await chrome.action.getTitle({}),
                  await chrome.action.getBadgeBackgroundColor({})],
        siteAccess: (await chrome.permissions.getAll()).origins.sort(),
        workerMemory: typeof self.leftBehind,
    };
}"""

# What a Seller Central page sees of the browser.
PAGE_STATE = """async (url) => ({
    clipboard: await navigator.clipboard.readText(),
    geolocation: (await navigator.permissions.query({ name: "geolocation" })).state,
    cookies: document.cookie,
    routedElsewhere: await fetch(url).then((r) => r.text(), () => "no answer"),
})"""


def state(context, worker, admin=None):
    found = worker.evaluate(EXTENSION_STATE)
    found["pages"] = sorted(
        page.url for page in context.pages if page != admin and page.url != "about:blank"
    )
    page = context.new_page()
    page.goto(ORIGIN + "/orders-v3")
    found.update(page.evaluate(PAGE_STATE, ROUTED_ELSEWHERE))
    page.close()
    return found


@pytest.fixture(scope="module")
def fresh_profile(playwright, extension_dir, tmp_path_factory):
    """The state of Shipguard in a browser of its own, started on a new profile."""
    context = launch_with_extension(playwright, extension_dir, tmp_path_factory.mktemp("fresh"))
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=ORIGIN)
        install_routes(context)
        return state(context, service_worker(context))
    finally:
        context.close()


def leave_everything_behind(context, worker, extension_id):
    worker.evaluate(
        """async () => {
            await chrome.storage.local.set({ leftBehind: true });
            await chrome.storage.sync.set({ serverUrl: "https://left-behind.example" });
            await chrome.storage.session.set({ leftBehind: true });
            await chrome.alarms.create("left-behind", { periodInMinutes: 5 });
            await chrome.action.setBadgeText({ text: "9" });
            await chrome.action.setTitle({ title: "left behind" });
            await chrome.action.setBadgeBackgroundColor({ color: "#00ff00" });
            self.leftBehind = true;
            // Work still going on when the test ends, as a fetch waiting for its timeout is.
            setInterval(() => chrome.storage.local.set({ writtenLate: true }), 5);
        }"""
    )
    settings = context.new_page()
    settings.goto("chrome://extensions")
    settings.evaluate(
        """(id) => new Promise((resolve) => chrome.developerPrivate.updateExtensionConfiguration(
            { extensionId: id, hostAccess: "ON_CLICK" }, resolve))""",
        extension_id,
    )
    context.add_cookies([{"name": "left", "value": "behind", "url": ORIGIN}])
    context.grant_permissions(["geolocation"], origin=ORIGIN)
    context.route(
        ROUTED_ELSEWHERE,
        lambda route: route.fulfill(
            body="left behind", headers={"Access-Control-Allow-Origin": "*"}
        ),
    )
    page = context.new_page()
    page.goto(ORIGIN + "/orders-v3")
    page.evaluate("navigator.clipboard.writeText('left behind')")


@pytest.mark.parametrize("turn", ["first", "second"])
def test_each_test_finds_a_fresh_profile_whatever_the_last_one_left(
    browser_context, worker, extension_id, shared_chromium, fresh_profile, turn
):
    """Run twice in a row: the second turn fails if the first one's leftovers reach it."""
    assert state(browser_context, worker, shared_chromium.admin) == fresh_profile
    leave_everything_behind(browser_context, worker, extension_id)
    left = state(browser_context, worker, shared_chromium.admin)
    assert [key for key in fresh_profile if left[key] == fresh_profile[key]] == [], (
        "every leftover shows in the state compared"
    )
