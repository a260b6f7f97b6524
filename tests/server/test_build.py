"""`shipguard build`: a loadable dist/chrome/ with the packed bundle, and its zip."""

import hashlib
import json
import zipfile

import pytest
import shipguard
from shipguard.commands.build import build
from shipguard.commands.deflate_zip import write_zip
from shipguard.commands.packed_bundle import packed_bundle

from .helpers import write_json

SHIPPED_NAMES = [
    "manifest.json",
    "bundle.json",
    "core/deadline.js",
    "_locales/en/messages.json",
    "popup/popup.html",
    "popup/popup.js",
    "popup/popup.css",  # the page links it
    "icons/icon-128.png",  # a script asks for its URL
]
SKIPPED_NAMES = [
    "core/deadline.test.js",
    "core/__pycache__/x.pyc",
    "_private/notes.txt",
    "core/_draft.js",
    "package.json",
    ".eslintrc.json",
    "core/.DS_Store",
    "__init__.py",
    "core/unused.js",  # no page, worker or module imports it
    "icons/icon.svg",  # a drawing the PNGs are rendered from: nothing loads it
    "popup/old.css",  # no page links it
]
STAND_IN_MANIFEST = {
    "manifest_version": 3,
    "name": "Shipguard",
    "version": "0.0.0",
    "action": {"default_popup": "popup/popup.html"},
}


def write_extension_source(folder):
    """A stand-in extension/ holding both files to ship and files a build must leave out;
    returns (extension folder, manifest)."""
    source = folder / "extension"
    for name in SHIPPED_NAMES[2:] + SKIPPED_NAMES:
        write_json(source / name, "{}")
    (source / "popup" / "popup.html").write_text(
        '<link rel="stylesheet" href="popup.css"><script type="module" src="popup.js"></script>'
    )
    (source / "popup" / "popup.js").write_text(
        'import { x } from "../core/deadline.js";\n'
        'const icon = chrome.runtime.getURL("icons/icon-128.png");\n'
    )
    manifest = write_json(folder / "manifest.json", STAND_IN_MANIFEST)
    return source, manifest


@pytest.fixture
def extension_source(tmp_path):
    return write_extension_source(tmp_path)


@pytest.fixture(scope="module")
def stand_in_build(tmp_path_factory):
    """The stand-in built once for the tests that only read the result: (dist, chrome folder)."""
    folder = tmp_path_factory.mktemp("stand-in")
    source, manifest = write_extension_source(folder)
    return folder / "dist", build(folder / "dist", extension_dir=source, manifest=manifest)


def all_names(folder):
    return sorted(
        path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()
    )


def test_build_copies_what_ships_and_skips_the_rest(stand_in_build):
    dist, chrome = stand_in_build
    assert chrome == dist / "chrome"
    assert all_names(chrome) == sorted(SHIPPED_NAMES)


def test_manifest_gets_the_package_version(stand_in_build):
    _, chrome = stand_in_build
    built = json.loads((chrome / "manifest.json").read_text())
    assert built == {**STAND_IN_MANIFEST, "version": shipguard.__version__}


def test_packed_bundle_is_the_served_one_laid_out_for_the_zip(stand_in_build, client):
    _, chrome = stand_in_build
    served = client.get("/api/v1/bundle").data
    assert (chrome / "bundle.json").read_bytes() == packed_bundle(served)


def test_zip_holds_the_folder_contents_at_its_root(stand_in_build):
    dist, chrome = stand_in_build
    zip_path = dist / f"shipguard-chrome-{shipguard.__version__}.zip"
    with zipfile.ZipFile(zip_path) as archive:
        assert sorted(archive.namelist()) == all_names(chrome)
        assert archive.read("bundle.json") == (chrome / "bundle.json").read_bytes()


def test_rebuild_removes_stale_files_and_gives_the_same_zip(tmp_path, extension_source):
    source, manifest = extension_source
    chrome = build(tmp_path / "dist", extension_dir=source, manifest=manifest)
    zip_path = tmp_path / "dist" / f"shipguard-chrome-{shipguard.__version__}.zip"
    first_zip = zip_path.read_bytes()
    (chrome / "stale.js").write_text("old")
    build(tmp_path / "dist", extension_dir=source, manifest=manifest)
    assert not (chrome / "stale.js").exists()
    assert zip_path.read_bytes() == first_zip


def test_build_of_the_real_repo_is_loadable(built_dist, client):
    chrome = built_dist / "chrome"  # the run's `shipguard build`, which the browser suites load
    names = all_names(chrome)
    assert "manifest.json" in names and "bundle.json" in names
    for name in names:
        for part in name.split("/"):
            assert not part.startswith("_") or part == "_locales", name
            assert not part.startswith("."), name
    assert json.loads((chrome / "manifest.json").read_text())["version"] == shipguard.__version__
    assert (chrome / "bundle.json").read_bytes() == packed_bundle(client.get("/api/v1/bundle").data)
    assert (built_dist / f"shipguard-chrome-{shipguard.__version__}.zip").is_file()


def test_zip_entries_read_back_byte_for_byte_whether_deflated_or_stored(tmp_path):
    text = ("Ship by Dec 5, 2026 " * 2000).encode()  # large: zopfli's deflate
    small = b'{"name": "Shipguard"}' * 20  # small: zlib's
    noise = b"".join(hashlib.sha256(bytes([i])).digest() for i in range(160))  # incompressible
    zip_path = write_zip(
        tmp_path / "x.zip", [("a/text.txt", text), ("b.json", small), ("c.png", noise)]
    )
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.testzip() is None  # every CRC checks
        infos = {info.filename: info for info in archive.infolist()}
        assert archive.read("a/text.txt") == text and archive.read("b.json") == small
        assert archive.read("c.png") == noise
    assert infos["a/text.txt"].compress_type == zipfile.ZIP_DEFLATED
    assert infos["a/text.txt"].compress_size < len(text) / 50
    assert infos["c.png"].compress_type == zipfile.ZIP_STORED
    assert all(info.external_attr >> 16 == 0o644 for info in infos.values())
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in infos.values())
