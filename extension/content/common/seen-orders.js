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

/** Remember an order (see order.js for its shape); cheap to call on every scan. */
export function rememberOrder(order) {
  if (!order.marketplace) return;
  pending.set(order.orderId, {
    deadline: order.deadline,
    done: order.done,
    marketplace: order.marketplace.code,
    shipByDay: order.shipByDay,
    latestDelivery: order.latestDelivery ?? null,
    host: location.hostname,
    seenAt: Date.now(),
  });
  timer ??= setTimeout(flush, WRITE_DELAY_MS);
}

async function flush() {
  timer = null;
  const batch = pending;
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
  if (pending.has(orderId)) return pending.get(orderId);
  const { [KEY]: stored = {} } = await chrome.storage.local.get(KEY);
  return stored[orderId] || null;
}
