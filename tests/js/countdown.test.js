import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDuration, badgeText, msUntilTextChanges } from "../../extension/core/countdown.js";
import { wordsIn } from "./support/locales.js";

// English as in _locales/en, so the assertions read as the seller reads the badge; a count
// and its unit are joined by a no-break space (checked below), shown here as a space.
const words = wordsIn("en");
const plain = (text) => text.replaceAll("\u00a0", " ");
const MIN = 60e3;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

test("durations get coarser the further off they are", () => {
  assert.equal(plain(formatDuration(30 * 1000, words)), "1 min");
  assert.equal(plain(formatDuration(59 * MIN, words)), "59 min");
  assert.equal(plain(formatDuration(HOUR, words)), "1 h");
  assert.equal(plain(formatDuration(2 * HOUR + 5 * MIN, words)), "2 h 5 min");
  assert.equal(plain(formatDuration(5 * HOUR + 59 * MIN, words)), "5 h");
  assert.equal(plain(formatDuration(DAY + 4 * HOUR + 30 * MIN, words)), "1 d 4 h");
  assert.equal(plain(formatDuration(DAY + 10 * MIN, words)), "1 d");
  assert.equal(plain(formatDuration(2 * DAY + 23 * HOUR, words)), "2 d");
});

test("badge words per status", () => {
  const deadline = Date.UTC(2019, 11, 6, 7, 59, 59);
  assert.equal(plain(badgeText({ status: "late", deadline }, deadline + DAY + 4 * HOUR, words)), "Late by 1 d 4 h");
  assert.equal(plain(badgeText({ status: "due-soon", deadline }, deadline - 5 * HOUR, words)), "Ship within 5 h");
  assert.equal(plain(badgeText({ status: "on-track", deadline, shipByLabel: "Thu, Dec 5" }, deadline - 2 * DAY - HOUR, words)),
    "Ship by Thu, Dec 5 · 2 d left");
  assert.equal(plain(badgeText({ status: "done", deadline: null, reason: "Shipped or canceled" }, 0, words)), "Shipped or canceled");
  assert.equal(plain(badgeText({ status: "unknown", deadline: null }, 0, words)), "Ship-by unknown");
});

test("a count stays on the line of its unit", () => {
  assert.equal(formatDuration(26 * HOUR, words), "1\u00a0d 2\u00a0h");
  assert.equal(badgeText({ status: "late", deadline: 0 }, 5 * HOUR, words), "Late by 5\u00a0h");
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
