"""Schema of rules.json: thresholds and the remedies offered for late or at-risk orders."""

from marshmallow import ValidationError, fields, validate, validates_schema

from shipguard.bundle.features import feature_ids
from shipguard.bundle.schemas.common import (
    ORDER_STATUSES,
    FullMatch,
    PlainNumber,
    StrictSchema,
    compiles_as_regex,
    kebab_id,
    string_list,
    texts_by_language,
    unique,
    unique_by,
)
from shipguard.buyer_messages.render import PLACEHOLDER, placeholders_in

# Which optional field each kind needs; the others would be silently ignored.
KIND_FIELDS = {
    "copy-message": "template",
    "open-page": "path",
    "info": "body",
    "snooze": "snooze_hours",
    "mark-handled": None,
}
REMEDY_KINDS = tuple(KIND_FIELDS)
# What a panel section can show besides its remedies (the extension knows how to draw each).
GROUP_CONTENTS = ("shipping-address", "services-in-time")
PATH_PLACEHOLDERS = ("order_id", "marketplace_id", "sku")


def seller_central_path(value):
    """A remedy may only open a Seller Central page, never another site."""
    # "//host" and "/\host" are both read by browsers as a link to another host.
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        raise ValidationError(
            'Must be a path on Seller Central: start with "/", not "//", no "\\".'
        )
    if any(char.isspace() or ord(char) < 32 for char in value):
        raise ValidationError("Must not contain spaces or control characters.")
    unknown = [name for name in placeholders_in(value) if name not in PATH_PLACEHOLDERS]
    if unknown:
        raise ValidationError(
            f"Unknown placeholder {{{unknown[0]}}}; use {{order_id}}, {{marketplace_id}} or {{sku}}."
        )
    if "{" in PLACEHOLDER.sub("", value) or "}" in PLACEHOLDER.sub("", value):
        raise ValidationError("Stray brace: placeholders look like {order_id}.")


class RemedySchema(StrictSchema):
    """One remedy button."""

    id = kebab_id("Remedy id; says what it does, such as open-buy-shipping")
    kind = fields.String(
        required=True,
        validate=validate.OneOf(REMEDY_KINDS),
        metadata={
            "description": "copy-message (a buyer message), open-page (a Seller Central page), info "
            "(guidance to read), snooze or mark-handled (kept in the seller's browser)"
        },
    )
    group = kebab_id("The panel section the remedy appears in; one of the rules' groups")
    template = kebab_id("The message template to copy (copy-message only)", required=False)
    path = fields.String(
        validate=seller_central_path,
        metadata={
            "description": "Seller Central path to open (open-page only); may use {order_id}, {marketplace_id}"
        },
    )
    requires_action = fields.String(
        validate=FullMatch(
            r"^[a-z][A-Za-z]*$", error="Must be an action name such as buyShipping."
        ),
        metadata={
            "description": "An action of the orders app (buyShipping, confirmShipment, contactBuyer, …) "
            "that Amazon must allow for the order, when the page's data lists them"
        },
    )
    body = texts_by_language("Guidance text by language (info only)")
    snooze_hours = PlainNumber(
        validate=validate.Range(min=0, min_inclusive=False),
        metadata={"description": "How long a snooze keeps the order quiet (snooze only)"},
    )
    statuses = string_list(
        "Order statuses the remedy is offered for",
        item=fields.String(validate=validate.OneOf(ORDER_STATUSES)),
    )
    title = texts_by_language("Button title by language", required=True)

    @validates_schema
    def fields_for_kind(self, data, **kwargs):
        """copy-message needs a template and open-page a path, and neither takes the other."""
        needed = KIND_FIELDS[data["kind"]]
        errors = {}
        if needed and needed not in data:
            errors[needed] = [f"Required for {data['kind']} remedies."]
        for name in set(KIND_FIELDS.values()) - {needed, None}:
            if name in data:
                errors[name] = [f"Not used by {data['kind']} remedies."]
        if errors:
            raise ValidationError(errors)


