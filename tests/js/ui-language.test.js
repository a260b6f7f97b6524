// The UI language is the seller's choice: dates are read in the language the page's labels
// are in, on the marketplace's clock, and an ambiguous date is never guessed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { compileBundle } from "../../extension/core/compiled-bundle.js";
import { dateFormatForUi, localeOfLabel, localeOfTexts, readShipBy } from "../../extension/core/ui-language.js";
import { orderFromFacts, unreadablePageStep } from "../../extension/core/order.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const page = (id) => read(`server/shipguard/data/pages/${id}.json`);
const compiled = compileBundle({
  version: "test",
  marketplaces: read("server/shipguard/data/marketplaces.json").marketplaces,
  date_formats: read("server/shipguard/data/date-formats.json").date_formats,
  pages: [page("orders-list"), page("order-details")],
  rules: read("server/shipguard/data/rules.json"),
  templates: [],
});
const formats = compiled.dateFormatList;
const market = (code) => compiled.marketplaces.find((m) => m.code === code);
const iso = (result) => new Date(result.deadline).toISOString();

test("labels tell the UI language, whatever the host", () => {
  const list = compiled.pageById("orders-list");
  assert.equal(localeOfLabel(list, "Ship by date:"), "en-US");
  assert.equal(localeOfLabel(list, "Versand bis:"), "de-DE");
  assert.equal(localeOfLabel(list, "出荷期限："), "ja-JP");
  assert.equal(localeOfLabel(list, "Lieferdatum unbekannt:"), null);
  const details = compiled.pageById("order-details");
  assert.equal(localeOfTexts(details, "page_title", ["Order details"]), "en-US");
  assert.equal(localeOfTexts(details, "page_title", ["订单详情"]), "zh-CN");
  assert.equal(localeOfTexts(details, "page_title", ["Something else"]), null);
});

test("an English UI writes dates the way its host does", () => {
  assert.ok(dateFormatForUi(formats, "en-US", market("DE")).locales.includes("en-GB"));
  assert.ok(dateFormatForUi(formats, "en-US", market("US")).locales.includes("en-US"));
  assert.ok(dateFormatForUi(formats, "en-US", market("CA")).locales.includes("en-CA"));
  assert.ok(dateFormatForUi(formats, "de-DE", market("UK")).locales.includes("de-DE"));
  assert.ok(dateFormatForUi(formats, "zh-CN", market("US")).locales.includes("zh-CN"));
});

test("English on the German host: the deadline is Berlin's end of day", () => {
  const result = readShipBy("Sun, 2 Nov 2025", formats, market("DE"), "en-US");
  assert.equal(iso(result), "2025-11-02T22:59:59.000Z");
  // "Dec" is not a German month: read as German only, this date could not be read at all.
  assert.equal(iso(readShipBy("Fri, 5 Dec 2025", formats, market("DE"), "en-US")), "2025-12-05T22:59:59.000Z");
  // Numeric dates on a European account are day first even with the UI in English.
  assert.equal(iso(readShipBy("05/12/2025", formats, market("DE"), "en-US")), "2025-12-05T22:59:59.000Z");
});

test("German on the UK host and English on the Japanese host", () => {
  assert.equal(iso(readShipBy("05.12.2025", formats, market("UK"), "de-DE")), "2025-12-05T23:59:59.000Z");
  assert.equal(iso(readShipBy("Fri, Dec 5, 2025", formats, market("JP"), "en-US")), "2025-12-05T14:59:59.000Z");
  assert.equal(iso(readShipBy("2025年12月5日(金)", formats, market("DE"), null)), "2025-12-05T22:59:59.000Z");
});

test("without a label every format must agree; an ambiguous date stays unknown", () => {
  assert.equal(iso(readShipBy("jeu. 4 déc. 2025", formats, market("US"), null)), "2025-12-05T07:59:59.000Z");
  assert.equal(iso(readShipBy("2026/07/07", formats, market("US"), null)), "2026-07-08T06:59:59.000Z");
  assert.deepEqual(readShipBy("05/12/2025", formats, market("US"), null), { problem: "ambiguous-ship-by" });
  assert.deepEqual(readShipBy("Currently unavailable", formats, market("US"), null), { problem: "unreadable-ship-by" });
  assert.deepEqual(readShipBy("", formats, market("US"), null), { problem: "no-ship-by" });
});

test("a page that cannot be read says so; Amazon's own 'Currently unavailable' does not", () => {
  const adapter = compiled.pageById("orders-list");
  const facts = { orderId: "112-1234567-1234567", statusText: "Unshipped", statusClasses: [], fulfillmentText: "Seller", salesChannel: "Amazon.com" };
  const place = { host: "sellercentral.amazon.com" };
  const noLabel = orderFromFacts({ ...facts, shipByText: null }, compiled, adapter, place);
  assert.equal(unreadablePageStep(noLabel, null), "no-ship-by-label");
  const ambiguous = orderFromFacts({ ...facts, shipByText: "05/12/2025" }, compiled, adapter, place);
  assert.equal(unreadablePageStep(ambiguous, "05/12/2025"), "ambiguous-ship-by");
  const unavailable = orderFromFacts({ ...facts, shipByText: "Currently unavailable" }, compiled, adapter, place);
  assert.equal(unavailable.problem, "unreadable-ship-by");
  assert.equal(unreadablePageStep(unavailable, "Currently unavailable"), null);
  const english = orderFromFacts({ ...facts, shipByText: "05/12/2025", uiLocale: "en-US" }, compiled, adapter, place);
  assert.equal(new Date(english.deadline).toISOString(), "2025-05-13T06:59:59.000Z");
  assert.equal(unreadablePageStep(english, "05/12/2025"), null);
});

// One ship-by line per UI language, as its rows write it; Dec 5 2025 in every one.
const ROWS = {
  en: ["Ship by date:", "Fri, Dec 5, 2025"],
  "en (European)": ["Ship by date:", "Fri, 5 Dec 2025"],
  de: ["Versand bis:", "05.12.2025"],
  fr: ["Date d'expédition :", "ven. 5 déc. 2025"],
  it: ["Data di spedizione:", "ven 5 dic 2025"],
  es: ["Fecha de envío:", "vie, 5 dic 2025"],
  ja: ["出荷期限：", "2025年12月5日(金)"],
};

/** The instant as a wall clock in a zone, by Intl (not by Shipguard's own zone code). */
const wallClock = (epochMs, timeZone) => new Intl.DateTimeFormat("en-CA", {
  timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
}).format(new Date(epochMs));

test("every UI language reads right on every marketplace's host", () => {
  const adapter = compiled.pageById("orders-list");
  for (const [language, [label, date]] of Object.entries(ROWS)) {
    for (const marketplace of compiled.marketplaces) {
      const facts = {
        orderId: "112-1234567-1234567", shipByText: date, uiLocale: localeOfLabel(adapter, label),
        statusText: "", statusClasses: [], fulfillmentText: "", salesChannel: "",
      };
      const order = orderFromFacts(facts, compiled, adapter, { host: marketplace.hosts[0] });
      const where = `${language} on ${marketplace.hosts[0]}`;
      assert.equal(order.marketplace.code, marketplace.code, where);
      assert.equal(order.problem, null, where);
      assert.equal(wallClock(order.deadline, marketplace.time_zone), "2025-12-05, 23:59:59", where);
    }
  }
});
