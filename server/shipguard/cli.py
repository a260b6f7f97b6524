"""The `shipguard` command: serve the API, check the data, lint a message, build the extension, run the demo."""

import argparse
import os
import sys

from shipguard.bundle.problems import DataError
from shipguard.commands.serve import add_serve_options, configure_logging, waitress_settings
from shipguard.config import ConfigError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8417


def main(argv=None):
    """Run one subcommand; returns the exit status (0 ok, 1 invalid data or settings)."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (DataError, ConfigError) as error:
        print(f"shipguard {args.command}: the data or settings are not valid:", file=sys.stderr)
        print(error, file=sys.stderr)
        return 1


def _parser():
    parser = argparse.ArgumentParser(prog="shipguard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API with waitress")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    _data_dir_option(serve)
    add_serve_options(serve)
    serve.set_defaults(run=run_serve)

    check = commands.add_parser("check", help="validate all data files")
    _data_dir_option(check)
    check.set_defaults(run=run_check)

    lint = commands.add_parser(
        "lint", help="lint buyer messages: files and folders (exit 1 on an error finding)"
    )
    lint.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a message as UTF-8 plain text, or a folder of them; - reads standard input",
    )
    lint.add_argument("--locale", help="the buyer's locale, BCP 47 such as en-US or de-DE")
    lint.add_argument(
        "--marketplace", help="marketplace code such as US: its buyers' language and its rules"
    )
    lint.add_argument(
        "--evaluate",
        metavar="DIR",
        help="measure the lint on a labelled corpus: recall per category and language, false flags",
    )
    lint.add_argument(
        "--misses",
        action="store_true",
        help="with --evaluate, also list each file judged wrong (refused on a holdout split)",
    )
    _data_dir_option(lint)
    lint.set_defaults(run=run_lint)

    build = commands.add_parser("build", help="assemble dist/chrome/, dist/firefox/ and their zips")
    build.add_argument("--out", default="dist", help="output folder (default dist)")
    build.add_argument(
        "--no-screenshots",
        action="store_true",
        help="skip the stores' listing screenshots (they need Chromium and take a while)",
    )
    _data_dir_option(build)
    build.set_defaults(run=run_build)

    demo = commands.add_parser(
        "demo",
        help="the extension in Chromium on sample Seller Central pages (needs shipguard[demo])",
        description="Opens a browser window when there is a display (or with --headed); "
        "with --out, or without a display, writes screenshots instead.",
    )
    demo.add_argument(
        "--out", help="screenshot folder (default demo-screenshots when there is no display)"
    )
    demo.add_argument(
        "--headed", action="store_true", help="open a window even with --out or no $DISPLAY"
    )
    demo.add_argument(
        "--lang", help="the browser's UI language, e.g. de or ja (the extension follows it)"
    )
    demo.set_defaults(run=run_demo)
    return parser


def _data_dir_option(parser):
    parser.add_argument(
        "--data-dir",
        default=os.environ.get("SHIPGUARD_DATA_DIR") or None,
        help="team data folder layered over the defaults (default $SHIPGUARD_DATA_DIR)",
    )


def run_serve(args):
    # Imported here so `check`, `lint` and `build` do not pay for Flask's start-up.
    from shipguard.app import create_app
    from shipguard.bundle.validation_cache import default_cache_dir
    from shipguard.commands.waitress_server import serve

    configure_logging()
    settings = waitress_settings(args)
    app = create_app(
        {
            "DATA_DIR": args.data_dir,
            "RELOAD_INTERVAL": args.reload_interval,
            "BIND_HOST": args.host,
            "VALIDATION_CACHE_DIR": default_cache_dir(),
        }
    )
    host = f"[{args.host}]" if ":" in args.host else args.host
    version = app.extensions["shipguard"].version
    print(f"Shipguard serving http://{host}:{args.port} (bundle {version})", flush=True)
    serve(app, args.host, args.port, settings, app.extensions["shipguard.bundle_replay"].remembers)
    return 0


def run_check(args):
    from shipguard.bundle.datastore import load_data

    data = load_data(args.data_dir)
    layers = f"defaults + {args.data_dir}" if args.data_dir else "defaults"
    counts = {
        "marketplaces": len(data.marketplaces),
        "date formats": len(data.date_formats),
        "page adapters": len(data.pages),
        "remedies": len(data.rules["remedies"]),
        "templates": len(data.templates),
        "template languages": sum(len(template["locales"]) for template in data.templates),
        "lint rules": len(data.lint["rules"]),
        "carrier calendars": len(data.carrier_calendars["calendars"]),
        "transit tables": len(data.transit_tables),
    }
    print(
        f"Data OK ({layers}): "
        + ", ".join(f"{name} {count}" for name, count in counts.items())
        + "."
    )
    return 0


def run_lint(args):
    from shipguard.commands.lint import run, run_evaluation

    if args.evaluate:
        return run_evaluation(args.evaluate, misses=args.misses, data_dir=args.data_dir)
    if not args.files:
        print(
            "shipguard lint: give a FILE or folder (- for standard input) or --evaluate DIR.",
            file=sys.stderr,
        )
        return 2
    return run(args.files, locale=args.locale, marketplace=args.marketplace, data_dir=args.data_dir)


def run_build(args):
    from shipguard.commands.build import build
    from shipguard.commands.store_files import write_store_screenshots

    chrome_dir = build(args.out, data_dir=args.data_dir)
    out = chrome_dir.parent
    print(
        f"Built {chrome_dir} and {out / 'firefox'}, their zips, and the stores' files in {out / 'store'}"
    )
    if args.no_screenshots:
        return 0
    try:
        shots = write_store_screenshots(out)
    except RuntimeError as error:
        print(
            f"Store screenshots not taken: {error}. `make browser` installs Chromium; "
            "`shipguard build --no-screenshots` builds without them.",
            file=sys.stderr,
        )
        return 1
    print(f"Store screenshots ({len(shots)}) in {shots[0].parent}")
    return 0


def run_demo(args):
    from shipguard.demo.run import run

    return run(out_dir=args.out, headed=args.headed, lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
