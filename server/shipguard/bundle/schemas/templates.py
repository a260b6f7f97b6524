"""Schema of a buyer message template (messages/<id>.json), all its languages in one file."""

from marshmallow import ValidationError, fields, validate, validates_schema

from shipguard.bundle.formats import LOCALE, MARKETPLACE_CODE, SNAKE_NAME
from shipguard.bundle.schemas.common import (
    ORDER_STATUSES,
    FullMatch,
    StrictSchema,
    kebab_id,
    string_list,
    text,
    texts_by_language,
)
from shipguard.buyer_messages.message_dates import is_iso_day
from shipguard.buyer_messages.render import placeholders_in

# A message may also suit an order that is already done (e.g. a follow-up).
TEMPLATE_STATUSES = (*ORDER_STATUSES, "done")


PLACEHOLDER_TYPES = ("date",)
# Which delay notice a template is, so the panel can offer the one an order's history calls
# for: "second" once a delay message was given for the order, "open-ended" when no date is known.
DELAY_NOTICES = ("first", "second", "open-ended")


class PlaceholderSchema(StrictSchema):
    """A fact the message needs from the order."""

    description = text("What the placeholder stands for")
    example = text("An example value (a day as YYYY-MM-DD for a date)")
    type = fields.String(
        validate=validate.OneOf(PLACEHOLDER_TYPES),
        metadata={
            "description": "date: the value is a day, YYYY-MM-DD, written into the message "
            "as the buyer's language writes it in a sentence"
        },
    )
    label = texts_by_language(
        "What the panel asks the seller for, by UI language (else the description)"
    )


class MessageTextSchema(StrictSchema):
    """A message in one language."""

    subject = text("Subject line; may use {placeholders}")
    body = text("Plain-text body; may use {placeholders}")


class TemplateSchema(StrictSchema):
    """One buyer message template."""

    id = kebab_id("Template id; equals the file name, such as delay-out-of-stock")
    title = text("What the message is for, in the seller's words")
    reason = kebab_id("Amazon's contact reason the message is sent under, such as shipping-problem")
    statuses = string_list(
        "Order statuses the message suits",
        item=fields.String(validate=validate.OneOf(TEMPLATE_STATUSES)),
    )
    delay_notice = fields.String(
        validate=validate.OneOf(DELAY_NOTICES),
        metadata={
            "description": "For a delay message: first, second (the buyer must agree to wait) "
            "or open-ended (no date known)"
        },
    )
    marketplaces = string_list(
        "Codes of the marketplaces the message is written for",
        item=fields.String(
            validate=FullMatch(MARKETPLACE_CODE, error="Must be a marketplace code such as US.")
        ),
    )
    placeholders = fields.Dict(
        keys=fields.String(validate=FullMatch(SNAKE_NAME, error="Must be a snake_case name.")),
        values=fields.Nested(PlaceholderSchema),
        required=True,
        metadata={"description": "The placeholders the texts use, by name"},
    )
    locales = fields.Dict(
        keys=fields.String(
            validate=FullMatch(LOCALE, error="Must be a BCP 47 locale such as en-US.")
        ),
        values=fields.Nested(MessageTextSchema),
        required=True,
        validate=validate.Length(min=1, error="Must have at least one locale."),
        metadata={"description": "The message by buyer locale, BCP 47"},
    )

    @validates_schema
    def date_examples_are_days(self, data, **kwargs):
        """A date's example is rendered in every language, so it must be a day the twins read."""
        errors = {
            name: {
                "example": [f"A date example is a day written YYYY-MM-DD, not {spec['example']!r}."]
            }
            for name, spec in data["placeholders"].items()
            if spec.get("type") == "date" and not is_iso_day(spec["example"])
        }
        if errors:
            raise ValidationError({"placeholders": errors})

    @validates_schema
    def placeholders_declared(self, data, **kwargs):
        """A placeholder nobody declared has no description for the seller and no example."""
        errors = {}
        for locale, texts in data["locales"].items():
            for part in ("subject", "body"):
                reasons = [
                    f"Placeholder {{{name}}} is not declared in placeholders."
                    for name in placeholders_in(texts[part])
                    if name not in data["placeholders"]
                ]
                if reasons:
                    errors.setdefault("locales", {}).setdefault(locale, {})[part] = reasons
        if errors:
            raise ValidationError(errors)


def marketplace_reference_problems(template, marketplace_codes):
    """Field errors of a template naming marketplaces that do not exist, as {field: ...}."""
    missing = {
        index: [f"No marketplace with code {code!r}."]
        for index, code in enumerate(template["marketplaces"])
        if code not in marketplace_codes
    }
    return {"marketplaces": missing} if missing else {}
