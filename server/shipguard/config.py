"""Server settings: defaults in a class, overridden by environment variables."""

import os
import re
from pathlib import Path

CHROME_EXTENSION_ID = r"[a-p]{32}"
FIREFOX_EXTENSION_ID = (
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)


class ConfigError(ValueError):
    """A setting has a value the server cannot run with."""


class Config:
    """Defaults; `SHIPGUARD_*` environment variables and create_app's argument override them."""

    # A team's data folder layered over the defaults (None: defaults only).
    DATA_DIR = None
    # Extension ids allowed to call the API cross-origin (empty: any extension).
    EXTENSION_IDS = ()
    # Requests are small JSON documents; anything bigger is a mistake or an attack.
    MAX_CONTENT_LENGTH = 64 * 1024
    # The team token: needed to edit templates, and to read the status page from elsewhere
    # than localhost (None: editing is off and the page is open to localhost only).
    TOKEN = None
    # Seconds between checks of the data files for changes (0: no background checks;
    # `shipguard serve` checks every 2 s).
    RELOAD_INTERVAL = 0
    # The address `shipguard serve` listens on: bound to anything but loopback, the status
    # page needs the token even from this machine, and this name is an accepted Host.
    BIND_HOST = "127.0.0.1"
    # Where validated data is kept between starts, by a hash of its exact content (None:
    # validate in full every time; `shipguard serve` uses the user's cache folder).
    VALIDATION_CACHE_DIR = None
    # Host names (besides the bound one and localhost) that requests may name in `Host`:
    # the names the server is reached by. Any other name is refused (DNS rebinding).
    ALLOWED_HOSTS = ()


def settings_from_env(environ=None):
    """The settings given by environment variables, under their Config names."""
    environ = os.environ if environ is None else environ
    settings = {}
    if environ.get("SHIPGUARD_DATA_DIR"):
        settings["DATA_DIR"] = environ["SHIPGUARD_DATA_DIR"]
    if environ.get("SHIPGUARD_EXTENSION_IDS"):
        settings["EXTENSION_IDS"] = environ["SHIPGUARD_EXTENSION_IDS"]
    if environ.get("SHIPGUARD_TOKEN"):
        settings["TOKEN"] = environ["SHIPGUARD_TOKEN"]
    if environ.get("SHIPGUARD_RELOAD_INTERVAL"):
        settings["RELOAD_INTERVAL"] = environ["SHIPGUARD_RELOAD_INTERVAL"]
    if environ.get("SHIPGUARD_ALLOWED_HOSTS"):
        settings["ALLOWED_HOSTS"] = environ["SHIPGUARD_ALLOWED_HOSTS"]
    return settings


# A host name as it may appear in `Host` (without the port), or `.example.com` for every
# name under example.com.
HOST_NAME = r"\.?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"


def parse_allowed_hosts(value):
    """A tuple of lower-case host names from a comma-separated string or a list; checks each."""
    names = value.split(",") if isinstance(value, str) else list(value or ())
    names = tuple(name.strip().lower() for name in names if name.strip())
    for name in names:
        if not re.fullmatch(HOST_NAME, name):
            raise ConfigError(
                f"SHIPGUARD_ALLOWED_HOSTS: {name!r} is not a host name such as "
                "shipguard.example.com (no scheme, port or path; .example.com for every name under it)."
            )
    return names


def parse_extension_ids(value):
    """A tuple of extension ids from a comma-separated string or a list; checks each one."""
    ids = value.split(",") if isinstance(value, str) else list(value or ())
    ids = tuple(item.strip() for item in ids if item.strip())
    for item in ids:
        if not (
            re.fullmatch(CHROME_EXTENSION_ID, item) or re.fullmatch(FIREFOX_EXTENSION_ID, item)
        ):
            raise ConfigError(
                f"SHIPGUARD_EXTENSION_IDS: {item!r} is neither a Chrome extension id "
                "(32 letters a-p) nor a Firefox extension UUID."
            )
    return ids


# Long enough that guessing it over the network is hopeless, even without rate limits.
MIN_TOKEN_LENGTH = 16


def parse_token(value):
    """The team token, or None when unset; refuses tokens too short to be safe."""
    if not value:
        return None
    token = str(value).strip()
    if len(token) < MIN_TOKEN_LENGTH or any(char.isspace() for char in token):
        raise ConfigError(
            f"SHIPGUARD_TOKEN: must be at least {MIN_TOKEN_LENGTH} characters without spaces; "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))'` makes a good one."
        )
    return token


def parse_reload_interval(value):
    """Seconds between data file checks as a float; 0 turns the checks off."""
    try:
        seconds = float(value or 0)
    except (TypeError, ValueError):
        raise ConfigError(
            f"SHIPGUARD_RELOAD_INTERVAL: {value!r} is not a number of seconds."
        ) from None
    if not 0 <= seconds <= 3600:
        raise ConfigError("SHIPGUARD_RELOAD_INTERVAL: must be between 0 (off) and 3600 seconds.")
    return seconds


# Where Shipguard's own files live, in a source checkout and in an installed wheel.
PACKAGE_DIR = Path(__file__).resolve().parent
# In a checkout the package sits at <repo>/server/shipguard; a wheel copies messages/,
# extension/ and manifest.json into the package itself (see pyproject's force-include).
REPO_ROOT = PACKAGE_DIR.parent.parent


def _package_or_repo(name):
    """The package's copy of a top-level file or folder if there is one, else the repo's."""
    packaged = PACKAGE_DIR / name
    return packaged if packaged.exists() else REPO_ROOT / name


def default_data_dir():
    """The folder holding the default rules, marketplaces, date formats and page adapters."""
    return PACKAGE_DIR / "data"


def messages_dir():
    """The folder holding the default buyer message templates, one file per template."""
    return _package_or_repo("messages")


def manifest_path():
    """The extension's MV3 manifest, the source of truth the build copies."""
    return _package_or_repo("manifest.json")


def extension_dir():
    """The extension's code, copied to the root of each built browser folder."""
    return _package_or_repo("extension")


def data_folders(team_dir=None):
    """The folders whose JSON files make the data: the defaults, then a team's folder."""
    return [default_data_dir(), messages_dir(), *([Path(team_dir)] if team_dir else [])]


def features_path():
    """The extension's feature registry, which the kill switch's ids are checked against."""
    return extension_dir() / "core" / "features.json"


def sample_pages_dir():
    """The sample Seller Central pages (the browser tests' fixtures) that `shipguard demo` serves."""
    packaged = PACKAGE_DIR / "sample_pages"
    return packaged if packaged.exists() else REPO_ROOT / "tests" / "fixtures" / "sellercentral"
