import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDuration, badgeText, msUntilTextChanges } from "../../extension/core/countdown.js";
import { wordsIn } from "./support/locales.js";

// English as in _locales/en, so the assertions read as the seller reads the badge.
const t = wordsIn("en");
const MIN = 60e3;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

test("durations get coarser the further off they are", () => {
  assert.equal(formatDuration(30 * 1000, t), "1 min");
  assert.equal(formatDuration(59 * MIN, t), "59 min");
  assert.equal(formatDuration(HOUR, t), "1 h");
  assert.equal(formatDuration(2 * HOUR + 5 * MIN, t), "2 h 5 min");
  assert.equal(formatDuration(5 * HOUR + 59 * MIN, t), "5 h");
  assert.equal(formatDuration(DAY + 4 * HOUR + 30 * MIN, t), "1 d 4 h");
  assert.equal(formatDuration(DAY + 10 * MIN, t), "1 d");
  assert.equal(formatDuration(2 * DAY + 23 * HOUR, t), "2 d");
});

test("badge words per status", () => {
  const deadline = Date.UTC(2019, 11, 6, 7, 59, 59);
  assert.equal(badgeText({ status: "late", deadline }, deadline + DAY + 4 * HOUR, t), "Late by 1 d 4 h");
  assert.equal(badgeText({ status: "due-soon", deadline }, deadline - 5 * HOUR, t), "Ship within 5 h");
  assert.equal(badgeText({ status: "on-track", deadline, shipByLabel: "Thu, Dec 5" }, deadline - 2 * DAY - HOUR, t),
    "Ship by Thu, Dec 5 · 2 d left");
  assert.equal(badgeText({ status: "done", deadline: null, reason: "Shipped or canceled" }, 0, t), "Shipped or canceled");
  assert.equal(badgeText({ status: "unknown", deadline: null }, 0, t), "Ship-by unknown");
});

test("the clock sleeps until the words change", () => {
  const deadline = 10 * DAY;
  // Minutes are shown under 3 h: wake at the next whole minute.
  assert.equal(msUntilTextChanges(deadline, deadline - (2 * HOUR + 30 * 1000)), 30 * 1000);
  // Far off, an hourly wake is enough.
  assert.equal(msUntilTextChanges(deadline, deadline - (5 * DAY + 20 * MIN)), 20 * MIN);
  // Never a busy loop.
  assert.ok(msUntilTextChanges(deadline, deadline) >= 1000);
});

test("a late order's clock wakes when the next step is reached", () => {
  const deadline = 10 * DAY;
  assert.equal(msUntilTextChanges(deadline, deadline + 90 * 1000), 30 * 1000);
});
