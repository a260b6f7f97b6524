/** The service worker: the only part that talks to the Shipguard server. */
import { CONTENT_GET_BUNDLE, OPTIONS_RELOAD_BUNDLE, OPTIONS_BUNDLE_STATE } from "../core/message-types.js";
import { currentBundle, bundleState, isStale, refreshBundle } from "./bundle-store.js";

chrome.runtime.onInstalled.addListener(() => refreshBundle());
chrome.runtime.onStartup.addListener(() => refreshBundle());

chrome.storage.onChanged.addListener((changes, area) => {
  // A new server URL is used at once; the old server's bundle stays until the new one answers.
  if (area === "sync" && changes.serverUrl) refreshBundle();
});

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
};

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only the extension's own pages and content scripts send messages; other ids are ignored.
  if (sender.id !== chrome.runtime.id || !handlers[message?.type]) return false;
  handlers[message.type](message).then(sendResponse, (error) => sendResponse({ error: String(error) }));
  return true;
});
