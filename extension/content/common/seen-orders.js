/**
 * What Shipguard last saw of each order (deadline, status facts), kept in this browser
 * only, so pages that do not show the deadline (confirm shipment, contact buyer) and the
 * popup can still tell how late an order is. Writes are batched: pages re-render often.
 */
const KEY = "seenOrders";
const WRITE_DELAY_MS = 1000;
const KEEP_MS = 30 * 24 * 3600 * 1000;
const MAX_ORDERS = 2000;

let pending = new Map();
let timer = null;

let batchSeenAt = 0; // when the batch began: a second's precision is plenty here

/**
 * Remember an order (see order.js for its shape); cheap to call on every scan: the order
 * is kept as it is and turned into what is stored when the batch is written.
 */
export function rememberOrder(order) {
  if (!order.marketplace) return;
  if (timer === null) {
    batchSeenAt = Date.now();
    timer = setTimeout(flush, WRITE_DELAY_MS);
  }
  pending.set(order.orderId, order);
}

/** What is kept of an order seen at `seenAt`. */
const entryOf = (order, seenAt = batchSeenAt) => ({
  deadline: order.deadline,
  done: order.done,
  marketplace: order.marketplace.code,
  shipByDay: order.shipByDay,
  latestDelivery: order.latestDelivery ?? null,
  host: location.hostname,
  seenAt,
});

async function flush() {
  timer = null;
  const batch = new Map([...pending].map(([id, order]) => [id, entryOf(order)]));
  pending = new Map();
  const { [KEY]: stored = {} } = await chrome.storage.local.get(KEY);
  let changed = false;
  for (const [id, entry] of batch) {
    const old = stored[id];
    if (old && old.deadline === entry.deadline && old.done === entry.done && Date.now() - old.seenAt < 3600e3) continue;
    stored[id] = entry;
    changed = true;
  }
  if (!changed) return;
  const cutoff = Date.now() - KEEP_MS;
  const kept = Object.entries(stored).filter(([, e]) => e.seenAt > cutoff)
    .sort((a, b) => b[1].seenAt - a[1].seenAt).slice(0, MAX_ORDERS);
  await chrome.storage.local.set({ [KEY]: Object.fromEntries(kept) });
}

/** What was last seen of an order, or null. */
export async function seenOrder(orderId) {
  if (pending.has(orderId)) return entryOf(pending.get(orderId));
  const { [KEY]: stored = {} } = await chrome.storage.local.get(KEY);
  return stored[orderId] || null;
}
