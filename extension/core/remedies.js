/** Which remedies an order gets, and the facts each one needs. */
import { addBusinessDays } from "./business-days.js";

/** The remedies that apply to a status, in the rules' order. */
export function remediesFor(status, remedies) {
  return remedies.filter((remedy) => remedy.statuses.includes(status));
}

/** The page path of an open-page remedy for an order, its values URL-encoded. */
export function remedyPath(remedy, { orderId, marketplaceId }) {
  const values = { order_id: orderId, marketplace_id: marketplaceId };
  return remedy.path.replace(/\{([a-z_]+)\}/g, (whole, name) =>
    name in values ? encodeURIComponent(values[name] || "") : whole);
}

/** The remedy title in the UI language, falling back to English. */
export function remedyTitle(remedy, language) {
  return remedy.title[language] || remedy.title.en;
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
  return (marketplace.buyer_locales || []).find((l) => available.includes(l)) || available[0];
}
