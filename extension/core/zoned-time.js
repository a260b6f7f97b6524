/** Wall-clock time in a named time zone, without a date library. */

// Building an Intl.DateTimeFormat with a time zone costs milliseconds; one per zone, reused.
const formatters = new Map();

function formatterFor(timeZone) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23",
      year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric", second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Pay the cost of a zone's formatter now (before rows arrive), not on the first row. */
export function warmTimeZone(timeZone) {
  formatterFor(timeZone).format(0);
}

/** The calendar fields {year, month, day, hour, minute, second} of an instant in a zone. */
export function wallTime(epochMs, timeZone) {
  const fields = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(epochMs)) {
    if (type !== "literal") fields[type] = Number(value);
  }
  return fields;
}

/** Offset of the zone from UTC at an instant, in ms (UTC-8 gives -28800000). */
export function zoneOffsetMs(epochMs, timeZone) {
  const w = wallTime(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant at which the zone's wall clock shows the given time. Two passes settle
 * the offset even when the guess lies on the other side of a daylight-saving change.
 */
export function zonedInstant({ year, month, day, hour = 0, minute = 0, second = 0 }, timeZone) {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let instant = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  instant = wallAsUtc - zoneOffsetMs(instant, timeZone);
  return instant;
}

/** The calendar day {year, month, day} of an instant in a zone. */
export function zonedDay(epochMs, timeZone) {
  const { year, month, day } = wallTime(epochMs, timeZone);
  return { year, month, day };
}
