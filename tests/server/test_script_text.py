"""The packed scripts' code without comments and indentation: what node runs before and after."""

import shutil
import subprocess
import zipfile

import pytest
import shipguard
from shipguard.commands.script_text import ScriptSyntaxError, compact_script

# Node.js runs the extension's unit tests too; `make test` installs it.
NODE = shutil.which("node") or "node"

SOURCE = r"""//# allFunctionsCalledOnLoad
// a line comment
/**
 * A block comment.
 */
const CSS = `
  /* kept: inside a template literal */
  // kept too

`;
const URL_TEXT = "http://example.com/*not a comment*/"; // a trailing comment
const SLASHES = /\/\/ [/*]+ ['"`]/g;
const half = 10 / 2 / 5; /* division, not a regular expression */
function early() {
    return /* a line break inside
    this comment ends the statement */ 42;
}
let a = 1
let b = a
++b
let/* apart */c = b;
console.log(JSON.stringify([CSS, URL_TEXT, SLASHES.source, half, early(), a, b, c]));
"""


def run(script):
    result = subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True)
    return result.stdout


def test_comments_and_indentation_go_and_the_script_does_the_same():
    compacted = compact_script(SOURCE)
    assert run(compacted) == run(SOURCE)
    for comment in (
        "a line comment",
        "A block comment",
        "a trailing",
        "division",
        "apart",
        "a line break",
    ):
        assert comment not in compacted
    assert "function early() {\nreturn" in compacted


def test_strings_template_literals_and_regular_expressions_are_kept_as_written():
    compacted = compact_script(SOURCE)
    template = SOURCE[SOURCE.index("`") : SOURCE.index("`;") + 1]
    assert template in compacted  # its indentation, comment-like lines and blank line too
    assert '"http://example.com/*not a comment*/";' in compacted
    assert r"/\/\/ [/*]+ ['" in compacted


def test_line_breaks_stay_where_the_language_reads_them():
    lines = compact_script(SOURCE).splitlines()
    assert lines[0] == "//# allFunctionsCalledOnLoad"  # V8's compile hint, where V8 reads it
    assert "return\n42;" in "\n".join(lines)  # the break in the comment ends the return
    assert [line for line in lines if line.startswith(("let", "++"))] == [
        "let a = 1",
        "let b = a",
        "++b",
        "let c = b;",
    ]


def test_compacting_twice_changes_nothing():
    once = compact_script(SOURCE)
    assert compact_script(once) == once


@pytest.mark.parametrize(
    ("source", "line"),
    [("const a = ;\n", 1), ("const ok = 1;\nfunction (\n", 2), ("const t = `open\n", 1)],
)
def test_a_script_that_does_not_parse_is_refused_naming_its_line(source, line):
    with pytest.raises(ScriptSyntaxError, match=rf"^line {line}: "):
        compact_script(source)


def test_the_built_packages_hold_compacted_scripts_and_the_tested_folders_hold_the_zips(
    built_dist,
):
    for browser in ("chrome", "firefox"):
        folder = built_dist / browser
        scripts = sorted(folder.rglob("*.js"))
        assert len(scripts) > 10
        with zipfile.ZipFile(built_dist / f"shipguard-{browser}-{shipguard.__version__}.zip") as z:
            for path in scripts:
                text = path.read_text(encoding="utf-8")
                name = path.relative_to(folder).as_posix()
                assert compact_script(text) == text, name
                assert z.read(name) == path.read_bytes(), name
