"""`shipguard build`: assemble the loadable extension folders dist/chrome/ and dist/firefox/, their store zips and the stores' submission files."""

import json
import shutil
from pathlib import Path

from shipguard import __version__, config
from shipguard.bundle.document import load_bundle
from shipguard.commands.content_script import ENTRY, OUTPUT, join_content_script
from shipguard.commands.deflate_zip import write_zip
from shipguard.commands.firefox_manifest import firefox_manifest
from shipguard.commands.packed_bundle import packed_bundle
from shipguard.commands.reached_files import reached_files
from shipguard.commands.script_text import ScriptSyntaxError, compact_script
from shipguard.commands.store_files import load_store_data, write_store_files


def skipped(name):
    """Whether a file or folder of extension/ stays out of the built extension.

    Chrome refuses to load a folder holding names that begin with "_" other than
    _locales (__pycache__, __init__.py); tests, npm files and dotfiles are not shipped.
    """
    if name.startswith("_"):
        return name != "_locales"
    return name.startswith(".") or name.endswith(".test.js") or name == "package.json"


# Each browser's folder name and how its manifest differs from manifest.json.
EDITIONS = {
    "chrome": lambda manifest, store: manifest,
    "firefox": lambda manifest, store: firefox_manifest(
        manifest, store["data_use"]["firefox_data_collection"]
    ),
}


def build(out_dir="dist", data_dir=None, extension_dir=None, manifest=None):
    """Write <out_dir>/{chrome,firefox}/ and their shipguard-<browser>-<version>.zip; return the chrome folder.

    Each folder holds manifest.json (version set to the package's; Firefox's adjusted by
    firefox_manifest.py), the files of extension/ that the browser loads at its root, with the
    content modules joined into one content script and every script's comments and
    indentation left out, and bundle.json, the bundle as served in the layout that packs
    smallest (packed_bundle.py), so a fresh install works offline. <out_dir>/store/ gets
    each store's submission sheet and the privacy policy (store_files.py). Raises DataError
    if the data (defaults plus `data_dir`, and store.json) is not valid or a permission has
    no stated reason.
    """
    bundle = packed_bundle(load_bundle(data_dir).body)
    store = load_store_data()
    out_dir = Path(out_dir)
    manifests = {}
    for browser, adjust in EDITIONS.items():
        folder = out_dir / browser
        if folder.exists():
            shutil.rmtree(folder)
        _copy_extension(Path(extension_dir or config.extension_dir()), folder)
        _write_content_script(folder)
        manifests[browser] = _write_manifest(
            Path(manifest or config.manifest_path()),
            folder / "manifest.json",
            lambda m, adjust=adjust: adjust(m, store),
        )
        _drop_unreached_files(folder, manifests[browser])
        _compact_scripts(folder)
        _compact_locales(folder)
        (folder / "bundle.json").write_bytes(bundle)
        zip_folder(folder, out_dir / f"shipguard-{browser}-{__version__}.zip")
    write_store_files(out_dir, manifests, store)
    return out_dir / "chrome"


def _copy_extension(source, target):
    if source.is_dir():
        shutil.copytree(
            source, target, ignore=lambda folder, names: [n for n in names if skipped(n)]
        )
    else:
        target.mkdir(parents=True)


def _write_content_script(folder):
    """Join the content modules into the one content script (the modules, which nothing
    else loads, are then left out with the other unreached files)."""
    if (folder / ENTRY).is_file():
        script, _ = join_content_script(folder)
        (folder / OUTPUT).write_text(script, encoding="utf-8")


def _drop_unreached_files(folder, manifest):
    """Leave out what the browser never loads (reached_files.py): the modules already inside
    the joined content script, the icons' drawings, anything nothing links any more."""
    kept = reached_files(folder, manifest)
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(folder).as_posix() not in kept:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _compact_scripts(folder):
    """Every script without comments and indentation (script_text.py): the folder the
    browser tests load holds the same code as the zip."""
    for path in sorted(folder.rglob("*.js")):
        try:
            path.write_text(compact_script(path.read_text(encoding="utf-8")), encoding="utf-8")
        except ScriptSyntaxError as error:
            raise ScriptSyntaxError(f"{path.relative_to(folder).as_posix()}: {error}") from None


def _compact_locales(folder):
    """Messages without their notes for translators, on one line: the browser reads only
    `message` and `placeholders`."""
    for path in folder.glob("_locales/*/messages.json"):
        messages = json.loads(path.read_text(encoding="utf-8"))
        for message in messages.values():
            message.pop("description", None)
        path.write_text(
            json.dumps(messages, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


def _write_manifest(source, target, adjust):
    manifest = adjust(json.loads(source.read_text(encoding="utf-8")))
    # The package version is the one version number; the manifest file may lag behind it.
    manifest["version"] = __version__
    target.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def zip_folder(folder, zip_path):
    """Zip a folder's contents (entries relative to it, as the stores want), reproducibly."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return write_zip(zip_path, ((p.relative_to(folder).as_posix(), p.read_bytes()) for p in files))
