"""Logging that never carries buyer data: unexpected errors are logged by type and place only."""

import traceback

from flask import Flask, request


class ShipguardFlask(Flask):
    """Flask, except that an unexpected error's message and request body stay out of the log.

    An exception raised while rendering or linting may quote the message or the order's
    facts in its text; the traceback's frames (code only) are enough to find the bug.
    """

    def log_exception(self, exc_info):
        error_type, _, trace = exc_info
        rule = request.url_rule.rule if request.url_rule else "(no route)"
        self.logger.error(
            "Unexpected %s in %s %s (its message is not logged: it may hold buyer data)\n%s",
            error_type.__name__,
            request.method,
            rule,
            "".join(traceback.format_tb(trace)).rstrip(),
        )
