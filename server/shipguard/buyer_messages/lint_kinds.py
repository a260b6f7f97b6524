"""What each kind of lint rule checks; spans here are character indexes (lint.py converts them)."""

import re
import unicodedata
from bisect import bisect_right

from shipguard.buyer_messages.utf16 import char_index, utf16_len


def in_scope(rule, context):
    """Whether a rule applies: by marketplace when one is given, else by locale."""
    scope = rule.spec.get("scope")
    if not scope:
        return True
    if context.marketplace:
        return context.marketplace in scope.get("marketplaces", [])
    return context.locale in scope.get("locales", [])


def _spans(patterns, text):
    for pattern in patterns:
        for match in pattern.finditer(text):
            if match.end() > match.start():
                yield match.start(), match.end()


def _found(patterns, text):
    return any(True for _ in _spans(patterns, text))


def merged(spans):
    """Spans sorted, overlapping or touching ones joined: one finding per stretch of text."""
    joined = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def letters_outside(text, spans):
    """How many letters (Unicode category L) of `text` lie outside the merged `spans`."""
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return sum(1 for char in " ".join(pieces) if unicodedata.category(char)[0] == "L")


def _overlaps(span, others):
    return any(start < span[1] and span[0] < end for start, end in others)


def check_pattern(rule, context):
    """Every match of the rule's patterns is a finding, unless an `unless` match overlaps it
    (an antipattern: "the carrier's number is …" is not the seller's phone number) or its
    sentence is read as not asking the buyer (see _asked). A `when_asked` match names only
    what would be asked ("cancel … from Your Orders", "a review"): it is a finding only in a
    sentence that asks the buyer (see _in_asking_sentences)."""
    text = context.text
    spans = list(_spans(context.patterns(rule, "patterns"), text))
    topics = list(_spans(context.patterns(rule, "when_asked"), text))
    if not spans and not topics:
        return []  # most messages: no antipattern to look for
    exempt = list(_spans(context.patterns(rule, "unless"), text))
    found = [span for span in spans if not _overlaps(span, exempt)]
    topics = [span for span in topics if not _overlaps(span, exempt)]
    if topics:
        found += _in_asking_sentences(topics, rule, context)
    return merged(_asked(found, rule, context) if found else found)


def _asking_forms(rule, context, quoted):
    """The `asks` spans of the text, less those inside quotes (they ask nothing)."""
    return [
        span
        for span in _spans(context.patterns(rule, "asks"), context.text)
        if not _within(span, quoted)
    ]


def _in_asking_sentences(topics, rule, context):
    """The `when_asked` spans that share a sentence with an asking form aimed at the buyer.

    Who is asked to do what makes a violation: "you can cancel from Your Orders" states the
    buyer's right and "the lab's review" is someone else's, while "could you cancel from Your
    Orders" and "would you leave a review" ask the buyer, and so does 'click "Leave seller
    feedback"'; an asking form inside quotes asks nothing.
    """
    text = context.text
    quoted = [match.span() for match in QUOTED.finditer(text)]
    asking = _asking_forms(rule, context, quoted)
    if not asking:
        return []
    starts = [start for start, _ in _sentences(text)]
    asked = {bisect_right(starts, start) - 1 for start, _ in asking}
    return [
        (start, end)
        for start, end in topics
        if not asked.isdisjoint(
            range(bisect_right(starts, start) - 1, bisect_right(starts, end - 1))
        )
    ]


def _asked(spans, rule, context):
    """The spans whose sentences ask something of the buyer.

    A pattern sees a few words; whether they ask the buyer to act is said by the rest of the
    sentence: "our routine review of incoming stock", "the carrier's feedback", "it carries a
    5-star rating", "you can ask us to cancel at any time" name someone else's review or the
    buyer's own right. A span is dropped when a sentence it lies in holds such a cue
    (`sentence_unless`) and none holds an asking form aimed at the buyer (`asks`: please,
    could you, leave us ...). Where the rule reads asking forms in the message's language, a
    span wholly inside quotes is a name or someone's words (the book "Leave a Review", a gift
    note "Tell everyone...") and counts as its own cue, and asking forms inside quotes ask
    nothing. Each list is searched once in the whole text, so this stays linear.
    """
    text = context.text
    cues = [start for start, _ in _spans(context.patterns(rule, "sentence_unless"), text)]
    reads_asks = any(code in rule.spec.get("asks", {}) for code in context.languages)
    quoted = [match.span() for match in QUOTED.finditer(text)] if reads_asks else []
    named = {span for span in spans if _within(span, quoted)}
    if not cues and not named:
        return spans
    starts = [start for start, _ in _sentences(text)]
    cued = {bisect_right(starts, start) - 1 for start in cues}
    asking = {bisect_right(starts, start) - 1 for start, _ in _asking_forms(rule, context, quoted)}
    kept = []
    for start, end in spans:
        held = range(bisect_right(starts, start) - 1, bisect_right(starts, end - 1))
        exempt = (start, end) in named or not cued.isdisjoint(held)
        if asking.isdisjoint(held) and exempt:
            continue
        kept.append((start, end))
    return kept


