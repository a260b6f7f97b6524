"""`shipguard serve`'s waitress options, each also settable by a SHIPGUARD_* environment variable."""

import logging
import os

# (option, env var, type, default, help). waitress's own connection limit (100) would leave
# the 101st keep-alive client waiting for a free slot; a thousand idle sockets cost little.
WAITRESS_OPTIONS = (
    ("threads", "SHIPGUARD_THREADS", int, 8, "worker threads"),
    ("connection_limit", "SHIPGUARD_CONNECTION_LIMIT", int, 1000, "open connections at most"),
    ("backlog", "SHIPGUARD_BACKLOG", int, 2048, "connections queued by the kernel before accept"),
    (
        "channel_timeout",
        "SHIPGUARD_CHANNEL_TIMEOUT",
        int,
        120,
        "seconds an idle connection is kept",
    ),
)
DEFAULT_RELOAD_INTERVAL = 2.0


def add_serve_options(parser):
    """Add --threads, --connection-limit, --backlog, --channel-timeout and --reload-interval."""
    for name, env, kind, default, text in WAITRESS_OPTIONS:
        parser.add_argument(
            "--" + name.replace("_", "-"),
            type=_positive(kind),
            default=os.environ.get(env) or default,
            help=f"{text} (default ${env} or {default})",
        )
    parser.add_argument(
        "--reload-interval",
        default=os.environ.get("SHIPGUARD_RELOAD_INTERVAL") or DEFAULT_RELOAD_INTERVAL,
        help=f"seconds between data file checks, 0 for none (default $SHIPGUARD_RELOAD_INTERVAL or "
        f"{DEFAULT_RELOAD_INTERVAL:g})",
    )


def _positive(kind):
    def parse(value):
        number = kind(value)
        if number <= 0:
            raise ValueError(value)
        return number

    parse.__name__ = f"positive {kind.__name__}"  # argparse names the type in its error message
    return parse


def waitress_settings(args):
    """The keyword arguments for waitress.serve from parsed options."""
    settings = {
        name: _positive(kind)(getattr(args, name)) for name, _, kind, _, _ in WAITRESS_OPTIONS
    }
    # poll() instead of select(): select cannot watch more than 1024 sockets.
    return {**settings, "asyncore_use_poll": True}


def configure_logging():
    """Log to stderr with times; reload results are INFO, rejected data WARNING."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # waitress warns for every request that waits for a free thread: under a burst of
    # clients that is thousands of lines a second saying what the latency figures say.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
