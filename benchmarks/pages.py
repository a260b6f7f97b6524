"""Generated Manage Orders pages of any size, built from the main fixture's row markup."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from shipguard.demo.samples import render_fixture

FIXTURE = "orders-list-unshipped.html"
ORIGIN = "https://sellercentral.amazon.com"
PAGE_PATH = "/orders-v3/mfn/unshipped"
ORDER_ID = re.compile(r"\d{3}-\d{7}-\d{7}")
HARNESS_JS = Path(__file__).with_name("harness.js")

_TBODY = re.compile(r'(<table id="orders-table".*?<tbody>)(.*?)(</tbody>)', re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)


def page_url(rows: int) -> str:
    """Where the page of `rows` rows is served: the real Manage Orders URL, size in the query."""
    return f"{ORIGIN}{PAGE_PATH}?bench_rows={rows}"


def fixture_rows(now: datetime | None = None) -> list[str]:
    """The fixture's order rows (notification rows left out), dates relative to today in Los Angeles."""
    html = render_fixture(FIXTURE, now)
    body = _TBODY.search(html).group(2)
    return [row for row in _ROW.findall(body) if 'data-test-id="oth-order-details"' in row]


def order_id(number: int) -> str:
    """A distinct, well-formed order id for the `number`th generated row."""
    return f"{111 + number % 4}-{number % 10_000_000:07d}-{(number * 7919) % 10_000_000:07d}"


def generate_rows(
    count: int, first: int = 0, now: datetime | None = None, templates=None
) -> list[str]:
    """`count` rows cycling through the fixture's rows (late, due soon, on track, shipped,
    FBA, canceled, pending, unknown), each with its own order id (first, first+1, ...)."""
    templates = templates or fixture_rows(now)
    rows = []
    for n in range(first, first + count):
        template = templates[n % len(templates)]
        old = ORDER_ID.search(template).group(0)
        rows.append(template.replace(old, order_id(n)))
    return rows


def generate_page(count: int, now: datetime | None = None) -> str:
    """The Manage Orders page with an empty table, two sets of `count` rows in templates
    (the first page and the "next page" for re-renders) and the benchmark harness."""
    html = render_fixture(FIXTURE, now)
    templates = fixture_rows(now)
    match = _TBODY.search(html)
    head = html[: match.start()] + match.group(1)
    head = re.sub(r"<span>\d+ orders</span>", f"<span>{count} orders</span>", head)
    first = "".join(generate_rows(count, 0, templates=templates))
    second = "".join(generate_rows(count, count, templates=templates))
    return (
        f"{head}</tbody>\n</table>\n</div>\n</div>\n"
        f'<template id="bench-rows-1">{first}</template>\n'
        f'<template id="bench-rows-2">{second}</template>\n'
        f"<script>\n{HARNESS_JS.read_text(encoding='utf-8')}\n</script>\n</body>\n</html>\n"
    )


def install_pages(context, sizes, now: datetime | None = None):
    """Serve the generated pages at their Seller Central URLs in a Playwright context;
    everything else on Seller Central gets a 404 and the extension's default server
    (loopback 8417) is refused, so the built-in bundle is the one in use."""
    pages = {page_url(size): generate_page(size, now) for size in sizes}

    def answer(route):
        body = pages.get(route.request.url)
        if body is None:
            return route.fulfill(
                status=404, content_type="text/plain", body="not part of the benchmark"
            )
        return route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)

    context.route(f"{ORIGIN}/**", answer)
    context.route("http://127.0.0.1:8417/**", lambda route: route.abort())
    return pages
