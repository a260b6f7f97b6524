/**
 * Confirm shipment of several orders at once (/orders-v3/bulk-confirm-shipment/<id>;<id>;):
 * one badge per order row, and one tracking check per row as the seller types.
 */
import { allMatches, firstMatch } from "../common/dom-read.js";
import { createBadge, placeHost, setBadgeLines } from "../common/badge.js";
import { observePage } from "../common/observe-page.js";
import { orderWithoutDeadlineOnPage, pageMarketplaceOf } from "../common/order-source.js";
import { seenOrder } from "../common/seen-orders.js";
import { OverlayClock } from "../common/overlay-clock.js";
import { trackingWarnings } from "../common/tracking-fields.js";
import { findOrderId } from "../../core/order-id.js";

export function start(context) {
  const { compiled, adapter, pageData, reportProblem } = context;
  const marketplace = pageMarketplaceOf(adapter, compiled);
  const clock = new OverlayClock(compiled);
  const entries = new Map(); // order id -> {row, host, seen}
  const rowSelector = adapter.selectors.row.join(", ");

  function paint(orderId) {
    const entry = entries.get(orderId);
    const { order } = orderWithoutDeadlineOnPage(orderId, { compiled, pageData, marketplace, seen: entry.seen });
    clock.track(entry.host, order);
    setBadgeLines(entry.host, "warnings", trackingWarnings(entry.row, adapter, compiled, order));
  }

  const guarded = (run) => {
    try {
      run();
    } catch (error) {
      console.debug("Shipguard bulk-confirm-shipment:", error);
      reportProblem("read-failed");
    }
  };

  function sync() {
    if (!firstMatch(document, adapter.selectors.ready)) return;
    for (const row of allMatches(document, adapter.selectors.row)) {
      const orderId = findOrderId(row.textContent);
      if (!orderId) continue;
      let entry = entries.get(orderId);
      if (!entry || !row.contains(entry.host)) {
        entry = { row, host: entry?.host || createBadge({ orderId }), seen: entry?.seen ?? null };
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

  // Each row's fields are checked on their own, as the seller types into them.
  const onFieldChange = (event) => {
    const row = event.target instanceof Element ? event.target.closest(rowSelector) : null;
    const orderId = row && findOrderId(row.textContent);
    if (orderId && entries.has(orderId)) guarded(() => paint(orderId));
  };
  document.addEventListener("input", onFieldChange, true);
  document.addEventListener("change", onFieldChange, true);
  const watcher = observePage(context, {
    sync,
    onPageData: (changed) => {
      for (const orderId of changed) if (entries.has(orderId)) paint(orderId);
    },
    expect: "ready",
    missing: "not-ready",
    failure: "read-failed",
  });
  clock.start();
  return () => {
    watcher.stop();
    document.removeEventListener("input", onFieldChange, true);
    document.removeEventListener("change", onFieldChange, true);
    clock.stop();
    for (const { host } of entries.values()) host.remove();
  };
}
