/**
 * Which lint patterns run in bounded time: the twin of
 * server/shipguard/buyer_messages/lint_bounds.py, which explains the refusals (backreferences,
 * repeated groups holding a quantifier or |, two unbounded repeats in a row, an unbounded
 * repeat where a match starts). Both twins refuse the same patterns with the same reasons.
 */

export class UnboundedPattern extends Error {}

const LOOKAROUNDS = ["(?=", "(?!", "(?<=", "(?<!"];
const LOOKBEHINDS = ["(?<=", "(?<!"];
const startsWithAny = (source, prefixes, index) => prefixes.some((p) => source.startsWith(p, index));

/** [kind, minimum, end] of the quantifier at source[index], or null. */
function quantifier(source, index) {
  if (index >= source.length || !"*+?{".includes(source[index])) return null;
  const char = source[index];
  let end;
  let minimum;
  let kind;
  if (char === "{") {
    end = source.indexOf("}", index);
    const [low, high] = source.slice(index + 1, end).split(",");
    minimum = Number(low || 0);
    if (high === "") kind = "unbounded";
    else kind = minimum === 0 && Number(high ?? low) <= 1 ? "optional" : "bounded";
  } else {
    end = index;
    minimum = char === "+" ? 1 : 0;
    kind = char === "?" ? "optional" : "unbounded";
  }
  end += 1;
  if (source[end] === "?") end += 1; // lazy: the same steps in another order
  return [kind, minimum, end];
}

function atomEnd(source, index) {
  if (source[index] === "\\") {
    if (source.startsWith("u{", index + 1)) return source.indexOf("}", index) + 1;
    return index + ({ u: 6, x: 4 }[source[index + 1]] ?? 2);
  }
  if (source[index] === "[") {
    let position = index + 1;
    while (source[position] !== "]") position += source[position] === "\\" ? 2 : 1;
    return position + 1;
  }
  return index + 1;
}

const newGroup = (atStart, lookbehind, zeroWidth) => ({
  atStart, lookbehind, zeroWidth, quantified: false, alternation: false, startsOpen: false,
  alternative: { atStart, pendingUnbounded: false },
});

function place(group, kind, minimum, { anchor = false, zeroWidth = false, where = "" } = {}) {
  const { alternative } = group;
  if (zeroWidth) {
    if (anchor) alternative.atStart = false;
    return;
  }
  if (kind === "unbounded") {
    if (alternative.pendingUnbounded) {
      throw new UnboundedPattern(
        `Two unbounded repeats in a row${where} can backtrack without bound; bound one, such as {0,40}.`);
    }
    if (alternative.atStart) {
      throw new UnboundedPattern(
        `An unbounded repeat where a match starts${where} rescans long runs; put \\b or a lookbehind before it.`);
    }
    alternative.pendingUnbounded = true;
  } else if (minimum > 0) {
    alternative.pendingUnbounded = false;
  }
  if (minimum > 0) alternative.atStart = false;
}

/** Throw UnboundedPattern when a dialect pattern could backtrack without bound. */
export function checkBounded(source) {
  const stack = [newGroup(true, false, false)];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    const group = stack[stack.length - 1];
    if (char === "\\" && "123456789".includes(source[index + 1] ?? "x")) {
      throw new UnboundedPattern("Backreferences are refused: they can backtrack without bound.");
    }
    if (char === "(") {
      const lookbehind = startsWithAny(source, LOOKBEHINDS, index);
      stack.push(newGroup(group.alternative.atStart, lookbehind, startsWithAny(source, LOOKAROUNDS, index)));
      index += (source.startsWith("(?", index) ? 3 : 1) + (lookbehind ? 1 : 0);
      continue;
    }
    if (char === "|") {
      group.alternation = true;
      group.startsOpen ||= group.alternative.atStart;
      group.alternative = { atStart: group.atStart, pendingUnbounded: false };
      index += 1;
      continue;
    }
    if (char === ")") {
      const inner = stack.pop();
      inner.startsOpen ||= inner.alternative.atStart;
      const outer = stack[stack.length - 1];
      const found = quantifier(source, index + 1);
      const [kind, minimum, next] = found || ["one", 1, index + 1];
      index = next;
      if ((kind === "bounded" || kind === "unbounded") && (inner.quantified || inner.alternation)) {
        throw new UnboundedPattern(
          "A repeated group holding a quantifier or | can backtrack without bound; only ? may follow such a group.");
      }
      outer.quantified ||= inner.quantified || found !== null;
      if (inner.zeroWidth) place(outer, kind, 0, { anchor: inner.lookbehind, zeroWidth: true });
      else place(outer, kind, inner.startsOpen ? 0 : minimum);
      continue;
    }
    if (char === "^" || char === "$" || source.startsWith("\\b", index) || source.startsWith("\\B", index)) {
      place(group, "one", 0, { anchor: char === "^" || source.startsWith("\\b", index), zeroWidth: true });
      index += char === "^" || char === "$" ? 1 : 2;
      continue;
    }
    const end = atomEnd(source, index);
    const found = quantifier(source, end);
    const [kind, minimum, next] = found || ["one", 1, end];
    index = next;
    group.quantified ||= found !== null;
    place(group, kind, minimum, { where: ` (ending at character ${index})` });
  }
  return source;
}
