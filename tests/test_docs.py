"""Every example in the README and in docs/ runs, as written.

- A page's ```python blocks run in order as one script, in a fresh process,
  from the repository root, so a later block may use what an earlier one
  defined, and guards and imports are tested as users run them.
- In ```sh blocks, every command that calls the ``quotes`` program runs (as
  ``python -m quotes``, from the repository root) and must exit 0. Install
  commands (venv, pip, tox) and the full benchmark are not run here: CI runs
  the README's install and test command itself.
- A ```toml block is a registry example: it must load as one.
- A block fenced ```{.python .no-run} is shown but not run: it needs what the
  suite does not have (the Spark recipe needs pyspark and Java). Every other
  Python block runs.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from quotes.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
_BLOCK = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_PROGRAM = re.compile(r"^(?:\.venv/bin/)?quotes\s")


def blocks(page: Path, language: str) -> list[str]:
    """The code blocks of one language on a page, in order."""
    return [code for lang, code in _BLOCK.findall(page.read_text(encoding="utf-8")) if lang == language]


def commands(page: Path) -> list[str]:
    """The ``quotes`` commands of a page's shell blocks, continuation lines joined."""
    found = []
    for block in blocks(page, "sh"):
        for line in block.replace("\\\n", " ").splitlines():
            for part in line.split("&&"):
                part = part.split(" #", 1)[0].strip()
                if _PROGRAM.match(part):
                    found.append(part)
    return found


_FENCE = re.compile(r"^```([^\n]*)", re.MULTILINE)


def page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


def test_the_docs_have_examples() -> None:
    """The harness finds what it should: it cannot pass by finding nothing."""
    assert len([p for p in PAGES if blocks(p, "python")]) >= 4
    assert commands(ROOT / "README.md")


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_python_that_does_not_run_is_marked_so(page: Path) -> None:
    """A Python block is either run or fenced as ``{.python .no-run}``: none is skipped by accident."""
    fences = {info for info in _FENCE.findall(page.read_text(encoding="utf-8")) if "python" in info}
    assert fences <= {"python", "{.python .no-run}"}


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p, "python")], ids=page_id)
def test_python_examples_run(page: Path, tmp_path: Path) -> None:
    """A page's Python examples run in order as one script, in a fresh process, as users run them.

    So an example that needs an ``if __name__ == "__main__":`` guard (Dask's
    worker processes import the script again) must have it, and nothing leaks
    in from the test suite (its imports, its ``from __future__`` flags).
    """
    parts = [
        f"# --- {page_id(page)}, python block {n} ---\n{code}"
        for n, code in enumerate(blocks(page, "python"), 1)
    ]
    script = tmp_path / f"docs_{page.stem}_examples.py"  # not spacy.py: it would shadow the package
    script.write_text("\n".join(parts), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    if result.returncode != 0:
        pytest.fail(f"{page_id(page)}, {_failing_block(script, result.stderr)}:\n{result.stderr[-3000:]}")


def _failing_block(script: Path, stderr: str) -> str:
    """The block whose line the last traceback entry in `script` points at."""
    lines = [int(n) for n in re.findall(rf'File "{re.escape(str(script))}", line (\d+)', stderr)]
    if not lines:
        return "the script"
    heading = ""
    for number, line in enumerate(script.read_text(encoding="utf-8").splitlines(), 1):
        if number > lines[-1]:
            break
        if line.startswith("# --- "):
            heading = line.removeprefix("# --- ").removesuffix(" ---")
    return heading.split(", ", 1)[-1] or "the script"


@pytest.mark.parametrize("page", [p for p in PAGES if commands(p)], ids=page_id)
def test_command_examples_run(page: Path) -> None:
    """A page's ``quotes`` commands exit 0 from the repository root."""
    for command in commands(page):
        words = shlex.split(command)[1:]
        # Globs and output redirections are the shell's, as where users type them.
        line = " ".join(w if "*" in w or w in (">", ">>") else shlex.quote(w) for w in words)
        result = subprocess.run(
            f"{shlex.quote(sys.executable)} -m quotes {line}",
            shell=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONUTF8": "1"},
        )
        assert result.returncode == 0, f"{page_id(page)}: {command}\n{result.stderr}"


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p, "toml")], ids=page_id)
def test_registry_examples_load(page: Path) -> None:
    """A registry example is a valid registry."""
    for code in blocks(page, "toml"):
        assert len(Registry.from_toml(code, page_id(page))) >= 1
