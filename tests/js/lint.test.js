// Every lint rule's flag and ok examples, and every template in every language, through the
// extension's lint; tests/server/test_lint_rules.py runs the same examples through Python.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { compileLint, lintMessage, lintOk } from "../../extension/core/lint.js";
import { KINDS } from "../../extension/core/lint-kinds.js";
import { optionalPlaceholders, renderMessage } from "../../extension/core/render.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const lintFile = read("server/shipguard/data/lint.json");
const lintData = {
  ...lintFile,
  message_locales: Object.fromEntries(
    read("server/shipguard/data/marketplaces.json").marketplaces.map((m) => [m.code, m.buyer_locales])),
};
const compiled = compileLint(lintData);
const dateFormats = read("server/shipguard/data/date-formats.json").date_formats;
const templates = readdirSync(new URL("../../messages/", import.meta.url)).map((f) => read(`messages/${f}`));
const templateLocales = [...new Set(templates.flatMap((t) => Object.keys(t.locales)))].sort();
const exampleText = (example) => (typeof example === "string" ? example : example.repeat.repeat(example.times));
const findingsOf = (ruleId, text, locale) => lintMessage(text, { locale }, compiled).filter((f) => f.rule === ruleId);

test("every pattern compiles in JavaScript and every kind is known", () => {
  assert.deepEqual(compiled.problems, []);
  assert.equal(compiled.rules.length, lintFile.rules.length);
  for (const rule of lintFile.rules) assert.ok(KINDS.includes(rule.kind), rule.id);
});

for (const rule of lintFile.rules) {
  test(`${rule.id}: has examples in every template language`, () => {
    const scope = rule.scope?.locales;
    const appliesTo = templateLocales.filter((locale) => !scope || scope.includes(locale));
    assert.ok(templateLocales.length >= 10);
    for (const locale of appliesTo) assert.ok(rule.examples.flag[locale]?.length, `no flag example in ${locale}`);
    for (const locale of templateLocales) assert.ok(rule.examples.ok[locale]?.length, `no ok example in ${locale}`);
  });

  test(`${rule.id}: flags every flag example and no ok example`, () => {
    for (const [locale, examples] of Object.entries(rule.examples.flag)) {
      for (const example of examples) {
        assert.ok(findingsOf(rule.id, exampleText(example), locale).length, `${locale} missed: ${exampleText(example).slice(0, 120)}`);
      }
    }
    for (const [locale, examples] of Object.entries(rule.examples.ok)) {
      for (const example of examples) {
        const text = exampleText(example);
        const found = findingsOf(rule.id, text, locale).map((f) => text.slice(f.start, f.end));
        assert.deepEqual(found, [], `${locale} flagged: ${text.slice(0, 120)}`);
      }
    }
  });
}

/** The renderings a template language can become: all examples, then without the optional placeholders. */
function renderings(template, locale) {
  const examples = Object.fromEntries(Object.entries(template.placeholders).map(([name, spec]) => [name, spec.example]));
  const texts = template.locales[locale];
  const optional = new Set([...optionalPlaceholders(texts.body), ...optionalPlaceholders(texts.subject)]);
  const without = Object.fromEntries(Object.entries(examples).filter(([name]) => !optional.has(name)));
  return [examples, ...(optional.size ? [without] : [])].map((fields) => renderMessage(template, locale, fields, dateFormats));
}

test("the shipped templates are 9, each in the 10 template languages", () => {
  assert.equal(templates.length, 9);
  for (const template of templates) assert.equal(Object.keys(template.locales).length, 10, template.id);
});

for (const template of templates) {
  for (const locale of Object.keys(template.locales).sort()) {
    test(`template ${template.id} (${locale}) renders and lints clean`, () => {
      for (const rendered of renderings(template, locale)) {
        assert.deepEqual(rendered.findings, []);
        const findings = lintMessage(rendered.body, { locale }, compiled);
        assert.deepEqual(findings.map((f) => [f.rule, rendered.body.slice(f.start, f.end)]), []);
        assert.ok(lintOk(findings));
      }
    });
  }
}

test("bad data never throws into the page: a broken pattern is left out and reported", () => {
  const broken = { ...lintData, rules: [{ ...lintFile.rules[0], patterns: { "*": ["(unclosed"] } }, ...lintFile.rules.slice(1)] };
  const result = compileLint(broken);
  assert.equal(result.problems.length, 1);
  assert.equal(result.rules.length, lintFile.rules.length - 1);
  assert.ok(Array.isArray(lintMessage("www.example.com", { locale: "en-US" }, result)));
  assert.deepEqual(lintMessage("x", {}, {}), []);
});

// when_asked: a match is a finding only in a sentence that asks the buyer (the Python twin runs
// the same cases in tests/server/test_lint_rules.py).
const whenAsked = read("tests/vectors/lint-when-asked.json");
for (const c of whenAsked.cases) {
  test(`when_asked: ${c.name}`, () => {
    const found = lintMessage(c.text, { locale: "en-US" }, whenAsked.lint);
    assert.deepEqual(found.map((f) => [f.start, f.end]), c.expect);
  });
}
