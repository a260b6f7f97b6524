/** The service worker: the only part that talks to the Shipguard server; toolbar, reminders, shortcuts. */
import {
  CONTENT_GET_BUNDLE, OPTIONS_RELOAD_BUNDLE, OPTIONS_BUNDLE_STATE, OPTIONS_TEST_SERVER, POPUP_ATTENTION,
} from "../core/message-types.js";
import { currentBundle, bundleState, isStale, refreshBundle, testServer } from "./bundle-store.js";
import { attentionNow } from "./attention.js";
import { paintToolbar } from "./toolbar.js";
import { remind, openFromNotification } from "./reminders.js";
import { forwardCommand } from "./commands.js";

const TICK = "shipguard-tick";

function begin() {
  refreshBundle();
  chrome.alarms.create(TICK, { periodInMinutes: 1 });
  repaintToolbar();
}
chrome.runtime.onInstalled.addListener(begin);
chrome.runtime.onStartup.addListener(begin);

// Countdowns cross into due-soon and late with time alone: look again every minute.
async function tick() {
  const orders = await attentionNow();
  await paintToolbar(orders);
  await remind(orders);
}

function repaintToolbar() {
  attentionNow().then(paintToolbar).catch((error) => console.debug("Shipguard toolbar:", error));
}

// The seller may withhold or grant Seller Central access at any time (browser settings or
// the popup's button): the toolbar says so at once.
chrome.permissions.onAdded.addListener(repaintToolbar);
chrome.permissions.onRemoved.addListener(repaintToolbar);

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === TICK) tick().catch((error) => console.debug("Shipguard tick:", error));
});

chrome.storage.onChanged.addListener((changes, area) => {
  // A new server URL is used at once; the old server's bundle stays until the new one answers.
  if (area === "sync" && changes.serverUrl) refreshBundle();
  if ((area === "local" && (changes.seenOrders || changes.orderMarks)) || (area === "sync" && changes.dueSoonHours)) {
    repaintToolbar();
  }
});

chrome.notifications?.onClicked.addListener(openFromNotification);
chrome.commands.onCommand.addListener(forwardCommand);

const handlers = {
  async [CONTENT_GET_BUNDLE]() {
    if (await isStale()) refreshBundle(); // in the background: the page gets the cached one now
    return currentBundle();
  },
  async [OPTIONS_RELOAD_BUNDLE]() {
    const problem = await refreshBundle();
    return { ...(await bundleState()), problem };
  },
  [OPTIONS_BUNDLE_STATE]: () => bundleState(),
  [OPTIONS_TEST_SERVER]: (message) => testServer(message.url),
  [POPUP_ATTENTION]: () => attentionNow(),
};

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only the extension's own pages and content scripts send messages; other ids are ignored.
  if (sender.id !== chrome.runtime.id || !handlers[message?.type]) return false;
  Promise.resolve(handlers[message.type](message)).then(sendResponse, (error) => sendResponse({ error: String(error) }));
  return true;
});
