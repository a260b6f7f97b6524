// The shared vectors (tests/vectors) through the extension's core. The server's Python
// twins run render.json and lint.json too, so the two implementations cannot drift apart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { compileDateFormat } from "../../extension/core/dates.js";
import { shipByDeadline, shipStatus, isoUtc } from "../../extension/core/deadline.js";
import { addBusinessDays, dayToIsoDate, isoDateToDay } from "../../extension/core/business-days.js";
import { renderMessage } from "../../extension/core/render.js";
import { formatMessageDate, messageDateFormats } from "../../extension/core/message-date.js";
import { lintMessage } from "../../extension/core/lint.js";

const load = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const formats = load("../../server/shipguard/data/date-formats.json").date_formats;
const compiled = new Map(formats.flatMap((f) => f.locales.map((locale) => [locale, compileDateFormat(f)])));

for (const c of load("../vectors/ship-by.json")) {
  test(`ship-by: ${c.name}`, () => {
    const result = shipByDeadline(c.text, compiled.get(c.locale), c.time_zone);
    assert.equal(result.deadline === undefined ? null : isoUtc(result.deadline), c.deadline);
    assert.equal(result.problem ?? null, c.problem);
    const now = Date.parse(c.now);
    const status = shipStatus({ done: false, deadline: result.deadline ?? null }, now, c.due_soon_hours * 3600e3);
    assert.equal(status, c.status);
  });
}

for (const c of load("../vectors/business-days.json")) {
  test(`business days: ${c.name}`, () => {
    assert.equal(dayToIsoDate(addBusinessDays(isoDateToDay(c.start), c.count, c.weekend_days)), c.expect);
  });
}

for (const c of load("../vectors/render.json")) {
  test(`render: ${c.name}`, () => {
    assert.deepEqual(renderMessage(c.template, c.locale, c.fields, formats), c.expect);
  });
}

const messageDates = messageDateFormats(formats);
for (const c of load("../vectors/message-dates.json")) {
  test(`message date: ${c.name}`, () => {
    assert.equal(formatMessageDate(c.day, c.locale, messageDates), c.expect);
  });
}

// Assembled as the server's bundle is: lint.json plus each marketplace's buyer locales.
const lintData = {
  ...load("../../server/shipguard/data/lint.json"),
  message_locales: Object.fromEntries(
    load("../../server/shipguard/data/marketplaces.json").marketplaces.map((m) => [m.code, m.buyer_locales])),
};

for (const c of load("../vectors/lint.json")) {
  test(`lint: ${c.name}`, () => {
    assert.deepEqual(lintMessage(c.text, { locale: c.locale ?? null, marketplace: c.marketplace ?? null }, lintData), c.expect);
  });
}
