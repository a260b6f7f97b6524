/** Finding calendar dates in Seller Central text, by the date formats in the bundle. */

/** Escape text for use inside a RegExp. */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Compile one bundle date format ({locales, used_on, months, patterns}) once, so parsing a row is
 * only regex matching. `{month}` in a pattern stands for any of the month names.
 */
export function compileDateFormat(format) {
  const monthIndex = new Map();
  format.months.forEach((names, i) => names.forEach((name) => monthIndex.set(name.toLowerCase(), i + 1)));
  const alternation = [...monthIndex.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  const patterns = format.patterns.map(({ regex, order }) => ({
    regex: new RegExp(regex.replace("{month}", `(${alternation})`), "giu"),
    order,
  }));
  return { locales: format.locales, usedOn: format.used_on || [], monthIndex, patterns };
}

function dateFromMatch(match, order, monthIndex) {
  const parts = {};
  [...order].forEach((key, i) => { parts[key] = match[i + 1]; });
  const month = /^\d+$/.test(parts.M) ? Number(parts.M) : monthIndex.get(parts.M.toLowerCase());
  const date = { year: Number(parts.Y), month, day: Number(parts.D) };
  return isRealDate(date) ? date : null;
}

/** True for a day that exists in the proleptic Gregorian calendar (no Feb 30). */
export function isRealDate({ year, month, day }) {
  if (!(year >= 1970 && year <= 2200 && month >= 1 && month <= 12 && day >= 1)) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Every date in `text`, in reading order: [{year, month, day, index}]. A ship-by range
 * ("Dec 4, 2019 to Dec 6, 2019") yields both ends; patterns tried later never claim text
 * an earlier pattern matched.
 */
export function findDates(text, compiled) {
  const found = [];
  const taken = [];
  for (const { regex, order } of compiled.patterns) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const date = dateFromMatch(match, order, compiled.monthIndex);
      if (!date) continue;
      taken.push([start, end]);
      found.push({ ...date, index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
