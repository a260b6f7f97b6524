/** Manage Orders: one badge per seller-fulfilled order row, kept in step with the table. */
import { allMatches, firstMatch } from "../common/dom-read.js";
import { createBadge, HOST_TAG } from "../common/badge.js";
import { togglePanel } from "../common/panel.js";
import { placeHost } from "../common/place.js";
import { rememberOrder } from "../common/seen-orders.js";
import { OverlayClock } from "../common/overlay-clock.js";
import { orderOf, placeOf, factsKey } from "../common/order-source.js";
import { unreadablePageStep } from "../../core/order.js";
import { readRow, rowLabels } from "./read-row.js";

const LAYOUT_GRACE_MS = 4000;

/**
 * Start the feature on the page; returns stop(). Rows are replaced, re-ordered and
 * reused by Amazon's app without page loads, so every DOM change triggers a rescan that
 * touches only rows whose facts changed. The app's own JSON, when it arrives, wins.
 */
export function start({ compiled, adapter, pageData, reportProblem }) {
  const labels = rowLabels(adapter);
  const tracked = new WeakMap(); // row -> {host, key}
  const clock = new OverlayClock(compiled);
  const sources = { compiled, adapter, pageData, place: placeOf(adapter) };
  const reported = new Set(); // each unreadable step once per page, not once per row
  const report = (step) => {
    if (reported.has(step)) return;
    reported.add(step);
    reportProblem(step);
  };

  const onActivate = (host) => {
    const entry = clock.entry(host);
    if (entry && entry.view.status !== "done") togglePanel(host, entry.order, entry.view, compiled);
  };

  function syncRow(row, force) {
    const facts = readRow(row, adapter, labels);
    const previous = tracked.get(row);
    if (!facts) {
      if (previous) forget(row, previous);
      return false;
    }
    const key = factsKey(facts);
    const inPlace = previous && row.contains(previous.host);
    if (inPlace && previous.key === key && !force?.has(facts.orderId)) return true;
    const host = inPlace ? previous.host : createBadge(facts.orderId, onActivate);
    removeStrayHosts(row, host);
    const order = orderOf(facts, sources);
    const step = unreadablePageStep(order, facts.shipByText);
    if (step) report(step);
    clock.track(host, order);
    rememberOrder(order);
    if (!host.isConnected) {
      const anchor = firstMatch(row, adapter.selectors.badge_anchor) || row.lastElementChild || row;
      placeHost(host, anchor, adapter.anchor_placement);
    }
    tracked.set(row, { host, key });
    return true;
  }

  function forget(row, previous) {
    clock.untrack(previous.host);
    previous.host.remove();
    tracked.delete(row);
  }

  let table = null;
  const rowSelector = adapter.selectors.row.join(", ");

  /** Sync every row (rows added, replaced, sorted) or only `dirty` ones (their text changed). */
  function scan(force, dirty = null) {
    if (dirty) {
      for (const row of dirty) if (row.isConnected) syncRow(row, force);
      return;
    }
    table = firstMatch(document, adapter.selectors.table);
    if (!table) return;
    const rows = allMatches(document, adapter.selectors.row);
    let read = 0;
    for (const row of rows) if (syncRow(row, force)) read += 1;
    clock.forgetDetached();
    if (rows.length > 0 && read === 0) report("no-order-rows");
  }

  /**
   * What a batch of DOM changes asks for: null (nothing: they were outside the table or
   * Shipguard's own), the set of rows whose text changed, or "all" when rows came or went.
   */
  function rowsToSync(mutations) {
    const dirty = new Set();
    for (const mutation of mutations) {
      if (isOwnMutation(mutation)) continue;
      const node = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
      const row = node?.closest(rowSelector);
      if (row) dirty.add(row);
      else if (!table?.isConnected || table.contains(node) || node?.contains(table)) return "all";
    }
    return dirty.size ? dirty : null;
  }

  const guardedScan = (force, dirty) => {
    try {
      scan(force, dirty);
    } catch (error) {
      console.debug("Shipguard orders-list:", error);
      reportProblem("scan-failed");
    }
  };
  const observer = new MutationObserver((mutations) => {
    const rows = rowsToSync(mutations);
    if (rows === "all") guardedScan();
    else if (rows) guardedScan(null, rows);
  });
  const unsubscribe = pageData.subscribe((changed) => guardedScan(changed));
  guardedScan();
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  clock.start();
  // The app may still be drawing; only a page that never shows a table is unreadable.
  const layoutCheck = setTimeout(() => {
    if (!firstMatch(document, adapter.selectors.table)) reportProblem("no-table");
  }, LAYOUT_GRACE_MS);
  return function stop() {
    observer.disconnect();
    unsubscribe();
    clearTimeout(layoutCheck);
    clock.stop();
    for (const host of document.querySelectorAll(HOST_TAG)) host.remove();
  };
}

const HOST_NAME = HOST_TAG.toUpperCase();

/** Mutations Shipguard made itself (adding or removing its hosts) need no rescan. */
export function isOwnMutation(mutation) {
  if (mutation.type !== "childList") return false;
  const { addedNodes, removedNodes } = mutation;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (const node of addedNodes) if (node.nodeName !== HOST_NAME) return false;
  for (const node of removedNodes) if (node.nodeName !== HOST_NAME) return false;
  return true;
}

function removeStrayHosts(row, keep) {
  for (const host of row.querySelectorAll(HOST_TAG)) if (host !== keep) host.remove();
}
