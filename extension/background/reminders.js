/**
 * Browser notifications before deadlines: off until the seller turns them on (which
 * requests the permission), grouped, once per order per stage, quiet at night.
 */
import { inQuietHours, remindersDue, markNotified } from "../core/reminders.js";
import { loadSettings } from "../lib/settings.js";
import { isSwitchedOff } from "../core/features.js";
import { currentBundle } from "./bundle-store.js";
import { plural } from "../lib/i18n.js";

const KEY = "notifiedOrders";
export const NOTIFICATION_PREFIX = "shipguard-reminder:";
const SELLER_CENTRAL_HOST = /^sellercentral(-europe)?\.amazon\.[a-z.]+$/;

const hasPermission = () => chrome.permissions.contains({ permissions: ["notifications"] });

export async function remind(orders, now = Date.now()) {
  const [settings, bundle] = await Promise.all([loadSettings(), currentBundle()]);
  if (!settings.remindersOn || isSwitchedOff("reminders", bundle.disabled_features, settings.disabledFeatures)) return;
  if (!(await hasPermission())) return;
  const local = new Date(now);
  if (inQuietHours(local.getHours() * 60 + local.getMinutes(), settings.quietHours)) return;
  const { [KEY]: notified = {} } = await chrome.storage.local.get(KEY);
  const due = remindersDue(orders, notified, now, settings.reminderLeadMinutes * 60e3);
  let next = notified;
  for (const stage of ["late", "soon"]) {
    const group = due[stage];
    if (group.length === 0) continue;
    await notify(stage, group, settings);
    next = markNotified(next, group, stage);
  }
  // Forget orders that no longer need attention, so the record stays small.
  const current = new Set(orders.map((o) => o.orderId));
  next = Object.fromEntries(Object.entries(next).filter(([id]) => current.has(id)));
  await chrome.storage.local.set({ [KEY]: next });
}

function notify(stage, orders, settings) {
  const count = orders.length;
  const title = stage === "late"
    ? plural("reminderLateTitle", count)
    : plural("reminderSoonTitle", count, [count, Math.round(settings.reminderLeadMinutes / 60) || 1]);
  const host = orders[0].host || "sellercentral.amazon.com";
  return chrome.notifications.create(`${NOTIFICATION_PREFIX}${stage}:${host}`, {
    type: "basic",
    iconUrl: chrome.runtime.getURL("icons/icon-128.png"),
    title,
    message: orders.slice(0, 5).map((o) => o.orderId).join(", ") + (orders.length > 5 ? " …" : ""),
    priority: stage === "late" ? 2 : 1,
  });
}

/** A click on a reminder opens the unshipped orders list of that Seller Central. */
export function openFromNotification(notificationId) {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const host = notificationId.split(":").pop();
  if (!SELLER_CENTRAL_HOST.test(host)) return;
  chrome.tabs.create({ url: `https://${host}/orders-v3/mfn/unshipped?sort=ship_by_asc` });
  chrome.notifications.clear(notificationId);
}
