/** Dates and instants as people read them, with formatters built once and reused. */

const formatters = new Map();

/** One Intl formatter per (locale, style name, zone): building one costs milliseconds. */
function formatter(locale, style, timeZone) {
  const key = `${locale}|${style}|${timeZone ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...STYLES[style], ...(timeZone === undefined ? {} : { timeZone }) });
    formatters.set(key, f);
  }
  return f;
}

const STYLES = {
  shortDay: { weekday: "short", month: "short", day: "numeric" },
  instant: { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
};

// A calendar day has no zone: format its UTC midnight as UTC so no offset can shift it.
const dayInstant = ({ year, month, day }) => Date.UTC(year, month - 1, day);

/** "Thu, Dec 5": the ship-by day on a badge. */
export const formatShortDay = (day, locale) => formatter(locale, "shortDay", "UTC").format(dayInstant(day));

// Many orders share a deadline (the end of the same ship-by day): format each once.
const instants = new Map();

/** "Thu, Dec 5, 11:59 PM PST": an instant on a given zone's clock (zone undefined = the seller's). */
export function formatInstant(epochMs, locale, timeZone) {
  const key = `${epochMs}|${locale}|${timeZone ?? ""}`;
  let text = instants.get(key);
  if (text === undefined) {
    if (instants.size > 2000) instants.clear();
    text = formatter(locale, "instant", timeZone).format(epochMs);
    instants.set(key, text);
  }
  return text;
}
