/** UI text in the browser's language, from _locales. */
import { translator, uiLocaleOf } from "../../core/translator.js";

// A page of 1,000 badges asks for the same few words thousands of times; the browser's
// lookup is a native call each time, so answers are kept (the UI language cannot change
// while a page is open).
const cache = new Map();
const CACHE_LIMIT = 5000;

function cachedMessage(key, substitutions) {
  const id = substitutions.length ? `${key}\u0000${substitutions.join("\u0001")}` : key;
  let text = cache.get(id);
  if (text === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    text = chrome.i18n.getMessage(key, substitutions);
    cache.set(id, text);
  }
  return text;
}

const language = uiLocaleOf(cachedMessage("localeTag", []) || "en", chrome.i18n.getUILanguage());

/** The UI language's words: `words.t(key, subs)`, `words.plural(key, count)`. */
export const words = translator(cachedMessage, language);

/** t("badgeLate", ["1 d"]): the message, or the key itself when it is missing. */
export const t = words.t;

/** The seller's locale ("de", "zh-CN"…): for formatting dates and picking the bundle's texts. */
export const uiLocale = () => language;
