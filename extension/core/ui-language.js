/**
 * Seller Central's UI language is the seller's choice, not the marketplace's: an English UI
 * on amazon.de, a Chinese one on amazon.com. The marketplace decides deadlines; the UI
 * language decides labels and how dates are written. The page's `lang` attribute is not
 * evidence of either, so the language is told by the labels actually on the page.
 */
import { shipByDeadline } from "./deadline.js";

const normalise = (text) => (text || "").replace(/\s+/g, " ").trim().toLowerCase();

// Per adapter, computed once: label text -> the UI locale of the label set holding it; and
// each label as rows write it, answered once (every row of a page asks with the same few).
const localeIndex = new WeakMap();

/** The UI locale ("en-US", "de-DE") whose label set has `label` (any kind), or null. */
export function localeOfLabel(adapter, label) {
  let index = localeIndex.get(adapter);
  if (!index) {
    index = { normalised: new Map(), asWritten: new Map() };
    for (const [locale, set] of Object.entries(adapter.labels || {})) {
      for (const text of Object.values(set).flat()) if (!index.normalised.has(normalise(text))) index.normalised.set(normalise(text), locale);
    }
    localeIndex.set(adapter, index);
  }
  let locale = index.asWritten.get(label);
  if (locale === undefined) {
    locale = index.normalised.get(normalise(label)) ?? null;
    // Labels come from the adapter itself, a bounded set; the guard is for any other caller.
    if (index.asWritten.size < LABELS_REMEMBERED) index.asWritten.set(label, locale);
  }
  return locale;
}

const LABELS_REMEMBERED = 1000;

/** The UI locale whose labels of `kind` one of `texts` starts with, or null. */
export function localeOfTexts(adapter, kind, texts) {
  for (const [locale, set] of Object.entries(adapter.labels || {})) {
    const labels = (set[kind] || []).map(normalise);
    if (texts.some((text) => labels.some((label) => normalise(text).startsWith(label)))) return locale;
  }
  return null;
}

const languageOf = (locale) => (locale || "").split("-")[0];

/**
 * The date format a UI language writes on a marketplace's host: the variant used there
 * (`used_on`, e.g. English on amazon.de writes "2 Nov 2025" like en-GB), else the
 * marketplace's own variant of the language (en-CA), else the label set's locale, else
 * any variant of the language.
 */
export function dateFormatForUi(formats, uiLocale, marketplace) {
  const ofLanguage = formats.filter((f) => f.locales.some((l) => languageOf(l) === languageOf(uiLocale)));
  return ofLanguage.find((f) => marketplace && (f.usedOn || []).includes(marketplace.code))
    || ofLanguage.find((f) => f.locales.some((l) => (marketplace?.page_locales || []).includes(l)))
    || ofLanguage.find((f) => f.locales.includes(uiLocale))
    || ofLanguage[0]
    || null;
}

// Rows share a UI language and a marketplace: the format is chosen once per pair.
const chosenFormats = new WeakMap();

function formatForUi(formats, uiLocale, marketplace) {
  let chosen = chosenFormats.get(formats);
  if (!chosen) chosenFormats.set(formats, (chosen = new Map()));
  const key = `${uiLocale}|${marketplace?.code}`;
  if (!chosen.has(key)) chosen.set(key, dateFormatForUi(formats, uiLocale, marketplace));
  return chosen.get(key);
}

// Rows share a handful of ship-by texts: each is parsed once per date format and zone.
const deadlineCache = new WeakMap();

function cachedDeadline(text, format, timeZone) {
  let byText = deadlineCache.get(format);
  if (!byText) deadlineCache.set(format, (byText = new Map()));
  const key = `${timeZone}|${text}`;
  let result = byText.get(key);
  if (!result) {
    if (byText.size > 5000) byText.clear();
    result = shipByDeadline(text, format, timeZone);
    byText.set(key, result);
  }
  return result;
}

const sameDay = (a, b) => a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * The ship-by deadline of `text` on `marketplace`: read in the UI language the labels
 * told (`uiLocale`), else by every known date format, which must then agree on the day.
 * Returns {deadline, shipByDay} or {problem: "no-ship-by" | "unreadable-ship-by" |
 * "ambiguous-ship-by"}: an unreadable or ambiguous date is unknown, never a guess.
 */
export function readShipBy(text, formats, marketplace, uiLocale = null) {
  if (!text || !text.trim()) return { problem: "no-ship-by" };
  const timeZone = marketplace.time_zone;
  const told = uiLocale && formatForUi(formats, uiLocale, marketplace);
  if (told) {
    const result = cachedDeadline(text, told, timeZone);
    if (!result.problem) return result;
  }
  const readings = formats.map((format) => cachedDeadline(text, format, timeZone)).filter((r) => !r.problem);
  if (readings.length === 0) return { problem: "unreadable-ship-by" };
  if (readings.some((r) => !sameDay(r.shipByDay, readings[0].shipByDay))) return { problem: "ambiguous-ship-by" };
  return readings[0];
}
