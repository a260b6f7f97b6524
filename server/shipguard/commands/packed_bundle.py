"""bundle.json as packed into the extension: the served bundle, laid out for the zip's deflate.

Deflate finds repeats only within the last 32 KB it read. The served bundle holds its lint
patterns rule by rule, each rule's languages side by side, so one language's patterns lie in
pieces far apart; the packed copy groups them by language, then rule, where each language's
words repeat close together. The extension puts them back into their rules when it reads the
file (extension/core/packed-bundle.js), so everything else reads the bundle as served.
Fields the extension never reads are left out.
"""

import json

from shipguard.bundle.document import canonical_json
from shipguard.bundle.schemas.lint import PATTERN_KEYS

# Where each selector of a page adapter comes from: for people and tests, not the extension.
UNREAD_PAGE_FIELDS = ("evidence",)


def packed_bundle(body):
    """The packed bundle.json's bytes for a served bundle's `body`."""
    bundle = json.loads(body)
    for page in bundle["pages"]:
        for field in UNREAD_PAGE_FIELDS:
            page.pop(field, None)
    by_language = {}
    for rule in bundle["lint"]["rules"]:
        for key in PATTERN_KEYS:
            for code, patterns in rule.pop(key, {}).items():
                by_language.setdefault(code, {}).setdefault(rule["id"], {})[key] = patterns
    bundle["lint"]["patterns_by_language"] = by_language
    return canonical_json(bundle)
