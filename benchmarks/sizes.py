"""Sizes: the extension's store zip and the bundle JSON, raw and gzipped."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from shipguard.commands.build import build

from .report import Figure
from .stats import num

ZIP_TARGET_KB = 250
S7 = "7. Sizes and start-up"
KB = 1024


def measure_sizes(zip_path=None):
    """{zip, bundle, bundle_gzip: bytes}; builds the extension unless `zip_path` is given."""
    with tempfile.TemporaryDirectory(prefix="shipguard-sizes-") as tmp:
        if zip_path is None:
            build(out_dir=Path(tmp))
            zip_path = next(Path(tmp).glob("shipguard-chrome-*.zip"))
            bundle = (Path(tmp) / "chrome" / "bundle.json").read_bytes()
        else:
            bundle = (Path(zip_path).parent / "chrome" / "bundle.json").read_bytes()
        return {
            "zip": Path(zip_path).stat().st_size,
            "bundle": len(bundle),
            "bundle_gzip": len(gzip.compress(bundle, compresslevel=6)),
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
    ]
