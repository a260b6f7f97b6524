"""schemathesis against the OpenAPI document: generated requests never cause a server error."""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from shipguard.app import create_app

# Invalid requests must be refused with a 4xx; 413 is the right one for a body over the limit.
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": [400, 404, 405, 413, 415, 422]}}}
)
# Built at import: schemathesis makes one test per documented operation at collection time.
APP = create_app({"DATA_DIR": None, "PROPAGATE_EXCEPTIONS": False})
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP, config=CONFIG)


@SCHEMA.parametrize()
@settings(max_examples=50, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_document(case):
    # The in-process WSGI transport does not undo Content-Encoding as an HTTP client would;
    # the gzipped bundle is checked in test_bundle.py.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