def _within(span, others):
    return any(start <= span[0] and span[1] <= end for start, end in others)


def check_required_pattern(rule, context):
    """The whole text, when none of the patterns matches anywhere."""
    return (
        [] if _found(context.patterns(rule, "patterns"), context.text) else [(0, len(context.text))]
    )


def check_max_length(rule, context):
    """What lies past the limit, counted in UTF-16 units as the extension does."""
    limit, whole = rule.spec["max_chars"], context.whole
    if utf16_len(whole) <= limit:
        return []
    return [(char_index(whole, limit), len(whole))]


def check_only(rule, context):
    """A message that is nothing but the core phrases plus courtesy, with no reason of its own."""
    text = context.text
    cores = sorted(_spans(context.patterns(rule, "core"), text))
    profiles = context.profiles()
    if not cores or any(_found(profile.reasons, text) for profile in profiles):
        return []
    courtesy = _spans([pattern for profile in profiles for pattern in profile.courtesy], text)
    limits = rule.spec["max_other_letters"]
    limit = max((limits.get(code, limits["*"]) for code in context.languages), default=limits["*"])
    return [cores[0]] if letters_outside(text, merged([*cores, *courtesy])) <= limit else []


def check_language(rule, context):
    """The whole text, when another language's stop words clearly outnumber the expected one's."""
    scores = context.scores
    expected = [code for code in context.declared if code in scores]
    others = [code for code in sorted(scores) if code not in context.declared]
    if not expected or not others:
        return []
    best = max(others, key=scores.get)
    enough = scores[best] >= rule.spec["min_words"]
    return (
        [(0, len(context.text))]
        if enough and scores[best] >= rule.spec["ratio"] * max(scores[code] for code in expected)
        else []
    )


def check_requires(rule, context):
    """A message that matches `when` (and not `unless`) must also match `require`."""
    text = context.text
    when = sorted(_spans(context.patterns(rule, "when"), text))
    if not when or _found(context.patterns(rule, "unless"), text):
        return []
    return [] if _found(context.patterns(rule, "require"), text) else [when[0]]


SENTENCE_ENDS = ".!?。！？\n"
# Characters that join a word's parts (USB-C, NUCLEO-F446RE, don't).
WORD_JOINERS = "-_'’"


def _ends_sentence(text, index):
    """Whether the character at `index` is a sentence's end mark: a point followed by a letter
    or digit is inside a word or number (F/2.8, amazon.de, z.B.), not at a sentence's end."""
    if text[index] == ".":
        return not text[index + 1 : index + 2].isalnum()
    return text[index] in SENTENCE_ENDS


def _sentences(text):
    """(start, end) of each sentence: text up to and including its run of end marks."""
    start, index = 0, 0
    while index < len(text):
        if _ends_sentence(text, index):
            while index < len(text) and _ends_sentence(text, index):
                index += 1
            yield start, index
            start = index
        else:
            index += 1
    if start < len(text):
        yield start, len(text)


def _longest_run(text, chars):
    longest = run = 0
    for char in text:
        run = run + 1 if char in chars else 0
        longest = max(longest, run)
    return longest


def _word_letter_categories(sentence):
    """The categories of the letters of a sentence's words, less words holding a digit:
    model numbers and codes (NUCLEO-F446RE, HP 953XL) are written in capitals, not shouted."""
    categories, word = [], []
    for char in (*sentence, " "):
        category = unicodedata.category(char)
        if category[0] in "LMN" or char in WORD_JOINERS:
            word.append(category)
            continue
        if not any(kind[0] == "N" for kind in word):
            categories.extend(word)
        word = []
    return categories


# A name in quotes is written as its maker writes it ("PLAY MAT XL", 「PLAY MAT XL」), not shouted.
QUOTED = re.compile(
    r'“[^”\n]{0,80}”|„[^“”\n]{0,80}[“”]|«[^»\n]{0,80}»|「[^」\n]{0,80}」|『[^』\n]{0,80}』|"[^"\n]{0,80}"'
)


def check_shouting(rule, context):
    """Sentences mostly in capitals, and sentences with a run of more than
    `max_exclamations` exclamation marks. Letters of scripts without case (kana, kanji) count
    among a sentence's letters: a Japanese sentence naming a SKU is not in capitals."""
    spec, text, found = rule.spec, context.text, []
    for start, end in _sentences(text):
        categories = _word_letter_categories(QUOTED.sub(" ", text[start:end]))
        upper, letters = (
            categories.count("Lu"),
            sum(map(("Lu", "Ll", "Lo", "Lm").count, categories)),
        )
        capitals = letters >= spec["min_letters"] and upper > spec["max_capital_share"] * letters
        if capitals or _longest_run(text[start:end], "!！") > spec["max_exclamations"]:
            found.append((start, end))
    return merged(found)


CHECKS = {
    "pattern": check_pattern,
    "required-pattern": check_required_pattern,
    "max-length": check_max_length,
    "only": check_only,
    "language": check_language,
    "requires": check_requires,
    "shouting": check_shouting,
}
