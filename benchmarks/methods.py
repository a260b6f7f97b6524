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
    "100 rows with that from 100 to 1,000 (start-up costs cancel out). The **Seller Central-like "
    "app** figure uses the same page at 100 rows with the rows rendered as a framework does "
    "(`harness.js` APP mode: per row a view model from the order's JSON, dates and the amount "
    "formatted in the page's locale; the markup described once per template, then per render a "
    "fiber object per node with its props compared to the previous render's, each element created "
    "and filled one by one, a handler on every control), with the extension. A difference of two "
    "ScriptDurations is lost in the noise of a shared machine, so this share comes from one V8 CPU "
    "profile per visit (CDP `Profiler`, 100 us sampling) while the app renders the rows and for "
    "1.5 s after: Shipguard's time is the samples with one of its functions on the stack (native "
    "DOM calls it makes included), the app's the samples with the page's own scripts on the stack "
    "and none of Shipguard's; both come from the same samples, so load slows them alike. Start-up "
    "before the rows is the figure above. Rows are inserted in a task of the page's own (a "
    "timer), as the app's work runs.",
    "- **3. Re-render.** On the same tab, the body is replaced by brand-new `<tr>` nodes, as "
    "pagination does, several times, timed as in 1, against the floor: first by the rows of other "
    "orders (page 2), then by page 1 and page 2 again in turn, whose readings Shipguard remembers "
    "(by row text and status classes); the judged figure is the median of all of them, and the "
    'lines "new orders only" and "orders shown before only" tell the two apart. The '
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
    "- **6. Keep-alive.** `shipguard serve` keeps the connection open after a 304 (waitress 3 "
    "closes it after any response without a body; `commands/waitress_server.py` keeps it open, as "
    "RFC 9112 allows), and bundle requests are answered before Flask with the answer Flask gave for "
    "the same deciding headers (`web/bundle_replay.py`). The static server runs the same waitress "
    "server. Throughput is the median of 3 runs per server, the two servers taking turns.",
    "- **8. 200 clients.** `wrk -t2 -c200 -d10s --timeout 2s --latency` against `shipguard serve` "
    "with its default settings (8 threads, 1,000 connections at most, backlog 2,048): the full "
    "bundle gzipped (as browsers fetch it), the full bundle without gzip (its size is section 7's) and "
    "revalidations (304). A request unanswered in 2 s is a timeout; p99 is wrk's own. wrk and the "
    "server share the two cores.",
    "- **9. Lint.** `shipguard lint` run as a user runs it (a new process each time): one message "
    "with `--locale en-US`, and a folder of 100 messages (the templates in every language, "
    "examples filled) with `--marketplace US`, beside the start of a bare `python -c pass`; "
    "median of 5, the three interleaved. The runs use a cache folder of their own "
    "(`XDG_CACHE_HOME`): a first, untimed run validates the data, as a user's first run after "
    "the data changed does (its time is beside the figure), and the timed runs find it "
    "validated; before, they shared the user's cache, so whether one of them validated "
    "depended on what had run before.",
    "- **10. Lint bounds.** Every shipped rule, in both twins, on 10,000 characters of each "
    "character its patterns use, read in the heaviest set of languages one message can be read "
    "in (a marketplace's languages plus the detected one): CPU time, best of 3 after a first run "
    "that compiles. The tests check what bounds it (the pattern dialect, the 10,000-unit cap). "
    "The Python twin skips a pattern whose words a message lacks, as a run of one character "
    "does, so there every pattern is run regardless, as for a message holding all their words.",
    "- **7. Sizes.** The Chrome store zip from `shipguard build`; `bundle.json` as served, and "
    "gzipped at level 6. Start-up: `shipguard serve` launched until `/healthz` answers (Python "
    "start, imports, data load), median of 3 starts after a first one; all four use a cache "
    "folder of their own (`XDG_CACHE_HOME`), so the first validates the data in full, as the "
    "first start of a day on a user's machine does, and the others find that content "
    "validated, as every later start does (the first start's time is beside the figure).",
    "- **Profile.** `python -m benchmarks --only profile` records V8 CPU profiles (CDP "
    "`Profiler`, 100 us sampling) of the extension's tab at 1,000 rows: rows arriving, the body "
    "replaced, and an unrelated text change; self and total time per function, summed over the "
    'visits. Native DOM calls show as their own entries (file "(native)").',
]
