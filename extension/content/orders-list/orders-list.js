/** Manage Orders: one badge per seller-fulfilled order row, kept in step with the table. */
import { allMatches, firstMatch } from "../common/dom-read.js";
import { placeHost, prepareBadges, HOST_TAG } from "../common/badge.js";
import { observePage } from "../common/observe-page.js";
import { prepareReading, readRowFacts } from "../common/read-facts.js";
import { placeOf } from "../common/order-source.js";
import { rehearse } from "../common/rehearsal.js";
import { rememberOrder } from "../common/seen-orders.js";
import { OverlayClock } from "../common/overlay-clock.js";
import { orderFromPage, unreadablePageStep } from "../../core/order.js";
import { warmDateFormats } from "../../core/dates.js";

// Badges of rows the page took away, kept for a page that shows the same orders again
// (pagination back and forth, a re-sort): it gets them back instead of new ones.
const SPARE_LIMIT = 2000;

/**
 * Start the feature on the page; returns stop(). Rows are replaced, re-ordered and
 * reused by Amazon's app without page loads, so every DOM change triggers a rescan that
 * touches only rows whose facts changed. The app's own JSON, when it arrives, wins.
 * A scan reads every row first and writes the badges after, so no read waits on a write.
 */
export function start(context) {
  const { compiled, adapter, pageData, reportProblem } = context;
  // Everything that does not depend on a row, done now: rows arrive at a ready overlay.
  prepareReading(adapter);
  prepareBadges();
  warmDateFormats(compiled.dateFormatList);
  const tracked = new WeakMap(); // row -> {host, key, json}: what its badge shows
  const shown = new WeakMap(); // host -> the same, still known once its row is gone
  const spare = new Map(); // facts key -> {host, order, json}
  const hosts = document.getElementsByTagName(HOST_TAG); // live: every badge host in the page
  const clock = new OverlayClock(compiled);
  const place = placeOf(adapter);
  rehearse(context, clock, place);
  const rowSelector = adapter.selectors.row.join(", ");
  let table = null;
  const reported = new Set(); // each unreadable step once per page, not once per row
  const report = (step) => {
    if (reported.has(step)) return;
    reported.add(step);
    reportProblem(step);
  };

  /** Read `rows`; return the writes they need (and how many rows held an order). */
  function readRows(rows, force) {
    const writes = [];
    let orders = 0;
    for (const row of rows) {
      const found = readRowFacts(adapter, row);
      const previous = tracked.get(row);
      if (!found) {
        if (previous) writes.push({ row, previous, found: null });
        continue;
      }
      orders += 1;
      const inPlace = previous && row.contains(previous.host);
      if (inPlace && previous.key === found.key && !force?.has(found.facts.orderId)) continue;
      writes.push({ row, previous: inPlace ? previous : null, found });
    }
    return { writes, orders };
  }

  function write({ row, previous, found }, now) {
    if (!found) {
      clock.untrack(previous.host);
      previous.host.remove();
      tracked.delete(row);
      return;
    }
    const { facts, key, anchor } = found;
    const json = pageData.get(facts.orderId);
    const kept = !previous && spare.get(key);
    const reuse = kept && kept.json === json && !kept.host.isConnected;
    if (reuse) spare.delete(key);
    const order = reuse ? kept.order : orderFromPage(facts, json, compiled, adapter, place);
    const step = !reuse && unreadablePageStep(order, facts.shipByText); // a kept order was judged when read
    if (step) report(step);
    // Painted before it is placed: one insertion, no restyle per write.
    const host = clock.track(previous?.host ?? (reuse ? kept.host : null), order, now);
    rememberOrder(order);
    if (host !== previous?.host) placeHost(host, anchor || row.lastElementChild || row, adapter.anchor_placement);
    const showing = { host, key, json };
    tracked.set(row, showing);
    shown.set(host, showing);
  }

  /** Sync every row (rows added, replaced, sorted) or only `dirty` ones (their text changed). */
  function scan(force, dirty = null) {
    const now = Date.now();
    let rows;
    if (dirty) rows = [...dirty].filter((row) => row.isConnected);
    else {
      table = firstMatch(document, adapter.selectors.table);
      if (!table) return;
      rows = allMatches(document, adapter.selectors.row);
    }
    const { writes, orders } = readRows(rows, force);
    quietly(() => {
      writes.forEach((change) => write(change, now));
      keepSpares(clock.forgetDetached());
      removeStrays();
    });
    if (!dirty && rows.length > 0 && orders === 0) report("no-order-rows");
  }

  /**
   * A row the app copied from one with a badge (cloned, or its markup copied) carries an
   * empty copy of the host: more hosts in the page than badges shown says so, and only
   * then are they looked at.
   */
  function removeStrays() {
    if (hosts.length <= clock.size) return;
    for (const host of [...hosts]) if (!shown.has(host)) host.remove();
  }

  function keepSpares(gone) {
    for (const [host, order] of gone) {
      const showing = shown.get(host);
      if (!showing) continue;
      // Out of its old cell: a kept host would otherwise hold its whole detached row, and
      // through it the page the app replaced.
      host.remove();
      spare.set(showing.key, { host, order, json: showing.json });
    }
    for (const key of spare.keys()) {
      if (spare.size <= SPARE_LIMIT) break;
      spare.delete(key); // the oldest first: a Map keeps insertion order
    }
  }

  /**
   * What a batch of DOM changes asks for: null (nothing: they were outside the table),
   * the set of rows whose text changed, or "all" when rows came or went.
   */
  function rowsToSync(mutations) {
    const dirty = new Set();
    for (const mutation of mutations) {
      const node = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
      const row = node?.closest(rowSelector);
      if (row) dirty.add(row);
      else if (!table?.isConnected || table.contains(node) || node?.contains(table)) return "all";
    }
    return dirty.size ? dirty : null;
  }

  // The first scan runs inside observePage, before it returns: nothing is watched yet.
  let watcher = null;
  const quietly = (writeAll) => (watcher ? watcher.quietly(writeAll) : writeAll());
  watcher = observePage(context, {
    sync(mutations) {
      const rows = mutations ? rowsToSync(mutations) : "all";
      if (rows === "all") scan();
      else if (rows) scan(null, rows);
    },
    onPageData: (changed) => scan(changed),
    expect: "table",
    missing: "no-table",
    failure: "scan-failed",
  });
  clock.start();
  return function stop() {
    watcher.stop();
    clock.stop();
    for (const host of document.querySelectorAll(HOST_TAG)) host.remove();
  };
}
