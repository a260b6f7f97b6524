"""The Firefox edition of the manifest: the same extension, with the keys Firefox wants and none it warns about."""

import copy

GECKO_ID = "shipguard@shipguard.app"
# Firefox 140 (an ESR) is the first to read data_collection_permissions, which AMO requires;
# it also runs MV3 content scripts in the page's MAIN world, which the page hook needs.
MIN_FIREFOX_VERSION = "140.0"
# Firefox for Android reads data_collection_permissions from 142 on.
MIN_FIREFOX_ANDROID_VERSION = "142.0"
# Chrome-only keys Firefox either ignores with a warning or refuses.
CHROME_ONLY_KEYS = ("minimum_chrome_version", "key", "update_url", "offline_enabled")


def firefox_manifest(manifest, data_collection=None):
    """A copy of the Chrome manifest adjusted for Firefox (the input is left alone).

    `data_collection` is the data_collection_permissions declaration (store.json's, which
    the data-use disclosure states in words); by default, that nothing is collected.
    """
    adjusted = copy.deepcopy(manifest)
    for key in CHROME_ONLY_KEYS:
        adjusted.pop(key, None)
    background = adjusted.get("background")
    if background and background.get("service_worker"):
        # Firefox runs MV3 background code as an event page from `scripts` and ignores
        # service_worker (with a lint warning): the Firefox folder carries only `scripts`.
        background["scripts"] = [background.pop("service_worker")]
    for resources in adjusted.get("web_accessible_resources", []):
        # Firefox rejects use_dynamic_url; its resource URLs are per-install random anyway.
        resources.pop("use_dynamic_url", None)
    settings = adjusted.setdefault("browser_specific_settings", {})
    gecko = settings.setdefault("gecko", {})
    gecko.setdefault("id", GECKO_ID)
    gecko.setdefault("strict_min_version", MIN_FIREFOX_VERSION)
    gecko.setdefault("data_collection_permissions", data_collection or {"required": ["none"]})
    settings.setdefault("gecko_android", {}).setdefault(
        "strict_min_version", MIN_FIREFOX_ANDROID_VERSION
    )
    return adjusted
