/** The toolbar icon's count of late and due-soon orders, coloured by the worst. */
import { toolbarBadge } from "../core/attention.js";

export async function paintToolbar(orders) {
  const { text, color } = toolbarBadge(orders);
  await chrome.action.setBadgeText({ text });
  if (color) await chrome.action.setBadgeBackgroundColor({ color });
  await chrome.action.setTitle({ title: text ? chrome.i18n.getMessage("toolbarTitleCount", [text]) : chrome.i18n.getMessage("extensionName") });
}
