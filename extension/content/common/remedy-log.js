/** A local log of the remedies a seller used: order id, remedy id, time. Nothing else. */
const KEY = "remedyLog";
const KEEP = 1000;

export async function logRemedy(orderId, remedyId) {
  try {
    const { [KEY]: log = [] } = await chrome.storage.local.get(KEY);
    log.push({ orderId, remedy: remedyId, at: Date.now() });
    await chrome.storage.local.set({ [KEY]: log.slice(-KEEP) });
  } catch {
    // The log is a record for the seller; losing an entry must not stop the remedy.
  }
}
