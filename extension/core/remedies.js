/** Which remedies an order gets, and the facts each one needs. */
import { addBusinessDays } from "./business-days.js";

/**
 * The remedies that apply to a status, in the rules' order. When the page's data says
 * which actions Amazon allows for the order, a remedy needing another action is left out.
 */
export function remediesFor(status, remedies, allowedActions = null) {
  return remedies.filter((remedy) => remedy.statuses.includes(status)
    && (!remedy.requires_action || !allowedActions || allowedActions.includes(remedy.requires_action)));
}

const pathValues = ({ orderId, marketplace, sku }) => ({ order_id: orderId, marketplace_id: marketplace?.id, sku });

/**
 * The page path of an open-page remedy for an order, its values URL-encoded; null when
 * the order lacks a value the path needs (no SKU read, say), so the remedy is not offered.
 */
export function remedyPath(remedy, order) {
  const values = pathValues(order);
  let missing = false;
  const path = remedy.path.replace(/\{([a-z_]+)\}/g, (whole, name) => {
    if (!values[name]) missing = true;
    return encodeURIComponent(values[name] || "");
  });
  return missing ? null : path;
}

/**
 * A text of the data ({en: …, de: …, "zh-CN": …}) in the UI locale: the locale itself
 * ("zh-CN"), else its language ("de" for "de-AT"), else English.
 */
export function localText(texts, locale) {
  return texts[locale] || texts[locale.split("-")[0]] || texts.en;
}

const dayNumber = ({ year, month, day }) => Date.UTC(year, month - 1, day);

/** The default new ship date: the ship-by day (or today, if later) plus business days. */
export function defaultNewShipDay(shipByDay, today, businessDays, marketplace) {
  // A late order's ship-by day is past; a revised date must lie ahead of today.
  const base = dayNumber(today) > dayNumber(shipByDay) ? today : shipByDay;
  return addBusinessDays(base, businessDays, marketplace.weekend_days);
}

/**
 * The buyer's language for a template: the first of the marketplace's buyer locales that
 * the template has, else the template's first locale.
 */
export function messageLocale(template, marketplace) {
  const available = Object.keys(template.locales);
  const wanted = marketplace.buyer_locales || [];
  const language = (locale) => locale.split("-")[0];
  // Exact locale first (en-GB), then the same language (fr-CA gets fr-FR), then the first.
  return wanted.find((l) => available.includes(l))
    || available.find((a) => wanted.some((w) => language(w) === language(a)))
    || available[0];
}
