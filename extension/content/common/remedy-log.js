/**
 * A local log of the remedies a seller used: order id, remedy id, time, and for a buyer
 * message its template and new ship date (so the next delay message can be the second
 * notice). Kept in this browser only.
 */
const KEY = "remedyLog";
const KEEP = 1000;

export async function logRemedy(orderId, remedyId, message = {}) {
  try {
    const { [KEY]: log = [] } = await chrome.storage.local.get(KEY);
    log.push({ orderId, remedy: remedyId, at: Date.now(), ...message });
    await chrome.storage.local.set({ [KEY]: log.slice(-KEEP) });
  } catch {
    // The log is a record for the seller; losing an entry must not stop the remedy.
  }
}

/** The whole log, oldest first ([] when it cannot be read). */
export async function remedyLog() {
  try {
    const { [KEY]: log = [] } = await chrome.storage.local.get(KEY);
    return log;
  } catch {
    return [];
  }
}
