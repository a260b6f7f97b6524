import { test } from "node:test";
import assert from "node:assert/strict";
import { inQuietHours, remindersDue, markNotified } from "../../extension/core/reminders.js";

const HOUR = 3600e3;
const now = Date.UTC(2026, 10, 26, 12);

test("quiet hours, including ones across midnight", () => {
  const night = { start: "22:00", end: "07:00" };
  assert.equal(inQuietHours(23 * 60, night), true);
  assert.equal(inQuietHours(3 * 60, night), true);
  assert.equal(inQuietHours(7 * 60, night), false);
  assert.equal(inQuietHours(12 * 60, night), false);
  const lunch = { start: "12:00", end: "13:00" };
  assert.equal(inQuietHours(12 * 60 + 30, lunch), true);
  assert.equal(inQuietHours(13 * 60, lunch), false);
  assert.equal(inQuietHours(12 * 60, { start: "", end: "" }), false);
  assert.equal(inQuietHours(12 * 60, { start: "09:00", end: "09:00" }), false);
});

test("orders are reminded once when their deadline comes within the lead time and once when late", () => {
  const orders = [
    { orderId: "a", deadline: now + HOUR },
    { orderId: "b", deadline: now + 3 * HOUR },
    { orderId: "c", deadline: now - HOUR },
  ];
  const first = remindersDue(orders, {}, now, 2 * HOUR);
  assert.deepEqual(first.soon.map((o) => o.orderId), ["a"]);
  assert.deepEqual(first.late.map((o) => o.orderId), ["c"]);
  let notified = markNotified({}, first.soon, "soon");
  notified = markNotified(notified, first.late, "late");
  const again = remindersDue(orders, notified, now + 60e3, 2 * HOUR);
  assert.deepEqual([again.soon, again.late], [[], []], "never twice per order per stage");
  // Two hours on, a is late (a new stage) and b comes within the lead time.
  const later = remindersDue(orders, notified, now + 2 * HOUR, 2 * HOUR);
  assert.deepEqual(later.soon.map((o) => o.orderId), ["b"]);
  assert.deepEqual(later.late.map((o) => o.orderId), ["a"]);
});
