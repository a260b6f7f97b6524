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
const WORD_START = `(?<![${WORD}])`;
const WORD_END = `(?![${WORD}])`;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/** [end, mayBeEmpty] of the quantifier at source[index] (none: [index, false]). */
function quantifierAt(source, index) {
  const char = source[index];
  let end = index;
  if (char === "?" || char === "*" || char === "+") end = index + 1;
  else if (char === "{") end = source.indexOf("}", index) + 1;
  else return [index, false];
  const mayBeEmpty = char === "?" || char === "*" || source.startsWith("{0", index);
  return [source[end] === "?" ? end + 1 : end, mayBeEmpty];
}

/** The index past the ")" closing the group opened at source[index], and its alternatives' starts. */
function groupAlternatives(source, index) {
  const starts = [index + 3];
  let depth = 0;
  let position = index + 3;
  while (position < source.length) {
    const char = source[position];
    if (char === "\\") position += 2;
    else if (char === "[") {
      position += 1;
      while (position < source.length && source[position] !== "]") position += source[position] === "\\" ? 2 : 1;
      position += 1;
    } else {
      if (char === "(") depth += 1;
      else if (char === ")" && depth === 0) return [position + 1, starts];
      else if (char === ")") depth -= 1;
      else if (char === "|" && depth === 0) starts.push(position + 1);
      position += 1;
    }
  }
  return [-1, starts];
}

/** [atom starts with a word character, index past the atom] at source[index], or null. */
function atomAt(source, index) {
  const char = source[index];
  if (char === "\\") return ["wd".includes(source[index + 1]), index + 2];
  if (char === "[") {
    const end = closingOf(source, index);
    return end > 0 ? [classOfWordChars(source, index, end), end] : null;
  }
  if (source.startsWith("(?:", index)) {
    const [end, starts] = groupAlternatives(source, index);
    return end > 0 ? [starts.every((start) => startsWithWordChar(source, start)), end] : null;
  }
  const codePoint = source.codePointAt(index);
  return [WORD_CHAR.test(String.fromCodePoint(codePoint)), index + (codePoint > 0xffff ? 2 : 1)];
}

/** Whether the pattern text from source[index] always begins by consuming a word character. */
function startsWithWordChar(source, index) {
  if (index >= source.length || "|)".includes(source[index])) return false;
  if (source.startsWith("\\b", index)) return startsWithWordChar(source, index + 2);
  const atom = atomAt(source, index);
  if (!atom || !atom[0]) return false;
  const [next, mayBeEmpty] = quantifierAt(source, atom[1]);
  return !mayBeEmpty || startsWithWordChar(source, next);
}

/** The index past the group or class opened at source[index] (a "(" or "["), or -1. */
function closingOf(source, index) {
  if (source[index] === "[") {
    let position = index + 1;
    while (position < source.length && source[position] !== "]") position += source[position] === "\\" ? 2 : 1;
    return position < source.length ? position + 1 : -1;
  }
  const opener = source.startsWith("(?<", index) ? 4 : 3;
  return groupAlternatives(source, index - 3 + opener)[0];
}

/** Whether the class source[index..end) (such as [0-9] or [ei]) holds only word characters. */
function classOfWordChars(source, index, end) {
  const body = source.slice(index + 1, end - 1);
  if (end < 0 || body.startsWith("^")) return false;
  const range = /^(?:[a-z]-[a-z]|[0-9]-[0-9])/;
  for (let position = 0; position < body.length; ) {
    if (range.test(body.slice(position))) position += 3;
    else if (body[position] === "\\" && "wd".includes(body[position + 1])) position += 2;
    else if (WORD_CHAR.test(String.fromCodePoint(body.codePointAt(position))) && body[position + 1] !== "-") {
      position += body.codePointAt(position) > 0xffff ? 2 : 1;
    } else return false;
  }
  return body.length > 0;
}

/** [atom ends with a word character (null: consumes nothing), index past it] at source[index]. */
function atomEndAt(source, index) {
  const char = source[index];
  if (char === "\\") return [source[index + 1] === "b" ? null : "wd".includes(source[index + 1]), index + 2];
  if (char === "[") {
    const end = closingOf(source, index);
    return [classOfWordChars(source, index, end), end];
  }
  if (char === "(") {
    const end = closingOf(source, index);
    if (end < 0 || !source.startsWith("(?:", index)) return [null, end];
    const [, starts] = groupAlternatives(source, index);
    const ends = [...starts.slice(1).map((start) => start - 1), end - 1];
    return [starts.every((start, n) => endsWithWordChar(source, start, ends[n])), end];
  }
  const codePoint = source.codePointAt(index);
  return [WORD_CHAR.test(String.fromCodePoint(codePoint)), index + (codePoint > 0xffff ? 2 : 1)];
}

/** Whether the pattern text source[from..to), one alternative, always ends by consuming a word character. */
function endsWithWordChar(source, from, to) {
  const atoms = [];
  let index = from;
  while (index < to) {
    const [word, end] = atomEndAt(source, index);
    if (end < 0 || end > to) return false;
    const [next, mayBeEmpty] = quantifierAt(source, end);
    atoms.push([word, mayBeEmpty]);
    index = next;
  }
  for (let n = atoms.length - 1; n >= 0; n -= 1) {
    const [word, mayBeEmpty] = atoms[n];
    if (!word) return false;
    if (!mayBeEmpty) return true;
  }
  return false;
}

/** For each "\\b" of a pattern (by index), where the alternative holding it starts. */
function boundaryAlternatives(source) {
  const found = new Map();
  const opened = [];
  let start = 0;
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (char === "\\") {
      if (source[index + 1] === "b") found.set(index, start);
      index += 2;
    } else if (char === "[") {
      index = closingOf(source, index);
      if (index < 0) break;
    } else if (char === "(") {
      opened.push(start);
      start = index + (source.startsWith("(?<", index) ? 4 : 3);
      index = start;
    } else {
      if (char === "|") start = index + 1;
      else if (char === ")") start = opened.pop() ?? 0;
      index += 1;
    }
  }
  return found;
}

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
