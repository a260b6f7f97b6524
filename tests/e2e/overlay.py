"""Reading Shipguard's overlay off a page the way a test (or a seller's eye) sees it."""

from playwright.sync_api import expect

HOST = "[data-shipguard-order]"

STATUS_OF_KIND = {"fba": "done", "shipped": "done", "canceled": "done"}


def expected_status(kind):
    return STATUS_OF_KIND.get(kind, kind)


def overlay_state(page):
    """[{order, status, deadline, text, tooltip, inRow}] for every overlay host, page order."""
    return page.eval_on_selector_all(
        HOST,
        """hosts => hosts.map(h => {
            const badge = h.shadowRoot && h.shadowRoot.querySelector('.badge');
            const row = h.closest('tr');
            const link = row && row.querySelector('a[href*="/orders-v3/order/"]');
            return {
                order: h.dataset.shipguardOrder,
                status: h.dataset.shipguardStatus,
                deadline: h.dataset.shipguardDeadline || null,
                text: badge ? badge.textContent : null,
                tooltip: badge ? badge.title : null,
                rowOrder: link ? link.textContent.trim() : null,
            };
        })""",
    )


def wait_for_overlays(page, count, timeout=10_000):
    page.wait_for_function(
        "n => document.querySelectorAll('[data-shipguard-order]').length === n",
        arg=count,
        timeout=timeout,
    )


def host(page, order_id):
    return page.locator(f'[data-shipguard-order="{order_id}"]')


def wait_for_page_kind(page, kind, timeout=10_000):
    """Wait until the content script has routed the page (``data-shipguard-page`` on <html>):
    a page kind's id, or ``none``. What a test sees after this is what Shipguard decided."""
    expect(page.locator("html")).to_have_attribute("data-shipguard-page", kind, timeout=timeout)


def wait_for_statuses(page, statuses, timeout=10_000):
    """Wait until the overlay shows exactly ``{order id: status}`` (statuses may be refined
    as the page's own data arrives)."""
    page.wait_for_function(
        """wanted => {
            const shown = Object.fromEntries([...document.querySelectorAll('[data-shipguard-order]')]
                .map(h => [h.dataset.shipguardOrder, h.dataset.shipguardStatus]));
            return JSON.stringify(shown, Object.keys(shown).sort())
                === JSON.stringify(wanted, Object.keys(wanted).sort());
        }""",
        arg=statuses,
        timeout=timeout,
    )


def wait_for_page_data(page, count=1, timeout=10_000):
    """Wait until Shipguard has read ``count`` responses of the page's own data (it counts
    them in ``data-shipguard-page-data`` on <html> once each is used or refused)."""
    page.wait_for_function(
        "n => Number(document.documentElement.dataset.shipguardPageData || 0) >= n",
        arg=count,
        timeout=timeout,
    )


def wait_until_remembered(worker, order_id, timeout_ms=10_000):
    """Wait until the extension has stored an order it saw (its deadline, for the pages
    that show none); fails after ``timeout_ms``."""
    remembered = worker.evaluate(
        """async ([orderId, timeoutMs]) => {
            for (const start = Date.now(); Date.now() - start < timeoutMs; ) {
                const { seenOrders = {} } = await chrome.storage.local.get("seenOrders");
                if (seenOrders[orderId]) return true;
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
            return false;
        }""",
        [order_id, timeout_ms],
    )
    assert remembered, f"{order_id} was never stored as seen"


def copy_and_fill(context, page, order_id):
    """Copy the order's out-of-stock delay message in its open panel, open Amazon's contact
    form from the panel and fill it there, as a seller would; returns (copied text, the
    contact page)."""
    panel = host(page, order_id).locator(".panel")
    panel.locator('[data-shipguard-action="copy-delay-out-of-stock"]').click()
    expect(panel.get_by_role("status")).to_contain_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    with context.expect_page() as opened:
        panel.locator('[data-shipguard-action="open-contact-buyer"]').click()
    contact = opened.value
    fill = host(contact, order_id).locator('[data-shipguard-action="fill-message"]')
    expect(fill).to_be_visible(timeout=10_000)
    fill.click()
    expect(host(contact, order_id).get_by_role("status")).to_contain_text("press Send yourself")
    return copied, contact
