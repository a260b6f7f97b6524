"""The Flask app factory: settings, data, host check, CORS, security headers, errors and routes."""

from shipguard.bundle.document import load_bundle
from shipguard.bundle.reloader import install_reloader, validation_cache
from shipguard.config import Config, settings_from_env
from shipguard.web.api import api
from shipguard.web.apidocs import docs
from shipguard.web.auth import install_auth
from shipguard.web.bundle_replay import BundleReplay
from shipguard.web.cors import enable_cors
from shipguard.web.errors import register_error_handlers
from shipguard.web.health import health
from shipguard.web.hosts import install_host_check
from shipguard.web.logsafe import ShipguardFlask
from shipguard.web.status_page import status_page

# The API only ever returns JSON: nothing in it should run, frame or leak a referrer.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
API_PREFIX = "/api/v1"


def create_app(config=None):
    """Build the app; raises DataError (the server refuses to start) if the data is invalid."""
    app = ShipguardFlask(__name__)
    app.config.from_object(Config)
    app.config.update(settings_from_env())
    app.config.update(config or {})
    # Never Werkzeug's debugger or tracebacks in a response, whatever FLASK_DEBUG says.
    app.config["DEBUG"] = False
    install_auth(app)
    install_host_check(app)
    # Validated and serialised once here, so every request serves the same cached bytes.
    app.extensions["shipguard"] = load_bundle(app.config["DATA_DIR"], validation_cache(app))
    # Swaps in a new bundle when the data files change and are valid (background if configured).
    install_reloader(app)
    register_error_handlers(app)
    enable_cors(app)
    app.after_request(add_security_headers)
    app.register_blueprint(api, url_prefix=API_PREFIX)
    app.register_blueprint(health)
    app.register_blueprint(docs, url_prefix=API_PREFIX)
    app.register_blueprint(status_page)
    # Bundle requests (most requests) skip Flask once it answered one like them.
    app.wsgi_app = app.extensions["shipguard.bundle_replay"] = BundleReplay(
        app.wsgi_app, f"{API_PREFIX}/bundle", lambda: app.extensions["shipguard"].etag
    )
    return app


def add_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
