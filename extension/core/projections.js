/**
 * What the orders now late or due soon would do to the seller's account metrics. Pure
 * arithmetic on the figures Amazon shows (Account Health) or the seller typed in.
 *
 * The orders at risk are not in Amazon's figures yet (an order counts once it is
 * confirmed or cancelled), so each adds one to the orders counted as well as to the
 * failures: projected = (rate × orders + n) / (orders + n).
 */

export const LIMITS = {
  lateShipmentRate: 0.04,
  preFulfillmentCancelRate: 0.025,
  orderDefectRate: 0.01,
};

/** {before, after, limit, crosses, exceeds} for n more failures on `orders` orders at `rate`. */
export function project(rate, orders, n, limit) {
  if (!(rate >= 0 && rate <= 1) || !(orders >= 0) || !(n >= 0)) return null;
  const failures = rate * orders;
  const after = orders + n === 0 ? 0 : (failures + n) / (orders + n);
  return { before: rate, after, limit, crosses: rate <= limit && after > limit, exceeds: after > limit };
}

/**
 * Both choices for the orders at risk: ship them late (Late Shipment Rate, 10-day window)
 * or cancel them (Pre-fulfillment Cancel Rate, 7-day window). Figures missing → null.
 */
export function choices(metrics, atRisk) {
  const shipLate = metrics.lsr10 === undefined || metrics.orders10 === undefined ? null
    : project(metrics.lsr10, metrics.orders10, atRisk, LIMITS.lateShipmentRate);
  const cancel = metrics.cancel7 === undefined || metrics.orders7 === undefined ? null
    : project(metrics.cancel7, metrics.orders7, atRisk, LIMITS.preFulfillmentCancelRate);
  return { shipLate, cancel };
}

/**
 * Orders that risk an A-to-z claim: not shipped and their latest delivery date is past,
 * or too close to reach the buyer (within `transitMs` of now).
 */
export function claimRisks(orders, now, transitMs = 24 * 3600 * 1000) {
  return orders.filter((o) => !o.done && typeof o.latestDelivery === "number" && o.latestDelivery < now + transitMs);
}

/** "4.3%" with one decimal, the way Account Health shows rates. */
const percentFormats = new Map();

/** "2.1%", "2,1 %" (fr, with its narrow no-break space), "2.1%" (ja): a rate as the locale writes it. */
export function percent(rate, locale = "en") {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
    percentFormats.set(locale, format);
  }
  return format.format(rate);
}
