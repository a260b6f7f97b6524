/** Calendar arithmetic on marketplace days ({year, month, day}), skipping weekends. */

/** ISO weekday of a calendar day: Monday 1 … Sunday 7. */
export function isoWeekday({ year, month, day }) {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** The day `count` business days after `start`; weekendDays are ISO weekdays. */
export function addBusinessDays(start, count, weekendDays = [6, 7]) {
  const date = new Date(Date.UTC(start.year, start.month - 1, start.day));
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay() || 7;
    if (!weekendDays.includes(weekday)) left -= 1;
  }
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** "2019-12-09" for a day, the value of an <input type="date">. */
export const dayToIsoDate = ({ year, month, day }) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** The day of an "YYYY-MM-DD" string, or null. */
export function isoDateToDay(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}
