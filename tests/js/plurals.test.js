/** Counted messages read right for one, few and many in every UI language (Intl.PluralRules). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDuration } from "../../extension/core/countdown.js";
import { pluralCategory } from "../../extension/core/translator.js";
import { bcp47, localeFolders, pluralBase, readMessages, wordsIn } from "./support/locales.js";

const HOUR = 3600e3;
const DAY = 24 * HOUR;
const plain = (text) => text.replaceAll("\u00a0", " ");
const families = [...new Set(Object.keys(readMessages("en")).map(pluralBase).filter(Boolean))];

test("one order reads as one order, two as two", () => {
  const en = wordsIn("en");
  assert.equal(en.plural("toolbarTitleCount", 1), "Shipguard: 1 order needs action");
  assert.equal(en.plural("toolbarTitleCount", 2), "Shipguard: 2 orders need action");
  assert.equal(en.plural("reminderLateTitle", 1), "1 order is past its ship-by deadline");
  assert.equal(wordsIn("de").plural("reminderLateTitle", 1), "1 Bestellung hat ihre Versandfrist überschritten");
  assert.equal(wordsIn("fr").plural("toolbarTitleCount", 1), "Shipguard\u00a0: 1 commande demande une action");
  assert.equal(wordsIn("fr").plural("toolbarTitleCount", 0), "Shipguard\u00a0: 0 commande demande une action");
});

test("Polish counts take one, few and many forms", () => {
  const pl = wordsIn("pl");
  assert.equal(pl.plural("toolbarTitleCount", 1), "Shipguard: 1 zamówienie wymaga działania");
  assert.equal(pl.plural("toolbarTitleCount", 3), "Shipguard: 3 zamówienia wymagają działania");
  assert.equal(pl.plural("toolbarTitleCount", 5), "Shipguard: 5 zamówień wymaga działania");
  assert.equal(pl.plural("toolbarTitleCount", 22), "Shipguard: 22 zamówienia wymagają działania");
  assert.equal(plain(formatDuration(2 * DAY, pl)), "2 dni");
  assert.equal(plain(formatDuration(DAY + 4 * HOUR, pl)), "1 dzień 4 godz.");
});

test("durations count each unit in the language's words", () => {
  assert.equal(plain(formatDuration(DAY + 4 * HOUR, wordsIn("de"))), "1 Tag 4 Std.");
  assert.equal(plain(formatDuration(3 * DAY, wordsIn("de"))), "3 Tage");
  // Italian "g" would read as grams.
  assert.equal(plain(formatDuration(3 * DAY, wordsIn("it"))), "3 giorni");
  assert.equal(plain(formatDuration(DAY + 4 * HOUR, wordsIn("ja"))), "1日4時間");
  assert.equal(plain(formatDuration(2 * HOUR + 5 * 60e3, wordsIn("zh_CN"))), "2小时5分钟");
  assert.equal(plain(formatDuration(DAY, wordsIn("sv"))), "1 dag");
  assert.equal(plain(formatDuration(2 * DAY, wordsIn("nl"))), "2 dagen");
});

for (const folder of localeFolders) {
  test(`${folder}: no count of one takes another category's words`, () => {
    const words = wordsIn(folder);
    const messages = readMessages(folder);
    const locale = bcp47(folder);
    for (const family of families) {
      for (const count of [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1000000]) {
        const expected = messages[`${family}_${pluralCategory(count, locale)}`].message;
        const text = words.plural(family, count);
        assert.equal(text, expected.replaceAll("$1", new Intl.NumberFormat(locale).format(count)).replace(/\$[2-9]/g, ""),
          `${folder}.${family} for ${count}`);
      }
    }
  });
}

test("rates follow the locale: French and German put a no-break space before %", async () => {
  const { percent } = await import("../../extension/core/projections.js");
  assert.equal(percent(0.025, "en"), "2.5%");
  assert.equal(percent(0.025, "fr"), "2,5\u00a0%");
  assert.equal(percent(0.025, "de"), "2,5\u00a0%");
});
