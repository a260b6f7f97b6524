/** UI languages: every locale has exactly English's keys and substitutions; every key the code uses exists. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LOCALES_DIR = join(ROOT, "extension", "_locales");
// The languages the README promises; a locale folder beyond these is checked the same way.
const REQUIRED_LOCALES = ["en", "de", "fr", "it", "es", "ja"];

// Keys built at run time from a template string: the prefix, and why it cannot be a literal.
const DYNAMIC_KEY_PREFIXES = {
  done_: "overlay-clock.js: reason an order needs nothing (order.doneReason, kebab-case to snake_case)",
  problem_: "overlay-clock.js: why a deadline could not be read (order.problem)",
  badgeMark_: "overlay-clock.js: the order's mark (snoozed, handled)",
  source_: "options.js: where the bundle in use came from (packed, server)",
  feature_: "options.js: one toggle per feature id (kebab-case to snake_case)",
  address_: "panel.js: one warning per shipping-address check (core/address-check.js rule ids)",
};

const readMessages = (locale) => JSON.parse(readFileSync(join(LOCALES_DIR, locale, "messages.json"), "utf8"));
const locales = readdirSync(LOCALES_DIR).filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory());
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

for (const locale of locales.filter((name) => name !== "en")) {
  test(`${locale}: the same keys as English, each translated with the same substitutions`, () => {
    const messages = readMessages(locale);
    const missing = Object.keys(english).filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !(key in english));
    assert.deepEqual(missing, [], `${locale} lacks ${missing.length} key(s): translate them in _locales/${locale}/messages.json`);
    assert.deepEqual(extra, [], `${locale} has key(s) English no longer has: remove them`);
    for (const [key, entry] of Object.entries(english)) {
      const translated = messages[key].message;
      assert.ok(typeof translated === "string" && translated.trim(), `${locale}.${key} is empty`);
      assert.deepEqual(substitutions(translated), substitutions(entry.message), `${locale}.${key}: substitutions differ from English`);
      assert.deepEqual(Object.keys(messages[key].placeholders || {}).sort(), Object.keys(entry.placeholders || {}).sort(),
        `${locale}.${key}: placeholders differ from English`);
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
