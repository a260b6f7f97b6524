// The tracking id checks of the confirm-shipment page under node: the shared vectors
// (tests/vectors/tracking.json), their coverage of the carriers data, and each check digit
// on a published example.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  CHECK_DIGITS,
  CHECKED,
  FORMAT_ONLY,
  OTHER_CARRIER,
  checkTracking,
  compileCarriers,
  findCarrier,
  formatScore,
  normaliseTrackingId,
} from "../../extension/core/tracking.js";
import { bundledCarriers } from "./carriers-data.js";

const load = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const carriers = bundledCarriers();
const compiled = compileCarriers(carriers);

const vectors = load("../vectors/tracking.json");

for (const c of vectors) {
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
  for (const c of vectors.filter((v) => v.expect.length === 0 && v.carrier !== "Other")) {
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

test("vector names are unique", () => {
  const names = vectors.map((c) => c.name);
  assert.equal(new Set(names).size, names.length);
});

// The vectors that name a carrier, and which of its formats their ids fit.
const chosenBy = (carrier) => vectors.filter((c) => c.carrier !== OTHER_CARRIER && findCarrier(c.carrier, compiled)?.id === carrier.id);
const formatKey = (format) => format.regex + (format.serial_prefix?.prepend ?? "");
// The dataset's formats have the dataset's own examples (tracking-dataset.test.js).
const ownFormats = (carrier) => carrier.formats.filter((f) => !f.source.startsWith("tracking_number_data"));

for (const carrier of compiled) {
  test(`carrier ${carrier.id}: every own format has a valid example, and a check digit is tried`, () => {
    const chosen = chosenBy(carrier);
    const valid = chosen.filter((c) => c.expect.length === 0).map((c) => normaliseTrackingId(c.tracking_id));
    const own = ownFormats(carrier);
    const matched = new Set(own.filter((f) => valid.some((id) => formatScore(f, id) >= FORMAT_ONLY)).map(formatKey));
    const unused = own.filter((f) => !matched.has(formatKey(f))).map((f) => f.description);
    assert.deepEqual(unused, [], "formats without a valid example");
    if (carrier.formats.some((f) => f.check !== "none")) {
      const checked = valid.filter((id) => carrier.formats.some((f) => f.check !== "none" && formatScore(f, id) === CHECKED));
      assert.ok(checked.length >= 2, `${checked.length} valid ids pass a check digit`);
      assert.ok(chosen.some((c) => c.expect.length === 1 && c.expect[0] === "tracking-check-digit"), "no bad check digit tried");
    }
  });
}

// Published examples: each named check computes the digit its owner prints.
const PUBLISHED = [
  ["mod10-31", "007393800054929", 7], // Canada Post, GS1 weights 3,1
  ["mod10-31-plus1", "46741258830", 1], // GLS: the GS1 sum plus one
  ["mod10-49", "20129845227", 7], // DHL Paket Identcode, weights 4,9
  ["mod10", "999AA1012345678", 4, { weights: [1, 2] }], // UPS's own sample 1Z999AA10123456784
  ["weighted-mod", "98657878885", 5, { weights: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], moduli: [11, 10] }], // FedEx Express
  ["mod7", "12345678901", 3], // Yamato: 12345678901 mod 7
  ["s10", "12345678", 5], // UPU S10 RB123456785GB
];

test("each named check gives the published example's digit", () => {
  assert.deepEqual(Object.keys(CHECK_DIGITS).sort(), PUBLISHED.map(([check]) => check).sort());
  for (const [check, payload, digit, format] of PUBLISHED) assert.equal(CHECK_DIGITS[check](payload, format), digit, check);
});

test("a failed check is beaten only by a distinctive format that adds up", () => {
  const twelveDigits = (check, distinctive) => ({
    regex: "^([0-9]{11})([0-9])$", check, distinctive, description: "twelve digits",
    ...(check === "weighted-mod" ? { weights: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], moduli: [11, 10] } : {}),
  });
  const pick = carriers.filter((c) => ["fedex", "royal-mail"].includes(c.id)).map((c) => structuredClone(c));
  const rules = (id, list) => checkTracking(id, { carrierName: "FedEx" }, compileCarriers(list)).findings.map((f) => f.rule);
  pick[1].formats.push(twelveDigits("weighted-mod", false));
  // Fails FedEx's check and the copy of its format alike: no rival.
  assert.deepEqual(rules("996578788855", pick), ["tracking-check-digit"]);
  pick[0].formats = [twelveDigits("mod7", false)];
  // Fails mod 7 and passes the copy, which is not distinctive: still no rival.
  assert.deepEqual(rules("986578788855", pick), ["tracking-check-digit"]);
  pick[1].formats.at(-1).distinctive = true;
  assert.deepEqual(rules("986578788855", pick), ["tracking-check-digit", "tracking-carrier-mismatch"]);
});
