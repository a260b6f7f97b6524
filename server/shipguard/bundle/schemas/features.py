"""Schema of the extension's feature registry, extension/core/features.json."""

from marshmallow import fields, validate

from shipguard.bundle.schemas.common import StrictSchema, kebab_id, unique_by

# What starts a feature: a Seller Central page kind (content/<id>/ on the pages its adapter
# matches), the page's own data (read by the content script), the service worker, the popup.
FEATURE_KINDS = ("page", "page-data", "background", "popup")


class FeatureSchema(StrictSchema):
    """One feature: the id names it in settings, the kill switch, its locale string and logs."""

    id = kebab_id("Feature id; for a page kind, also its adapter id and its content/ folder")
    kind = fields.String(
        required=True,
        validate=validate.OneOf(FEATURE_KINDS),
        metadata={"description": "What runs the feature: " + ", ".join(FEATURE_KINDS)},
    )


class FeaturesFileSchema(StrictSchema):
    """The registry file: every feature of the extension, in the order the options page lists them."""

    features = fields.List(
        fields.Nested(FeatureSchema),
        required=True,
        validate=[validate.Length(min=1), unique_by("id")],
        metadata={"description": "The extension's features"},
    )
