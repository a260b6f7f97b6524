/** An order as Shipguard understands it, from the facts a page adapter read off a row. */
import { shipByDeadline, shipStatus } from "./deadline.js";

const normalise = (text) => (text || "").replace(/\s+/g, " ").trim().toLowerCase();
const matchesAny = (text, candidates) =>
  candidates.some((c) => normalise(text) === normalise(c) || normalise(text).startsWith(`${normalise(c)} `));

/** Labels of one kind ("ship_by", "done_statuses", …) across every language of an adapter. */
export function labelsOf(adapter, kind) {
  return Object.values(adapter.labels).flatMap((set) => set[kind] || []);
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
export function orderFromFacts(facts, compiled, adapter, { host, pageLocale }) {
  const marketplace = compiled.marketplaceForChannel(facts.salesChannel) || compiled.marketplaceForHost(host);
  const order = { orderId: facts.orderId, marketplace, done: false, doneReason: null, deadline: null, shipByDay: null, problem: null };
  const reason = doneReason(facts, adapter);
  if (reason) return { ...order, done: true, doneReason: reason };
  if (!marketplace) return { ...order, problem: "unknown-marketplace" };
  const format = dateFormatFor(compiled, marketplace, pageLocale);
  if (!format) return { ...order, problem: "unknown-date-format" };
  const result = shipByDeadline(facts.shipByText, format, marketplace.time_zone);
  if (result.problem) return { ...order, problem: result.problem };
  return { ...order, deadline: result.deadline, shipByDay: result.shipByDay };
}

/** The order's status now. */
export const orderStatus = (order, now, compiled) => shipStatus(order, now, compiled.dueSoonMs);
