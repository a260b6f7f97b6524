/** Every text the bundle's data shows the seller, by where it sits, for the UI language tests. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./locales.js";

const readJson = (...parts) => JSON.parse(readFileSync(join(ROOT, ...parts), "utf8"));

/** [{where: "rules/remedies/<id>/title", texts: {en: …, de: …}}] for rules.json and the templates. */
export function bundleTexts() {
  const rules = readJson("server", "shipguard", "data", "rules.json");
  const found = [
    ...rules.groups.map((group) => ({ where: `rules/groups/${group.id}/title`, texts: group.title })),
    ...rules.remedies.flatMap((remedy) => [
      { where: `rules/remedies/${remedy.id}/title`, texts: remedy.title },
      ...(remedy.body ? [{ where: `rules/remedies/${remedy.id}/body`, texts: remedy.body }] : []),
    ]),
  ];
  for (const file of readdirSync(join(ROOT, "messages")).filter((name) => name.endsWith(".json"))) {
    const template = readJson("messages", file);
    for (const [name, placeholder] of Object.entries(template.placeholders)) {
      found.push({ where: `messages/${template.id}/placeholders/${name}/label`, texts: placeholder.label });
    }
  }
  return found;
}
