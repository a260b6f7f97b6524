/**
 * The words on a badge: "Late by 1 d 4 h", "Ship within 5 h", "Ship by Thu, Dec 5 · 2 d left".
 * `words` is the UI language's translator (core/translator.js): `t` and counted `plural`.
 */

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A compact duration, precise where it matters: minutes near the end, days far off. */
export function formatDuration(ms, { t, plural }) {
  const span = Math.max(0, ms);
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.floor((span % HOUR) / MINUTE);
  // A single unit is counted ("1 Tag", "2 Tage"); the two-unit forms take the units
  // every language abbreviates alike ("Std.", "min"), and their first count is small.
  if (days >= 2) return plural("durationDays", days);
  if (days === 1) return hours ? t("durationOneDayHours", [hours]) : plural("durationDays", 1);
  if (hours >= 3) return plural("durationHours", hours);
  if (hours >= 1) return minutes ? t("durationHoursMinutes", [hours, minutes]) : plural("durationHours", hours);
  return plural("durationMinutes", Math.max(1, minutes));
}

/**
 * Badge text for a status. `shipByLabel` is the ship-by day as the seller reads it
 * ("Thu, Dec 5"); `reason` says why an order is done ("Shipped")
 * or why its status is unknown.
 */
export function badgeText({ status, deadline, shipByLabel, reason }, now, words) {
  const { t } = words;
  switch (status) {
    case "late": return t("badgeLate", [formatDuration(now - deadline, words)]);
    case "due-soon": return t("badgeDueSoon", [formatDuration(deadline - now, words)]);
    case "on-track": return t("badgeOnTrack", [shipByLabel, formatDuration(deadline - now, words)]);
    case "done": return reason;
    default: return t("badgeUnknown", [reason || ""]);
  }
}

/** Milliseconds until the badge text next changes, so one timer can sleep until then. */
export function msUntilTextChanges(deadline, now) {
  const left = deadline - now;
  const span = Math.abs(left);
  const step = span < 3 * HOUR ? MINUTE : span < 2 * DAY ? MINUTE * 5 : HOUR;
  // Time left shrinks to the next whole step; time late grows to it.
  const wait = left > 0 ? span % step || step : step - (span % step);
  return Math.max(1000, wait);
}
