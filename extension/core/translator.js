/**
 * Words in one UI language: messages by key, and counted messages by plural category.
 * `lookup(key, substitutions)` is chrome.i18n.getMessage in the extension and a
 * messages.json reader in tests, so every language's plurals can be tested under node.
 */

const pluralRules = new Map();

/** The plural category ("one", "few", "many", "other"…) of a count in a locale. */
export function pluralCategory(count, locale) {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** The categories a language needs keys for: `key_one`, `key_other`… */
export const pluralCategories = (locale) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

/**
 * `t(key, substitutions)`: the message, or the key itself when it is missing.
 * `plural(key, count, substitutions)`: the message `key_<category>` for the count, whose
 * $1 is the count as the locale writes numbers unless substitutions say otherwise.
 * `languageName(tag)`: a buyer language's name in the UI language.
 */
export function translator(lookup, locale) {
  const numbers = new Intl.NumberFormat(locale);
  const t = (key, substitutions = []) => lookup(key, substitutions.map(String)) || key;
  const plural = (key, count, substitutions = [numbers.format(count)]) => {
    const strings = substitutions.map(String);
    // "other" covers every count in every language, so a missing category still reads well.
    return lookup(`${key}_${pluralCategory(count, locale)}`, strings) || lookup(`${key}_other`, strings) || key;
  };
  // "Deutsch (Deutschland)" rather than "de-DE"; the tag itself where Intl has no name.
  let languageNames;
  const languageName = (tag) => {
    languageNames ||= new Intl.DisplayNames([locale], { type: "language" });
    return languageNames.of(tag) || tag;
  };
  return { t, plural, languageName, locale };
}

/**
 * The UI locale: the language Chrome picked the messages in (`localeTag`), keeping the
 * browser's region when it is that language ("de-AT" reads German messages, Austrian dates).
 * The browser's own tag alone can disagree with the messages (headless Chrome reports
 * en-US under --lang=de), and dates, plurals and the bundle's texts must match the messages.
 */
export function uiLocaleOf(messagesLocale, browserLocale) {
  return browserLocale.split("-")[0] === messagesLocale.split("-")[0] ? browserLocale : messagesLocale;
}
