/** The UI language's words for the popup, options page and service worker (chrome.i18n). */
import { translator, uiLocaleOf } from "../core/translator.js";

const lookup = (key, substitutions) => chrome.i18n.getMessage(key, substitutions);
const locale = uiLocaleOf(lookup("localeTag", []) || "en", chrome.i18n.getUILanguage());

export const words = translator(lookup, locale);
export const { t, plural } = words;

/** Fills every element that names a message in its data-i18n attribute, and sets the page's language. */
export function translatePage(document) {
  document.documentElement.lang = locale;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}
