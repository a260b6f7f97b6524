"""The files of a built extension that the browser can load: the rest is left out of the package.

The browser loads a file of the extension only when the manifest names it, a page links it
(`src`, `href`), a script imports it or asks for its URL (`chrome.runtime.getURL("...")`),
or it is a translation under _locales/. Anything else in extension/ (the icons' SVG sources
that scripts/make_icons.py renders, a module nothing imports any more) would be packed and
never read.
"""

import re
from pathlib import PurePosixPath

from shipguard.commands.content_script import modules_reachable_from

_PAGE_LINK = re.compile(r'\b(?:src|href)="([^":?#]+)"')
_RUNTIME_URL = re.compile(r'\bgetURL\(\s*"([^"]+)"\s*\)')


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _normal(path):
    """A path relative to the extension's root without "." and ".." parts (None: outside it)."""
    parts = []
    for part in PurePosixPath(path).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", "/"):
            parts.append(part)
    return "/".join(parts)


def reached_files(folder, manifest):
    """The relative paths of the files under `folder` that `manifest` and what it leads to load."""
    present = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    found = {"manifest.json"} | {name for name in present if name.startswith("_locales/")}
    waiting = [name for name in map(_normal, _strings(manifest)) if name in present]
    while waiting:
        name = waiting.pop()
        if name in found:
            continue
        found.add(name)
        text = (
            (folder / name).read_text(encoding="utf-8") if name.endswith((".html", ".js")) else ""
        )
        linked = []
        if name.endswith(".html"):
            directory = PurePosixPath(name).parent
            linked = [_normal(directory / link) for link in _PAGE_LINK.findall(text)]
        elif name.endswith(".js"):
            linked = [*modules_reachable_from(folder, [name]), *_RUNTIME_URL.findall(text)]
        waiting += [link for link in linked if link in present and link not in found]
    return found
