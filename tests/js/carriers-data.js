// The carriers as the server's bundle carries them: carriers.json with each carrier's
// dataset couriers' formats (tracking-formats.json) first. tests/server/test_tracking_formats.py
// holds the server's own resolution to the same rule.
import { readFileSync } from "node:fs";

const load = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));

export const trackingFormats = load("../../server/shipguard/data/tracking-formats.json");

export function bundledCarriers() {
  const byCourier = new Map(trackingFormats.couriers.map((c) => [c.id, c.formats]));
  return load("../../server/shipguard/data/carriers.json").carriers.map(({ dataset_couriers: couriers = [], ...carrier }) => ({
    aliases: [],
    ...carrier,
    formats: [...couriers.flatMap((id) => byCourier.get(id)), ...(carrier.formats || [])],
  }));
}
