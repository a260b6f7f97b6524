/** Where a page is, and the order of a page that shows no deadline of its own. */
import { orderFromJson, orderFromSeen, unseenOrder } from "../../core/order.js";
import { marketplaceIdFromUrl } from "./place.js";

/** Where the page is: host, URL marketplace, FBA tab. Read once per feature. */
export function placeOf(adapter) {
  return {
    host: location.hostname,
    marketplaceId: marketplaceIdFromUrl(adapter),
    onFbaPage: adapter.fba_path_pattern ? new RegExp(adapter.fba_path_pattern).test(location.pathname) : false,
  };
}

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
