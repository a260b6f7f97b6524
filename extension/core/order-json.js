/**
 * Orders from the orders app's own JSON (the most reliable source: exact deadlines,
 * statuses, Amazon's own late flag). Each endpoint has its own shape, described in the
 * adapter data by paths such as `orderStatus.OrderStatus`. Anything not well-formed is
 * skipped, quietly: a page script must not be able to change a badge with a forged body.
 */

const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;
const MARKETPLACE_ID = /^[A-Z0-9]{8,20}$/;
// Epoch seconds from 2000 to 2200: anything else is not a date Amazon sent.
const EPOCH_SECONDS = [946684800, 7258118400];
const MAX_OFFSET_MS = 14 * 3600 * 1000;

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isEpoch = (value) => typeof value === "number" && value >= EPOCH_SECONDS[0] && value <= EPOCH_SECONDS[1];
const isOffset = (value) => Number.isInteger(value) && Math.abs(value) <= MAX_OFFSET_MS;
const isCount = (value) => Number.isInteger(value) && value >= 0;
const isScalar = (value) => ["string", "number", "boolean"].includes(typeof value);

/** The value at a dotted path (own keys only), or undefined. */
export function valueAt(root, path) {
  let value = root;
  for (const key of path.split(".")) {
    if (!isObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

// What each fact must be when present; an order with a fact of another type is not read.
const ORDER_CHECKS = {
  order_id: (v) => typeof v === "string" && ORDER_ID.test(v),
  latest_ship: isEpoch,
  latest_delivery: isEpoch,
  ship_by_offset: isOffset,
  status: (v) => typeof v === "string",
  late: (v) => typeof v === "boolean",
  at_risk: (v) => typeof v === "boolean",
  fulfillment: isScalar,
  marketplace_id: (v) => typeof v === "string" && MARKETPLACE_ID.test(v),
  root_marketplace_id: (v) => typeof v === "string" && MARKETPLACE_ID.test(v),
  sales_channel: (v) => typeof v === "string",
  actions: (v) => Array.isArray(v) && v.every((a) => typeof a === "string"),
  items: (v) => Array.isArray(v) && v.every(isObject),
};
const ITEM_CHECKS = {
  asin: (v) => typeof v === "string",
  sku: (v) => typeof v === "string",
  unshipped: isCount,
  item_status: (v) => typeof v === "string",
};

/** {fact: value} for the facts a shape names; null when a present fact has the wrong type. */
function readFacts(raw, paths, checks) {
  const facts = {};
  for (const [fact, path] of Object.entries(paths)) {
    const value = valueAt(raw, path);
    if (value === undefined || value === null) continue;
    if (!checks[fact]?.(value)) return null;
    facts[fact] = value;
  }
  return facts;
}

/** The shape (from the adapter's json spec) of the endpoint at `url`, or null. */
export function shapeFor(url, spec) {
  const shapes = Array.isArray(spec?.shapes) ? spec.shapes : []; // an older bundle's spec reads nothing
  return shapes.find((shape) => new RegExp(shape.url_pattern).test(url)) || null;
}

/** The order objects of a body: the shape's `orders` path holds one order or a list. */
export function rawOrders(payload, shape) {
  const found = valueAt(payload, shape.orders);
  return (Array.isArray(found) ? found : [found]).filter(isObject);
}

/**
 * One JSON order as facts: {orderId, deadline, done, doneReason, amazonLate, atRisk,
 * marketplaceId, salesChannel, actions, shipByOffsetMs, sku, items, latestDelivery};
 * null when it is not well-formed or has no order id.
 */
export function factsFromJson(raw, shape) {
  const f = readFacts(raw, shape.fields, ORDER_CHECKS);
  if (!f || f.order_id === undefined) return null;
  const items = [];
  for (const item of f.items || []) {
    const facts = readFacts(item, shape.item_fields || {}, ITEM_CHECKS);
    if (!facts) return null;
    items.push({ asin: facts.asin ?? null, sku: facts.sku ?? null, unshipped: facts.unshipped ?? null, status: facts.item_status ?? null });
  }
  const status = (f.status || "").toLowerCase();
  const byAmazon = f.fulfillment !== undefined && shape.fulfilled_by_amazon.includes(f.fulfillment);
  const finished = shape.done_statuses.some((s) => s.toLowerCase() === status);
  // The item a seller still has to ship is the one to check stock for.
  const pending = items.find((item) => item.sku && item.unshipped > 0) || items.find((item) => item.sku);
  return {
    orderId: f.order_id,
    deadline: f.latest_ship === undefined ? null : Math.round(f.latest_ship * 1000),
    done: byAmazon || finished,
    doneReason: byAmazon ? "fulfilled-by-amazon" : finished ? "shipped-or-cancelled" : null,
    amazonLate: f.late ?? null,
    atRisk: f.at_risk ?? null,
    marketplaceId: f.marketplace_id ?? f.root_marketplace_id ?? null,
    salesChannel: f.sales_channel ?? null,
    actions: f.actions ?? null,
    shipByOffsetMs: f.ship_by_offset ?? null,
    sku: pending?.sku ?? null,
    items,
    latestDelivery: f.latest_delivery === undefined ? null : Math.round(f.latest_delivery * 1000),
  };
}

/** Every well-formed order in a response body (text) from `url`; [] for sign-in pages and junk. */
export function ordersFromResponse(text, url, spec) {
  const shape = shapeFor(url, spec);
  if (!shape || typeof text !== "string") return [];
  let payload;
  try {
    payload = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isObject(payload)) return [];
  return rawOrders(payload, shape).map((raw) => factsFromJson(raw, shape)).filter(Boolean);
}
