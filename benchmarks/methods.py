"""How each figure is measured: the prose docs/performance.md carries under the numbers."""

METHODS = [
    "- **Pages.** `benchmarks/pages.py` builds Manage Orders pages of 15, 100 and 1,000 rows "
    "from the rows of `tests/fixtures/sellercentral/orders-list-unshipped.html` (late, due soon, "
    "on track, shipped, FBA, canceled, pending, ship-by unavailable), each with its own order id, "
    "dates relative to today in America/Los_Angeles. They are served at "
    "`https://sellercentral.amazon.com/orders-v3/mfn/unshipped` by Playwright routing; the table "
    "starts empty and `benchmarks/harness.js`, in the page's own world, plays the orders app.",
    "- **Two browsers.** Debian's headless Chromium, one with the built extension (`shipguard "
    "build`, the bundle inside it; its default server is refused so nothing changes the rules "
    "mid-run) and one without. Each measurement opens a fresh tab; with the extension it waits "
    'until its orders-list feature runs (`<html data-shipguard-page="orders-list">`), '
    "then 300 ms, so rows arrive at a ready overlay, as on "
    "Seller Central, where the app draws rows after the page loaded. Variants and sizes are "
    "interleaved per repetition.",
    "- **1. Overlay latency.** The page inserts the rows (`tbody.replaceChildren`) and starts "
    "the clock right after; a page-world `MutationObserver` counts added badge hosts and stops "
    "it when the last one is in the DOM (painted: a host is filled before it is inserted). The "
    "**floor** is the same page without the extension whose own observer adds, per row, one "
    "host element with a shadow root and one text, in the same cell: the bare DOM work. "
    '"Until style and layout" forces a layout after the last host; it is dominated by the '
    "table itself and is noisy.",
    "- **2. Script time.** CDP `Performance.getMetrics` `ScriptDuration` of the tab (both worlds, "
    "DOM calls made from script included), read before the rows arrive and 1.5 s after (the "
    "extension batches its storage write by 1 s). Shipguard's share is the median with the "
    "extension minus the median without. The \"page's own\" script time is the stand-in app's "
    "(template clone and insert plus the harness): far less than Seller Central's real app, so "
    "the share is an upper bound. Per-row growth compares the marginal cost per row from 15 to "
    "100 rows with that from 100 to 1,000 (start-up costs cancel out).",
    "- **3. Re-render.** On the same tab, the body is replaced by rows of other orders (brand-new "
    "`<tr>` nodes, as pagination does) several times, timed as in 1, against the floor. The "
    "unrelated change rewrites one text outside the table and times until every mutation "
    "observer has run (a microtask queued after the change), with and without the extension.",
    "- **4. Steady state.** A 100-row page with badges, left alone for N seconds (default 60) "
    "beside the same page without the extension; CPU is the delta of `TaskDuration` (main-thread "
    "tasks), `ScriptDuration` and `ProcessTime` (the renderer process, 10 ms resolution) over "
    "the wall time. Badge writes are counted by observers on every host and its shadow root. "
    "The service worker is not included (it is asleep unless a page asks for something).",
    "- **5. Memory.** A content script's isolated world lives in the page's V8 isolate, so no "
    "API reports its heap alone (`Runtime.getHeapUsage` and `performance.memory` are per "
    "isolate). The figure is the page isolate's used heap after two forced collections "
    "(`HeapProfiler.collectGarbage`) with the extension minus without, on the same page, after "
    "the rows arrived: everything Shipguard keeps alive (modules, compiled bundle, per-row "
    "state, wrappers of the nodes it holds). DOM nodes and listeners come from "
    "`Memory.getDOMCounters`, the Blink (Oilpan) heap from `embedderHeapUsedSize`.",
    "- **6. Server.** `shipguard serve` with its production settings (waitress, 8 threads) and a "
    "static file server (`benchmarks/staticserver.py`: waitress with the same settings serving "
    "the same bundle bytes with the same ETag and 304s, no framework) in the same run. "
    "Keep-alive HTTP/1.1 clients (asyncio, request bytes from `benchmarks/load.py`) send one "
    "kind of request back to back: throughput with 8 clients, latency with one client (with 8 "
    "clients latency is mostly queueing: 8 / throughput); 0.5 s warm-up not counted. The client "
    "runs on the same two cores, so absolute figures understate a real server; the ratio is the "
    "figure.",
    "- **7. Sizes.** The Chrome store zip from `shipguard build`; `bundle.json` as served, and "
    "gzipped at level 6. Start-up: `shipguard serve` launched until `/healthz` answers (Python "
    "start, imports, data load), median of 3.",
    "- **Profile.** `python -m benchmarks --only profile` records V8 CPU profiles (CDP "
    "`Profiler`, 100 us sampling) of the extension's tab at 1,000 rows: rows arriving, the body "
    "replaced, and an unrelated text change; self and total time per function, summed over the "
    'visits. Native DOM calls show as their own entries (file "(native)").',
]
