"""The lint data as `shipguard lint` reads it: validated as the server validates all the data,
once per exact content, then read from the validation cache.

Validating takes the schemas, every rule's examples and every template's lint: seconds, and
more imports than linting a hundred messages. So the lint data of content validated before
is kept as an entry of its own, keyed on the code and the bytes of every data file; any
other byte is another key, validated in full, so a bad file is still refused naming its file
and field. Lint data does not depend on the day, so neither does its entry.
"""

from pathlib import Path

from shipguard import config
from shipguard.bundle.datafiles import DataFiles
from shipguard.bundle.validation_cache import ValidationCache, content_key, default_cache_dir

LINT = "lint"


def validated_lint(team_dir=None, cache_dir=None):
    """The bundle's lint data (defaults, a team folder over them) once the data is valid;
    raises DataError naming file, field and reason otherwise."""
    from_cache = not team_dir or Path(team_dir).is_dir()  # else load_data says what is wrong
    cache = ValidationCache(cache_dir or default_cache_dir())
    key = content_key(DataFiles(config.data_folders(team_dir)), [config.features_path()], LINT)
    lint = cache.read(key, LINT) if from_cache else None
    if lint is None:
        from shipguard.bundle.datastore import load_data  # the schemas: new content only

        lint = load_data(team_dir, cache=cache).lint
        cache.write(key, lint, LINT)
    return lint
