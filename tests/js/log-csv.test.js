import { test } from "node:test";
import assert from "node:assert/strict";
import { remedyLogCsv } from "../../extension/popup/log-csv.js";

test("the remedy log exports as CSV with a header and ISO times", () => {
  const csv = remedyLogCsv([{ orderId: "112-1234567-1234567", remedy: "copy-delay-weather", at: Date.UTC(2026, 10, 26, 12) }]);
  assert.equal(csv, "order_id,remedy,time\r\n112-1234567-1234567,copy-delay-weather,2026-11-26T12:00:00.000Z\r\n");
});

test("cells cannot smuggle formulas or break the columns", () => {
  const csv = remedyLogCsv([{ orderId: "=HYPERLINK(\"x\")", remedy: "a,b", at: 0 }]);
  assert.equal(csv.split("\r\n")[1], "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",1970-01-01T00:00:00.000Z");
});
