/**
 * What a lint pattern's source says about its shape, read without compiling it: where its
 * groups, classes and quantifiers end, and which atoms surely begin or end with a word
 * character (lint-regex.js writes a \b beside those as one lookaround).
 */

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/** [end, mayBeEmpty] of the quantifier at source[index] (none: [index, false]). */
export function quantifierAt(source, index) {
  const char = source[index];
  let end = index;
  if (char === "?" || char === "*" || char === "+") end = index + 1;
  else if (char === "{") end = source.indexOf("}", index) + 1;
  else return [index, false];
  const mayBeEmpty = char === "?" || char === "*" || source.startsWith("{0", index);
  return [source[end] === "?" ? end + 1 : end, mayBeEmpty];
}

/** The index past the ")" closing the group opened at source[index], and its alternatives' starts. */
export function groupAlternatives(source, index) {
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
export function startsWithWordChar(source, index) {
  if (index >= source.length || "|)".includes(source[index])) return false;
  if (source.startsWith("\\b", index)) return startsWithWordChar(source, index + 2);
  const atom = atomAt(source, index);
  if (!atom || !atom[0]) return false;
  const [next, mayBeEmpty] = quantifierAt(source, atom[1]);
  return !mayBeEmpty || startsWithWordChar(source, next);
}

/** The index past the group or class opened at source[index] (a "(" or "["), or -1. */
export function closingOf(source, index) {
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
export function endsWithWordChar(source, from, to) {
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
export function boundaryAlternatives(source) {
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
