"""Schema of a team's disabled.json: default records the team switches off by id."""

from marshmallow import fields, validate

from shipguard.bundle.formats import KEBAB_ID
from shipguard.bundle.schemas.common import (
    FullMatch,
    StrictSchema,
    unique,
)


def id_list(description):
    """An optional list of distinct kebab-case ids."""
    return fields.List(
        fields.String(validate=FullMatch(KEBAB_ID, error="Must be a kebab-case id.")),
        load_default=list,
        validate=[unique, validate.Length(max=1000)],
        metadata={"description": description},
    )


class DisabledFileSchema(StrictSchema):
    """The disabled.json file of a team data folder."""

    templates = id_list("Ids of message templates to remove")
    remedies = id_list("Ids of remedies to remove")
    pages = id_list("Ids of page adapters to remove")
