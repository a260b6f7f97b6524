"""Store zips written with zopfli's deflate.

The stores serve the zip as the download, and the packed bundle (the lint patterns above
all) grows with every round of rules: zopfli finds about 4% more than zlib's best level in
the same deflate format, which any unzip reads. Python's zipfile compresses with zlib only,
so the few records of the format are written here; the entries and their order are the
caller's, and every byte is fixed by the content, so the same sources give the same zip.
"""

import functools
import struct
import zlib

import zopfli.zopfli

_STORED, _DEFLATED = 0, 8
_VERSION = 20  # 2.0: deflate, no zip64 (a store package is far under 4 GiB)
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the permission bits below are read
_PERMISSIONS = 0o644 << 16
_DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1  # the oldest date a zip can say; time 00:00
# zopfli sets up tables of fixed size for every call: on the many small files they cost
# most of a build's time and win a few bytes each, so those take zlib's best level.
_ZOPFLI_FROM_BYTES = 8192


def deflated(data):
    """`data` deflated as a zip entry holds it (raw deflate, no header)."""
    if len(data) < _ZOPFLI_FROM_BYTES:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)  # -15: raw deflate, as zips hold
        return compressor.compress(data) + compressor.flush()
    return _zopfli_deflated(data)


# The Chrome and Firefox zips hold the same large files (the bundle, the content script, the
# locales), and a process that builds again builds them again: each is deflated once, as
# zopfli takes seconds on the bundle. The output depends on the bytes alone. Room for a few
# builds' files (a build has 13 here), well over one, so the second zip never misses.
@functools.lru_cache(maxsize=64)
def _zopfli_deflated(data):
    # One iteration: further ones find well under 0.1% more here and cost seconds a build.
    # zopfli writes a zlib stream: 2 header bytes and 4 of Adler-32 around the raw deflate.
    return zopfli.zopfli.compress(data, numiterations=1)[2:-4]


def write_zip(zip_path, entries):
    """Write (name, bytes) entries to zip_path, each deflated unless that saves nothing."""
    records, central = [], []
    offset = 0
    for name, data in entries:
        packed = deflated(data)
        method = _DEFLATED if len(packed) < len(data) else _STORED
        body = packed if method == _DEFLATED else data
        encoded = name.encode("ascii")
        fields = (
            _VERSION, 0, method, 0, _DOS_DATE_1980_01_01,
            zlib.crc32(data), len(body), len(data), len(encoded),
        )  # fmt: skip
        local = struct.pack("<I5H3I2H", 0x04034B50, *fields, 0) + encoded
        records += [local, body]
        central.append(
            struct.pack("<I6H3I5HII", 0x02014B50, _MADE_BY, *fields, 0, 0, 0, 0,
                        _PERMISSIONS, offset) + encoded
        )  # fmt: skip
        offset += len(local) + len(body)
    directory = b"".join(central)
    end = struct.pack("<I4H2IH", 0x06054B50, 0, 0, len(central), len(central),
                      len(directory), offset, 0)  # fmt: skip
    zip_path.write_bytes(b"".join(records) + directory + end)
    return zip_path
