/**
 * The work rows bring, rehearsed on a made-up order when a page kind starts, before any
 * row arrives: otherwise the first rows on a page run cold code (interpreted, nothing
 * learnt about the objects it meets) and are the first to ask for their words, date
 * readers and formats, so a first scan of 15 rows cost several times the same scan warm.
 */
import { orderFromPage } from "../../core/order.js";

const DAY_MS = 24 * 3600 * 1000;

/** Read, judge and paint (off the page, then dropped) an order due tomorrow in the page's marketplace. */
export function rehearse({ compiled, adapter }, clock, place, now = Date.now()) {
  const marketplace = compiled.marketplaceForHost(place.host);
  if (!marketplace) return;
  const locale = marketplace.page_locales?.[0] ?? "en-US";
  const written = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: "numeric", timeZone: marketplace.time_zone });
  const facts = {
    orderId: "000-0000000-0000000", shipByText: written.format(now + DAY_MS), uiLocale: locale,
    deliverByText: written.format(now + 4 * DAY_MS), statusText: "", statusClasses: [], fulfillmentText: null,
    salesChannel: null, sku: null, shippingService: null, address: [],
  };
  clock.rehearse(orderFromPage(facts, null, compiled, adapter, place), now);
}
