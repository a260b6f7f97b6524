/**
 * The buyer message a seller last copied for an order, kept in this browser for a while so
 * the Contact buyer page can offer to fill it in. Never sent anywhere.
 */
const KEY = "pendingMessages";
const KEEP_MS = 2 * 3600 * 1000;

export async function savePendingMessage(orderId, message) {
  const { [KEY]: stored = {} } = await chrome.storage.local.get(KEY);
  const now = Date.now();
  const kept = Object.fromEntries(Object.entries(stored).filter(([, m]) => now - m.at < KEEP_MS));
  kept[orderId] = { ...message, at: now };
  await chrome.storage.local.set({ [KEY]: kept });
}

/** The pending message of an order, or null when none was copied recently. */
export async function pendingMessage(orderId) {
  const { [KEY]: stored = {} } = await chrome.storage.local.get(KEY);
  const message = stored[orderId];
  return message && Date.now() - message.at < KEEP_MS ? message : null;
}
