/**
 * What each kind of lint rule checks: the twin of server/shipguard/lintkinds.py. Spans are
 * UTF-16 offsets, JavaScript's own string indexes.
 */

/** Whether a rule applies: by marketplace when one is given, else by locale. */
export function inScope(rule, context) {
  const scope = rule.spec.scope;
  if (!scope) return true;
  if (context.marketplace) return (scope.marketplaces || []).includes(context.marketplace);
  return (scope.locales || []).includes(context.locale);
}

function spans(patterns, text) {
  const found = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      if (match[0].length > 0) found.push([match.index, match.index + match[0].length]);
    }
  }
  return found;
}

const isFound = (patterns, text) => spans(patterns, text).length > 0;
const bySpan = (a, b) => a[0] - b[0] || a[1] - b[1];

/** Spans sorted, overlapping or touching ones joined: one finding per stretch of text. */
export function merged(list) {
  const joined = [];
  for (const [start, end] of [...list].sort(bySpan)) {
    const last = joined[joined.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(end, last[1]);
    else joined.push([start, end]);
  }
  return joined;
}

/** How many letters (Unicode category L) of `text` lie outside the merged `spans`. */
export function lettersOutside(text, list) {
  const pieces = [];
  let position = 0;
  for (const [start, end] of list) {
    pieces.push(text.slice(position, start));
    position = end;
  }
  pieces.push(text.slice(position));
  return (pieces.join(" ").match(/\p{L}/gu) || []).length;
}

const isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code) => code >= 0xdc00 && code <= 0xdfff;

const overlaps = (span, others) => others.some(([start, end]) => start < span[1] && span[0] < end);

const SENTENCE_ENDS = ".!?。！？\n";

// A point followed by a letter or digit is inside a word or number (F/2.8, amazon.de, z.B.),
// not at a sentence's end.
const endsSentence = (text, index) =>
  text[index] === "." ? !/^[\p{L}\p{N}]/u.test(text.slice(index + 1, index + 3)) : SENTENCE_ENDS.includes(text[index]);

/** [start, end] of each sentence: text up to and including its run of end marks. */
function sentences(text) {
  const found = [];
  let start = 0;
  let index = 0;
  while (index < text.length) {
    if (endsSentence(text, index)) {
      while (index < text.length && endsSentence(text, index)) index += 1;
      found.push([start, index]);
      start = index;
    } else {
      index += 1;
    }
  }
  if (start < text.length) found.push([start, text.length]);
  return found;
}

