/** The orders that need the seller now, from what the content scripts recorded. */
import { ordersNeedingAttention } from "../core/attention.js";
import { loadSettings } from "../lib/settings.js";
import { currentBundle } from "./bundle-store.js";

const HOUR_MS = 3600 * 1000;

/** The seller's due-soon window if set, else the rules'. */
export async function dueSoonMs() {
  const settings = await loadSettings();
  if (settings.dueSoonHours > 0) return settings.dueSoonHours * HOUR_MS;
  return (await currentBundle()).rules.due_soon_hours * HOUR_MS;
}

/** [{orderId, status, deadline, marketplace, host, …}] needing action now, soonest first. */
export async function attentionNow(now = Date.now()) {
  const { seenOrders = {}, orderMarks = {} } = await chrome.storage.local.get(["seenOrders", "orderMarks"]);
  return ordersNeedingAttention(seenOrders, orderMarks, now, await dueSoonMs());
}
