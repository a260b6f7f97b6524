/**
 * Confirm shipment of several orders at once (/orders-v3/bulk-confirm-shipment/<id>;<id>;):
 * one badge per order row, and one tracking check per row as the seller types.
 */
import { allMatches, firstMatch } from "../common/dom-read.js";
import { createBadge, setBadgeLines, HOST_TAG } from "../common/badge.js";
import { togglePanel } from "../common/panel.js";
import { placeHost } from "../common/place.js";
import { orderWithoutDeadlineOnPage, pageMarketplaceOf } from "../common/order-source.js";
import { seenOrder } from "../common/seen-orders.js";
import { OverlayClock } from "../common/overlay-clock.js";
import { trackingWarnings } from "../common/tracking-fields.js";

const ORDER_ID = /\d{3}-\d{7}-\d{7}/;
const LAYOUT_GRACE_MS = 4000;
const HOST_NAME = HOST_TAG.toUpperCase();

export function start({ compiled, adapter, pageData, reportProblem }) {
  const marketplace = pageMarketplaceOf(adapter, compiled);
  const clock = new OverlayClock(compiled);
  const entries = new Map(); // order id -> {row, host, seen}
  const rowSelector = adapter.selectors.row.join(", ");

  const onActivate = (host) => {
    const entry = clock.entry(host);
    if (entry && entry.view.status !== "done") togglePanel(host, entry.order, entry.view, compiled);
  };

  function paint(orderId) {
    const entry = entries.get(orderId);
    const { order } = orderWithoutDeadlineOnPage(orderId, { compiled, pageData, marketplace, seen: entry.seen });
    clock.track(entry.host, order);
    setBadgeLines(entry.host, "warnings", trackingWarnings(entry.row, adapter, compiled, order));
  }

  function sync() {
    if (!firstMatch(document, adapter.selectors.ready)) return;
    for (const row of allMatches(document, adapter.selectors.row)) {
      const orderId = ORDER_ID.exec(row.textContent)?.[0];
      if (!orderId) continue;
      let entry = entries.get(orderId);
      if (!entry || !row.contains(entry.host)) {
        entry = { row, host: entry?.host || createBadge(orderId, onActivate), seen: entry?.seen ?? null };
        entries.set(orderId, entry);
        placeHost(entry.host, firstMatch(row, adapter.selectors.badge_anchor) || row, adapter.anchor_placement);
        seenOrder(orderId).then((seen) => {
          entry.seen = seen;
          guarded(() => paint(orderId));
        });
      }
      paint(orderId);
    }
  }

  const guarded = (fn) => {
    try {
      fn();
    } catch (error) {
      console.debug("Shipguard bulk-confirm-shipment:", error);
      reportProblem("read-failed");
    }
  };
  const onlyOurs = (m) => [...m.addedNodes, ...m.removedNodes].every((node) => node.nodeName === HOST_NAME);
  const observer = new MutationObserver((mutations) => {
    if (!mutations.every(onlyOurs)) guarded(sync);
  });
  // Each row's fields are checked on their own, as the seller types into them.
  const onFieldChange = (event) => {
    const row = event.target instanceof Element ? event.target.closest(rowSelector) : null;
    const orderId = row && ORDER_ID.exec(row.textContent)?.[0];
    if (orderId && entries.has(orderId)) guarded(() => paint(orderId));
  };
  const unsubscribe = pageData.subscribe((changed) => {
    for (const orderId of changed) if (entries.has(orderId)) guarded(() => paint(orderId));
  });
  document.addEventListener("input", onFieldChange, true);
  document.addEventListener("change", onFieldChange, true);
  guarded(sync);
  observer.observe(document.body, { childList: true, subtree: true });
  clock.start();
  const layoutCheck = setTimeout(() => {
    if (!firstMatch(document, adapter.selectors.ready)) reportProblem("not-ready");
  }, LAYOUT_GRACE_MS);
  return () => {
    observer.disconnect();
    unsubscribe();
    clearTimeout(layoutCheck);
    document.removeEventListener("input", onFieldChange, true);
    document.removeEventListener("change", onFieldChange, true);
    clock.stop();
    for (const { host } of entries.values()) host.remove();
  };
}
