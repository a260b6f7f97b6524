"""Reading Shipguard's overlay off a page the way a test (or a seller's eye) sees it."""

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
