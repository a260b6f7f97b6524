"""`shipguard lint FILE`: a buyer message linted, one `FILE:line:col: severity rule: message` line per finding."""

import re
import sys
from pathlib import Path

from shipguard.bundle.datastore import load_data
from shipguard.bundle.schemas.common import LOCALE, MARKETPLACE_CODE
from shipguard.buyer_messages.evaluation import CorpusError, evaluate, read_corpus, report
from shipguard.buyer_messages.lint import lint_message
from shipguard.buyer_messages.lint_requests import unknown_lint_target
from shipguard.buyer_messages.utf16 import char_index

USAGE_ERROR = 2  # as argparse exits: the command could not lint at all


def run(file, locale=None, marketplace=None, data_dir=None, out=sys.stdout, err=sys.stderr):
    """Lint FILE ("-" for standard input); 1 if any finding is an error, 0 if not, 2 if it cannot lint."""
    problem = _argument_problem(locale, marketplace)
    text = None if problem else _read(file)
    if isinstance(text, OSError) or problem:
        print(f"shipguard lint: {problem or _reason(file, text)}", file=err)
        return USAGE_ERROR
    data = load_data(data_dir)
    unknown = unknown_lint_target(data, locale, marketplace)
    if unknown:
        print(f"shipguard lint: {unknown}", file=err)
        return USAGE_ERROR
    findings = lint_message(text, locale=locale, marketplace=marketplace, rules=data.lint)
    name = "<stdin>" if file == "-" else file
    for finding in findings:
        line, column = line_and_column(text, finding["start"])
        print(
            f"{name}:{line}:{column}: {finding['severity']} {finding['rule']}: {finding['message']}",
            file=out,
        )
    return 1 if any(finding["severity"] == "error" for finding in findings) else 0


def line_and_column(text, unit):
    """1-based line and column of a UTF-16 offset; columns count characters, as editors do."""
    index = char_index(text, unit)
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _argument_problem(locale, marketplace):
    if locale is not None and not re.fullmatch(LOCALE, locale):
        return f"--locale {locale!r} is not a BCP 47 locale such as en-US or de-DE."
    if marketplace is not None and not re.fullmatch(MARKETPLACE_CODE, marketplace):
        return f"--marketplace {marketplace!r} is not a marketplace code such as US."
    return None


def _read(file):
    """The file's text (or standard input's), else the OSError that stopped it."""
    try:
        return sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return OSError(f"not UTF-8 text (byte {error.start})")
    except OSError as error:
        return error


def _reason(file, error):
    return f"cannot read {file}: {error.strerror or error}."


HOLDOUT = "holdout"


def run_evaluation(folder, misses=False, data_dir=None, out=sys.stdout, err=sys.stderr):
    """Print the lint's recall and false flags on a labelled corpus; 2 if it cannot read it.

    A holdout split is measured, never shown file by file: its figures stay honest only
    while nobody tunes rules to its messages.
    """
    try:
        samples = read_corpus(folder)
    except (CorpusError, OSError) as error:
        print(f"shipguard lint: {error}", file=err)
        return USAGE_ERROR
    if misses and any(HOLDOUT in sample.path.parts for sample in samples):
        print(f"shipguard lint: --misses is refused on a {HOLDOUT} split.", file=err)
        return USAGE_ERROR
    evaluation = evaluate(samples, rules=load_data(data_dir).lint)
    print(f"{folder}: {len(samples)} messages", file=out)
    print(report(evaluation), file=out)
    if misses:
        for sample, errors in evaluation.misses:
            judged = ", ".join(errors) if errors else "no error"
            print(f"{sample.path}: {sample.verdict} {sample.category}: {judged}", file=out)
    return 0
