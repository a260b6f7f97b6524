/**
 * Days inside buyer messages, in each language's grammar: the JavaScript twin of
 * server/shipguard/buyer_messages/message_dates.py (same vectors, tests/vectors/message-dates.json).
 * A date placeholder's value is a day, YYYY-MM-DD; the locale's `message_date` (date-formats
 * data) writes it as the sentence around it needs ("entro giovedì 5 dicembre", "do 5 grudnia").
 */

const ISO_DAY = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/** {locale: message_date} from the date formats data (a list of records). */
export function messageDateFormats(dateFormats = []) {
  const formats = {};
  for (const record of dateFormats) {
    if (!record.message_date) continue;
    for (const locale of record.locales) formats[locale] = record.message_date;
  }
  return formats;
}

function dayOf(value) {
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const instant = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls Feb 30 over into March: only a day that comes back unchanged is real.
  if (instant.getUTCFullYear() !== year || instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) return null;
  return { month, day, weekday: (instant.getUTCDay() + 6) % 7 };
}

/** True for a real calendar day written YYYY-MM-DD. */
export const isIsoDay = (value) => dayOf(value) !== null;

/**
 * The day `value` (YYYY-MM-DD) as `locale` writes it in a sentence; other values unchanged.
 * A locale without a message date format keeps the ISO day, which every reader can parse.
 */
export function formatMessageDate(value, locale, formats) {
  const day = dayOf(value);
  const spec = Object.hasOwn(formats, locale) ? formats[locale] : null;
  if (!day || !spec) return value;
  const parts = {
    "{day}": day.day === 1 ? spec.first_day ?? "1" : String(day.day),
    "{month_number}": String(day.month),
    "{month}": spec.months ? spec.months[day.month - 1] : "",
    "{weekday}": spec.weekdays ? spec.weekdays[day.weekday] : "",
  };
  return spec.pattern.replace(/\{[a-z_]+\}/g, (part) => parts[part] ?? part);
}
