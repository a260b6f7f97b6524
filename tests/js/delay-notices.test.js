// Which delay notice the panel offers first, from the order's remedy log.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { delayNoticesGiven, earlierShipDate, noticeToOffer, withNoticeFirst } from "../../extension/core/delay-notices.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const templates = new Map(readdirSync(new URL("../../messages/", import.meta.url))
  .map((file) => read(`messages/${file}`)).map((t) => [t.id, t]));
const remedies = read("server/shipguard/data/rules.json").remedies.filter((r) => r.group === "tell-buyer" && r.kind === "copy-message");
const ORDER = "112-4839201-5728394";
const ALL = ["first", "second", "open-ended"];

test("a delay message copied or filled for this order makes the next one the second notice", () => {
  const log = [
    { orderId: "111-0000000-0000000", remedy: "copy-delay-weather", template: "delay-weather", at: 1 },
    { orderId: ORDER, remedy: "snooze-4-hours", at: 2 },
    { orderId: ORDER, remedy: "copy-request-address-confirmation", template: "request-address-confirmation", at: 3 },
  ];
  assert.deepEqual(delayNoticesGiven(log, ORDER, templates), []);
  assert.equal(noticeToOffer(delayNoticesGiven(log, ORDER, templates), true, ALL), null);
  for (const entry of [
    { orderId: ORDER, remedy: "copy-delay-out-of-stock", template: "delay-out-of-stock", at: 5, newShipDate: "2019-12-09" },
    { orderId: ORDER, remedy: "fill-message", template: "delay-out-of-stock", at: 6 },
  ]) {
    const given = delayNoticesGiven([...log, entry], ORDER, templates);
    assert.equal(given.length, 1);
    assert.equal(noticeToOffer(given, true, ALL), "second");
    // A group of messages without a second notice (verifying the address) offers none.
    assert.equal(noticeToOffer(given, true, [undefined]), null);
  }
});

test("with no date known the open-ended notice is offered, whatever was given before", () => {
  assert.equal(noticeToOffer([], false, ALL), "open-ended");
  assert.equal(noticeToOffer([{ template: "delay-weather" }], false, ALL), "open-ended");
});

test("the offered notice goes first and the others keep the rules' order", () => {
  const ids = (list) => list.map((r) => r.id);
  const rulesOrder = ids(remedies);
  assert.deepEqual(ids(withNoticeFirst(remedies, templates, null)), rulesOrder);
  const second = ids(withNoticeFirst(remedies, templates, "second"));
  assert.deepEqual(second, ["copy-delay-second-notice", ...rulesOrder.filter((id) => id !== "copy-delay-second-notice")]);
  assert.equal(ids(withNoticeFirst(remedies, templates, "open-ended"))[0], "copy-delay-no-date");
});

test("the second notice's earlier date is the latest one promised, while it is still ahead", () => {
  const given = [
    { template: "delay-weather", at: 1, newShipDate: "2019-12-09" },
    { template: "delay-out-of-stock", at: 2, newShipDate: "2019-12-12" },
    { template: "delay-out-of-stock", at: 3 },
  ];
  assert.equal(earlierShipDate(given, "2019-12-10"), "2019-12-12");
  assert.equal(earlierShipDate(given, "2019-12-13"), null);
  assert.equal(earlierShipDate([], "2019-12-10"), null);
});