def regex_list(description):
    """Regular expressions, each checked to compile (Python and JavaScript share the syntax used)."""
    return fields.List(
        fields.String(validate=compiles_as_regex),
        load_default=list,
        metadata={"description": description},
    )


class AddressChecksSchema(StrictSchema):
    """Heuristics that flag a shipping address worth a second look before shipping."""

    max_line_chars = fields.Integer(
        strict=True,
        validate=validate.Range(min=10),
        metadata={"description": "Longest address line carriers' labels print in full"},
    )
    po_box = regex_list("Patterns of a PO box or parcel locker in any line")
    po_box_services = regex_list("Patterns of shipping services that cannot deliver to a PO box")
    unit_hint = regex_list("Patterns of a multi-unit building (which then needs a unit)")
    unit_present = regex_list("Patterns of a unit, apartment or suite number")


class GroupSchema(StrictSchema):
    """A section of the remedies panel, in the order a seller should work through them."""

    id = kebab_id("Group id, such as tell-buyer")
    title = texts_by_language("Section heading by language", required=True)
    shows = fields.String(
        validate=validate.OneOf(GROUP_CONTENTS),
        metadata={
            "description": "What the section shows above its remedies: " + ", ".join(GROUP_CONTENTS)
        },
    )


class RulesSchema(StrictSchema):
    """Thresholds and remedies, as the bundle carries them."""

    due_soon_hours = PlainNumber(
        required=True,
        validate=validate.Range(min=0, min_inclusive=False),
        metadata={
            "description": "An order is due-soon this many hours before its ship-by deadline"
        },
    )
    delay_business_days = fields.Integer(
        strict=True,
        required=True,
        validate=validate.Range(min=0),
        metadata={"description": "Business days a delay message proposes by default"},
    )
    address_checks = fields.Nested(
        AddressChecksSchema,
        metadata={"description": "Shipping-address heuristics for verifying an order"},
    )
    groups = fields.List(
        fields.Nested(GroupSchema),
        required=True,
        validate=unique_by("id"),
        metadata={"description": "Panel sections, in the order they are shown"},
    )
    remedies = fields.List(
        fields.Nested(RemedySchema),
        required=True,
        validate=unique_by("id"),
        metadata={"description": "Remedies in the order they are offered"},
    )

    @validates_schema
    def remedies_in_known_groups(self, data, **kwargs):
        """A remedy in a group nobody shows would silently disappear from the panel."""
        if "groups" not in data:
            return  # a team file may add remedies to the default groups; checked after merging
        known = {group["id"] for group in data["groups"]}
        errors = {
            index: {"group": [f"No group {remedy['group']!r} in groups."]}
            for index, remedy in enumerate(data.get("remedies", []))
            if remedy["group"] not in known
        }
        if errors:
            raise ValidationError({"remedies": errors})


def known_feature(value):
    """A feature id of the extension's registry (extension/core/features.json)."""
    if value not in feature_ids():
        raise ValidationError(f"No feature {value!r}; features: {', '.join(feature_ids())}.")


class RulesFileSchema(RulesSchema):
    """The rules.json file: the rules plus the remote kill switch for extension features."""

    disabled_features = fields.List(
        fields.String(validate=known_feature),
        load_default=list,
        validate=unique,
        metadata={"description": "Extension feature ids switched off remotely"},
    )


def remedy_reference_problems(remedy, template_ids, group_ids=None):
    """Field errors of one remedy that refers to something missing, as {field: [reason]}."""
    errors = {}
    if remedy.get("template") and remedy["template"] not in template_ids:
        errors["template"] = [f"No message template named {remedy['template']!r}."]
    if group_ids is not None and remedy["group"] not in group_ids:
        errors["group"] = [f"No group {remedy['group']!r} in groups."]
    return errors
