"""Schema of a page adapter (data/pages/<id>.json): how to find things on one page kind."""

from marshmallow import ValidationError, fields, validate, validates_schema

from shipguard.bundle.schemas.common import (
    LOCALE,
    SNAKE_NAME,
    FullMatch,
    StrictSchema,
    compiles_as_regex,
    kebab_id,
    not_blank,
    string_list,
    text,
)

CSS_CLASS = r"^-?[_a-zA-Z][_a-zA-Z0-9-]*$"


def css_selector(value):
    """A light sanity check: Python cannot parse CSS, the extension reports what never matches."""
    not_blank(value)
    if any(char in value for char in "{};\n"):
        raise ValidationError("Must be a CSS selector, not a rule or several lines.")


def snake_name(description):
    """A key naming a selector or a label, such as `ship_by_cell`."""
    return fields.String(
        validate=FullMatch(SNAKE_NAME, error="Must be snake_case."),
        metadata={"description": description},
    )


JSON_PATH = r"^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$"
ORDER_FACTS = (
    "order_id",
    "latest_ship",
    "latest_delivery",
    "ship_by_offset",
    "status",
    "late",
    "at_risk",
    "fulfillment",
    "marketplace_id",
    "root_marketplace_id",
    "sales_channel",
    "actions",
    "items",
)
ITEM_FACTS = ("asin", "sku", "unshipped", "item_status")


def plain_value(value):
    """A JSON string, number or boolean: what a fulfilment field holds."""
    if not isinstance(value, (str, int, float, bool)):
        raise ValidationError("Must be a string, number or boolean.")


def json_path(description):
    """Where a value lives in a JSON body: keys joined by dots, such as orderStatus.OrderStatus."""
    return fields.String(
        validate=FullMatch(JSON_PATH, error="Must be keys joined by dots."),
        metadata={"description": description},
    )


class OrderShapeSchema(StrictSchema):
    """One endpoint's body: the search list and the single order have different shapes."""

    id = kebab_id("Name of the shape, such as search or order")
    url_pattern = fields.String(
        required=True,
        validate=compiles_as_regex,
        metadata={"description": "Regular expression for the endpoint's URL path"},
    )
    orders = json_path("Where the order (or the list of orders) is in the body")
    item_fields = fields.Dict(
        keys=fields.String(validate=validate.OneOf(ITEM_FACTS)),
        values=json_path("Path of the fact inside one item"),
        load_default=dict,
        metadata={"description": "Where each fact of an item lives: sku, unshipped, …"},
    )
    done_statuses = string_list("Statuses that mean nothing is left to do")
    fulfilled_by_amazon = fields.List(
        fields.Raw(validate=plain_value),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "Values of the fulfillment fact that mean Amazon ships"},
    )
    # Last: the name `fields` shadows marshmallow's module in the rest of the class body.
    fields = fields.Dict(
        keys=fields.String(validate=validate.OneOf(ORDER_FACTS)),
        values=json_path("Path of the fact inside one order"),
        required=True,
        metadata={"description": "Where each fact of an order lives: order_id, latest_ship, …"},
    )

    @validates_schema
    def required_facts(self, data, **kwargs):
        """Without an id and a deadline an order cannot be read at all."""
        missing = [f for f in ("order_id", "latest_ship") if f not in data.get("fields", {})]
        if missing:
            raise ValidationError(f"Missing {', '.join(missing)}.", "fields")


class OrderJsonSchema(StrictSchema):
    """Where the orders app's own JSON keeps each fact (the page's data, read as it arrives)."""

    shapes = fields.List(
        fields.Nested(OrderShapeSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "One shape per endpoint, tried by URL"},
    )


class MetricSchema(StrictSchema):
    """How one account metric is found on Account Health: its name, and its window's name."""

    labels = string_list("The metric's name as the page shows it, in every UI language")
    windows = string_list('The window\'s name ("10 days") that must appear with the figure')


class PageAdapterSchema(StrictSchema):
    """One Seller Central page kind."""

    id = kebab_id("Page kind; equals the file name, such as orders-list")
    title = text("Seller Central's name for the page")
    url_patterns = string_list(
        "Regular expressions matched against the URL path",
        item=fields.String(validate=compiles_as_regex),
    )
    follows_query_changes = fields.Boolean(
        load_default=False,
        metadata={
            "description": "The page follows its own query changes (pagination, filters) "
            "instead of being started again for each"
        },
    )
    selectors = fields.Dict(
        keys=snake_name("What the selectors find"),
        values=fields.List(fields.String(validate=css_selector), validate=validate.Length(min=1)),
        load_default=dict,
        metadata={
            "description": "CSS selectors by name, tried in order (fallbacks after the first)"
        },
    )
    anchor_placement = fields.String(
        validate=validate.OneOf(("append", "after", "before")),
        metadata={"description": "Where the overlay goes relative to the badge_anchor element"},
    )
    path_order_id = fields.String(
        validate=compiles_as_regex,
        metadata={
            "description": "Regular expression whose first group is the order id in the URL path"
        },
    )
    query_order_id = fields.String(
        validate=not_blank, metadata={"description": "URL query parameter holding the order id"}
    )
    query_marketplace_id = fields.String(
        validate=not_blank,
        metadata={"description": "URL query parameter holding the marketplace id"},
    )
    metrics = fields.Dict(
        keys=snake_name("Shipguard's name of the figure: lsr10, cancel7"),
        values=fields.Nested(MetricSchema),
        metadata={"description": "For Account Health: where each metric's rate and counts are"},
    )
    count_pattern = fields.String(
        validate=compiles_as_regex,
        metadata={
            "description": 'Regular expression for "12 of 340": groups are failures and orders'
        },
    )
    json = fields.Nested(
        OrderJsonSchema,
        metadata={"description": "For the app's JSON endpoints: where each order fact is"},
    )
    done_status_classes = fields.List(
        fields.String(validate=FullMatch(CSS_CLASS, error="Must be a CSS class name.")),
        metadata={"description": "Status element classes that mean nothing is left to do"},
    )
    fba_path_pattern = fields.String(
        validate=compiles_as_regex,
        metadata={"description": "Regular expression for paths listing orders Amazon ships (FBA)"},
    )
    evidence = fields.Dict(
        keys=fields.String(validate=not_blank),
        values=fields.String(validate=not_blank),
        metadata={
            "description": "For each selector and JSON path: the observation it rests on, in one short note"
        },
    )
    labels = fields.Dict(
        keys=fields.String(
            validate=FullMatch(LOCALE, error="Must be a BCP 47 locale such as en-US.")
        ),
        values=fields.Dict(
            keys=snake_name("What the label marks"),
            values=fields.List(fields.String(validate=not_blank), validate=validate.Length(min=1)),
        ),
        metadata={"description": "Visible label texts by page locale, then by name"},
    )
