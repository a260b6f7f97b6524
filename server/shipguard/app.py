"""The Flask app factory: settings, data, CORS, security headers, errors and routes."""
from flask import Flask

from .api import api
from .bundle import load_bundle
from .config import Config, settings_from_env
from .errors import register_error_handlers
from .health import health
from .origins import enable_cors

# The API only ever returns JSON: nothing in it should run, frame or leak a referrer.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
}


def create_app(config=None):
    """Build the app; raises DataError (the server refuses to start) if the data is invalid."""
    app = Flask(__name__)
    app.config.from_object(Config)
    app.config.update(settings_from_env())
    app.config.update(config or {})
    # Validated and serialised once here, so every request serves the same cached bytes.
    app.extensions["shipguard"] = load_bundle(app.config["DATA_DIR"])
    register_error_handlers(app)
    enable_cors(app)
    app.after_request(add_security_headers)
    app.register_blueprint(api, url_prefix="/api/v1")
    app.register_blueprint(health)
    return app


def add_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
