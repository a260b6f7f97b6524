/**
 * Each language's own typography in the UI strings and the bundle's texts: French no-break
 * spaces before : ; ? ! % and inside « », Japanese and Chinese full-width punctuation.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { localeFolders, readMessages } from "./support/locales.js";
import { bundleTexts } from "./support/bundle-texts.js";

/** [where, text] of every UI string in a language: _locales and the bundle's texts. */
function stringsIn(folder) {
  const locale = folder.replace("_", "-");
  return [
    ...Object.entries(readMessages(folder)).map(([key, entry]) => [key, entry.message]),
    ...bundleTexts().filter(({ texts }) => locale in texts).map(({ where, texts }) => [where, texts[locale]]),
  ];
}

const CJK = "\\u3000-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef";

test("French: no-break space before : ; ? ! % and inside guillemets, never a plain space", () => {
  for (const [where, text] of stringsIn("fr")) {
    const plain = text.match(/ [:;?!%»]|« /);
    assert.equal(plain, null, `${where}: plain space in "${plain?.[0]}" of "${text}"`);
    // A colon in "https://" is not punctuation, nor is "(%)" in a label.
    const bare = text.replace(/https?:\/\//g, "").match(/[^\u00a0\u202f(][;?!%»]|[^\u00a0\u202f]:(?!\/)|«[^\u00a0]/u);
    assert.equal(bare, null, `${where}: no no-break space in "${bare?.[0]}" of "${text}"`);
  }
});

for (const folder of ["ja", "zh_CN"]) {
  test(`${folder}: full-width punctuation beside CJK text, no middle dot`, () => {
    for (const [where, text] of stringsIn(folder)) {
      assert.ok(!text.includes("·"), `${where}: "·" in "${text}"`);
      const halfWidth = text.match(new RegExp(`[${CJK}][:,;!?()]|[:,;!?()][${CJK}]|[${CJK}]: |^\\$1: `, "u"));
      assert.equal(halfWidth, null, `${where}: half-width "${halfWidth?.[0]}" in "${text}"`);
    }
  });
}

test("a count never wraps away from its unit: no-break space in every duration", () => {
  for (const folder of localeFolders) {
    for (const [key, entry] of Object.entries(readMessages(folder)).filter(([key]) => key.startsWith("duration"))) {
      assert.doesNotMatch(entry.message, /(\$[1-9]|^\d) /, `${folder}.${key}: "${entry.message}"`);
    }
  }
});
