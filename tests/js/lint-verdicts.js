// Prints {path: [error rule ids]} for every message of a lint corpus (DIR/**/<nnn>.txt), as the
// extension's lint judges it; tests/server/test_lint_corpus.py compares it with Python's.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compileLint, lintMessage } from "../../extension/core/lint.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const lint = compileLint({
  ...read("server/shipguard/data/lint.json"),
  message_locales: Object.fromEntries(
    read("server/shipguard/data/marketplaces.json").marketplaces.map((m) => [m.code, m.buyer_locales])),
});

function* messages(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* messages(path);
    else if (entry.name.endsWith(".txt")) yield path;
  }
}

const verdicts = {};
for (const path of messages(process.argv[2])) {
  const content = readFileSync(path, "utf8");
  const split = content.indexOf("\n\n");
  const locale = /^locale:\s*(\S+)/m.exec(content.slice(0, split))[1];
  const errors = lintMessage(content.slice(split + 2), { locale }, lint).filter((f) => f.severity === "error");
  verdicts[path] = [...new Set(errors.map((f) => f.rule))];
}
process.stdout.write(JSON.stringify(verdicts));
