"""Loading the default data layered with an optional team data folder, validated as a whole."""

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from shipguard import config
from shipguard.bundle.calendars import (
    calendar_reference_problems,
    coverage_problems,
    pack_calendars,
    utc_today,
)
from shipguard.bundle.datafiles import DataFiles, link_problems, load_file
from shipguard.bundle.disabled import DISABLED_FILE_NAME, apply_disabled
from shipguard.bundle.problems import DataError, Problem, problems_from_messages
from shipguard.bundle.schemas.calendars import CarrierCalendarsFileSchema
from shipguard.bundle.schemas.carriers import CarriersFileSchema, TrackingFormatsFileSchema
from shipguard.bundle.schemas.date_formats import DateFormatsFileSchema
from shipguard.bundle.schemas.lint import (
    LintFileSchema,
    scope_reference_problems,
    unknown_language_errors,
)
from shipguard.bundle.schemas.marketplaces import MarketplacesFileSchema
from shipguard.bundle.schemas.pages import PageAdapterSchema
from shipguard.bundle.schemas.rules import RulesFileSchema, remedy_reference_problems
from shipguard.bundle.schemas.templates import (
    TemplateSchema,
    marketplace_reference_problems,
)
from shipguard.bundle.schemas.transit import TransitTimesFileSchema
from shipguard.bundle.validation_cache import content_key
from shipguard.buyer_messages.lint import lint_data
from shipguard.buyer_messages.template_checks import (
    missing_language_problems,
    rule_example_problems,
    template_lint_problems,
)

MARKETPLACES_FILE = MarketplacesFileSchema()
DATE_FORMATS_FILE = DateFormatsFileSchema()
RULES_FILE = RulesFileSchema()
CARRIERS_FILE = CarriersFileSchema()
TRACKING_FORMATS_FILE = TrackingFormatsFileSchema()
CALENDARS_FILE = CarrierCalendarsFileSchema()
TRANSIT_FILE = TransitTimesFileSchema()
PAGE_ADAPTER = PageAdapterSchema()
TEMPLATE = TemplateSchema()
LINT_FILE = LintFileSchema()
# A team's rules.json may change one threshold without repeating all the others.
TEAM_RULES_PARTIAL = (
    "due_soon_hours",
    "delay_business_days",
    "groups",
    "remedies",
    "address_checks",
)
# A team's lint.json may add or replace a few rules (by id) or language profiles only.
TEAM_LINT_PARTIAL = ("languages", "rules")
# A team's carrier-calendars.json may replace one marketplace's rules, or the months ahead.
TEAM_CALENDARS_PARTIAL = ("months_ahead", "calendars")
# What a team folder may hold: the files and the folders of one-record files a layer is
# read from (see _load_layer), plus disabled.json.
TEAM_FILES = (
    "marketplaces.json",
    "date-formats.json",
    "rules.json",
    "lint.json",
    "carriers.json",
    "tracking-formats.json",
    "carrier-calendars.json",
    "transit-times.json",
    DISABLED_FILE_NAME,
)
TEAM_RECORD_FOLDERS = ("pages", "messages")


@dataclass(frozen=True)
class Source:
    """Where a record was read, so a problem found later points at the right spot."""

    file: Path
    where: str = ""


@dataclass(frozen=True)
class ShipguardData:
    """All validated data, defaults and team layer merged."""

    marketplaces: list
    date_formats: list
    pages: list
    rules: dict
    templates: list
    carriers: list
    disabled_features: list
    files: tuple
    lint: dict = field(default_factory=dict)
    carrier_calendars: dict = field(default_factory=dict)
    # The bundle's carrier_calendars as the validation cache kept them (None: pack them).
    packed_calendars: dict = None
    transit_tables: list = field(default_factory=list)
    tracking_dataset: dict = field(default_factory=dict)

    @cached_property
    def templates_by_id(self):
        return {template["id"]: template for template in self.templates}

    def template(self, template_id):
        """The template with this id, or None."""
        return self.templates_by_id.get(template_id)


