/** Keyboard shortcuts that act on the page: handed to the active tab's content script. */
import { BACKGROUND_COMMAND } from "../core/message-types.js";

export async function forwardCommand(command) {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) return;
  // Tabs other than Seller Central have no content script; that rejection is expected.
  chrome.tabs.sendMessage(tab.id, { type: BACKGROUND_COMMAND, command }).catch(() => {});
}
