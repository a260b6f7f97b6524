/** UI languages: every locale has exactly English's keys and substitutions; every key the code uses exists. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pluralCategories, uiLocaleOf } from "../../extension/core/translator.js";
import { ROOT, bcp47, localeFolders, pluralBase, readMessages } from "./support/locales.js";

// The UI languages the README promises; a locale folder beyond these is checked the same way.
const REQUIRED_LOCALES = ["en", "de", "fr", "it", "es", "ja", "zh_CN", "nl", "pl", "sv"];

// Keys built at run time from a template string: the prefix, and why it cannot be a literal.
const DYNAMIC_KEY_PREFIXES = {
  done_: "overlay-clock.js: reason an order needs nothing (order.doneReason, kebab-case to snake_case)",
  problem_: "overlay-clock.js: why a deadline could not be read (order.problem)",
  badgeMark_: "overlay-clock.js: the order's mark (snoozed, handled)",
  source_: "options.js: where the bundle in use came from (packed, server)",
  feature_: "options.js: one toggle per feature id (kebab-case to snake_case)",
  address_: "panel.js: one warning per shipping-address check (core/address-check.js rule ids)",
  lint_: "message-form.js: a message lint finding by rule id (lint.json; a team's own rule keeps its English message)",
};

const locales = localeFolders;
const english = readMessages("en");

/** The substitutions a message uses: positional ($1…$9) and named ($name$), sorted. */
function substitutions(message) {
  const found = message.replaceAll("$$", "").match(/\$[1-9]|\$[A-Za-z0-9_@]+\$/g) || [];
  return [...new Set(found)].sort();
}

test("every required UI language has a locale file", () => {
  for (const locale of REQUIRED_LOCALES) assert.ok(locales.includes(locale), `missing extension/_locales/${locale}/`);
});

test("English keys and messages are well formed", () => {
  for (const [key, entry] of Object.entries(english)) {
    assert.match(key, /^[A-Za-z0-9_]+$/, `key ${key}`);
    assert.equal(typeof entry.message, "string", `${key}.message`);
    assert.ok(entry.description, `${key} has no description for translators`);
  }
});

// Counted messages come as key_<category>: each language has the categories its plural
// rules need (Polish one/few/many/other, Japanese and Chinese other only), not English's.
const pluralFamilies = [...new Set(Object.keys(english).map(pluralBase).filter(Boolean))];
const isPluralKey = (key) => pluralFamilies.includes(pluralBase(key));

for (const locale of locales.filter((name) => name !== "en")) {
  test(`${locale}: the same keys as English, each translated with the same substitutions`, () => {
    const messages = readMessages(locale);
    const plain = Object.keys(english).filter((key) => !isPluralKey(key));
    const missing = plain.filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !(key in english) && !isPluralKey(key));
    assert.deepEqual(missing, [], `${locale} lacks ${missing.length} key(s): translate them in _locales/${locale}/messages.json`);
    assert.deepEqual(extra, [], `${locale} has key(s) English no longer has: remove them`);
    for (const key of plain) {
      const translated = messages[key].message;
      assert.ok(typeof translated === "string" && translated.trim(), `${locale}.${key} is empty`);
      assert.deepEqual(substitutions(translated), substitutions(english[key].message), `${locale}.${key}: substitutions differ from English`);
      assert.deepEqual(Object.keys(messages[key].placeholders || {}).sort(), Object.keys(english[key].placeholders || {}).sort(),
        `${locale}.${key}: placeholders differ from English`);
    }
  });
}