# The _Layers tables of records by id, each entry (record, Source).
RECORD_TABLES = (
    "marketplaces",
    "date_formats",
    "remedies",
    "pages",
    "templates",
    "carriers",
    "lint_languages",
    "lint_rules",
    "calendars",
    "transit_tables",
)


@dataclass
class _Layers:
    """Records by id as the layers are read; a later layer's record replaces in place."""

    marketplaces: dict = field(default_factory=dict)
    date_formats: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    remedies: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    templates: dict = field(default_factory=dict)
    carriers: dict = field(default_factory=dict)
    lint_languages: dict = field(default_factory=dict)
    lint_rules: dict = field(default_factory=dict)
    calendar_settings: dict = field(default_factory=dict)
    calendar_settings_file: Path = None
    calendars: dict = field(default_factory=dict)
    transit_tables: dict = field(default_factory=dict)
    tracking_formats: dict = field(default_factory=dict)
    files: list = field(default_factory=list)
    data_files: DataFiles = None  # the bytes every layer is read from

    def validated(self):
        """The layers as JSON data, for the validation cache (records keep their sources)."""
        return {
            "records": {
                name: [
                    [key, record, str(source.file), source.where]
                    for key, (record, source) in getattr(self, name).items()
                ]
                for name in RECORD_TABLES
            },
            "settings": self.settings,
            "calendar_settings": self.calendar_settings,
            "calendar_settings_file": self.calendar_settings_file
            and str(self.calendar_settings_file),
            "tracking_formats": self.tracking_formats,
            "files": [str(path) for path in self.files],
        }

    @classmethod
    def from_validated(cls, validated, data_files):
        """The layers validated() described, exactly as validation left them."""
        layers = cls(
            settings=validated["settings"],
            calendar_settings=validated["calendar_settings"],
            calendar_settings_file=validated["calendar_settings_file"]
            and Path(validated["calendar_settings_file"]),
            tracking_formats=validated["tracking_formats"],
            files=[Path(path) for path in validated["files"]],
            data_files=data_files,
        )
        for name in RECORD_TABLES:
            getattr(layers, name).update(
                (key, (record, Source(Path(file), where)))
                for key, record, file, where in validated["records"][name]
            )
        return layers

    def lint_file(self):
        """lint.json as the layers make it: profiles by language, rules by id in file order."""
        return {
            "languages": {
                code: profile for code, (profile, _) in sorted(self.lint_languages.items())
            },
            "rules": [rule for rule, _ in self.lint_rules.values()],
        }

    def freeze(self, packed_calendars=None):
        settings = dict(self.settings)
        disabled_features = settings.pop("disabled_features", [])
        rules = {**settings, "remedies": [record for record, _ in self.remedies.values()]}
        return ShipguardData(
            marketplaces=[record for record, _ in self.marketplaces.values()],
            date_formats=[record for record, _ in self.date_formats.values()],
            pages=[self.pages[key][0] for key in sorted(self.pages)],
            rules=rules,
            templates=[self.templates[key][0] for key in sorted(self.templates)],
            carriers=[self.resolved_carrier(record) for record, _ in self.carriers.values()],
            disabled_features=disabled_features,
            files=tuple(self.files),
            lint=lint_data(self.lint_file(), [record for record, _ in self.marketplaces.values()]),
            carrier_calendars=self.calendars_file(),
            packed_calendars=packed_calendars,
            transit_tables=[record for record, _ in self.transit_tables.values()],
            tracking_dataset=self.tracking_formats.get("dataset", {}),
        )

    def dataset_formats(self):
        """The converted dataset's formats by courier id."""
        return {c["id"]: c["formats"] for c in self.tracking_formats.get("couriers", [])}

    def resolved_carrier(self, carrier):
        """A carrier as the bundle carries it: the dataset's formats first, then its own."""
        by_courier = self.dataset_formats()
        formats = [f for courier in carrier["dataset_couriers"] for f in by_courier[courier]]
        resolved = {key: value for key, value in carrier.items() if key != "dataset_couriers"}
        return {**resolved, "formats": formats + carrier["formats"]}

    def calendars_file(self):
        """carrier-calendars.json as the layers make it."""
        return {
            **self.calendar_settings,
            "calendars": [record for record, _ in self.calendars.values()],
        }


