"""Schema of store.json: what the browser stores' submission forms ask (permission reasons, data use, listing)."""

from marshmallow import fields, validate

from shipguard.bundle.schemas.common import StrictSchema, string_list, text

# Firefox's data_collection_permissions categories (manifest key, Firefox 140+).
FIREFOX_DATA_CATEGORIES = (
    "none",
    "authenticationInfo",
    "bookmarksInfo",
    "browsingActivity",
    "financialAndPaymentInfo",
    "healthInfo",
    "locationInfo",
    "personalCommunications",
    "personallyIdentifyingInfo",
    "searchTerms",
    "technicalAndInteraction",
    "websiteActivity",
    "websiteContent",
)


class StoredSchema(StrictSchema):
    what = text("What is kept, in the seller's words.")
    keys = string_list(
        "The extension's storage keys that hold it (a test checks none is left out)."
    )
    where = text("Which browser storage holds it.")
    kept = text("For how long.")


class SentSchema(StrictSchema):
    what = text("What leaves the browser, and to which address.")
    why = text("Why it is sent.")


class FirefoxDataCollectionSchema(StrictSchema):
    required = string_list(
        "The manifest's required data collection categories ('none' when nothing is collected).",
        item=fields.String(validate=validate.OneOf(FIREFOX_DATA_CATEGORIES)),
    )
    optional = string_list(
        "Categories the seller may opt into.",
        item=fields.String(validate=validate.OneOf(FIREFOX_DATA_CATEGORIES[1:])),
        required=False,
    )


class DataUseSchema(StrictSchema):
    stored_locally = fields.List(
        fields.Nested(StoredSchema), required=True, metadata={"description": "Kept in the browser."}
    )
    sent_to_server = fields.List(
        fields.Nested(SentSchema),
        required=True,
        metadata={"description": "Sent to the server the seller configured."},
    )
    nothing_else = text("That nothing goes anywhere else, said plainly.")
    firefox_data_collection = fields.Nested(
        FirefoxDataCollectionSchema,
        required=True,
        metadata={"description": "The Firefox manifest's data_collection_permissions."},
    )


class ListingSchema(StrictSchema):
    name = text("The extension's name in the stores.")
    summary = fields.String(
        required=True,
        validate=validate.Length(min=1, max=132),
        metadata={
            "description": "The short description (Chrome Web Store: at most 132 characters)."
        },
    )
    single_purpose = text("Chrome Web Store's single purpose statement.")


class StoreSchema(StrictSchema):
    listing = fields.Nested(
        ListingSchema, required=True, metadata={"description": "What the store listing says."}
    )
    permissions = fields.Dict(
        keys=fields.String(),
        values=text("Why the permission is needed."),
        required=True,
        metadata={
            "description": "Why each manifest permission is asked for; host_access for the Seller Central sites."
        },
    )
    remote_code = text("The answer to 'does it use remote code?'.")
    data_use = fields.Nested(
        DataUseSchema,
        required=True,
        metadata={"description": "The data-use disclosure, also the privacy policy's content."},
    )


store_schema = StoreSchema()
