/**
 * Carrier calendars: on which days between now and a ship-by deadline the seller's carriers
 * do not collect (the bundle's `carrier_calendars`, computed by the server from public holidays).
 */
import { dayToIsoDate, isoDateToDay, isoWeekday } from "./business-days.js";

const DAY_MS = 24 * 3600 * 1000;

/** The day `count` calendar days after an ISO date, as an ISO date. */
export function addDays(isoDate, count) {
  const { year, month, day } = isoDateToDay(isoDate);
  const next = new Date(Date.UTC(year, month - 1, day) + count * DAY_MS);
  return dayToIsoDate({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
}

const byDate = (list) => new Map((list || []).map((entry) => [entry.date, entry.name]));

/** The packed calendars made ready for lookups: sets and maps by marketplace, once per bundle. */
export function compileCalendars(packed) {
  const marketplaces = new Map();
  for (const [code, calendar] of Object.entries(packed?.marketplaces || {})) {
    marketplaces.set(code, {
      country: calendar.country,
      holidays: byDate(calendar.holidays),
      regions: new Map(Object.entries(calendar.regions || {}).map(([region, list]) => [region, byDate(list)])),
      carriers: new Map(calendar.carriers.map((c) => [c.carrier, {
        closedWeekdays: new Set(c.closed_weekdays),
        holidays: new Set(c.holidays),
        regional: c.regional_holidays,
      }])),
    });
  }
  return { from: packed?.from ?? null, until: packed?.until ?? null, marketplaces };
}

/**
 * The seller's ship-from region as the holidays data names it ("DE-BY" gives "BY"), when it
 * lies in the marketplace's country; otherwise null (national holidays only).
 */
export function subdivisionFor(calendar, shipFromRegion) {
  const [country, region] = String(shipFromRegion || "").split("-", 2);
  return country === calendar.country && region && calendar.regions.has(region) ? region : null;
}

/**
 * Why a carrier does not collect on a day: {holiday: {en, de…}} or {weekday: 1…7}; null
 * when it collects. `region` is the subdivision code or null.
 */
export function nonCollection(calendar, carrierId, isoDate, region) {
  const carrier = calendar.carriers.get(carrierId);
  if (!carrier) return null;
  if (carrier.holidays.has(isoDate)) return { holiday: calendar.holidays.get(isoDate) };
  if (carrier.regional && region) {
    const name = calendar.regions.get(region)?.get(isoDate);
    if (name) return { holiday: name };
  }
  const weekday = isoWeekday(isoDateToDay(isoDate));
  return carrier.closedWeekdays.has(weekday) ? { weekday } : null;
}

/** The carriers a seller uses in a marketplace: their choice where the calendar knows them, else all. */
export function sellerCarriers(calendar, chosen) {
  const known = [...calendar.carriers.keys()];
  const picked = (chosen || []).filter((id) => calendar.carriers.has(id));
  return picked.length ? picked : known;
}

const covered = (calendars, isoDate) => calendars.from !== null && calendars.from <= isoDate && isoDate <= calendars.until;

/**
 * The first day from `today` through the deadline's day (for a late order: today and
 * tomorrow, as it ships as soon as it can) on which one of the seller's carriers does not
 * collect, or null. Days are ISO dates on the marketplace's clock. The result:
 * {day, reason, carriers (not collecting that day), shipBy (the last day up to the deadline
 * on which they all collect, if any), nextCollection (when there is none)}.
 */
export function carrierHolidayNote({ marketplace, today, deadlineDay, late }, calendars, { carriers, region } = {}) {
  const calendar = calendars.marketplaces.get(marketplace);
  if (!calendar) return null;
  const used = sellerCarriers(calendar, carriers);
  const subdivision = subdivisionFor(calendar, region);
  const last = late || deadlineDay < today ? addDays(today, 1) : deadlineDay;
  for (let day = today; day <= last; day = addDays(day, 1)) {
    if (!covered(calendars, day)) return null; // beyond the bundle's calendar: nothing known
    const closed = used.filter((id) => nonCollection(calendar, id, day, subdivision));
    if (closed.length === 0) continue;
    const collects = (d) => closed.every((id) => !nonCollection(calendar, id, d, subdivision));
    let shipBy = null;
    for (let d = last; d >= today; d = addDays(d, -1)) {
      if (collects(d)) {
        shipBy = d;
        break;
      }
    }
    let nextCollection = null;
    if (shipBy === null) {
      for (let d = addDays(last, 1); covered(calendars, d) && nextCollection === null; d = addDays(d, 1)) {
        if (collects(d)) nextCollection = d;
      }
    }
    return { day, reason: nonCollection(calendar, closed[0], day, subdivision), carriers: closed, shipBy, nextCollection };
  }
  return null;
}

/** The ship-from regions a seller can choose: "US-CA", "DE-BY"…, per country, sorted. */
export function shipFromRegions(calendars) {
  const regions = new Set();
  for (const calendar of calendars.marketplaces.values()) {
    for (const region of calendar.regions.keys()) regions.add(`${calendar.country}-${region}`);
  }
  return [...regions].sort();
}

/** What the options page offers: the calendars' carriers [{id, name}] and ship-from regions. */
export function shippingChoices(bundle) {
  const calendars = compileCalendars(bundle.carrier_calendars);
  const names = new Map((bundle.carriers || []).map((c) => [c.id, c.name]));
  const ids = new Set([...calendars.marketplaces.values()].flatMap((calendar) => [...calendar.carriers.keys()]));
  const carrierChoices = [...ids].map((id) => ({ id, name: names.get(id) || id }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { carrierChoices, regionChoices: shipFromRegions(calendars) };
}
