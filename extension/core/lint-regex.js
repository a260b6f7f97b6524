/**
 * Lint patterns: the portable regex dialect, translated for JavaScript. The twin of
 * server/shipguard/lintregex.py, which documents the dialect; both engines must find the
 * same matches, so `\b \w \d \s . $` are spelled out the same way on both sides.
 */

import { checkBounded, UnboundedPattern } from "./lint-bounds.js";
import {
  boundaryAlternatives, closingOf, endsWithWordChar, groupAlternatives, quantifierAt, startsWithWordChar,
} from "./lint-pattern-shape.js";

const WHITESPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
const WORD = "\\p{L}\\p{N}_";
const BOUNDARY_AT = `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
const NO_BOUNDARY = `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
// [outside a class, inside a class (null: not allowed there)]
const EXPANSIONS = {
  s: [`[${WHITESPACE}]`, WHITESPACE],
  S: [`[^${WHITESPACE}]`, null],
  d: ["[0-9]", "0-9"],
  D: ["[^0-9]", null],
  w: [`[${WORD}]`, WORD],
  W: [`[^${WORD}]`, null],
  b: [BOUNDARY_AT, null],
  B: [NO_BOUNDARY, null],
};
const WORD_START = `(?<![${WORD}])`;
const WORD_END = `(?![${WORD}])`;
const ANY_BUT_LINE_BREAK = "[^\\n\\r\\u2028\\u2029]";
const END_OF_TEXT = "(?![\\s\\S])";
export const SYNTAX_CHARS = new Set("^$\\.*+?()[]{}|/");
const GROUPS = ["(?:", "(?=", "(?!", "(?<=", "(?<!"];

export class PatternError extends Error {}

function literal(codePoint) {
  if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) {
    throw new PatternError(`U+${codePoint.toString(16).toUpperCase()} is not a character.`);
  }
  return codePoint < 0x80 ? `\\x${codePoint.toString(16).padStart(2, "0")}` : String.fromCodePoint(codePoint);
}

function escape(source, index, inClass, boundaries) {
  if (index + 1 >= source.length) throw new PatternError("The pattern ends with a backslash.");
  const char = source[index + 1];
  if (char === "b" && !inClass && startsWithWordChar(source, index + 2)) {
    // Before a word character, a boundary only needs a non-word character (or nothing)
    // behind it; V8 then searches for the literal that follows instead of testing the full
    // boundary at every position, which is slow under the u flag.
    return [WORD_START, index + 2];
  }
  if (char === "b" && !inClass && boundaries?.has(index) && endsWithWordChar(source, boundaries.get(index), index)) {
    // After a word character, only a non-word character (or nothing) ahead: one word class
    // instead of four, and V8 compiles each instance of that class to kilobytes of code, whose
    // total across the rules decides whether it still optimises the patterns compiled last.
    return [WORD_END, index + 2];
  }
  if (char in EXPANSIONS) {
    const [outside, inside] = EXPANSIONS[char];
    if (inClass && inside === null) throw new PatternError(`\\${char} cannot be used inside [...].`);
    return [inClass ? inside : outside, index + 2];
  }
  if (char === "u" && source[index + 2] === "{") {
    const end = source.indexOf("}", index + 3);
    const digits = source.slice(index + 3, end);
    if (end < 0 || !/^[0-9a-fA-F]{1,6}$/.test(digits)) throw new PatternError("\\u{...} needs 1 to 6 hex digits.");
    return [literal(parseInt(digits, 16)), end + 1];
  }
  if (char === "u") {
    const digits = source.slice(index + 2, index + 6);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw new PatternError("\\u needs 4 hex digits.");
    return [literal(parseInt(digits, 16)), index + 6];
  }
  if (char === "x") {
    if (!/^[0-9a-fA-F]{2}$/.test(source.slice(index + 2, index + 4))) throw new PatternError("\\x needs 2 hex digits.");
    return [source.slice(index, index + 4), index + 4];
  }
  if ("123456789".includes(char)) throw new PatternError("Backreferences are refused: they can backtrack without bound.");
  if (SYNTAX_CHARS.has(char) || "nrtf".includes(char) || (char === "-" && inClass)) {
    return [source.slice(index, index + 2), index + 2];
  }
  throw new PatternError(`\\${char} is not in the portable dialect.`);
}

const LOOKAROUND_GROUPS = ["(?=", "(?!", "(?<=", "(?<!"];

/** Whether a class body starts or ends with an unescaped "-", which would make a range with
 * its neighbour once several bodies are joined into one class. */
function bareDashAtEnd(body) {
  const escapes = body.slice(0, -1).match(/\\*$/)[0].length;
  return body.startsWith("-") || (body.endsWith("-") && escapes % 2 === 0);
}

/** A character as an item of a JavaScript class. */
const classItem = (codePoint) => (codePoint < 0x80 ? literal(codePoint) : String.fromCodePoint(codePoint));

