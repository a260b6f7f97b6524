/**
 * The pages about one order (details, confirm shipment, contact buyer): one overlay host,
 * placed by the adapter's anchor, repainted when the page or its data changes.
 */
import { firstMatch } from "./dom-read.js";
import { placeHost } from "./badge.js";
import { observePage } from "./observe-page.js";
import { rememberOrder } from "./seen-orders.js";
import { OverlayClock } from "./overlay-clock.js";

/**
 * Run a single-order overlay. `readOrder()` returns {order, key} or null while the page
 * is not ready; `onPainted(host, entry, first)` adds what the page kind needs;
 * `opensRemedies` (default true) lets a click on the badge open the order's remedies.
 */
export function startSingleOrder(context, { readOrder, onPainted, opensRemedies = true }) {
  const { adapter, reportProblem } = context;
  const clock = new OverlayClock(context.compiled, { opensRemedies });
  let host = null;
  let key = null;

  function sync(force) {
    const found = readOrder();
    if (!found) return;
    const { order } = found;
    if (host?.isConnected && key === found.key && !force?.has(order.orderId)) return;
    const anchor = firstMatch(document, adapter.selectors.badge_anchor);
    if (!anchor) {
      reportProblem("no-anchor");
      return;
    }
    const first = !host;
    host = clock.track(host, order);
    if (order.deadline !== null || order.done) rememberOrder(order);
    if (!host.isConnected) placeHost(host, anchor, adapter.anchor_placement);
    key = found.key;
    onPainted?.(host, clock.entry(host), first);
  }

  const watcher = observePage(context, {
    sync: () => sync(),
    onPageData: (changed) => sync(changed),
    expect: "ready",
    missing: "not-ready",
    failure: "read-failed",
  });
  clock.start();
  return {
    // Outside the watcher (storage answered): its failures are reported the same way.
    refresh() {
      try {
        sync(new Set([host?.dataset.shipguardOrder]));
      } catch (error) {
        console.debug(`Shipguard ${adapter.id}:`, error);
        reportProblem("read-failed");
      }
    },
    stop() {
      watcher.stop();
      clock.stop();
      host?.remove();
    },
  };
}
