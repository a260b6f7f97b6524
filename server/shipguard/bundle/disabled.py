"""A team's disabled.json: removes records by id once every layer has been read."""

from shipguard.bundle.datafiles import load_file
from shipguard.bundle.problems import Problem
from shipguard.bundle.schemas.disabled import DisabledFileSchema

DISABLED_FILE_NAME = "disabled.json"
DISABLED_FILE = DisabledFileSchema()
# disabled.json key -> (attribute of the datastore's layers, what a person calls one record)
KINDS = {
    "templates": ("templates", "message template"),
    "remedies": ("remedies", "remedy"),
    "pages": ("pages", "page adapter"),
}


def apply_disabled(layers, team_dir, problems):
    """Remove the records a team's disabled.json names; note ids that name nothing."""
    path = team_dir / DISABLED_FILE_NAME
    if not layers.data_files.is_file(path):
        return
    layers.files.append(path)
    loaded = load_file(path, DISABLED_FILE, problems, layers.data_files)
    if not loaded:
        return
    for key, ids in loaded[1].items():
        attribute, noun = KINDS[key]
        records = getattr(layers, attribute)
        for index, record_id in enumerate(ids):
            # A typo would otherwise leave the record on while the team believes it is off.
            if record_id not in records:
                problems.append(
                    Problem(
                        str(path), f"{key}.{index}", f"No {noun} named {record_id!r} to disable."
                    )
                )
            else:
                del records[record_id]
    problems.extend(_templates_still_used(layers, path, loaded[1]["templates"]))


def _templates_still_used(layers, path, template_ids):
    """A disabled template a remedy still copies; said here, where the team made the change."""
    for index, template_id in enumerate(template_ids):
        for remedy, _ in layers.remedies.values():
            if remedy.get("template") == template_id:
                reason = (
                    f"Remedy {remedy['id']!r} still uses this template; disable that remedy too."
                )
                yield Problem(str(path), f"templates.{index}", reason)
