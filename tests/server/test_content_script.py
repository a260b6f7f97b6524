"""Joining the content modules into one classic script: what the joined script does, run by node."""

import shutil
import subprocess

import pytest
from shipguard.commands.content_script import ContentScriptError, join_content_script

# Node.js runs the extension's unit tests too; `make test` installs it.
NODE = shutil.which("node") or "node"

MODULES = {
    "content/main.js": """import { greet, PUNCTUATION as MARK } from "../core/words.js";
import {
  shout,
} from "./common/loud.js";
const FEATURES = { loud: () => import("./common/loud.js").then((m) => m.shout) };
export async function start() {
  const loud = await FEATURES.loud();
  const id = "quiet";
  const { whisper } = await import(`./${id}/${id}.js`);
  const missing = await import(`./${"nothing"}/${"nothing"}.js`).catch((error) => error.message);
  console.log(greet("seller") + MARK, loud("late"), shout === loud, whisper("soon"), missing);
}
""",
    "core/words.js": """export const PUNCTUATION = "!";
export function greet(name) { return `hello ${name}`; }
""",
    "content/common/loud.js": """import { greet } from "../../core/words.js";
export const shout = (text) => greet(text).toUpperCase();
""",
    "content/quiet/quiet.js": """export function whisper(text) { return `(${text})`; }
""",
}


def write(root, modules):
    for name, text in modules.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def join(root, modules):
    return join_content_script(write(root, modules))


def test_each_module_comes_after_the_ones_it_imports(tmp_path):
    _, joined = join(tmp_path, MODULES)
    assert joined == [
        "core/words.js",
        "content/common/loud.js",
        "content/quiet/quiet.js",
        "content/main.js",
    ]


def test_the_compile_hint_is_the_first_line_where_v8_reads_it(tmp_path):
    script, _ = join(tmp_path, MODULES)
    assert script.splitlines()[0] == "//# allFunctionsCalledOnLoad"


def test_the_joined_script_runs_like_the_modules(tmp_path):
    script, _ = join(tmp_path, MODULES)
    result = subprocess.run(
        [NODE, "-e", script], capture_output=True, text=True, timeout=30, check=True
    )
    assert result.stdout == (
        "hello seller! HELLO LATE true (soon) No module content/nothing/nothing.js in the "
        "content script.\n"
    )


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ('import words from "../core/words.js";\n', 1),
        ("const a = 1;\nexport default a;\n", 2),
        ('export { greet } from "../core/words.js";\n', 1),
        ("const here = import.meta.url;\n", 1),
        ('import "../core/words.js";\n', 1),
        ("const name = './x.js';\nimport(name);\n", 2),
    ],
)
def test_forms_it_cannot_join_are_refused_naming_file_and_line(tmp_path, source, line):
    with pytest.raises(ContentScriptError, match=rf"^content/main.js:{line}: only"):
        join(tmp_path, {**MODULES, "content/main.js": source})


def test_modules_importing_each_other_in_a_circle_are_refused(tmp_path):
    modules = {
        "content/main.js": 'import { b } from "./b.js";\nexport function start() {}\n',
        "content/b.js": 'import { start } from "./main.js";\nexport const b = 1;\n',
    }
    with pytest.raises(
        ContentScriptError, match="content/main.js -> content/b.js -> content/main.js"
    ):
        join(tmp_path, modules)
