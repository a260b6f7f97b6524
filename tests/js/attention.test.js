import { test } from "node:test";
import assert from "node:assert/strict";
import { ordersNeedingAttention, toolbarBadge, lastSeenAt } from "../../extension/core/attention.js";

const HOUR = 3600e3;
const now = Date.UTC(2026, 10, 26, 12);
const seen = {
  "111-0000000-0000001": { deadline: now - 2 * HOUR, done: false, marketplace: "US", seenAt: now - HOUR },
  "111-0000000-0000002": { deadline: now + 5 * HOUR, done: false, marketplace: "DE", seenAt: now - 3 * HOUR },
  "111-0000000-0000003": { deadline: now + 50 * HOUR, done: false, marketplace: "US", seenAt: now },
  "111-0000000-0000004": { deadline: now - 9 * HOUR, done: true, marketplace: "US", seenAt: now },
  "111-0000000-0000005": { deadline: now + HOUR, done: false, marketplace: "US", seenAt: now },
  "111-0000000-0000006": { deadline: now - HOUR, done: false, marketplace: "US", seenAt: now },
  "111-0000000-0000007": { deadline: null, done: false, marketplace: "US", seenAt: now },
};

test("late and due-soon orders, soonest deadline first; shipped, far-off and unknown ones left out", () => {
  const list = ordersNeedingAttention(seen, {}, now, 24 * HOUR);
  assert.deepEqual(list.map((o) => [o.orderId.slice(-1), o.status]),
    [["1", "late"], ["6", "late"], ["5", "due-soon"], ["2", "due-soon"]]);
});

test("snoozed orders come back when the snooze ends; handled ones stay away", () => {
  const marks = {
    "111-0000000-0000001": { kind: "handled", at: now },
    "111-0000000-0000005": { kind: "snoozed", until: now + HOUR },
    "111-0000000-0000006": { kind: "snoozed", until: now - 1 },
  };
  const ids = ordersNeedingAttention(seen, marks, now, 24 * HOUR).map((o) => o.orderId.slice(-1));
  assert.deepEqual(ids, ["6", "2"]);
});

test("the toolbar shows the count in the colour of the worst status", () => {
  assert.deepEqual(toolbarBadge([]), { text: "", color: null });
  assert.deepEqual(toolbarBadge([{ status: "due-soon" }]), { text: "1", color: "#c45500" });
  assert.deepEqual(toolbarBadge([{ status: "due-soon" }, { status: "late" }]), { text: "2", color: "#cc0c39" });
  assert.equal(toolbarBadge(Array(120).fill({ status: "late" })).text, "99+");
});

test("last seen is the newest sighting", () => {
  assert.equal(lastSeenAt(seen), now);
  assert.equal(lastSeenAt({}), 0);
});
