// The extension's twin of benchmarks/lint_bounds.py: each rule's slowest run (CPU, best of
// three after a first run that compiles) on 10,000 characters of each character its patterns
// use, in the heaviest set of languages one message can be read in. Prints JSON.
import { readFileSync } from "node:fs";
import { compileLint } from "../extension/core/lint.js";
import { check } from "../extension/core/lint-kinds.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), "utf8"));
const LENGTH = 10000;
const ESCAPES = { d: "0", s: " ", w: "a", n: "\n", b: "a", S: "a", W: " ", D: "a" };

function charactersOf(pattern) {
  const found = new Set();
  const chars = [...pattern];
  for (let index = 0; index < chars.length; index += 1) {
    if (chars[index] === "\\" && index + 1 < chars.length) {
      index += 1;
      found.add(ESCAPES[chars[index]] ?? chars[index]);
    } else {
      found.add(chars[index] === "." ? "a" : chars[index]);
    }
  }
  for (const syntax of "()|?*+{}^$") found.delete(syntax);
  return found;
}

const lint = compileLint({ ...read("server/shipguard/data/lint.json"), message_locales: {} });
const codes = Object.keys(lint.profiles).sort();
const marketplaces = read("server/shipguard/data/marketplaces.json").marketplaces;
const mostLanguages = Math.max(...marketplaces.map((m) => new Set(m.buyer_locales.map((l) => l.split("-")[0])).size)) + 1;

function heaviestLanguages(rule) {
  const weight = (code) => Object.keys(rule.patterns).reduce((sum, key) => sum + ((rule.spec[key] || {})[code] || []).length, 0);
  return [...codes].sort((a, b) => weight(b) - weight(a)).slice(0, mostLanguages);
}

function contextFor(text, languages) {
  return {
    text, whole: text, locale: "en-US", marketplace: "US", declared: ["en"], languages, scores: {},
    patterns: (rule, key) => [...languages, "*"].flatMap((code) => (rule.patterns[key] || {})[code] || []),
    profiles: () => languages.map((code) => lint.profiles[code]),
  };
}

const cpuMs = (run) => {
  const start = process.cpuUsage();
  run();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
};

const worst = {};
for (const rule of lint.rules) {
  const characters = new Set();
  for (const key of Object.keys(rule.patterns)) {
    for (const patterns of Object.values(rule.spec[key])) for (const pattern of patterns) for (const c of charactersOf(pattern)) characters.add(c);
  }
  worst[rule.id] = [0, ""];
  for (const character of characters.size ? characters : ["a"]) {
    const context = contextFor(character.repeat(LENGTH), heaviestLanguages(rule));
    check(rule, context);
    const best = Math.min(...[0, 1, 2].map(() => cpuMs(() => check(rule, context))));
    if (best > worst[rule.id][0]) worst[rule.id] = [best, character];
  }
}
process.stdout.write(JSON.stringify(worst));
