// The feature registry (extension/core/features.json) holds the extension together: every
// feature it lists has what it needs, and nothing outside it behaves like a feature.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { isSwitchedOff, pageFeature } from "../../extension/core/features.js";

const root = new URL("../../", import.meta.url);
const path = (relative) => new URL(relative, root);
const load = (relative) => JSON.parse(readFileSync(path(relative), "utf8"));

const { features } = load("extension/core/features.json");
const KINDS = ["page", "page-data", "background", "popup"];
const locales = readdirSync(path("extension/_locales/"));
const adapters = readdirSync(path("server/shipguard/data/pages/")).map((name) => name.replace(/\.json$/, ""));
const fixtures = readdirSync(path("tests/fixtures/sellercentral/"));
const contentFolders = readdirSync(path("extension/content/"))
  .filter((name) => name !== "common" && statSync(path(`extension/content/${name}`)).isDirectory());

test("the registry lists each feature once, with a known kind", () => {
  const ids = features.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const feature of features) assert.ok(KINDS.includes(feature.kind), `${feature.id}: kind ${feature.kind}`);
  assert.ok(features.some((f) => f.id === "reminders" && f.kind === "background"));
  assert.ok(features.some((f) => f.id === "projections" && f.kind === "popup"));
});

for (const feature of features) {
  test(`${feature.id}: a feature_ string in every locale`, () => {
    const key = `feature_${feature.id.replaceAll("-", "_")}`;
    for (const locale of locales) {
      const message = load(`extension/_locales/${locale}/messages.json`)[key]?.message;
      assert.ok(message?.trim(), `${locale} has no ${key}`);
    }
  });

  if (feature.kind === "page" || feature.kind === "page-data") {
    test(`${feature.id}: its page adapter and a Seller Central fixture`, () => {
      const adapter = load(`server/shipguard/data/pages/${feature.id}.json`);
      assert.equal(adapter.id, feature.id);
      const own = fixtures.filter((name) => name.startsWith(`${feature.id}-`) && !name.endsWith(".expect.json"));
      assert.ok(own.length > 0, `no tests/fixtures/sellercentral/${feature.id}-*.html or .json`);
    });
  }

  if (feature.kind === "page") {
    test(`${feature.id}: content/${feature.id}/${feature.id}.js starts it`, () => {
      const module = path(`extension/content/${feature.id}/${feature.id}.js`);
      assert.ok(existsSync(module), "main.js imports the page kind's module by its id");
      assert.match(readFileSync(module, "utf8"), /^export function start\(/m);
    });
  }
}

test("every page adapter and content folder belongs to a registered feature", () => {
  const byId = new Map(features.map((f) => [f.id, f]));
  for (const id of adapters) assert.ok(["page", "page-data"].includes(byId.get(id)?.kind), `adapter ${id} is no feature`);
  for (const name of contentFolders) assert.equal(byId.get(name)?.kind, "page", `content/${name}/ is no page feature`);
  for (const name of fixtures.filter((n) => n.endsWith(".expect.json"))) {
    const kind = load(`tests/fixtures/sellercentral/${name}`).page_kind;
    assert.ok(byId.has(kind), `${name}: page_kind ${kind} is no feature`);
  }
});

test("a feature is off when the kill switch or the seller says so", () => {
  assert.equal(isSwitchedOff("reminders", [], []), false);
  assert.equal(isSwitchedOff("reminders", ["reminders"], []), true);
  assert.equal(isSwitchedOff("projections", [], ["projections"]), true);
  assert.equal(isSwitchedOff("projections", ["reminders"], ["orders-list"]), false);
});

test("only page features are started on pages", () => {
  assert.equal(pageFeature(features, "orders-list").kind, "page");
  assert.equal(pageFeature(features, "orders-api"), null);
  assert.equal(pageFeature(features, "reminders"), null);
});
