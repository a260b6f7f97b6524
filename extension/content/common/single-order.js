/**
 * The pages about one order (details, confirm shipment, contact buyer): one overlay host,
 * placed by the adapter's anchor, repainted when the page or its data changes.
 */
import { firstMatch } from "./dom-read.js";
import { createBadge } from "./badge.js";
import { placeHost } from "./place.js";
import { rememberOrder } from "./seen-orders.js";
import { OverlayClock } from "./overlay-clock.js";

const LAYOUT_GRACE_MS = 4000;

/**
 * Run a single-order overlay. `readOrder()` returns {order, key} or null while the page
 * is not ready; `onPainted(host, entry, first)` adds what the page kind needs.
 */
export function startSingleOrder({ compiled, adapter, pageData, reportProblem }, { readOrder, onActivate, onPainted }) {
  const clock = new OverlayClock(compiled);
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
    host ??= createBadge(order.orderId, (h) => onActivate(h, clock.entry(h)));
    clock.track(host, order);
    if (order.deadline !== null || order.done) rememberOrder(order);
    if (!host.isConnected) placeHost(host, anchor, adapter.anchor_placement);
    key = found.key;
    onPainted?.(host, clock.entry(host), first);
  }

  const guarded = (force) => {
    try {
      sync(force);
    } catch (error) {
      console.debug(`Shipguard ${adapter.id}:`, error);
      reportProblem("read-failed");
    }
  };
  const observer = new MutationObserver((mutations) => {
    if (mutations.some((m) => !host || ![...m.addedNodes, ...m.removedNodes].includes(host))) guarded();
  });
  const unsubscribe = pageData.subscribe((changed) => guarded(changed));
  guarded();
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  clock.start();
  const layoutCheck = setTimeout(() => {
    if (!firstMatch(document, adapter.selectors.ready)) reportProblem("not-ready");
  }, LAYOUT_GRACE_MS);
  return {
    refresh: () => guarded(new Set([host?.dataset.shipguardOrder])),
    stop() {
      observer.disconnect();
      unsubscribe();
      clearTimeout(layoutCheck);
      clock.stop();
      host?.remove();
    },
  };
}