for (const locale of locales) {
  test(`${locale}: no substitution runs into another ($1$2 is read by Chrome as a placeholder named "1")`, () => {
    for (const [key, entry] of Object.entries(readMessages(locale))) {
      assert.doesNotMatch(entry.message.replaceAll("$$", ""), /\$[1-9]\$/, `${locale}.${key}: put a character between the substitutions`);
    }
  });

  test(`${locale}: every counted message has exactly the plural forms the language needs`, () => {
    const messages = readMessages(locale);
    const categories = pluralCategories(bcp47(locale));
    // A form used for one count only may say "this order" instead of the number.
    const oneIsOnlyOne = categories.includes("one") && new Intl.PluralRules(bcp47(locale)).select(0) !== "one";
    for (const family of pluralFamilies) {
      const forms = Object.keys(messages).filter((key) => pluralBase(key) === family).map((key) => key.slice(family.length + 1));
      assert.deepEqual(forms.sort(), [...categories].sort(), `${locale}.${family}: needs ${categories.join(", ")}`);
      const expected = substitutions(english[`${family}_other`].message);
      for (const category of categories) {
        const used = substitutions(messages[`${family}_${category}`].message);
        const allowed = category === "one" && oneIsOnlyOne ? [expected, expected.filter((s) => s !== "$1")] : [expected];
        assert.ok(allowed.some((subs) => JSON.stringify(subs) === JSON.stringify(used)),
          `${locale}.${family}_${category}: substitutions ${used} differ from English ${expected}`);
      }
    }
  });
}

/** Every source file the browser loads, with its path relative to the repo. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "_locales" ? [] : sources(path);
    return /\.(m?js|html|css|json)$/.test(entry.name) ? [path] : [];
  });
}

const KEY_PATTERNS = [
  /\bt\(\s*["']([^"']+)["']/g, // t("key", [...]) in content, options, popup and core
  /getMessage\(\s*["']([^"']+)["']/g, // chrome.i18n.getMessage("key")
  /\bdata-i18n(?:-[a-z-]+)?=["']([^"']+)["']/g, // <h1 data-i18n="key">, data-i18n-placeholder=...
  /__MSG_([A-Za-z0-9_]+)__/g, // manifest.json and CSS; __MSG_@@extension_id__ is built in
];

/** {key: [file, ...]} for every literal key used, and [{prefix, file}] for template-string keys. */
function usedKeys() {
  const files = [...sources(join(ROOT, "extension")), join(ROOT, "manifest.json")];
  const literal = {};
  const dynamic = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const where = relative(ROOT, file);
    for (const pattern of KEY_PATTERNS) {
      for (const [, key] of text.matchAll(pattern)) (literal[key] ||= []).push(where);
    }
    // plural("key", n) reads key_<category>; "other" exists in every language.
    for (const [, key] of text.matchAll(/\bplural\(\s*["']([^"']+)["']/g)) (literal[`${key}_other`] ||= []).push(where);
    for (const [, body] of text.matchAll(/\b(?:t|getMessage)\(\s*`([^`]*)`/g)) {
      if (body.includes("${")) dynamic.push({ prefix: body.slice(0, body.indexOf("${")), file: where });
      else (literal[body] ||= []).push(where);
    }
  }
  return { literal, dynamic };
}

test("every UI message key used in extension/ and manifest.json exists in English", () => {
  const { literal } = usedKeys();
  assert.ok(Object.keys(literal).length > 10, "the key scan found almost nothing: did the t() helper change?");
  const unknown = Object.entries(literal).filter(([key]) => !(key in english)).map(([key, files]) => `${key} (${[...new Set(files)].join(", ")})`);
  assert.deepEqual(unknown, [], "add these keys to extension/_locales/en/messages.json (and every other locale)");
});

test("keys built at run time have an allowlisted prefix that English has keys for", () => {
  for (const { prefix, file } of usedKeys().dynamic) {
    assert.ok(prefix in DYNAMIC_KEY_PREFIXES, `${file} builds a message key from \`${prefix}\${...}\`: list the prefix, with why, in DYNAMIC_KEY_PREFIXES`);
  }
  for (const prefix of Object.keys(DYNAMIC_KEY_PREFIXES)) {
    assert.ok(Object.keys(english).some((key) => key.startsWith(prefix)), `no English key starts with ${prefix}`);
  }
});

test("each locale names its own language, so dates, plurals and bundle texts follow the messages", () => {
  for (const locale of locales) assert.equal(readMessages(locale).localeTag.message, bcp47(locale), `${locale}.localeTag`);
  assert.equal(uiLocaleOf("de", "de-AT"), "de-AT");
  assert.equal(uiLocaleOf("de", "en-US"), "de");
  assert.equal(uiLocaleOf("en", "zh-TW"), "en");
  assert.equal(uiLocaleOf("zh-CN", "zh-CN"), "zh-CN");
});
