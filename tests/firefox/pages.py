"""Reading Shipguard's overlay and the extension's own pages in Firefox, as a seller sees them."""

from firefox import EXTENSION_ORIGIN

# {order id: status} of every overlay host on the page.
STATUSES = """() => Object.fromEntries([...document.querySelectorAll('[data-shipguard-order]')]
    .map((h) => [h.dataset.shipguardOrder, h.dataset.shipguardStatus]))"""


def wait_for_statuses(tab, expected, timeout=10):
    """Wait until the page's overlay shows exactly `expected` ({order: status}); that state.

    A status may be refined as the page's JSON arrives after its rows, so the wait is for
    the settled state, not the first badge.
    """
    try:
        return tab.wait_for(
            f"""(want) => {{
                const shown = ({STATUSES})();
                const same = Object.keys(shown).length === Object.keys(want).length
                    && Object.entries(want).every(([order, status]) => shown[order] === status);
                return same && shown;
            }}""",
            expected,
            timeout=timeout,
        )
    except TimeoutError:
        raise AssertionError(
            f"overlay shows {tab.evaluate(STATUSES)}, expected {expected}"
        ) from None


def badge(tab, order_id):
    """The badge's visible text and tooltip of one order."""
    return tab.evaluate(
        """(id) => { const b = document.querySelector(`[data-shipguard-order="${id}"]`)
            .shadowRoot.querySelector('.badge'); return {text: b.textContent, tooltip: b.title}; }""",
        order_id,
    )


def in_panel(order_id, selector):
    """JS returning an element inside an order's remedies panel (its shadow root)."""
    return (
        f"() => document.querySelector('[data-shipguard-order=\"{order_id}\"]')"
        f".shadowRoot.querySelector({selector!r})"
    )


def storage(tab, area, key):
    """A value from the extension's storage, read from one of its pages."""
    return tab.evaluate(f"async (k) => (await chrome.storage.{area}.get(k))[k] ?? null", key)


def extension_url(path):
    return f"{EXTENSION_ORIGIN}/{path}"


def by_label(text):
    """JS returning the form field labelled `text`, as a seller finds it."""
    return f"() => [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === {text!r})?.control"


def button(text):
    """JS returning the visible button named `text`."""
    return (
        "() => [...document.querySelectorAll('button')]"
        f".find((b) => b.textContent.trim() === {text!r} && b.checkVisibility())"
    )


def text_of(selector):
    """JS returning an element's visible text, or null while it is hidden."""
    return f"() => {{ const e = document.querySelector({selector!r}); return e?.checkVisibility() ? e.innerText : null; }}"
