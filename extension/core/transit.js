/**
 * Which carrier services still reach the buyer by the order's latest delivery day, from
 * published transit times (business days) with the carrier calendar applied. An estimate:
 * Buy Shipping has Amazon's own quotes.
 */
import { isoDateToDay, isoWeekday } from "./business-days.js";
import { addDays, nonCollection, sellerCarriers, subdivisionFor } from "./carrier-calendar.js";

// Transit days are working days: weekends never count, whatever the carrier collects on.
const WEEKEND = new Set([6, 7]);
const MAX_SEARCH_DAYS = 60;

const closedOn = (calendar, carrierId, day, region) =>
  calendar ? Boolean(nonCollection(calendar, carrierId, day, region)) : WEEKEND.has(isoWeekday(isoDateToDay(day)));

/** The first day from `day` on which the carrier collects (null if none within two months). */
function collectionFrom(calendar, carrierId, day, region) {
  for (let d = day, i = 0; i < MAX_SEARCH_DAYS; d = addDays(d, 1), i += 1) {
    if (!closedOn(calendar, carrierId, d, region)) return d;
  }
  return null;
}

/** The last day up to `day` (not before `today`) on which the carrier collects, or null. */
function collectionUpTo(calendar, carrierId, today, day, region) {
  for (let d = day; d >= today; d = addDays(d, -1)) {
    if (!closedOn(calendar, carrierId, d, region)) return d;
  }
  return null;
}

/** The day a parcel collected on `shipDay` arrives after `count` transit days. */
export function arrivalDay(calendar, carrierId, shipDay, count, region) {
  let day = shipDay;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    const weekday = isoWeekday(isoDateToDay(day));
    if (!WEEKEND.has(weekday) && !closedOn(calendar, carrierId, day, region)) left -= 1;
  }
  return day;
}

/** "arrives" (even at its slowest), "may-arrive" (at its fastest only) or "too-late". */
function verdict(calendar, carrierId, shipDay, [fastest, slowest], latestDelivery, region) {
  if (shipDay === null) return "too-late";
  if (arrivalDay(calendar, carrierId, shipDay, slowest, region) <= latestDelivery) return "arrives";
  if (arrivalDay(calendar, carrierId, shipDay, fastest, region) <= latestDelivery) return "may-arrive";
  return "too-late";
}

/**
 * For each carrier the seller uses in the marketplace (`carriers` chosen in the options,
 * `region` their ship-from region such as "DE-BY"), its services with a verdict if
 * shipped today (the next collection) and if shipped by the deadline (the last collection
 * up to it). Days are ISO dates on the marketplace's clock. Returns {tables: [{carrier,
 * source, services: [{id, name, businessDays, today, byDeadline}]}], anyArrives} where
 * anyArrives says whether some service can still make it (at its fastest, if shipped today).
 */
export function servicesInTime({ marketplace, today, deadlineDay, latestDeliveryDay }, calendars, transitTables, { carriers, region } = {}) {
  const calendar = calendars.marketplaces.get(marketplace) || null;
  const subdivision = calendar ? subdivisionFor(calendar, region) : null;
  const tables = transitTables.filter((table) => table.marketplace === marketplace);
  const used = calendar ? sellerCarriers(calendar, carriers) : tables.map((table) => table.carrier);
  const result = tables.filter((table) => used.includes(table.carrier)).map((table) => {
    const shipToday = collectionFrom(calendar, table.carrier, today, subdivision);
    const shipByDeadline = deadlineDay >= today ? collectionUpTo(calendar, table.carrier, today, deadlineDay, subdivision) : null;
    return {
      carrier: table.carrier,
      source: table.source,
      services: table.services.map((service) => ({
        id: service.id,
        name: service.name,
        businessDays: service.business_days,
        today: verdict(calendar, table.carrier, shipToday, service.business_days, latestDeliveryDay, subdivision),
        byDeadline: verdict(calendar, table.carrier, shipByDeadline, service.business_days, latestDeliveryDay, subdivision),
      })),
    };
  });
  const anyArrives = result.some((table) => table.services.some((s) => s.today !== "too-late"));
  return { tables: result, anyArrives };
}
