/** One order from everything the page offers: its JSON first, then what the DOM shows. */
import { orderFromFacts, orderFromJson, orderFromSeen, unseenOrder } from "../../core/order.js";
import { marketplaceIdFromUrl } from "./place.js";

/** Where the page is: host, URL marketplace, FBA tab. Read once per feature. */
export function placeOf(adapter) {
  return {
    host: location.hostname,
    marketplaceId: marketplaceIdFromUrl(adapter),
    onFbaPage: adapter.fba_path_pattern ? new RegExp(adapter.fba_path_pattern).test(location.pathname) : false,
  };
}

/** The order for DOM facts, overridden by the app's JSON for the same order when present. */
export function orderOf(facts, { compiled, adapter, pageData, place }) {
  const fromDom = orderFromFacts({ ...facts, onFbaPage: place.onFbaPage }, compiled, adapter, place);
  const json = pageData.get(facts.orderId);
  if (!json) return fromDom;
  const fromJson = orderFromJson(json, compiled, fromDom.marketplace, fromDom.sku);
  // The page's data is exact; the DOM only stands in where the data lacks the deadline.
  return fromJson.problem && !fromDom.problem ? fromDom : fromJson;
}

/** A key that changes when anything Shipguard reads from the page changes. */
export const factsKey = (facts) =>
  [facts.orderId, facts.shipByText, facts.uiLocale, facts.deliverByText, facts.statusText, facts.statusClasses.join(" "), facts.fulfillmentText,
    facts.salesChannel, facts.sku].join("|");

/** The marketplace a page is about: the URL's marketplace id, else the host's. */
export const pageMarketplaceOf = (adapter, compiled) =>
  compiled.marketplaceById(marketplaceIdFromUrl(adapter)) || compiled.marketplaceForHost(location.hostname);

/**
 * For pages that show no deadline of their own (confirm shipment, contact buyer): the
 * order from the page's JSON, else as Shipguard last saw it, else unknown. `json` is part
 * of the result so callers can tell when it changed.
 */
export function orderWithoutDeadlineOnPage(orderId, { compiled, pageData, marketplace, seen }) {
  const json = pageData.get(orderId);
  const order = json ? orderFromJson(json, compiled, marketplace)
    : seen ? orderFromSeen(orderId, seen, compiled) : unseenOrder(orderId, marketplace);
  return { order, json };
}
