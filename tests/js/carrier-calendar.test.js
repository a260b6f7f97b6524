// Carrier calendars and services in time under node: the shared vectors
// (tests/vectors/carrier-calendar.json, whose calendar the server's tests recompute from
// the holidays package) and the transit estimates on the same calendar.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { addDays, carrierHolidayNote, compileCalendars, shipFromRegions } from "../../extension/core/carrier-calendar.js";
import { arrivalDay, servicesInTime } from "../../extension/core/transit.js";
import { zonedDay } from "../../extension/core/zoned-time.js";
import { dayToIsoDate } from "../../extension/core/business-days.js";

const load = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const calendars = compileCalendars(load("../vectors/carrier-calendars.packed.json").calendars);
const transit = load("../../server/shipguard/data/transit-times.json").transit_tables;

const reasonOf = (reason) => (reason.holiday ? reason.holiday.en : `weekday ${reason.weekday}`);

for (const c of load("../vectors/carrier-calendar.json")) {
  test(`carrier calendar: ${c.name}`, () => {
    const today = dayToIsoDate(zonedDay(Date.parse(c.now), c.time_zone));
    const note = carrierHolidayNote(
      { marketplace: c.marketplace, today, deadlineDay: c.deadline_day, late: c.late },
      calendars, { carriers: c.carriers, region: c.region });
    const got = note && {
      day: note.day, reason: reasonOf(note.reason), carriers: note.carriers,
      ship_by: note.shipBy, next_collection: note.nextCollection,
    };
    assert.deepEqual(got, c.expect);
  });
}

test("days are added across month and year ends", () => {
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2027-03-01", -1), "2027-02-28");
});

test("holiday names come in the UI languages the data has", () => {
  const de = calendars.marketplaces.get("DE");
  assert.equal(de.holidays.get("2026-12-25").de, "Erster Weihnachtstag");
  assert.equal(de.holidays.get("2026-12-25").en, "Christmas Day");
});

test("ship-from regions are offered for countries whose carriers observe them", () => {
  const regions = shipFromRegions(calendars);
  assert.ok(regions.includes("DE-BY"));
  assert.ok(!regions.some((r) => r.startsWith("US-")), "no US carrier observes state holidays");
});

test("an empty or missing calendar gives no note and no crash", () => {
  const empty = compileCalendars(undefined);
  assert.equal(carrierHolidayNote({ marketplace: "US", today: "2026-11-25", deadlineDay: "2026-11-26", late: false }, empty), null);
});

test("transit days skip weekends and the carrier's holidays", () => {
  const us = calendars.marketplaces.get("US");
  // Wed before Thanksgiving + 1 business day: Thursday is a holiday, so Friday.
  assert.equal(arrivalDay(us, "usps", "2026-11-25", 1, null), "2026-11-27");
  // Friday + 2: Monday, Tuesday.
  assert.equal(arrivalDay(us, "ups", "2026-12-04", 2, null), "2026-12-08");
});

const verdicts = (result) => Object.fromEntries(result.tables.flatMap((t) => t.services.map((s) => [`${t.carrier} ${s.id}`, s.today])));

test("services that still arrive: a US order due Wed, to arrive by Monday", () => {
  const result = servicesInTime({ marketplace: "US", today: "2026-12-02", deadlineDay: "2026-12-02", latestDeliveryDay: "2026-12-07" },
    calendars, transit, { carriers: ["usps", "ups"] });
  const got = verdicts(result);
  assert.equal(got["usps priority-mail-express"], "arrives");
  assert.equal(got["usps priority-mail"], "arrives"); // Wed + 3 business days = Mon
  assert.equal(got["usps ground-advantage"], "may-arrive"); // 2 to 5 days: Fri at best, Wed at worst
  assert.equal(got["ups 3-day-select"], "arrives");
  assert.ok(!result.tables.some((t) => t.carrier === "fedex"), "only the seller's carriers");
  assert.ok(result.anyArrives);
  assert.ok(result.tables.every((t) => t.source.length > 10), "every table says where its times come from");
});

test("no service arrives when the latest delivery day is today", () => {
  const result = servicesInTime({ marketplace: "US", today: "2026-12-02", deadlineDay: "2026-12-01", latestDeliveryDay: "2026-12-02" },
    calendars, transit, {});
  assert.equal(result.anyArrives, false);
  assert.ok(result.tables.length >= 3, "every US carrier is tried when none is chosen");
  assert.ok(result.tables.every((t) => t.services.every((s) => s.byDeadline === "too-late")), "a late order's deadline is behind it");
});

test("a German order: Christmas pushes DHL Paket past the delivery day", () => {
  const result = servicesInTime({ marketplace: "DE", today: "2026-12-23", deadlineDay: "2026-12-23", latestDeliveryDay: "2026-12-24" },
    calendars, transit, { carriers: ["dhl"] });
  assert.equal(verdicts(result)["dhl paket"], "may-arrive");
  const after = servicesInTime({ marketplace: "DE", today: "2026-12-24", deadlineDay: "2026-12-24", latestDeliveryDay: "2026-12-28" },
    calendars, transit, { carriers: ["dhl"] });
  // Collected Thu 24th, then 25th and 26th are holidays and 27th a Sunday: Monday 28th at best.
  assert.equal(verdicts(after)["dhl paket"], "may-arrive");
});
