/** An order as Shipguard understands it, from the facts a page adapter read off a row. */
import { shipByDeadline, shipStatus } from "./deadline.js";
import { zonedDay } from "./zoned-time.js";

const normalise = (text) => (text || "").replace(/\s+/g, " ").trim().toLowerCase();
const matchesAny = (text, candidates) =>
  candidates.some((c) => normalise(text) === normalise(c) || normalise(text).startsWith(`${normalise(c)} `));

/** Labels of one kind ("ship_by", "done_statuses", …) across every language of an adapter. */
export function labelsOf(adapter, kind) {
  return Object.values(adapter.labels || {}).flatMap((set) => set[kind] || []);
}

/** Why an order needs nothing: "shipped-or-cancelled", "fulfilled-by-amazon", or null. */
function doneReason(facts, adapter) {
  const doneClasses = adapter.done_status_classes || [];
  if (facts.statusClasses.some((c) => doneClasses.includes(c))) return "shipped-or-cancelled";
  if (facts.statusText && matchesAny(facts.statusText, labelsOf(adapter, "done_statuses"))) return "shipped-or-cancelled";
  if (facts.fulfillmentText && matchesAny(facts.fulfillmentText, labelsOf(adapter, "fulfilled_by_amazon"))) return "fulfilled-by-amazon";
  if (facts.onFbaPage) return "fulfilled-by-amazon";
  return null;
}

/** The date format for reading a marketplace's page: the page's language first. */
function dateFormatFor(compiled, marketplace, pageLocale) {
  const candidates = [pageLocale, ...(marketplace.page_locales || [])];
  for (const locale of candidates) {
    if (locale && compiled.dateFormats.has(locale)) return compiled.dateFormats.get(locale);
  }
  return null;
}

/**
 * {orderId, marketplace, done, doneReason, deadline, shipByDay, problem} for one row's
 * facts; `problem` says why the deadline is unknown.
 */
export function orderFromFacts(facts, compiled, adapter, { host, pageLocale, marketplaceId }) {
  const marketplace = compiled.marketplaceForChannel(facts.salesChannel)
    || compiled.marketplaceById(marketplaceId) || compiled.marketplaceForHost(host);
  const order = {
    orderId: facts.orderId, marketplace, sku: facts.sku || null,
    done: false, doneReason: null, deadline: null, shipByDay: null, problem: null, actions: null,
  };
  const reason = doneReason(facts, adapter);
  if (reason) return { ...order, done: true, doneReason: reason };
  if (!marketplace) return { ...order, problem: "unknown-marketplace" };
  const format = dateFormatFor(compiled, marketplace, pageLocale);
  if (!format) return { ...order, problem: "unknown-date-format" };
  const result = shipByDeadline(facts.shipByText, format, marketplace.time_zone);
  if (result.problem) return { ...order, problem: result.problem };
  return { ...order, deadline: result.deadline, shipByDay: result.shipByDay };
}

/**
 * The same, from the orders app's JSON facts (see order-json.js): its deadline is exact,
 * so only the marketplace is looked up; `fallback` is the page's own marketplace.
 */
export function orderFromJson(json, compiled, fallback, fallbackSku = null) {
  const marketplace = compiled.marketplaceById(json.marketplaceId)
    || compiled.marketplaceForChannel(json.salesChannel) || fallback || null;
  const order = {
    orderId: json.orderId, marketplace, sku: json.sku || fallbackSku, latestDelivery: json.latestDelivery,
    done: json.done, doneReason: json.doneReason,
    deadline: json.deadline, shipByDay: null, problem: null, actions: json.actions,
  };
  if (order.done) return order;
  if (order.deadline === null) return { ...order, problem: "no-ship-by" };
  if (!marketplace) return { ...order, problem: "unknown-marketplace", deadline: null };
  // The ship-by day as Amazon shows it: the deadline on the marketplace's clock, with the
  // JSON's own offset where it gives one.
  const shipByDay = json.shipByOffsetMs === null
    ? zonedDay(order.deadline, marketplace.time_zone)
    : zonedDay(order.deadline + json.shipByOffsetMs, "UTC");
  return { ...order, shipByDay };
}

/**
 * The same, from what Shipguard saw of the order on another page (seen-orders), for pages
 * that show no deadline of their own.
 */
export function orderFromSeen(orderId, seen, compiled) {
  const marketplace = compiled.marketplaces.find((m) => m.code === seen.marketplace) || null;
  return {
    orderId, marketplace, done: seen.done, doneReason: seen.done ? "shipped-or-cancelled" : null,
    deadline: seen.deadline, shipByDay: seen.shipByDay, actions: null,
    problem: seen.deadline === null && !seen.done ? "no-ship-by" : null,
  };
}

/** An order Shipguard knows nothing about yet: status unknown, with the reason. */
export const unseenOrder = (orderId, marketplace) => ({
  orderId, marketplace, done: false, doneReason: null, deadline: null, shipByDay: null, actions: null, problem: "not-seen",
});

/** The order's status now. */
export const orderStatus = (order, now, compiled) => shipStatus(order, now, compiled.dueSoonMs);
