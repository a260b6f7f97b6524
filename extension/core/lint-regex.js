/**
 * Lint patterns: the portable regex dialect, translated for JavaScript. The twin of
 * server/shipguard/lintregex.py, which documents the dialect; both engines must find the
 * same matches, so `\b \w \d \s . $` are spelled out the same way on both sides.
 */

import { checkBounded, UnboundedPattern } from "./lint-bounds.js";

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

function escape(source, index, inClass) {
  if (index + 1 >= source.length) throw new PatternError("The pattern ends with a backslash.");
  const char = source[index + 1];
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

/** The JavaScript source (for the "giu" flags) of a dialect pattern; throws PatternError. */
export function translatePattern(source) {
  let out = "";
  let index = 0;
  let inClass = false;
  while (index < source.length) {
    const char = source[index];
    if (char === "\\") {
      const [text, next] = escape(source, index, inClass);
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

/** A global, case-insensitive, Unicode RegExp of a dialect pattern; throws PatternError. */
export function compilePattern(source) {
  let compiled;
  try {
    compiled = new RegExp(translatePattern(source), "giu");
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
