"""schemathesis against the OpenAPI document: generated requests never cause a server error."""
import schemathesis
from hypothesis import HealthCheck, settings

from shipguard.app import create_app

# Built at import: schemathesis makes one test per documented operation at collection time.
APP = create_app({"DATA_DIR": None, "PROPAGATE_EXCEPTIONS": False})
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_document(case):
    case.call_and_validate()
