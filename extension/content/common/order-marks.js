/**
 * Snoozed and handled orders, kept in this browser only. Read once into memory and kept
 * current from storage events, so painting a badge never waits on storage.
 */
const KEY = "orderMarks";
const KEEP_MS = 30 * 24 * 3600 * 1000;

let marks = {};
let loading = null;
const listeners = new Set();

/** Load the marks once; later changes (from any tab) arrive through storage events. */
export function loadMarks() {
  loading ??= chrome.storage.local.get(KEY).then(({ [KEY]: stored = {} }) => {
    marks = stored;
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== "local" || !changes[KEY]) return;
      marks = changes[KEY].newValue || {};
      for (const listener of listeners) listener();
    });
  });
  return loading;
}

export function onMarksChanged(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The order's mark now: {kind: "snoozed", until} | {kind: "handled", at} | null. */
export function markOf(orderId, now = Date.now()) {
  const mark = marks[orderId];
  if (!mark) return null;
  if (mark.kind === "snoozed" && mark.until <= now) return null;
  return mark;
}

async function setMark(orderId, mark) {
  const { [KEY]: stored = {} } = await chrome.storage.local.get(KEY);
  const cutoff = Date.now() - KEEP_MS;
  const kept = Object.fromEntries(Object.entries(stored).filter(([, m]) => (m.until || m.at) > cutoff));
  if (mark) kept[orderId] = mark;
  else delete kept[orderId];
  marks = kept;
  await chrome.storage.local.set({ [KEY]: kept });
}

export const snoozeOrder = (orderId, hours) => setMark(orderId, { kind: "snoozed", until: Date.now() + hours * 3600e3 });
export const markHandled = (orderId) => setMark(orderId, { kind: "handled", at: Date.now() });
export const clearMark = (orderId) => setMark(orderId, null);
