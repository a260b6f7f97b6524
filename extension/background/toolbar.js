/** The toolbar icon: "!" while Seller Central access is withheld, else the count of late and due-soon orders, coloured by the worst. */
import { toolbarBadge } from "../core/attention.js";
import { t, plural } from "../lib/i18n.js";
import { sellerCentralOrigins, withheldOrigins } from "../lib/site-access.js";

const NO_ACCESS = { text: "!", color: "#cc0c39" };

export async function paintToolbar(orders) {
  // With no Seller Central site readable, a count would only say what was seen before.
  const blind = (await withheldOrigins()).length === sellerCentralOrigins().length;
  const { text, color } = blind ? NO_ACCESS : toolbarBadge(orders);
  await chrome.action.setBadgeText({ text });
  if (color) await chrome.action.setBadgeBackgroundColor({ color });
  let title = t("extensionName");
  if (blind) title = t("toolbarTitleNoAccess");
  // "99+" counts as 99 for its plural form.
  else if (text) title = plural("toolbarTitleCount", Number.parseInt(text, 10), [text]);
  await chrome.action.setTitle({ title });
}
