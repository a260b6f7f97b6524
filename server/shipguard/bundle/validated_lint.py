"""The lint data as `shipguard lint` reads it: validated as the server validates all the data,
once per exact content, then read from the validation cache.

Validating takes the schemas, every rule's examples and every template's lint: seconds, and
more imports than linting a hundred messages. So the lint data of content validated before
is kept as an entry of its own, keyed on the code and the bytes of every data file; any
other byte is another key, validated in full, so a bad file is still refused naming its file
and field. Lint data does not depend on the day, so neither does its entry. The entry also
keeps what each pattern needs (lint_literals.py), which a run would otherwise read again
from every pattern it uses.
"""

from pathlib import Path

from shipguard import config
from shipguard.bundle.datafiles import DataFiles
from shipguard.bundle.validation_cache import ValidationCache, content_key, default_cache_dir
from shipguard.buyer_messages.lint import PATTERN_KEYS
from shipguard.buyer_messages.lint_literals import needs, needs_as_data

LINT = "lint"


def validated_lint(team_dir=None, cache_dir=None):
    """(the bundle's lint data, its patterns' needs by source) once the data (defaults, a team
    folder over them) is valid; raises DataError naming file, field and reason otherwise."""
    from_cache = not team_dir or Path(team_dir).is_dir()  # else load_data says what is wrong
    cache = ValidationCache(cache_dir or default_cache_dir())
    key = content_key(DataFiles(config.data_folders(team_dir)), [config.features_path()], LINT)
    entry = cache.read(key, LINT) if from_cache else None
    if entry is None:
        from shipguard.bundle.datastore import load_data  # the schemas: new content only

        lint = load_data(team_dir, cache=cache).lint
        entry = {"lint": lint, "needs": pattern_needs(lint)}
        cache.write(key, entry, LINT)
    return entry["lint"], entry["needs"]


def pattern_needs(lint):
    """{source: needs as data} of every pattern of the rules."""
    return {
        source: needs_as_data(needs(source))
        for rule in lint["rules"]
        for key in PATTERN_KEYS
        for sources in rule.get(key, {}).values()
        for source in sources
    }
