/** Dates and instants as people read them, with formatters built once and reused. */

const cache = new Map();

function formatter(locale, options) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

const SHORT_DAY = { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" };
const LONG_DAY = { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC" };

// A calendar day has no zone: format its UTC midnight as UTC so no offset can shift it.
const dayInstant = ({ year, month, day }) => Date.UTC(year, month - 1, day);

/** "Thu, Dec 5": the ship-by day on a badge. */
export const formatShortDay = (day, locale) => formatter(locale, SHORT_DAY).format(dayInstant(day));

/** "Thursday, December 5, 2019": a day in a buyer message. */
export const formatLongDay = (day, locale) => formatter(locale, LONG_DAY).format(dayInstant(day));

/** "Thu, Dec 5, 11:59 PM PST": an instant on a given zone's clock (zone undefined = the seller's). */
export function formatInstant(epochMs, locale, timeZone) {
  return formatter(locale, {
    weekday: "short", month: "short", day: "numeric",
    hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone,
  }).format(epochMs);
}
