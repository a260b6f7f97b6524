"""Sizes: the extension's store zip, the bundle JSON as served (raw and gzipped) and as packed in the zip."""

from __future__ import annotations

import gzip
import tempfile
import zipfile
from pathlib import Path

from shipguard.bundle.document import load_bundle
from shipguard.commands.build import build
from shipguard.commands.deflate_zip import deflated

from .report import Figure
from .stats import num

ZIP_TARGET_KB = 250
S7 = "7. Sizes and start-up"
KB = 1024


def measure_sizes(zip_path=None):
    """{zip, bundle, bundle_gzip, bundle_zipped, packed_bundle_zipped: bytes}; builds the
    extension unless `zip_path` is given. bundle_zipped is the served bundle deflated as the
    zip deflates its entries: what the entry would take without the packed layout."""
    with tempfile.TemporaryDirectory(prefix="shipguard-sizes-") as tmp:
        if zip_path is None:
            build(out_dir=Path(tmp))
            zip_path = next(Path(tmp).glob("shipguard-chrome-*.zip"))
        bundle = load_bundle().body  # as served; the zip holds it laid out for deflate
        with zipfile.ZipFile(zip_path) as archive:
            packed = archive.getinfo("bundle.json")
        return {
            "zip": Path(zip_path).stat().st_size,
            "bundle": len(bundle),
            "bundle_gzip": len(gzip.compress(bundle, compresslevel=6)),
            "bundle_zipped": len(deflated(bundle)),
            "packed_bundle_zipped": packed.compress_size,
        }


def size_figures(sizes):
    kb = sizes["zip"] / KB
    return [
        Figure(
            S7,
            "extension zip (Chrome store package)",
            f"{num(kb)} KB",
            "",
            f"< {ZIP_TARGET_KB} KB",
            kb < ZIP_TARGET_KB,
        ),
        Figure(
            S7,
            "bundle JSON",
            f"{num(sizes['bundle'] / KB)} KB raw, {num(sizes['bundle_gzip'] / KB)} KB gzip (level 6)",
        ),
        Figure(
            S7,
            "bundle.json in the zip (packed layout)",
            f"{num(sizes['packed_bundle_zipped'] / KB)} KB deflated",
            f"the bundle as served, deflated the same way: {num(sizes['bundle_zipped'] / KB)} KB",
        ),
    ]
