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
  console.log(greet("seller") + MARK, loud("late"), shout === loud);
}
""",
    "core/words.js": """export const PUNCTUATION = "!";
export function greet(name) { return `hello ${name}`; }
""",
    "content/common/loud.js": """import { greet } from "../../core/words.js";
export const shout = (text) => greet(text).toUpperCase();
""",
}


def join(modules):
    return join_content_script(lambda name: modules[name])


def test_each_module_comes_after_the_ones_it_imports():
    _, joined = join(MODULES)
    assert joined == ["core/words.js", "content/common/loud.js", "content/main.js"]


def test_the_joined_script_runs_like_the_modules():
    script, _ = join(MODULES)
    result = subprocess.run(
        [NODE, "-e", script], capture_output=True, text=True, timeout=30, check=True
    )
    assert result.stdout == "hello seller! HELLO LATE true\n"


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ('import words from "../core/words.js";\n', 1),
        ("const a = 1;\nexport default a;\n", 2),
        ('export { greet } from "../core/words.js";\n', 1),
        ("const here = import.meta.url;\n", 1),
        ('import "../core/words.js";\n', 1),
    ],
)
def test_forms_it_cannot_join_are_refused_naming_file_and_line(source, line):
    with pytest.raises(ContentScriptError, match=rf"^content/main.js:{line}: only"):
        join({**MODULES, "content/main.js": source})


def test_modules_importing_each_other_in_a_circle_are_refused():
    modules = {
        "content/main.js": 'import { b } from "./b.js";\nexport function start() {}\n',
        "content/b.js": 'import { start } from "./main.js";\nexport const b = 1;\n',
    }
    with pytest.raises(
        ContentScriptError, match="content/main.js -> content/b.js -> content/main.js"
    ):
        join(modules)
