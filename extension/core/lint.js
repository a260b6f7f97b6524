/**
 * Buyer message lint: the twin of server/shipguard/lint.py, rules from the bundle's `lint`
 * (server/shipguard/data/lint.json). Pure: no DOM, no chrome.*. Findings are
 * {rule, severity, message, start, end} with UTF-16 offsets (JavaScript string indexes).
 */
import { compilePattern, SYNTAX_CHARS } from "./lint-regex.js";
import { check, inScope } from "./lint-kinds.js";

const ANY_LANGUAGE = "*";
// Rules read at most this much of a message (the API's lint limit): bounded time for any rule.
export const MAX_LINT_CHARS = 10000;
const PATTERN_KEYS = ["patterns", "when_asked", "core", "when", "unless", "require", "sentence_unless", "asks"];

/** A dialect pattern matching any of `words` (longest first), whole words if asked. */
export function wordListPattern(words, wordBoundary = true) {
  const escaped = words.map((word) => [...word].map((c) => (SYNTAX_CHARS.has(c) ? `\\${c}` : c)).join(""));
  escaped.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const body = `(?:${escaped.join("|")})`;
  return wordBoundary ? `\\b${body}\\b` : body;
}

function compileByLanguage(mapping) {
  return Object.fromEntries(Object.entries(mapping).map(([code, list]) => [code, list.map(compilePattern)]));
}

function compileProfile(spec) {
  return {
    stopWords: compilePattern(wordListPattern(spec.stop_words, spec.word_boundary ?? true)),
    courtesy: (spec.courtesy || []).map(compilePattern),
    reasons: (spec.reasons || []).map(compilePattern),
  };
}

/**
 * Compile lint data once: {profiles, messageLocales, rules, problems}. A rule or profile
 * whose pattern does not compile is left out and listed in `problems`, never thrown into
 * the page: the other rules still work.
 */
export function compileLint(data) {
  const problems = [];
  const attempt = (where, build) => {
    try {
      return build();
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
      return null;
    }
  };
  const profiles = {};
  for (const [code, spec] of Object.entries(data.languages || {})) {
    const profile = attempt(`languages.${code}`, () => compileProfile(spec));
    if (profile) profiles[code] = profile;
  }
  const rules = (data.rules || []).map((spec, index) => attempt(`rules.${index}`, () => ({
    index, id: spec.id, severity: spec.severity, message: spec.message, kind: spec.kind, spec,
    patterns: Object.fromEntries(PATTERN_KEYS.filter((key) => key in spec).map((key) => [key, compileByLanguage(spec[key])])),
  }))).filter(Boolean);
  return { profiles, messageLocales: data.message_locales || {}, rules, problems };
}

const compiledSets = new WeakMap();

function compiledFrom(lintData) {
  if (lintData && Array.isArray(lintData.rules) && lintData.profiles) return lintData;
  let compiled = compiledSets.get(lintData);
  if (!compiled) {
    compiled = compileLint(lintData || {});
    compiledSets.set(lintData || {}, compiled);
  }
  return compiled;
}

/** The language subtag of a BCP 47 locale: "de" for "de-DE". */
export const languageOf = (locale) => locale.split("-")[0].toLowerCase();

/** The languages the message should be in: the locale's, else the marketplace's. */
export function declaredLanguages(locale, marketplace, lint) {
  if (locale) return [languageOf(locale)];
  return [...new Set((lint.messageLocales[marketplace || ""] || []).map(languageOf))];
}

function unfoldedChar(char) {
  const normal = char.normalize("NFKC");
  return normal.length === 1 && char.length === 1 ? normal : char;
}

/**
 * The text as rules read it: full-width and other compatibility forms NFKC-normalised
 * character by character (ｅｘａｍｐｌｅ．ｃｏｍ is example.com), so spans stay where they were.
 */
export function unfolded(text) {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return [...text].map(unfoldedChar).join("");
}

/** The part of a message rules read: its first MAX_LINT_CHARS units, never half an emoji. */
function readPart(whole) {
  const cut = /[\ud800-\udbff]/.test(whole[MAX_LINT_CHARS - 1] ?? "") ? MAX_LINT_CHARS - 1 : MAX_LINT_CHARS;
  return whole.slice(0, cut);
}

function makeContext(whole, locale, marketplace, lint) {
  const text = unfolded(readPart(whole));
  const scores = {};
  for (const code of Object.keys(lint.profiles).sort()) {
    scores[code] = [...text.matchAll(lint.profiles[code].stopWords)].length;
  }
  const declared = declaredLanguages(locale, marketplace, lint);
  const codes = Object.keys(scores);
  const best = codes.length ? codes.reduce((a, b) => (scores[b] > scores[a] ? b : a)) : null;
  // The language the text is actually in joins the declared ones, so a German request
  // for a review is caught even when the message was declared English.
  const detected = best && scores[best] > 0 && !declared.includes(best) ? [best] : [];
  const languages = [...declared, ...detected];
  return {
    text, whole, locale: locale || null, marketplace: marketplace || null, declared, languages, scores,
    patterns: (rule, key) => {
      const byLanguage = rule.patterns[key] || {};
      return [...languages, ANY_LANGUAGE].flatMap((code) => byLanguage[code] || []);
    },
    profiles: () => languages.filter((code) => code in lint.profiles).map((code) => lint.profiles[code]),
  };
}

/**
 * Lint a buyer message: findings sorted by span, then by rule order. `locale` (such as
 * de-DE) or else `marketplace` (such as DE) says which language it should be in;
 * `lintData` is the bundle's `lint` or compileLint()'s result.
 */
export function lintMessage(text, { locale = null, marketplace = null } = {}, lintData) {
  const lint = compiledFrom(lintData);
  const context = makeContext(String(text ?? ""), locale, marketplace, lint);
  const found = [];
  for (const rule of lint.rules) {
    if (!inScope(rule, context)) continue;
    for (const [start, end] of check(rule, context)) found.push({ start, end, rule });
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.index - b.rule.index);
  return found.map(({ start, end, rule }) => ({
    rule: rule.id, severity: rule.severity, message: rule.message, start, end,
  }));
}

/** Whether findings allow sending: no error among them. */
export const lintOk = (findings) => !findings.some((finding) => finding.severity === "error");
