"""The content script as one classic script: content/main.js and every module it imports.

Content scripts cannot be ES modules, and modules loaded from the extension's files must be
web-accessible, which lets any Seller Central page fetch them and so detect the extension.
Joined into one file listed in the manifest, nothing of the extension is reachable from a
page. Each module keeps its own scope; imports become reads of the exporting module's
exports, `import("./x.js")` a resolved promise of them, and an import whose path is made at
run time (`import(`./${id}/${id}.js`)`) a lookup among every module its pattern matches.
"""

import json
import re
from pathlib import Path, PurePosixPath

ENTRY = "content/main.js"
OUTPUT = "content/content-script.js"

_STATIC_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\.{1,2}/[^"]+)";?[ \t]*$', re.M)
_DYNAMIC_IMPORT = re.compile(r'\bimport\(\s*"(\.{1,2}/[^"]+)"\s*\)')
_TEMPLATE_IMPORT = re.compile(r"\bimport\(\s*`(\.{1,2}/[^`]+)`\s*\)")
_EXPORTED_DECLARATION = re.compile(
    r"^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)", re.M
)
# What is left after the supported forms are rewritten: anything else is refused.
_LEFTOVER = re.compile(r"^\s*(?:import|export)\b|\bimport\.meta\b|\bimport\s*\(", re.M)


class ContentScriptError(ValueError):
    """A module uses a form of import or export the joiner does not handle."""


def _resolve(importer, specifier):
    parts = []
    for part in (PurePosixPath(importer).parent / specifier).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _variable(name):
    return "module_" + re.sub(r"\W", "_", name.removesuffix(".js"))


def _rewrite(name, text, root):
    """(body, exported names, imported module names) of one module."""
    imported = []

    def static_import(match):
        target = _resolve(name, match.group(2))
        imported.append(target)
        bindings = [item.strip() for item in match.group(1).split(",") if item.strip()]
        pattern = ", ".join(re.sub(r"^(\S+)\s+as\s+(\S+)$", r"\1: \2", item) for item in bindings)
        return f"const {{ {pattern} }} = {_variable(target)};"

    def dynamic_import(match):
        target = _resolve(name, match.group(1))
        imported.append(target)
        return f"Promise.resolve({_variable(target)})"

    def template_import(match):
        pattern = _resolve(name, re.sub(r"\$\{[^}]*\}", "*", match.group(1)))
        matches = sorted(path.relative_to(root).as_posix() for path in root.glob(pattern))
        imported.extend(matches)
        directory = PurePosixPath(name).parent.as_posix()
        return f"joinedImport({json.dumps(directory)}, `{match.group(1)}`)"

    exported = _EXPORTED_DECLARATION.findall(text)
    body = _EXPORTED_DECLARATION.sub(r"\1 \2", text)
    body = _DYNAMIC_IMPORT.sub(dynamic_import, _STATIC_IMPORT.sub(static_import, body))
    body = _TEMPLATE_IMPORT.sub(template_import, body)
    leftover = _LEFTOVER.search(body)
    if leftover:
        line = body[: leftover.start()].count("\n") + 1
        raise ContentScriptError(
            f'{name}:{line}: only `import {{ a, b as c }} from "./x.js"`, `import("./x.js")`, '
            "import() of a template string such as `./${id}/${id}.js`, and `export` before a "
            "declaration can be joined into the content script."
        )
    return body, [exported_name for _, exported_name in exported], imported


def _modules_in_order(root, entry):
    """[(name, body, exports)] with every module after the ones it imports."""
    ordered, done, visiting = [], set(), []

    def visit(name):
        if name in done:
            return
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name) :], name])
            raise ContentScriptError(f"Modules import each other in a circle: {cycle}.")
        visiting.append(name)
        body, exports, imported = _rewrite(name, (root / name).read_text(encoding="utf-8"), root)
        for target in imported:
            visit(target)
        visiting.pop()
        done.add(name)
        ordered.append((name, body, exports))

    visit(entry)
    return ordered


# Imports whose path is made at run time find their module here, by path from the root.
_RUN_TIME_IMPORTS = """const joined = new Map();
function joinedImport(directory, specifier) {
  const parts = directory.split("/");
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const path = parts.join("/");
  return joined.has(path) ? Promise.resolve(joined.get(path)) : Promise.reject(new Error(`No module ${path} in the content script.`));
}
"""


def modules_reachable_from(root, entries):
    """The module paths under `root` that `entries` import, directly or not, with themselves."""
    root, found, waiting = Path(root), set(), list(entries)
    while waiting:
        name = waiting.pop()
        if name in found or not (root / name).is_file():
            continue
        found.add(name)
        text = (root / name).read_text(encoding="utf-8")
        specifiers = [m.group(2) for m in _STATIC_IMPORT.finditer(text)]
        specifiers += _DYNAMIC_IMPORT.findall(text)
        waiting += [_resolve(name, specifier) for specifier in specifiers]
    return found


def join_content_script(root, entry=ENTRY):
    """The classic script for `entry`, a module path under the folder `root`.

    Returns (script text, names of the modules joined).
    """
    modules = _modules_in_order(Path(root), entry)
    parts = [
        # V8's explicit compile hint (other engines ignore the comment): compile every function
        # when the script loads, not lazily at its first call, which on a fresh page cost the
        # first rows more than reading them did. It must stay the first line.
        "//# allFunctionsCalledOnLoad\n",
        "(() => {\n",
        '"use strict";\n',
        _RUN_TIME_IMPORTS,
        "function load() {\n",
    ]
    for name, body, exports in modules:
        parts.append(f"const {_variable(name)} = (() => {{\n{body.rstrip()}\n")
        parts.append(f"return {{ {', '.join(exports)} }};\n}})();\n")
        parts.append(f"joined.set({json.dumps(name)}, {_variable(name)});\n")
    parts.append(f"return {_variable(entry)};\n}}\n")
    # Microtasks: the entry's start() runs before any page script can (content/main.js posts
    # the page-world hook its private port there).
    parts.append(
        "Promise.resolve()\n"
        "  .then(load)\n"
        "  .then(({ start }) => start())\n"
        '  .catch((error) => console.debug("Shipguard did not start:", error));\n'
        "})();\n"
    )
    return "".join(parts), [name for name, _, _ in modules]