def load_data(team_dir=None, cache=None):
    """Load and validate the default data, then the team folder over it if one is given.

    Raises DataError listing every problem (file, field path, reason) if anything is wrong.
    With `cache` (a ValidationCache), content validated before on the same UTC day (the
    calendar checks depend on the day) is taken from it instead of validated again.
    """
    if team_dir:
        team_dir = Path(team_dir)
        if not team_dir.is_dir():
            raise DataError([Problem(str(team_dir), "", "The team data folder does not exist.")])
        # Refused before any file is read, so nothing from elsewhere is ever parsed or quoted.
        linked = link_problems(_team_paths(team_dir))
        if linked:
            raise DataError(linked)
    data_files = DataFiles(config.data_folders(team_dir))
    if cache is None:
        layers, problems = _validated_layers(data_files, team_dir, utc_today(), None)
        if problems:
            raise DataError(problems)
        return layers.freeze()
    today = utc_today()
    key = content_key(data_files, [config.features_path()], today.isoformat())
    validated = cache.read(key)
    if validated:
        try:
            layers = _Layers.from_validated(validated["layers"], data_files)
            return layers.freeze(validated["packed_calendars"])
        except (KeyError, TypeError, ValueError):
            pass  # not an entry this code wrote: validate in full and replace it
    proofs = cache.proofs()
    layers, problems = _validated_layers(data_files, team_dir, today, proofs)
    cache.keep(proofs)  # what passed, even beside a problem, needs no check next time
    if problems:
        raise DataError(problems)
    packed = pack_calendars(layers.calendars_file(), today)
    cache.write(key, {"layers": layers.validated(), "packed_calendars": packed})
    return layers.freeze(packed)


def _validated_layers(data_files, team_dir, today, proofs):
    """(layers, problems): every layer read and validated, calendars for `today`; the lint
    checks that `proofs` (validation_cache.Proofs, or None) hold as passed are skipped."""
    problems = []
    layers = _Layers(data_files=data_files)
    _load_layer(layers, config.default_data_dir(), config.messages_dir(), problems, team=False)
    if team_dir:
        _load_layer(layers, team_dir, team_dir / "messages", problems, team=True)
        apply_disabled(layers, team_dir, problems)
    # References are only worth checking once every file could be read.
    return layers, problems or _reference_problems(layers, today, proofs)


def _team_paths(team_dir):
    """Every path of the team folder that loading would read (files and record folders)."""
    paths = [team_dir / name for name in (*TEAM_FILES, *TEAM_RECORD_FOLDERS)]
    for name in TEAM_RECORD_FOLDERS:
        folder = team_dir / name
        if folder.is_dir() and not folder.is_symlink():
            # Links to missing files too, which reading the folder would leave out.
            paths += [
                path for path in sorted(folder.glob("*.json")) if not path.name.startswith(".")
            ]
    return paths


def _load_layer(layers, data_dir, messages_dir, problems, *, team):
    """Read one layer (defaults or a team's folder) into `layers`."""
    _load_list_file(
        layers,
        data_dir / "marketplaces.json",
        MARKETPLACES_FILE,
        problems,
        team=team,
        into=layers.marketplaces,
        list_key="marketplaces",
        id_key="code",
    )
    _load_list_file(
        layers,
        data_dir / "date-formats.json",
        DATE_FORMATS_FILE,
        problems,
        team=team,
        into=layers.date_formats,
        list_key="date_formats",
        id_key=lambda fmt: " ".join(fmt["locales"]),
    )
    _load_rules(layers, data_dir / "rules.json", problems, team=team)
    _load_lint(layers, data_dir / "lint.json", problems, team=team)
    _load_list_file(
        layers,
        data_dir / "carriers.json",
        CARRIERS_FILE,
        problems,
        team=team,
        into=layers.carriers,
        list_key="carriers",
        id_key="id",
    )
    _load_tracking_formats(layers, data_dir / "tracking-formats.json", problems, team=team)
    _load_calendars(layers, data_dir / "carrier-calendars.json", problems, team=team)
    _load_list_file(
        layers,
        data_dir / "transit-times.json",
        TRANSIT_FILE,
        problems,
        team=team,
        into=layers.transit_tables,
        list_key="transit_tables",
        id_key=lambda table: f"{table['marketplace']} {table['carrier']}",
    )
    for path in layers.data_files.json_files(data_dir / "pages"):
        _load_record_file(layers, path, PAGE_ADAPTER, layers.pages, problems)
    for path in layers.data_files.json_files(messages_dir):
        _load_record_file(layers, path, TEMPLATE, layers.templates, problems)


