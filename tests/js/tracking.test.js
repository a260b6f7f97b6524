// The tracking id checks of the confirm-shipment page under node: the shared vectors
// (tests/vectors/tracking.json, run by the Python twin too) and the module's own promises.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { checkTracking, compileCarriers, findCarrier, normaliseTrackingId } from "../../extension/core/tracking.js";
import { bundledCarriers } from "./carriers-data.js";

const load = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const carriers = bundledCarriers();
const compiled = compileCarriers(carriers);

for (const c of load("../vectors/tracking.json")) {
  test(`tracking: ${c.name}`, () => {
    const result = checkTracking(c.tracking_id, {
      carrierName: c.carrier,
      otherCarrierName: c.other_carrier ?? null,
      marketplace: c.marketplace,
    }, compiled);
    assert.deepEqual(result.findings.map((f) => f.rule), c.expect);
    assert.equal(result.ok, c.expect.length === 0);
    for (const f of result.findings) {
      assert.equal(f.severity, "warning");
      assert.ok(f.message.length > 20, f.message);
    }
    const messages = result.findings.map((f) => f.message).join("\n");
    for (const name of c.mentions ?? []) assert.ok(messages.includes(name), `"${name}" not in: ${messages}`);
  });
}

test("normalising strips spaces and dashes, folds full-width and case", () => {
  assert.equal(normaliseTrackingId(" 1z-999 aa1\u00a001 2345 6784 "), "1Z999AA10123456784");
  assert.equal(normaliseTrackingId("\uff11\uff12\uff13\u30fc\uff14"), "1234");
  assert.equal(normaliseTrackingId(null), "");
});

test("regexes are compiled once, and a broken one is skipped instead of thrown", () => {
  assert.ok(compiled.every((c) => c.formats.every((f) => f.pattern instanceof RegExp)));
  const broken = compileCarriers([{ ...carriers[0], formats: [{ regex: "^(", check: "none", distinctive: false, description: "x" }, carriers[0].formats[0]] }]);
  assert.equal(broken[0].formats.length, 1);
  assert.deepEqual(checkTracking("1Z999AA10123456784", { carrierName: "UPS" }, broken).findings, []);
  assert.deepEqual(compileCarriers(undefined), []);
});

test("an official name wins over an alias, and the marketplace's carrier is found first", () => {
  assert.equal(findCarrier("Hermes", compiled).id, "hermes");
  assert.equal(findCarrier("  amzn_us ", compiled).id, "amazon-logistics");
  assert.equal(findCarrier("Pony Express", compiled), null);
});

test("changing the check digit of any valid vector is caught", () => {
  // Guards against a check that passes everything: each id that passed a check-digit format
  // must fail once its check digit alone is changed.
  let mutated = 0;
  for (const c of load("../vectors/tracking.json").filter((v) => v.expect.length === 0 && v.carrier !== "Other")) {
    const id = normaliseTrackingId(c.tracking_id);
    const carrier = findCarrier(c.carrier, compiled);
    const format = carrier?.formats.find((f) => f.check !== "none" && new RegExp(f.regex).test(id));
    if (!format) continue;
    const at = new RegExp(format.regex, "d").exec(id).indices[2][0];
    const wrong = id.slice(0, at) + ((Number(id[at]) + 1) % 10) + id.slice(at + 1);
    const rules = checkTracking(wrong, { carrierName: c.carrier, marketplace: c.marketplace }, compiled).findings.map((f) => f.rule);
    assert.ok(rules.includes("tracking-check-digit"), `${c.name}: ${wrong} gave ${rules}`);
    mutated += 1;
  }
  assert.ok(mutated >= 40, `only ${mutated} vectors exercised`);
});
