"""The Firefox edition of the manifest: the same extension, with the keys Firefox wants and none it warns about."""

import copy

GECKO_ID = "shipguard@shipguard.app"
# Firefox 128 (an ESR) is the first to run MV3 content scripts in the page's MAIN world,
# which the page hook needs to read Seller Central's own order JSON.
MIN_FIREFOX_VERSION = "128.0"
# Chrome-only keys Firefox either ignores with a warning or refuses.
CHROME_ONLY_KEYS = ("minimum_chrome_version", "key", "update_url", "offline_enabled")


def firefox_manifest(manifest):
    """A copy of the Chrome manifest adjusted for Firefox (the input is left alone)."""
    adjusted = copy.deepcopy(manifest)
    for key in CHROME_ONLY_KEYS:
        adjusted.pop(key, None)
    background = adjusted.get("background")
    if background and background.get("service_worker"):
        # Firefox runs MV3 background code as an event page from `scripts`; Chrome ignores
        # `scripts` beside `service_worker`, so one folder would serve both.
        background["scripts"] = [background["service_worker"]]
    for resources in adjusted.get("web_accessible_resources", []):
        # Firefox rejects use_dynamic_url; its resource URLs are per-install random anyway.
        resources.pop("use_dynamic_url", None)
    gecko = adjusted.setdefault("browser_specific_settings", {}).setdefault("gecko", {})
    gecko.setdefault("id", GECKO_ID)
    gecko.setdefault("strict_min_version", MIN_FIREFOX_VERSION)
    # AMO requires the declaration; Shipguard collects nothing (buyer data never leaves).
    gecko.setdefault("data_collection_permissions", {"required": ["none"]})
    return adjusted
