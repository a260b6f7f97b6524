/** The ship-by deadline and the order's status, from what Amazon shows. */
import { findDates } from "./dates.js";
import { zonedInstant } from "./zoned-time.js";

export const STATUSES = ["late", "due-soon", "on-track", "done", "unknown"];

/**
 * The deadline for a ship-by text: the end (23:59:59) of the last day it names, in the
 * marketplace's time zone, whatever zone the seller's computer is in. A window
 * "Dec 4, 2019 to Dec 6, 2019" ends on its later day.
 * Returns {deadline: epoch ms, shipByDay} or {problem: "no-ship-by" | "unreadable-ship-by"}.
 */
export function shipByDeadline(text, compiledFormat, timeZone) {
  if (!text || !text.trim()) return { problem: "no-ship-by" };
  const dates = findDates(text, compiledFormat);
  if (dates.length === 0) return { problem: "unreadable-ship-by" };
  const last = dates.reduce((a, b) => (dayNumber(b) > dayNumber(a) ? b : a));
  const shipByDay = { year: last.year, month: last.month, day: last.day };
  const deadline = zonedInstant({ ...shipByDay, hour: 23, minute: 59, second: 59 }, timeZone);
  return { deadline, shipByDay };
}

const dayNumber = ({ year, month, day }) => Date.UTC(year, month - 1, day);

/**
 * Status of an order at `now`: done orders need nothing; without a deadline it is
 * unknown; then late, due soon (within the rules' window) or on track. Amazon's own late
 * flag (`amazonLate`) makes an order late even before the clock does; its "not late" is
 * no reprieve once the deadline has passed (the flag trails the clock, and an unconfirmed
 * order past its ship-by counts against the Late Shipment Rate whatever it said).
 */
export function shipStatus({ done, deadline, amazonLate = null }, now, dueSoonMs) {
  if (done) return "done";
  if (typeof deadline !== "number") return "unknown";
  if (amazonLate === true || now > deadline) return "late";
  if (deadline - now <= dueSoonMs) return "due-soon";
  return "on-track";
}

/** ISO 8601 UTC without milliseconds, as the overlay's data-shipguard-deadline. */
export const isoUtc = (epochMs) => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
