"""The bundle: all data as one canonical JSON document, its bytes, ETag and version."""

import gzip
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from shipguard.bundle.calendars import pack_calendars, utc_today
from shipguard.bundle.datastore import load_data


@dataclass(frozen=True)
class Bundle:
    """A serialised bundle; `body` is what is served and packed, byte for byte."""

    body: bytes
    gzip_body: bytes  # the same, compressed once here rather than per request
    etag: str
    version: str
    generated_at: str
    data: object  # the ShipguardData it was built from, for lookups such as templates


def canonical_json(obj):
    """The one serialisation used everywhere, so equal content means equal bytes."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def bundle_content(data, today):
    """The bundle without version and generated_at: what its hash is computed from.

    Carrier calendars start on the first of `today`'s month, so the content (and ETag)
    changes once a month, not with every request.
    """
    return {
        "marketplaces": data.marketplaces,
        "date_formats": data.date_formats,
        "pages": data.pages,
        "rules": data.rules,
        "lint": without_examples(data.lint),
        "templates": data.templates,
        "carriers": data.carriers,
        "tracking_dataset": data.tracking_dataset,
        "carrier_calendars": pack_calendars(data.carrier_calendars, today, data.packed_calendars),
        "transit_times": data.transit_tables,
        "disabled_features": data.disabled_features,
    }


def without_examples(lint):
    """The lint rules as extensions need them: the examples are for checking the rules, here."""
    return {
        **lint,
        "rules": [{k: v for k, v in rule.items() if k != "examples"} for rule in lint["rules"]],
    }


def generated_at(files):
    """The newest modification time of the source files, ISO 8601 UTC to the second.

    Taken from the files rather than the clock, so every server process reading the same
    files serves identical bytes.
    """
    newest = max((path.stat().st_mtime for path in files), default=0)
    return datetime.fromtimestamp(int(newest), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_bundle(data, today=None):
    """Serialise validated data (a ShipguardData) into a Bundle; `today` defaults to UTC's."""
    content = bundle_content(data, today or utc_today())
    digest = hashlib.sha256(canonical_json(content)).hexdigest()
    stamp = generated_at(data.files)
    body = canonical_json({**content, "version": digest[:12], "generated_at": stamp})
    # mtime=0: the compressed bytes, like the plain ones, depend on the content alone.
    packed = gzip.compress(body, compresslevel=9, mtime=0)
    return Bundle(
        body=body, gzip_body=packed, etag=digest, version=digest[:12], generated_at=stamp, data=data
    )


def load_bundle(team_dir=None, cache=None):
    """Load and validate the data (defaults plus an optional team folder) into a Bundle;
    `cache`, a ValidationCache, skips what this exact content already passed.

    Raises DataError if the data is not valid.
    """
    return build_bundle(load_data(team_dir, cache))
