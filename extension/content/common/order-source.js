/** One order from everything the page offers: its JSON first, then what the DOM shows. */
import { orderFromFacts, orderFromJson } from "../../core/order.js";
import { marketplaceIdFromUrl } from "./place.js";

/** Where the page is: host, UI language, URL marketplace, FBA tab. Read once per feature. */
export function placeOf(adapter) {
  return {
    host: location.hostname,
    pageLocale: document.documentElement.lang || null,
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
  [facts.orderId, facts.shipByText, facts.statusText, facts.statusClasses.join(" "), facts.fulfillmentText,
    facts.salesChannel, facts.sku].join("|");
