"""Seller Central access withheld in Chromium ("Site access: on click"): the toolbar and the
popup say so and offer the grant; access given back clears both."""

from playwright.sync_api import expect

# What the seller sets on chrome://extensions, through the page's own API.
SITE_ACCESS = """([id, access]) => new Promise((resolve, reject) =>
    chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: access },
        () => chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve()))"""
TOOLBAR = "async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) })"


def set_site_access(context, extension_id, access):
    page = context.new_page()
    page.goto("chrome://extensions")
    page.evaluate(SITE_ACCESS, [extension_id, access])
    page.close()


def wait_for_toolbar(worker, text):
    worker.evaluate(
        f"""async (want) => {{
            for (let i = 0; i < 100; i++) {{
                if ((await ({TOOLBAR})()).text === want) return;
                await new Promise((r) => setTimeout(r, 100));
            }}
            throw new Error("toolbar badge never became " + want);
        }}""",
        text,
    )
    return worker.evaluate(TOOLBAR)


def test_withheld_access_shows_on_the_toolbar_and_in_the_popup(
    browser_context, worker, extension_id
):
    set_site_access(browser_context, extension_id, "ON_CLICK")
    toolbar = wait_for_toolbar(worker, "!")
    assert toolbar["title"] == "Shipguard cannot read Seller Central: click to allow access"
    popup = browser_context.new_page()
    popup.goto(f"chrome-extension://{extension_id}/popup/popup.html")
    expect(popup.get_by_role("alert")).to_contain_text("Shipguard cannot read Seller Central")
    expect(popup.get_by_role("button", name="Allow access to Seller Central")).to_be_visible()

    set_site_access(browser_context, extension_id, "ON_ALL_SITES")
    wait_for_toolbar(worker, "")
    popup.reload()
    # The order list is filled after the access check: once it shows, the check has run.
    expect(popup.locator("#no-orders")).to_be_visible()
    expect(popup.get_by_role("alert")).to_be_hidden()