def _present(layers, path, problems, team):
    """Whether a layer file exists; the defaults must have every file, a team need not."""
    if layers.data_files.is_file(path):
        return True
    if not team:
        problems.append(Problem(str(path), "", "The file is missing."))
    return False


def _load_list_file(layers, path, schema, problems, *, team, into, list_key, id_key):
    """A file holding one list of records, each with its own id."""
    if not _present(layers, path, problems, team):
        return
    layers.files.append(path)
    loaded = load_file(path, schema, problems, layers.data_files)
    if loaded:
        for index, record in enumerate(loaded[1][list_key]):
            key = id_key(record) if callable(id_key) else record[id_key]
            into[key] = (record, Source(path, f"{list_key}.{index}"))


def _load_rules(layers, path, problems, *, team):
    """rules.json: settings override one by one, remedies replace or add by id."""
    if not _present(layers, path, problems, team):
        return
    layers.files.append(path)
    loaded = load_file(
        path, RULES_FILE, problems, layers.data_files, partial=TEAM_RULES_PARTIAL if team else ()
    )
    if not loaded:
        return
    raw, rules = loaded
    for index, remedy in enumerate(rules.pop("remedies", [])):
        layers.remedies[remedy["id"]] = (remedy, Source(path, f"remedies.{index}"))
    layers.settings.update((key, value) for key, value in rules.items() if key in raw or not team)


def _load_lint(layers, path, problems, *, team):
    """lint.json: language profiles by code and rules by id replace or add, layer by layer."""
    if not _present(layers, path, problems, team):
        return
    layers.files.append(path)
    loaded = load_file(
        path, LINT_FILE, problems, layers.data_files, partial=TEAM_LINT_PARTIAL if team else ()
    )
    if not loaded:
        return
    for code, profile in loaded[1].get("languages", {}).items():
        layers.lint_languages[code] = (profile, Source(path, f"languages.{code}"))
    for index, rule in enumerate(loaded[1].get("rules", [])):
        layers.lint_rules[rule["id"]] = (rule, Source(path, f"rules.{index}"))


def _load_tracking_formats(layers, path, problems, *, team):
    """tracking-formats.json: a team's file (a newer conversion) replaces the whole dataset."""
    if not _present(layers, path, problems, team):
        return
    layers.files.append(path)
    loaded = load_file(path, TRACKING_FORMATS_FILE, problems, layers.data_files)
    if loaded:
        layers.tracking_formats = loaded[1]


def _load_calendars(layers, path, problems, *, team):
    """carrier-calendars.json: months ahead overrides, a marketplace's rules replace or add."""
    if not _present(layers, path, problems, team):
        return
    layers.files.append(path)
    loaded = load_file(
        path,
        CALENDARS_FILE,
        problems,
        layers.data_files,
        partial=TEAM_CALENDARS_PARTIAL if team else (),
    )
    if not loaded:
        return
    raw, calendars_file = loaded
    if "months_ahead" in raw or not team:
        layers.calendar_settings["months_ahead"] = calendars_file["months_ahead"]
        layers.calendar_settings_file = path
    for index, calendar in enumerate(calendars_file.get("calendars", [])):
        layers.calendars[calendar["marketplace"]] = (calendar, Source(path, f"calendars.{index}"))


def _load_record_file(layers, path, schema, into, problems):
    """A file holding one record whose id is the file name (a page adapter, a template)."""
    layers.files.append(path)
    loaded = load_file(path, schema, problems, layers.data_files)
    if not loaded:
        return
    record = loaded[1]
    if record["id"] != path.stem:
        problems.append(Problem(str(path), "id", f"Must equal the file name {path.stem!r}."))
        return
    into[record["id"]] = (record, Source(path))


