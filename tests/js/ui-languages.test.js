/**
 * No English falls through: every text the bundle shows (remedy titles, guidance, section
 * headings, the facts a message asks for) exists in every UI language the extension has
 * under _locales, and lint findings have a message key for every rule.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { localText } from "../../extension/core/remedies.js";
import { ROOT, bcp47, localeFolders, readMessages, wordsIn } from "./support/locales.js";
import { bundleTexts } from "./support/bundle-texts.js";

const texts = bundleTexts();

test("the bundle's visible texts are found", () => {
  assert.ok(texts.length > 40, `only ${texts.length} texts found`);
  assert.ok(texts.every(({ texts: t }) => t && t.en), "a visible text without English");
});

for (const folder of localeFolders.filter((name) => name !== "en")) {
  test(`${folder}: every bundle text is in the language, none falls back to English`, () => {
    const locale = bcp47(folder);
    const missing = texts.filter(({ texts: t }) => !(locale in t)).map(({ where }) => where);
    assert.deepEqual(missing, [], `add "${locale}" to these texts`);
    for (const { where, texts: t } of texts) {
      assert.notEqual(localText(t, locale), t.en, `${where} in ${locale} is the English text`);
    }
  });
}

test("a browser in a regional variant reads its language's texts; an unknown language reads English", () => {
  const title = { en: "Confirm shipment", de: "Versand bestätigen", "zh-CN": "确认发货" };
  assert.equal(localText(title, "de-AT"), "Versand bestätigen");
  assert.equal(localText(title, "zh-CN"), "确认发货");
  assert.equal(localText(title, "zh-TW"), "Confirm shipment");
  assert.equal(localText(title, "ko"), "Confirm shipment");
});

test("every message lint rule has its finding in the UI languages", () => {
  const lint = JSON.parse(readFileSync(join(ROOT, "server", "shipguard", "data", "lint.json"), "utf8"));
  const english = readMessages("en");
  const missing = lint.rules.map((rule) => `lint_${rule.id.replaceAll("-", "_")}`).filter((key) => !(key in english));
  assert.deepEqual(missing, [], "add these keys to every _locales/*/messages.json");
  for (const rule of lint.rules) {
    assert.equal(english[`lint_${rule.id.replaceAll("-", "_")}`].message, rule.message, `${rule.id}: English differs from lint.json`);
  }
});

test("buyer languages are named in the UI language", () => {
  assert.equal(wordsIn("de").languageName("fr-FR"), "Französisch (Frankreich)");
  assert.equal(wordsIn("ja").languageName("de-DE"), "ドイツ語 (ドイツ)");
});