/**
 * The class items (JavaScript source) of the characters a match of source[from..to), one
 * alternative, can start with, and whether it can match empty; null when any character can
 * start one, or only the Unicode word class says which.
 */
function firstCharacters(source, from, to) {
  const items = [];
  let index = from;
  while (index < to) {
    const char = source[index];
    let next;
    let mayBeEmpty = false;
    if (char === "\\" && "bB".includes(source[index + 1])) {
      index += 2;
      continue;
    }
    if (char === "$" || char === "^") {
      index += 1;
      continue;
    }
    if (char === "(" && LOOKAROUND_GROUPS.some((group) => source.startsWith(group, index))) {
      index = quantifierAt(source, closingOf(source, index))[0];
      continue;
    }
    if (char === "." || (char === "\\" && "wWSD".includes(source[index + 1])) || source.startsWith("[^", index)) return null;
    if (char === "\\") {
      const [text, end] = escape(source, index, true, null);
      items.push(text);
      next = end;
    } else if (char === "[") {
      next = closingOf(source, index);
      const body = translatePattern(source.slice(index, next)).slice(1, -1);
      if (body.includes("\\p{") || bareDashAtEnd(body)) return null;
      items.push(body);
    } else if (char === "(") {
      const [end, starts] = groupAlternatives(source, index);
      const ends = [...starts.slice(1).map((start) => start - 1), end - 1];
      for (const [n, start] of starts.entries()) {
        const first = firstCharacters(source, start, ends[n]);
        if (!first) return null;
        items.push(...first.items);
        mayBeEmpty ||= first.mayBeEmpty;
      }
      next = end;
    } else {
      const codePoint = source.codePointAt(index);
      items.push(classItem(codePoint));
      next = index + (codePoint > 0xffff ? 2 : 1);
    }
    const [afterQuantifier, optional] = quantifierAt(source, next);
    if (!optional && !mayBeEmpty) return { items, mayBeEmpty: false };
    index = afterQuantifier;
  }
  return { items, mayBeEmpty: true };
}

/**
 * A lookahead of the characters a match can start with, or "" when any can. Where the quick
 * check V8 derives from a pattern's first characters cannot tell (a class, many alternatives,
 * or code compiled unoptimised once the process has compiled much), V8 would try the whole
 * pattern at every position, Unicode word class and all; one small class rejects most first.
 */
function firstCharacterFilter(source) {
  const wrapped = `(?:${source})`;
  const first = firstCharacters(wrapped, 0, wrapped.length);
  return first && !first.mayBeEmpty && first.items.length ? `(?=[${first.items.join("")}])` : "";
}

/** The JavaScript source (for the "giu" flags) of a dialect pattern; throws PatternError. */
export function translatePattern(source) {
  const boundaries = boundaryAlternatives(source);
  let out = "";
  let index = 0;
  let inClass = false;
  while (index < source.length) {
    const char = source[index];
    if (char === "\\") {
      const [text, next] = escape(source, index, inClass, boundaries);
      out += text;
      index = next;
      continue;
    }
    index += 1;
    if (inClass) {
      if (char === "[") throw new PatternError("Escape [ inside [...] as \\[.");
      inClass = char !== "]";
      out += char;
    } else if (char === "[") {
      inClass = true;
      const negated = source.startsWith("^", index);
      out += negated ? "[^" : "[";
      index += negated ? 1 : 0;
      if (source.startsWith("]", index)) throw new PatternError("Escape ] as \\] at the start of [...].");
    } else if (char === "(" && source.startsWith("(?", index - 1)) {
      if (!GROUPS.some((group) => source.startsWith(group, index - 1))) {
        throw new PatternError("Only (?:, (?=, (?!, (?<= and (?<! groups are portable.");
      }
      out += char;
    } else {
      out += char === "." ? ANY_BUT_LINE_BREAK : char === "$" ? END_OF_TEXT : char;
    }
  }
  if (inClass) throw new PatternError("A [ is never closed.");
  return out;
}

/** The JavaScript source of a whole pattern: its translation behind a first-character filter. */
function patternSource(source) {
  const translated = translatePattern(source);
  const filter = firstCharacterFilter(source);
  return filter ? `${filter}(?:${translated})` : translated;
}

/** A global, case-insensitive, Unicode RegExp of a dialect pattern; throws PatternError. */
export function compilePattern(source) {
  let compiled;
  try {
    compiled = new RegExp(patternSource(source), "giu");
    checkBounded(source);
  } catch (error) {
    if (error instanceof PatternError) throw error;
    if (error instanceof UnboundedPattern) throw new PatternError(error.message);
    throw new PatternError(`Not a valid regular expression: ${error.message}.`);
  }
  compiled.lastIndex = 0;
  if (compiled.test("")) throw new PatternError("The pattern matches empty text, so it would flag every message.");
  compiled.lastIndex = 0;
  return compiled;
}
