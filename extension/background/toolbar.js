/** The toolbar icon's count of late and due-soon orders, coloured by the worst. */
import { toolbarBadge } from "../core/attention.js";
import { t, plural } from "../lib/i18n.js";

export async function paintToolbar(orders) {
  const { text, color } = toolbarBadge(orders);
  await chrome.action.setBadgeText({ text });
  if (color) await chrome.action.setBadgeBackgroundColor({ color });
  // "99+" counts as 99 for its plural form.
  await chrome.action.setTitle({ title: text ? plural("toolbarTitleCount", Number.parseInt(text, 10), [text]) : t("extensionName") });
}
