"""`python -m benchmarks`: every performance figure beside its baseline and target.

    .venv/bin/python -m benchmarks                  # everything (about 7 minutes on 2 cores)
    .venv/bin/python -m benchmarks --quick          # fewer repetitions, 10 s idle, 1 s server runs
    .venv/bin/python -m benchmarks --only overlay,profile --sizes 1000
    .venv/bin/python -m benchmarks --write-docs     # also rewrite docs/performance.md

Sections: overlay (figures 1, 2, 3, 5), idle (4), server (6, the start time, and 8: 200
clients with wrk when it is installed), sizes (7), lint (9: `shipguard lint` wall time),
profile (hot spots at 1,000 rows). Exit status 0 even when targets are not met: the
benchmark measures, tests judge correctness.
"""

import argparse
import json
import os
import shlex
import sys

SECTIONS = ("overlay", "idle", "server", "sizes", "lint", "profile")
BROWSER_SECTIONS = {"overlay", "idle", "profile"}


def _parser():
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and shorter runs")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections of {', '.join(SECTIONS)}",
    )
    parser.add_argument(
        "--sizes", default="15,100,1000", help="rows per page (default 15,100,1000)"
    )
    parser.add_argument(
        "--reps", type=int, help="page visits per size and variant (default 5, quick 2)"
    )
    parser.add_argument(
        "--rerenders", type=int, help="body replacements per visit (default 4, quick 2)"
    )
    parser.add_argument("--idle-seconds", type=float, help="idle window (default 60, quick 10)")
    parser.add_argument(
        "--server-seconds", type=float, help="seconds per server measurement (default 3, quick 1)"
    )
    parser.add_argument(
        "--wrk-seconds", type=float, help="seconds per wrk run, 200 clients (default 10, quick 3)"
    )
    parser.add_argument("--profile-rows", type=int, default=1000)
    parser.add_argument(
        "--profile-out", help="also save the CPU profiles here as .cpuprofile files (DevTools)"
    )
    parser.add_argument(
        "--write-docs",
        action="store_true",
        help="rewrite docs/performance.md with this run's results (all sections: run them all)",
    )
    parser.add_argument("--json", help="also write the figures to this file")
    return parser


def options(argv=None):
    args = _parser().parse_args(argv)
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        _parser().error(
            f"unknown section(s) {', '.join(sorted(unknown))}; use {', '.join(SECTIONS)}"
        )
    args.sizes = sorted({int(s) for s in args.sizes.split(",")})
    if not all(0 < s <= 5000 for s in args.sizes):
        _parser().error("--sizes must be between 1 and 5000 rows")
    args.reps = args.reps or (2 if args.quick else 5)
    args.rerenders = args.rerenders or (2 if args.quick else 4)
    args.idle_seconds = args.idle_seconds or (10 if args.quick else 60)
    args.server_seconds = args.server_seconds or (1 if args.quick else 3)
    args.wrk_seconds = args.wrk_seconds or (3 if args.quick else 10)
    if (
        not 0 < args.idle_seconds <= 600
        or not 0 < args.server_seconds <= 60
        or not 0 < args.reps <= 50
        or not 0 < args.wrk_seconds <= 60
    ):
        _parser().error(
            "--idle-seconds in (0, 600], --server-seconds and --wrk-seconds in (0, 60], "
            "--reps in (0, 50]"
        )
    return args


def log(text):
    print(text, file=sys.stderr, flush=True)


def run(args):
    """(figures, chromium version, profile lines for the console and for the docs)."""
    figures = []
    chromium, profile, sized = _browser_sections(args, figures)
    if "sizes" in args.only and not sized:
        from .sizes import measure_sizes, size_figures

        figures += size_figures(measure_sizes())
    if "server" in args.only:
        from .server import run_server, server_figures

        log("server ...")
        result = run_server(args.server_seconds, log=log, wrk_seconds=args.wrk_seconds)
        if result["wrk"] is None:
            log("  wrk is not installed (Debian: apt-get install wrk): no 200-client figures")
        figures += server_figures(result)
    if "lint" in args.only:
        from .lint_cli import lint_figures, measure_lint

        log("lint ...")
        figures += lint_figures(measure_lint(3 if args.quick else 5))
        from .lint_bounds import lint_bounds_figures

        log("lint rules on adversarial input ...")
        figures += lint_bounds_figures()
    figures.sort(key=lambda f: int(f.section.split(".")[0]))
    return figures, chromium, profile


def _browser_sections(args, figures):
    """The sections that need Chromium; the sizes too, from the same build."""
    if not BROWSER_SECTIONS & set(args.only):
        return None, ([], []), False
    from playwright.sync_api import sync_playwright

    from .browsers import Browsers

    profile = ([], [])
    sizes = sorted(
        set(args.sizes)
        | ({100} if "idle" in args.only else set())
        | ({args.profile_rows} if "profile" in args.only else set())
    )
    least = "overlay" in args.only  # the reference overlay is timed beside Shipguard
    with sync_playwright() as playwright, Browsers(playwright, sizes, True, least) as browsers:
        chromium = browsers.chromium_version()
        log(f"{chromium}; extension built at {browsers.extension_dir}")
        if "sizes" in args.only:
            from .sizes import measure_sizes, size_figures

            figures += size_figures(measure_sizes(browsers.zip_path))
        if "overlay" in args.only:
            from .overlay import run_overlay
            from .overlay_figures import overlay_figures

            log(f"overlay: sizes {args.sizes}, {args.reps} visits each ...")
            figures += overlay_figures(
                run_overlay(browsers, args.sizes, args.reps, args.rerenders, log=log)
            )
        if "idle" in args.only:
            from .idle import idle_figures, run_idle

            log("idle ...")
            figures += idle_figures(run_idle(browsers, 100, args.idle_seconds, log=log), 100)
        if "profile" in args.only:
            from .profile import profile_lines, run_profile, save_profiles

            reps = 1 if args.quick else 3
            log(f"profile: {args.profile_rows} rows, {reps} visits ...")
            profiles = run_profile(browsers, args.profile_rows, reps, args.rerenders, log=log)
            if args.profile_out:
                log(f"  profiles saved in {save_profiles(profiles, args.profile_out)}")
            profile = (profile_lines(profiles, reps), profile_lines(profiles, reps, markdown=True))
    return chromium, profile, "sizes" in args.only


def main(argv=None):
    args = options(argv)
    from .report import load_average

    load_before = load_average()
    command = "python -m benchmarks " + shlex.join(argv if argv is not None else sys.argv[1:])
    figures, chromium, (profile_text, profile_markdown) = run(args)
    from .report import machine, print_figures, print_verdicts, write_docs

    details = machine(chromium, load_before)
    print("\nMachine: " + "; ".join(f"{k} {v}" for k, v in details.items()))
    print_figures(figures)
    if profile_text:
        print(f"\n== Profile ({args.profile_rows} rows, V8 sampling profiler, 100 us)")
        print("\n".join(profile_text))
    print_verdicts(figures)
    notes = []
    cores = os.cpu_count() or 1
    loads = [float(x) for x in (load_before, load_average()) if x != "unknown"]
    if loads and max(loads) > cores:
        notes.append(
            f"Warning: the load average exceeded the {cores} cores: other work skewed these figures."
        )
        print("\n" + notes[-1])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            json.dump(
                {
                    "machine": details,
                    "figures": [f.__dict__ | {"verdict": f.verdict} for f in figures],
                },
                stream,
                indent=2,
            )
    if args.write_docs:
        print(f"\nwrote {write_docs(figures, details, profile_markdown, command.strip(), notes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
