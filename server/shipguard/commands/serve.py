"""`shipguard serve`'s waitress options, each also settable by a SHIPGUARD_* environment variable."""

import os

from shipguard.config import ConfigError

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
# What a reverse proxy in front usually sets; waitress takes the client's address from the
# first, the public host name from the second and http/https from the third.
DEFAULT_PROXY_HEADERS = "x-forwarded-for x-forwarded-host x-forwarded-proto"
PROXY_HEADERS = (
    "forwarded",
    "x-forwarded-by",
    "x-forwarded-for",
    "x-forwarded-host",
    "x-forwarded-port",
    "x-forwarded-proto",
)


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
    parser.add_argument(
        "--trusted-proxy",
        default=os.environ.get("SHIPGUARD_TRUSTED_PROXY") or None,
        help="address of the reverse proxy in front (such as 127.0.0.1) whose forwarding "
        "headers are believed (default $SHIPGUARD_TRUSTED_PROXY or none)",
    )
    parser.add_argument(
        "--trusted-proxy-headers",
        default=os.environ.get("SHIPGUARD_TRUSTED_PROXY_HEADERS") or DEFAULT_PROXY_HEADERS,
        help="the proxy's headers to believe, space-separated: x-forwarded-for, "
        "x-forwarded-host, x-forwarded-proto, x-forwarded-port, x-forwarded-by or forwarded "
        f"(default $SHIPGUARD_TRUSTED_PROXY_HEADERS or {DEFAULT_PROXY_HEADERS!r})",
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
    return {**settings, **proxy_settings(args), "asyncore_use_poll": True}


def proxy_settings(args):
    """waitress's proxy options: believe the configured proxy's headers, and no one else's.

    Without a trusted proxy, forwarding headers reach the app instead of being dropped: a
    proxy on this host that nobody declared then still makes its requests remote.
    """
    if not args.trusted_proxy:
        return {"clear_untrusted_proxy_headers": False}
    headers = args.trusted_proxy_headers.lower().replace(",", " ").split()
    unknown = sorted(set(headers) - set(PROXY_HEADERS))
    # Forwarded says everything the X-Forwarded-* headers do; waitress takes one or the others.
    if unknown or not headers or ("forwarded" in headers and len(set(headers)) > 1):
        raise ConfigError(
            f"SHIPGUARD_TRUSTED_PROXY_HEADERS: {' '.join(headers) or 'none given'}; choose "
            f"forwarded alone, or some of {', '.join(PROXY_HEADERS[1:])}."
        )
    return {
        "trusted_proxy": args.trusted_proxy,
        "trusted_proxy_headers": headers,
        "clear_untrusted_proxy_headers": True,
        "log_untrusted_proxy_headers": True,
    }


def configure_logging():
    """Log to stderr with times; reload results are INFO, rejected data WARNING."""
    import logging  # only `shipguard serve` logs: other commands start without it

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # waitress warns for every request that waits for a free thread: under a burst of
    # clients that is thousands of lines a second saying what the latency figures say.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
