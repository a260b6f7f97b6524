"""What each browser store's submission asks for, written beside the zips: permission reasons,
the data-use disclosure, a privacy policy page, and (from the demo) listing screenshots."""

import jinja2

from shipguard import __version__, config
from shipguard.bundle.datafiles import load_file
from shipguard.bundle.problems import DataError, Problem
from shipguard.bundle.schemas.store import store_schema

# Both stores take 1280x800 listing screenshots (Chrome Web Store: at most five).
SCREENSHOT_SIZE = (1280, 800)
CHROME_SCREENSHOT_LIMIT = 5
# "host_access" is the reason for the Seller Central sites the content scripts run on.
HOST_ACCESS = "host_access"


def store_path():
    return config.default_data_dir() / "store.json"


def load_store_data():
    """store.json, validated; DataError naming file and field if it is not usable."""
    problems = []
    loaded = load_file(store_path(), store_schema, problems)
    if loaded is None:
        raise DataError(problems)
    return loaded[1]


def sites(manifest):
    """The host patterns the extension runs on or may ask for, in manifest order."""
    patterns = [m for script in manifest.get("content_scripts", []) for m in script["matches"]]
    patterns += manifest.get("host_permissions", []) + manifest.get("optional_host_permissions", [])
    return list(dict.fromkeys(patterns))


def asked_permissions(manifest):
    """[(permission, optional?)]: what a store reviewer sees the extension ask for."""
    asked = [(p, False) for p in manifest.get("permissions", [])]
    asked += [(p, True) for p in manifest.get("optional_permissions", [])]
    return asked + ([(HOST_ACCESS, False)] if sites(manifest) else [])


def check_reasons(manifest, store):
    """DataError if the manifest asks for a permission store.json gives no reason for."""
    missing = [p for p, _ in asked_permissions(manifest) if p not in store["permissions"]]
    if missing:
        raise DataError(
            [
                Problem(str(store_path()), f"permissions.{p}", "The manifest asks for it: say why.")
                for p in missing
            ]
        )


def _templates():
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.PACKAGE_DIR / "templates" / "store"),
        autoescape=jinja2.select_autoescape(["html"]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def write_store_files(out_dir, manifests, store):
    """Write <out_dir>/store/: one submission sheet per store and the privacy policy page.

    `manifests` maps "chrome" and "firefox" to their built manifests. Returns the files written.
    """
    folder = out_dir / "store"
    folder.mkdir(parents=True, exist_ok=True)
    templates = _templates()
    common = {
        "store": store,
        "version": __version__,
        "screenshot_size": "x".join(map(str, SCREENSHOT_SIZE)),
        "chrome_screenshot_limit": CHROME_SCREENSHOT_LIMIT,
    }
    written = []
    for browser, template in (("chrome", "chrome-web-store.md"), ("firefox", "firefox-add-ons.md")):
        manifest = manifests[browser]
        check_reasons(manifest, store)
        text = templates.get_template(template).render(
            manifest=manifest,
            permissions=asked_permissions(manifest),
            sites=sites(manifest),
            package=f"shipguard-{browser}-{__version__}.zip",
            **common,
        )
        written.append(_write(folder / template, text))
    policy = templates.get_template("privacy-policy.html").render(
        sites=sites(manifests["chrome"]), **common
    )
    written.append(_write(folder / "privacy-policy.html", policy))
    return written


def write_store_screenshots(out_dir):
    """Listing screenshots from the demo (Chromium on the sample pages) in <out_dir>/store/screenshots/.

    The demo's pages at the stores' size, the remedies panel first; returns the files.
    Raises RuntimeError when they cannot be taken (no Playwright or no Chromium).
    """
    try:
        from shipguard.demo.run import VIEWPORT, drive
    except ImportError as error:
        raise RuntimeError(f"the demo needs Playwright ({error})") from error
    scale = SCREENSHOT_SIZE[0] / VIEWPORT["width"]
    assert VIEWPORT["height"] * scale == SCREENSHOT_SIZE[1], (
        "the demo's pages keep the stores' shape"
    )
    folder = out_dir / "store" / "screenshots"
    try:
        shots = drive(False, folder, None, None, scale=scale, extension_pages=False)
    except Exception as error:  # Playwright reports a missing browser as its own Error
        raise RuntimeError(f"the demo could not run Chromium: {error}") from error
    files = [file for file, _ in shots]
    return sorted(files, key=lambda file: file.name != "remedies-panel.png")


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path
