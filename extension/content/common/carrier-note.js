/**
 * The carrier-holiday note of an order: the id the overlay host carries and the sentence its
 * tooltip and panel show ("Tomorrow is Thanksgiving Day: USPS doesn't collect. Ship today.").
 */
import { t, uiLocale } from "./i18n.js";
import { carrierHolidayNote, addDays } from "../../core/carrier-calendar.js";
import { dayToIsoDate, isoDateToDay } from "../../core/business-days.js";
import { formatShortDay } from "../../core/day-format.js";
import { zonedDay } from "../../core/zoned-time.js";

export const CARRIER_HOLIDAY = "carrier-holiday";
const NOTE_STATUSES = ["late", "due-soon"];

// Rows share marketplaces, days and deadlines: each combination is worked out once.
const notes = new Map();
const CACHE_LIMIT = 2000;

// A tick paints every row at one instant, mostly of one marketplace: today is worked out
// once per zone and minute.
let lastToday = { zone: null, minute: NaN, today: null };

/** Today on the marketplace's clock, as an ISO date. */
export function marketplaceToday(order, now) {
  const zone = order.marketplace.time_zone;
  const minute = Math.floor(now / 60000);
  if (lastToday.zone !== zone || lastToday.minute !== minute) {
    lastToday = { zone, minute, today: dayToIsoDate(zonedDay(now, zone)) };
  }
  return lastToday.today;
}

/** The note for an order at `now` with its status, or null: {day, reason, carriers, …, text}. */
export function carrierNoteFor(order, status, now, compiled) {
  if (!NOTE_STATUSES.includes(status) || !order.shipByDay || !order.marketplace) return null;
  const today = marketplaceToday(order, now);
  const deadlineDay = dayToIsoDate(order.shipByDay);
  const late = status === "late";
  const key = `${compiled.version}|${order.marketplace.code}|${today}|${deadlineDay}|${late}`;
  if (!notes.has(key)) {
    if (notes.size >= CACHE_LIMIT) notes.clear();
    const note = carrierHolidayNote({ marketplace: order.marketplace.code, today, deadlineDay, late }, compiled.calendars, compiled.shipping);
    notes.set(key, note && { ...note, text: noteText(note, today, compiled) });
  }
  return notes.get(key);
}

const carrierName = (id, compiled) => compiled.carriers.find((c) => c.id === id)?.name || id;

function dayLabel(day, today) {
  if (day === today) return t("noteToday");
  if (day === addDays(today, 1)) return t("noteTomorrow");
  return formatShortDay(isoDateToDay(day), uiLocale());
}

// Formatters are costly to build and the UI language is fixed for the page: built once.
let formatters = null;

function formattersOf(locale) {
  if (formatters?.locale !== locale) {
    formatters = {
      locale,
      weekday: new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }),
      list: new Intl.ListFormat(locale, { type: "conjunction" }),
    };
  }
  return formatters;
}

// 2024-01-01 was a Monday: weekday N is N - 1 days later.
const weekdayName = (isoWeekday) => formattersOf(uiLocale()).weekday.format(Date.UTC(2024, 0, isoWeekday));

/** Build the note's formatters now, before the first note is written. */
export const prepareCarrierNotes = () => void formattersOf(uiLocale());

function noteText(note, today, compiled) {
  const names = formattersOf(uiLocale()).list.format(note.carriers.map((id) => carrierName(id, compiled)));
  const one = note.carriers.length === 1;
  const day = dayLabel(note.day, today);
  const sentence = note.reason.holiday
    ? t(one ? "noteHolidayOne" : "noteHolidayMany", [day, note.reason.holiday[uiLocale().split("-")[0]] || note.reason.holiday.en, names])
    : t(one ? "noteWeekdayOne" : "noteWeekdayMany", [day, weekdayName(note.reason.weekday), names]);
  const advice = note.shipBy === today ? t("noteShipToday")
    : note.shipBy ? t("noteShipBy", [formatShortDay(isoDateToDay(note.shipBy), uiLocale())])
      : note.nextCollection ? t("noteNextCollection", [formatShortDay(isoDateToDay(note.nextCollection), uiLocale())]) : "";
  return advice ? `${sentence} ${advice}` : sentence;
}
