"""The extension's features, from its registry: the ids a kill switch may name."""

import json
from functools import lru_cache

from shipguard import config
from shipguard.bundle.schemas.features import FeaturesFileSchema


@lru_cache(maxsize=1)
def feature_ids():
    """The registry's feature ids, in order (read and validated once: it ships with the code)."""
    document = json.loads(config.features_path().read_text(encoding="utf-8"))
    return tuple(feature["id"] for feature in FeaturesFileSchema().load(document)["features"])
