"""JSON error responses: one shape for every error, never a stack trace or debug page."""

from flask import jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, InternalServerError, MethodNotAllowed
from werkzeug.http import HTTP_STATUS_CODES


def error_response(status, message, errors=None):
    """`{code, status, message, errors?}` with HTTP status `status`."""
    body = {
        "code": status,
        "status": HTTP_STATUS_CODES.get(status, "Unknown Error"),
        "message": message,
    }
    if errors is not None:
        body["errors"] = errors
    response = jsonify(body)
    response.status_code = status
    return response


def handle_http_exception(error):
    """Any HTTP error werkzeug or a view raises (400, 404, 405, 413, 415, ...)."""
    response = error_response(
        error.code, error.description or HTTP_STATUS_CODES.get(error.code, "")
    )
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        # RFC 9110 requires a 405 to say which methods would work.
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def handle_internal_error(error):
    """An unexpected exception; Flask has logged it, the client only learns it happened."""
    return error_response(500, "The server hit an unexpected error.")


def handle_validation_error(error):
    """A request body that does not fit its schema."""
    return error_response(422, "The request body is not valid.", error.messages)


def register_error_handlers(app):
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(InternalServerError, handle_internal_error)
    app.register_error_handler(ValidationError, handle_validation_error)
