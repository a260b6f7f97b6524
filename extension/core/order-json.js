/**
 * Orders from the orders app's own JSON (the most reliable source: exact deadlines,
 * statuses and allowed actions). Anything of an unexpected shape is skipped, quietly.
 */

const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** The order objects of a response, by the adapter's json spec; [] for anything else. */
export function rawOrders(payload, spec) {
  if (!isObject(payload)) return [];
  const lists = spec.order_lists.map((key) => payload[key]).filter(Array.isArray).flat();
  const singles = spec.single_orders.map((key) => payload[key]).filter(isObject);
  return [...lists, ...singles].filter(isObject);
}

/**
 * One JSON order as facts: {orderId, deadline, done, doneReason, marketplaceId,
 * salesChannel, actions, shipByOffsetMs, sku}; null when the order id or deadline is unusable.
 */
export function factsFromJson(raw, spec) {
  const f = spec.fields;
  const orderId = raw[f.order_id];
  if (typeof orderId !== "string" || !ORDER_ID.test(orderId)) return null;
  const latest = raw[f.latest_ship];
  const deadline = typeof latest === "number" && Number.isFinite(latest) ? Math.round(latest * 1000) : null;
  const status = typeof raw[f.status] === "string" ? raw[f.status] : "";
  const byAmazon = raw[f.merchant_fulfilled] === false;
  const finished = spec.done_statuses.some((s) => s.toLowerCase() === status.toLowerCase());
  const offset = raw[f.time_zones]?.[f.latest_ship]?.offset;
  const delivery = raw[f.latest_delivery];
  const items = Array.isArray(raw[f.items]) ? raw[f.items] : [];
  const sku = items.map((item) => item?.[f.item_sku]).find((value) => typeof value === "string") || null;
  return {
    orderId,
    deadline,
    done: byAmazon || finished,
    doneReason: byAmazon ? "fulfilled-by-amazon" : finished ? "shipped-or-cancelled" : null,
    marketplaceId: typeof raw[f.marketplace_id] === "string" ? raw[f.marketplace_id] : null,
    salesChannel: typeof raw[f.sales_channel] === "string" ? raw[f.sales_channel] : null,
    actions: Array.isArray(raw[f.actions]) ? raw[f.actions].filter((a) => typeof a === "string") : null,
    shipByOffsetMs: typeof offset === "number" && Number.isFinite(offset) ? offset : null,
    sku,
    latestDelivery: typeof delivery === "number" && Number.isFinite(delivery) ? Math.round(delivery * 1000) : null,
  };
}

/** Every usable order in a response body (text); [] for HTML sign-in pages and junk. */
export function ordersFromResponse(text, spec) {
  let payload;
  try {
    payload = JSON.parse(text);
  } catch {
    return [];
  }
  return rawOrders(payload, spec).map((raw) => factsFromJson(raw, spec)).filter(Boolean);
}
