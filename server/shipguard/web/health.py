"""GET /healthz: is the server up, and which bundle is it serving."""

from flask import Blueprint, current_app, jsonify

from shipguard.web.openapi import documented
from shipguard.web.responses import HealthSchema

health = Blueprint("health", __name__)


@health.get("/healthz")
@documented("Server health and bundle version", {200: ("The server is up", HealthSchema)})
def healthz():
    response = jsonify({"status": "ok", "version": current_app.extensions["shipguard"].version})
    response.headers["Cache-Control"] = "no-store"
    return response