/** The index of the last of the ascending `starts` at or before `position` (-1: none). */
function lastAtOrBefore(starts, position) {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] <= position) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * The spans whose sentences ask something of the buyer (twin of lint_kinds.py's _asked).
 * A span is dropped when a sentence it lies in holds a `sentence_unless` cue (someone else's
 * review, a name, the buyer's own right to cancel) and none holds an asking form (`asks`).
 * Where the rule reads asking forms in the message's language, a span wholly inside quotes is
 * a name or someone's words (the book "Leave a Review", a gift note) and its own cue, and
 * asking forms inside quotes ask nothing. Each list is searched once, so this stays linear.
 */
function asked(found, rule, context) {
  const { text } = context;
  const cues = spans(context.patterns(rule, "sentence_unless"), text);
  const readsAsks = context.languages.some((code) => code in (rule.spec.asks || {}));
  const quoted = readsAsks ? [...text.matchAll(QUOTED)].map((match) => [match.index, match.index + match[0].length]) : [];
  const named = new Set(found.filter((span) => within(span, quoted)));
  if (!cues.length && !named.size) return found;
  const starts = sentences(text).map(([start]) => start);
  const cued = new Set(cues.map(([start]) => lastAtOrBefore(starts, start)));
  const asking = new Set(askingForms(rule, context, quoted).map(([start]) => lastAtOrBefore(starts, start)));
  return found.filter((span) => {
    const last = lastAtOrBefore(starts, span[1] - 1);
    let cue = named.has(span);
    for (let index = lastAtOrBefore(starts, span[0]); index <= last; index += 1) {
      if (asking.has(index)) return true;
      cue ||= cued.has(index);
    }
    return !cue;
  });
}

const within = (span, others) => others.some(([start, end]) => start <= span[0] && span[1] <= end);

/** The `asks` spans of the text, less those inside quotes (they ask nothing). */
const askingForms = (rule, context, quoted) =>
  spans(context.patterns(rule, "asks"), context.text).filter((span) => !within(span, quoted));

/**
 * The `when_asked` spans that share a sentence with an asking form aimed at the buyer (twin
 * of lint_kinds.py's _in_asking_sentences). Who is asked to do what makes a violation: "you
 * can cancel from Your Orders" states the buyer's right and "the lab's review" is someone
 * else's, while "could you cancel from Your Orders" and 'click "Leave seller feedback"' ask the
 * buyer; an asking form inside quotes asks nothing.
 */
function inAskingSentences(topics, rule, context) {
  const { text } = context;
  const quoted = [...text.matchAll(QUOTED)].map((match) => [match.index, match.index + match[0].length]);
  const asking = askingForms(rule, context, quoted);
  if (!asking.length) return [];
  const starts = sentences(text).map(([start]) => start);
  const asked = new Set(asking.map(([start]) => lastAtOrBefore(starts, start)));
  return topics.filter((span) => {
    const last = lastAtOrBefore(starts, span[1] - 1);
    for (let index = lastAtOrBefore(starts, span[0]); index <= last; index += 1) {
      if (asked.has(index)) return true;
    }
    return false;
  });
}

// A sentence's words, less words holding a digit: model numbers and codes (NUCLEO-F446RE,
// HP 953XL) are written in capitals, not shouted. Joiners as in lint_kinds.py's WORD_JOINERS.
const wordLetters = (sentence) =>
  (sentence.match(/[\p{L}\p{M}\p{N}\-_'’]+/gu) || []).filter((word) => !/\p{N}/u.test(word)).join(" ");

// A name in quotes is written as its maker writes it ("PLAY MAT XL", 「PLAY MAT XL」), not shouted.
const QUOTED = /“[^”\n]{0,80}”|„[^“”\n]{0,80}[“”]|«[^»\n]{0,80}»|「[^」\n]{0,80}」|『[^』\n]{0,80}』|"[^"\n]{0,80}"/gu;

const longestRun = (text, chars) => Math.max(0, ...(text.match(new RegExp(`[${chars}]+`, "gu")) || []).map((run) => run.length));

const CHECKS = {
  // An `unless` match overlapping a match exempts it (an antipattern: "the carrier's number
  // is …" is not the seller's phone number), and so does a sentence read as not asking the
  // buyer (see asked). A `when_asked` match names only what would be asked: it is a finding
  // only in a sentence that asks the buyer (see inAskingSentences).
  pattern: (rule, context) => {
    const { text } = context;
    const matches = spans(context.patterns(rule, "patterns"), text);
    const topics = spans(context.patterns(rule, "when_asked"), text);
    if (!matches.length && !topics.length) return [];
    const exempt = spans(context.patterns(rule, "unless"), text);
    const found = matches.filter((span) => !overlaps(span, exempt));
    const open = topics.filter((span) => !overlaps(span, exempt));
    if (open.length) found.push(...inAskingSentences(open, rule, context));
    return merged(found.length ? asked(found, rule, context) : found);
  },

  // Letters of scripts without case (kana, kanji) count among a sentence's letters: a Japanese
  // sentence naming a SKU is not in capitals.
  shouting: (rule, context) => {
    const { text } = context;
    const spec = rule.spec;
    const found = [];
    for (const [start, end] of sentences(text)) {
      const sentence = text.slice(start, end);
      const letters = wordLetters(sentence.replace(QUOTED, " "));
      const upper = (letters.match(/\p{Lu}/gu) || []).length;
      const counted = (letters.match(/[\p{Lu}\p{Ll}\p{Lo}\p{Lm}]/gu) || []).length;
      const capitals = counted >= spec.min_letters && upper > spec.max_capital_share * counted;
      if (capitals || longestRun(sentence, "!！") > spec.max_exclamations) found.push([start, end]);
    }
    return merged(found);
  },

  "required-pattern": (rule, context) =>
    isFound(context.patterns(rule, "patterns"), context.text) ? [] : [[0, context.text.length]],

  "max-length": (rule, context) => {
    const text = context.whole;
    const limit = rule.spec.max_chars;
    if (text.length <= limit) return [];
    // Never start a span between the two halves of an emoji.
    const split = isLowSurrogate(text.charCodeAt(limit)) && isHighSurrogate(text.charCodeAt(limit - 1));
    return [[split ? limit - 1 : limit, text.length]];
  },

  only: (rule, context) => {
    const { text } = context;
    const cores = spans(context.patterns(rule, "core"), text).sort(bySpan);
    const profiles = context.profiles();
    if (!cores.length || profiles.some((profile) => isFound(profile.reasons, text))) return [];
    const courtesy = spans(profiles.flatMap((profile) => profile.courtesy), text);
    const limits = rule.spec.max_other_letters;
    const perLanguage = context.languages.map((code) => limits[code] ?? limits["*"]);
    const limit = perLanguage.length ? Math.max(...perLanguage) : limits["*"];
    return lettersOutside(text, merged([...cores, ...courtesy])) <= limit ? [cores[0]] : [];
  },

  language: (rule, context) => {
    const { scores } = context;
    const expected = context.declared.filter((code) => code in scores);
    const others = Object.keys(scores).sort().filter((code) => !context.declared.includes(code));
    if (!expected.length || !others.length) return [];
    const best = others.reduce((a, b) => (scores[b] > scores[a] ? b : a));
    const enough = scores[best] >= rule.spec.min_words;
    const clearly = scores[best] >= rule.spec.ratio * Math.max(...expected.map((code) => scores[code]));
    return enough && clearly ? [[0, context.text.length]] : [];
  },

  requires: (rule, context) => {
    const { text } = context;
    const when = spans(context.patterns(rule, "when"), text).sort(bySpan);
    if (!when.length || isFound(context.patterns(rule, "unless"), text)) return [];
    return isFound(context.patterns(rule, "require"), text) ? [] : [when[0]];
  },
};

export const KINDS = Object.keys(CHECKS);

/** The spans a rule finds in the context's text ([] for a kind this build does not know). */
export function check(rule, context) {
  const kindCheck = CHECKS[rule.kind];
  return kindCheck ? kindCheck(rule, context) : [];
}
