"""`shipguard lint FILE|DIR ...`: buyer messages linted, one `FILE:line:col: severity rule: message` line per finding.

Linting one message must feel instant, so this module imports only what linting needs:
the lint engine and the lint data, never Flask, nor the schemas unless the data is new
(validated_lint.py). Each pattern is compiled once per run, when a message first may match it.
"""

import re
import sys
from pathlib import Path

from shipguard.bundle.formats import LOCALE, MARKETPLACE_CODE
from shipguard.buyer_messages.lint import compile_lint, lint_message
from shipguard.buyer_messages.lint_requests import unknown_lint_target
from shipguard.buyer_messages.utf16 import char_index

USAGE_ERROR = 2  # as argparse exits: the command could not lint (a file, or at all)
STDIN = "-"


def run(paths, locale=None, marketplace=None, data_dir=None, out=sys.stdout, err=sys.stderr):
    """Lint every file named or found in a named folder ("-" reads standard input).

    Returns 2 if an argument is wrong or a file could not be read (the others are still
    linted), else 1 if any finding is an error, else 0.
    """
    problem = _argument_problem(locale, marketplace)
    if problem:
        print(f"shipguard lint: {problem}", file=err)
        return USAGE_ERROR
    lint, known_needs = lint_rules(data_dir)
    unknown = unknown_lint_target(lint, locale, marketplace)
    if unknown:
        print(f"shipguard lint: {unknown}", file=err)
        return USAGE_ERROR
    compiled = compile_lint(lint, known_needs)
    files, status = message_files(paths, err)
    for file in files:
        text = _read(file)
        if isinstance(text, OSError):
            print(f"shipguard lint: {_reason(file, text)}", file=err)
            status = USAGE_ERROR
            continue
        findings = lint_message(text, locale=locale, marketplace=marketplace, rules=compiled)
        _print_findings("<stdin>" if file == STDIN else file, text, findings, out)
        if status == 0 and any(finding["severity"] == "error" for finding in findings):
            status = 1
    return status


def lint_rules(data_dir=None):
    """(lint data, its patterns' needs), with a team's folder over the defaults: validated
    as the server does, once per exact content (validated_lint.py)."""
    from shipguard.bundle.validated_lint import validated_lint

    return validated_lint(data_dir)


def message_files(paths, err):
    """(files to lint in order, 0 or 2): a folder gives its files, sorted, hidden ones left out."""
    files, status = [], 0
    for path in paths:
        folder = Path(path)
        if path != STDIN and folder.is_dir():
            found = sorted(
                file
                for file in folder.rglob("*")
                if file.is_file()
                and not any(part.startswith(".") for part in file.relative_to(folder).parts)
            )
            if not found:
                print(f"shipguard lint: {path} holds no files.", file=err)
                status = USAGE_ERROR
            files += [str(file) for file in found]
        else:
            files.append(path)
    return files, status


def _print_findings(name, text, findings, out):
    for finding in findings:
        line, column = line_and_column(text, finding["start"])
        print(
            f"{name}:{line}:{column}: {finding['severity']} {finding['rule']}: {finding['message']}",
            file=out,
        )


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
        return sys.stdin.read() if file == STDIN else Path(file).read_text(encoding="utf-8")
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
    from shipguard.buyer_messages.evaluation import CorpusError, evaluate, read_corpus, report

    try:
        samples = read_corpus(folder)
    except (CorpusError, OSError) as error:
        print(f"shipguard lint: {error}", file=err)
        return USAGE_ERROR
    if misses and any(HOLDOUT in sample.path.parts for sample in samples):
        print(f"shipguard lint: --misses is refused on a {HOLDOUT} split.", file=err)
        return USAGE_ERROR
    evaluation = evaluate(samples, rules=compile_lint(*lint_rules(data_dir)))
    print(f"{folder}: {len(samples)} messages", file=out)
    print(report(evaluation), file=out)
    if misses:
        for sample, errors in evaluation.misses:
            judged = ", ".join(errors) if errors else "no error"
            print(f"{sample.path}: {sample.verdict} {sample.category}: {judged}", file=out)
    return 0
