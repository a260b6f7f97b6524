"""Every shipped data file validates, and every schema follows the house conventions."""

import importlib
import inspect
import json
import pkgutil

import pytest
import shipguard.bundle.schemas
from marshmallow import RAISE, Schema
from shipguard import config
from shipguard.bundle.datastore import load_data
from shipguard.bundle.schemas.calendars import CarrierCalendarsFileSchema
from shipguard.bundle.schemas.carriers import CarriersFileSchema, TrackingFormatsFileSchema
from shipguard.bundle.schemas.date_formats import DateFormatsFileSchema
from shipguard.bundle.schemas.lint import LintFileSchema
from shipguard.bundle.schemas.marketplaces import MarketplacesFileSchema
from shipguard.bundle.schemas.pages import PageAdapterSchema
from shipguard.bundle.schemas.rules import RulesFileSchema
from shipguard.bundle.schemas.templates import TemplateSchema
from shipguard.bundle.schemas.transit import TransitTimesFileSchema

DATA = config.default_data_dir()
SHIPPED = [
    (DATA / "marketplaces.json", MarketplacesFileSchema),
    (DATA / "date-formats.json", DateFormatsFileSchema),
    (DATA / "rules.json", RulesFileSchema),
    (DATA / "carriers.json", CarriersFileSchema),
    (DATA / "lint.json", LintFileSchema),
    (DATA / "tracking-formats.json", TrackingFormatsFileSchema),
    (DATA / "carrier-calendars.json", CarrierCalendarsFileSchema),
    (DATA / "transit-times.json", TransitTimesFileSchema),
    *[(path, PageAdapterSchema) for path in sorted((DATA / "pages").glob("*.json"))],
    *[(path, TemplateSchema) for path in sorted(config.messages_dir().glob("*.json"))],
]


@pytest.mark.parametrize(("path", "schema"), SHIPPED, ids=[path.name for path, _ in SHIPPED])
def test_shipped_file_validates(path, schema):
    document = json.loads(path.read_text(encoding="utf-8"))
    schema().load(document)
    if schema in (PageAdapterSchema, TemplateSchema):
        assert document["id"] == path.stem


def test_shipped_data_loads_as_a_whole():
    data = load_data()
    assert {template["id"] for template in data.templates} >= {"delay-out-of-stock"}
    assert [marketplace["code"] for marketplace in data.marketplaces][:1] == ["US"]
    assert len(data.files) == len(SHIPPED)


def test_there_are_shipped_pages_and_templates():
    assert any(schema is PageAdapterSchema for _, schema in SHIPPED)
    assert any(schema is TemplateSchema for _, schema in SHIPPED)


SCHEMA_MODULES = [
    *(
        f"shipguard.bundle.schemas.{info.name}"
        for info in pkgutil.iter_modules(shipguard.bundle.schemas.__path__)
    ),
    "shipguard.web.requests",
    "shipguard.web.responses",
]


def all_schema_classes():
    for name in SCHEMA_MODULES:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, Schema)
                and cls.__module__ == module.__name__
                and cls._declared_fields
            ):
                yield cls


SCHEMAS = sorted(all_schema_classes(), key=lambda cls: cls.__name__)


def test_schema_discovery_found_the_resources():
    names = {cls.__name__ for cls in SCHEMAS}
    assert {
        "MarketplaceSchema",
        "TemplateSchema",
        "BundleSchema",
        "RenderRequestSchema",
        "ErrorSchema",
    } <= names


@pytest.mark.parametrize("schema", SCHEMAS, ids=[cls.__name__ for cls in SCHEMAS])
def test_schema_rejects_unknown_keys_and_describes_every_field(schema):
    assert schema.Meta.unknown == RAISE
    for name, field in schema._declared_fields.items():
        assert field.metadata.get("description"), f"{schema.__name__}.{name} has no description"
