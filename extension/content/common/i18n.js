/** UI text in the browser's language, from _locales. */

/** t("badgeLate", ["1 d"]): the message, or the key itself when it is missing. */
export function t(key, substitutions = []) {
  return chrome.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The UI language ("en", "de", …) for choosing data titles. */
export const uiLanguage = () => chrome.i18n.getUILanguage().split("-")[0];

/** The seller's locale for formatting dates on badges. */
export const uiLocale = () => chrome.i18n.getUILanguage();
