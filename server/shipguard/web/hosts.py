"""Only the host names the server is reached by: a DNS-rebinding page is refused by its `Host`."""

import ipaddress

from flask import current_app, request
from werkzeug.sansio.utils import host_is_trusted

from shipguard.config import parse_allowed_hosts
from shipguard.web.errors import error_response

LOOPBACK_NAMES = ("localhost",)
# Binding to these means "every interface": they name no host a client would use.
WILDCARD_ADDRESSES = ("", "0.0.0.0", "::")


def install_host_check(app):
    """Parse the allowed names once at start and check every request's `Host` against them."""
    names = list(LOOPBACK_NAMES) + list(parse_allowed_hosts(app.config.get("ALLOWED_HOSTS")))
    bound = str(app.config.get("BIND_HOST") or "").strip("[]").lower()
    if bound not in WILDCARD_ADDRESSES:
        names.append(bound)
    app.config["ALLOWED_HOSTS"] = tuple(names)
    app.before_request(refuse_unknown_host)


def host_name(host):
    """The name part of a `Host` value: without its port, IPv6 without its brackets."""
    if host.startswith("["):
        return host[1 : host.find("]")]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_ip_address(name):
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(host):
    """Whether a request naming `host` is for this server.

    An address is always accepted: a rebinding page reaches the server under the attacker's
    own domain name, and a browser only sends an address when someone typed one. So is no
    `Host` at all (HTTP/1.0 health checks): browsers always send one.
    """
    name = host_name(host.strip().lower())
    if not host or is_ip_address(name):
        return True
    return host_is_trusted(name, current_app.config["ALLOWED_HOSTS"])


def refuse_unknown_host():
    host = request.headers.get("Host", "")
    if host_allowed(host):
        return None
    return error_response(
        400,
        "This server does not answer to that host name; "
        "list the names it is reached by in SHIPGUARD_ALLOWED_HOSTS.",
    )
