/**
 * Amazon's own terms: i18n/glossary.json names, per UI language and with its source on that
 * marketplace's Seller Central, the metric, page, button and status names; wherever the UI
 * names one, it uses the glossary's words, and a status name is never reused for our own marks.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, bcp47, localeFolders, pluralBase, readMessages } from "./support/locales.js";
import { bundleTexts } from "./support/bundle-texts.js";

const glossary = JSON.parse(readFileSync(join(ROOT, "i18n", "glossary.json"), "utf8"));
const languages = localeFolders.map(bcp47);
// The marketplace whose Seller Central speaks each UI language (Chinese: the US one, where it is common).
const HOSTS = {
  en: "sellercentral.amazon.com", de: "sellercentral.amazon.de", fr: "sellercentral.amazon.fr",
  it: "sellercentral.amazon.it", es: "sellercentral.amazon.es", ja: "sellercentral.amazon.co.jp",
  "zh-CN": "sellercentral.amazon.com", nl: "sellercentral.amazon.nl", pl: "sellercentral.amazon.pl",
  sv: "sellercentral.amazon.se",
};
const texts = new Map(bundleTexts().map(({ where, texts: t }) => [where, t]));

/** The UI strings a glossary entry names, in one language: [where, text]. */
function usesIn(entry, folder) {
  const messages = readMessages(folder);
  const fromMessages = (entry.messages || []).flatMap((name) => Object.keys(messages)
    .filter((key) => key === name || pluralBase(key) === name).map((key) => [key, messages[key].message]));
  const fromBundle = (entry.bundle || []).map((where) => [where, texts.get(where)?.[bcp47(folder)]]);
  return [...fromMessages, ...fromBundle];
}

const lower = (text) => text.toLocaleLowerCase();

for (const [id, entry] of Object.entries(glossary.terms)) {
  test(`${id}: a term with its Seller Central source in every UI language`, () => {
    assert.deepEqual(Object.keys(entry.languages).sort(), [...languages].sort());
    for (const [language, { term, source }] of Object.entries(entry.languages)) {
      assert.ok(term?.trim(), `${id}.${language}: no term`);
      const url = new URL(source);
      assert.equal(url.protocol, "https:", `${id}.${language}: ${source}`);
      assert.equal(url.host, HOSTS[language], `${id}.${language}: the source must be that marketplace's Seller Central`);
    }
  });

  test(`${id}: the UI uses the glossary's term wherever it names it`, () => {
    assert.ok(entry.messages || entry.bundle || entry.avoided_in, `${id} says nowhere where it is used`);
    for (const folder of localeFolders) {
      const { term, forms = [] } = entry.languages[bcp47(folder)];
      const uses = usesIn(entry, folder);
      assert.equal(uses.length >= (entry.messages || []).length + (entry.bundle || []).length, true, `${id}: a use points at nothing`);
      for (const [where, text] of uses) {
        assert.ok(text !== undefined, `${folder} ${where}: missing`);
        assert.ok([term, ...forms].some((words) => lower(text).includes(lower(words))),
          `${folder} ${where}: "${text}" should say Amazon's "${term}"`);
      }
      const messages = readMessages(folder);
      for (const key of entry.avoided_in || []) {
        assert.ok(!lower(messages[key].message).includes(lower(term)),
          `${folder}.${key}: "${messages[key].message}" uses Seller Central's own "${term}" for something else`);
      }
    }
  });
}
