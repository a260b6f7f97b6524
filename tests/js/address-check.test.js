import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { addressWarnings } from "../../extension/core/address-check.js";

const rules = JSON.parse(readFileSync(new URL("../../server/shipguard/data/rules.json", import.meta.url), "utf8"));
const checks = rules.address_checks;

test("a complete address raises nothing", () => {
  assert.deepEqual(addressWarnings(["1208 Alder St", "Portland, OR 97205", "United States"], "Standard", checks), []);
  assert.deepEqual(addressWarnings(["Lindenstraße 27", "50674 Köln", "Deutschland"], "Standard", checks), []);
});

test("a street without a house number", () => {
  assert.deepEqual(addressWarnings(["Alder Street", "Portland, OR 97205"], "Standard", checks), ["missing-house-number"]);
});

test("a PO box is a problem only for services that cannot deliver there", () => {
  const box = ["PO Box 4411", "Portland, OR 97208"];
  assert.deepEqual(addressWarnings(box, "UPS Ground", checks), ["po-box-service"]);
  assert.deepEqual(addressWarnings(box, "USPS Priority Mail", checks), []);
  assert.deepEqual(addressWarnings(["P.O. Box 12", "Austin, TX 78701"], "FedEx 2Day", checks), ["po-box-service"]);
});

test("a multi-unit building without the unit", () => {
  assert.deepEqual(addressWarnings(["500 Park Tower Apartments", "Chicago, IL 60611"], "Standard", checks), ["missing-unit"]);
  assert.deepEqual(addressWarnings(["500 Park Tower Apartments, Apt 12B", "Chicago, IL 60611"], "Standard", checks), []);
  assert.deepEqual(addressWarnings(["500 Park Tower Apartments #1204", "Chicago, IL 60611"], "Standard", checks), []);
});

test("lines longer than carriers' labels take", () => {
  const long = "12345 Very Long Boulevard of the Northern Industrial Estates";
  assert.deepEqual(addressWarnings([long, "Springfield, IL 62701"], "Standard", checks), ["long-line"]);
});
