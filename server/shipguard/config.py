"""Server settings: defaults in a class, overridden by environment variables."""
import os
import re

CHROME_EXTENSION_ID = r"[a-p]{32}"
FIREFOX_EXTENSION_ID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


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


def settings_from_env(environ=None):
    """The settings given by environment variables, under their Config names."""
    environ = os.environ if environ is None else environ
    settings = {}
    if environ.get("SHIPGUARD_DATA_DIR"):
        settings["DATA_DIR"] = environ["SHIPGUARD_DATA_DIR"]
    if environ.get("SHIPGUARD_EXTENSION_IDS"):
        settings["EXTENSION_IDS"] = environ["SHIPGUARD_EXTENSION_IDS"]
    return settings


def parse_extension_ids(value):
    """A tuple of extension ids from a comma-separated string or a list; checks each one."""
    ids = value.split(",") if isinstance(value, str) else list(value or ())
    ids = tuple(item.strip() for item in ids if item.strip())
    for item in ids:
        if not (re.fullmatch(CHROME_EXTENSION_ID, item) or re.fullmatch(FIREFOX_EXTENSION_ID, item)):
            raise ConfigError(
                f"SHIPGUARD_EXTENSION_IDS: {item!r} is neither a Chrome extension id "
                "(32 letters a-p) nor a Firefox extension UUID."
            )
    return ids