def _reference_problems(layers, today, proofs):
    """Records naming a template or marketplace that no layer has, calendars that would
    not do `today`, rules or templates that lint wrong."""
    problems = []
    group_ids = {group["id"] for group in layers.settings.get("groups", [])}
    for remedy, source in layers.remedies.values():
        errors = remedy_reference_problems(remedy, layers.templates, group_ids)
        problems += problems_from_messages(source.file, {source.where: errors} if errors else {})
    for template, source in layers.templates.values():
        problems += problems_from_messages(
            source.file, marketplace_reference_problems(template, layers.marketplaces)
        )
    couriers = layers.dataset_formats()
    for carrier, source in layers.carriers.values():
        errors = marketplace_reference_problems(carrier, layers.marketplaces)
        unknown = {
            index: [f"No courier {courier!r} in tracking-formats.json."]
            for index, courier in enumerate(carrier["dataset_couriers"])
            if courier not in couriers
        }
        if unknown:
            errors = {**errors, "dataset_couriers": unknown}
        problems += problems_from_messages(source.file, {source.where: errors} if errors else {})
    problems += _calendar_problems(layers, today) + _transit_problems(layers)
    lint_problems = _lint_problems(layers, proofs)
    # Templates are linted only with rules that are themselves sound.
    return problems + (lint_problems or _template_problems(layers, proofs))


def _calendar_problems(layers, today):
    """Calendars naming unknown marketplaces, carriers or holidays, or too short to rely on."""
    problems = []
    for calendar, source in layers.calendars.values():
        errors = calendar_reference_problems(calendar, layers.marketplaces, layers.carriers, today)
        problems += problems_from_messages(source.file, {source.where: errors} if errors else {})
    if layers.calendar_settings_file:
        problems += [
            Problem(str(layers.calendar_settings_file), "months_ahead", reason)
            for reason in coverage_problems(layers.calendars_file(), today)
        ]
    return problems


def _transit_problems(layers):
    """Transit tables for marketplaces or carriers no layer has."""
    problems = []
    for table, source in layers.transit_tables.values():
        errors = {}
        if table["marketplace"] not in layers.marketplaces:
            errors["marketplace"] = [f"No marketplace with code {table['marketplace']!r}."]
        if table["carrier"] not in layers.carriers:
            errors["carrier"] = [f"No carrier with id {table['carrier']!r} in carriers.json."]
        problems += problems_from_messages(source.file, {source.where: errors} if errors else {})
    return problems


def _lint_problems(layers, proofs):
    """Rules scoped to unknown marketplaces, keyed by unknown languages, or whose examples misbehave."""
    lint_file = layers.lint_file()
    sources = [source for _, source in layers.lint_rules.values()]
    errors = {
        **{
            f"rules.{index}.{key}": reasons
            for index, fields in unknown_language_errors(
                lint_file["rules"], lint_file["languages"]
            ).items()
            for key, reasons in fields.items()
        },
        **scope_reference_problems(lint_file, layers.marketplaces),
    }
    errors = errors or rule_example_problems(lint_file, proofs)
    problems = []
    for where, reasons in errors.items():
        # "rules.<merged index>.rest" becomes the rule's own file and index.
        _, index, rest = where.split(".", 2)
        source = sources[int(index)]
        problems += problems_from_messages(source.file, {f"{source.where}.{rest}": reasons})
    return problems


def _template_problems(layers, proofs):
    """Templates missing a language their marketplaces need, or with lint errors in a language."""
    lint_file = layers.lint_file()
    marketplaces = {code: record for code, (record, _) in layers.marketplaces.items()}
    date_formats = [record for record, _ in layers.date_formats.values()]
    problems = []
    for template, source in layers.templates.values():
        errors = {
            **missing_language_problems(template, marketplaces),
            **template_lint_problems(template, lint_file, date_formats, proofs),
        }
        problems += problems_from_messages(source.file, errors)
    return problems
