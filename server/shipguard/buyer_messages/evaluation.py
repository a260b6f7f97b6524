"""The lint measured like a classifier on a corpus of labelled buyer messages.

A corpus is a folder of `<locale>/<nnn>.txt` files (or of splits holding such folders), each
a header (`verdict: violation|clean`, `category`, `locale`, `note`), a blank line, then the
message. A violation counts as caught when lint finds an error in it; a clean message counts
as flagged when lint finds one.
"""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from shipguard.buyer_messages.lint import lint_message

VERDICTS = ("violation", "clean")


class CorpusError(ValueError):
    """A corpus file that does not say what it is."""


@dataclass(frozen=True)
class Sample:
    """One labelled message of the corpus."""

    path: Path
    verdict: str
    category: str
    locale: str
    text: str


def read_sample(path):
    """The Sample in `path`; raises CorpusError naming the file and what is wrong."""
    head, separator, text = path.read_text(encoding="utf-8").partition("\n\n")
    header = dict(
        line.split(":", 1) for line in head.splitlines() if ":" in line and line[0] != " "
    )
    header = {key.strip(): value.strip() for key, value in header.items()}
    if not separator or header.get("verdict") not in VERDICTS or not header.get("locale"):
        raise CorpusError(f"{path}: needs verdict (violation or clean), locale and a blank line.")
    return Sample(path, header["verdict"], header.get("category", ""), header["locale"], text)


def read_corpus(folder):
    """Every sample under `folder`, in path order."""
    paths = sorted(Path(folder).rglob("*.txt"))
    if not paths:
        raise CorpusError(f"{folder}: no .txt messages in it.")
    return [read_sample(path) for path in paths]


def errors_in(sample, rules=None):
    """The ids of the error rules lint finds in a sample, in order, once each."""
    findings = lint_message(sample.text, locale=sample.locale, rules=rules)
    return list(dict.fromkeys(f["rule"] for f in findings if f["severity"] == "error"))


@dataclass(frozen=True)
class Evaluation:
    """Counts of a corpus run: violations caught per category and language, clean flagged."""

    caught: Counter
    violations: Counter
    flagged: Counter
    clean: Counter
    misses: tuple  # (sample, rule ids): a violation with no error, a clean message with one

    def recall(self, key=None):
        """(caught, violations) for a key, or for the whole corpus."""
        return _count(self.caught, key), _count(self.violations, key)

    def false_flags(self, key=None):
        """(flagged, clean messages) for a key, or for the whole corpus."""
        return _count(self.flagged, key), _count(self.clean, key)


def _count(counter, key):
    # Every sample is counted once per language, so the languages add up to the whole.
    return counter[key] if key else sum(n for (kind, _), n in counter.items() if kind == "locale")


def evaluate(samples, rules=None):
    """Evaluation of `samples`; per-category keys are ("category", name), per-language ("locale", code)."""
    caught, violations, flagged, clean, misses = Counter(), Counter(), Counter(), Counter(), []
    for sample in samples:
        errors = errors_in(sample, rules)
        if sample.verdict == "violation":
            keys = (("category", sample.category), ("locale", sample.locale))
            for key in keys:
                violations[key] += 1
                caught[key] += bool(errors)
            if not errors:
                misses.append((sample, errors))
        else:
            clean[("locale", sample.locale)] += 1
            flagged[("locale", sample.locale)] += bool(errors)
            if errors:
                misses.append((sample, errors))
    return Evaluation(caught, violations, flagged, clean, tuple(misses))


def _percent(part, whole):
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


LABEL_WIDTH = 32


def _row(label, part, whole):
    return f"  {label:<{LABEL_WIDTH - 2}}{part:>8}{whole:>6}{_percent(part, whole):>9}"


def report(evaluation):
    """The evaluation as text: recall per category and per language, false-flag rates."""
    lines = [f"{'violations caught (recall)':<{LABEL_WIDTH}}{'caught':>8}{'of':>6}{'recall':>9}"]
    for kind in ("category", "locale"):
        for name in sorted(name for k, name in evaluation.violations if k == kind):
            lines.append(_row(f"{kind} {name}", *evaluation.recall((kind, name))))
    lines.append(_row("all violations", *evaluation.recall()))
    lines.append(f"{'clean messages flagged':<{LABEL_WIDTH}}{'flagged':>8}{'of':>6}{'rate':>9}")
    for code in sorted(name for _, name in evaluation.clean):
        lines.append(_row(f"locale {code}", *evaluation.false_flags(("locale", code))))
    lines.append(_row("all clean messages", *evaluation.false_flags()))
    return "\n".join(lines)
