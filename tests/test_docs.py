"""Every example in the README and in docs/ runs, as written.

- A page's ```python blocks run in order, in one namespace, from the
  repository root, so a later block may use what an earlier one defined.
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
def test_python_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's Python examples run in order in one namespace."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, code in enumerate(blocks(page, "python"), 1):
        try:
            exec(compile(code, f"{page_id(page)} block {number}", "exec"), namespace)
        except Exception as error:  # the failing block is named, with its error
            pytest.fail(f"{page_id(page)}, python block {number}: {type(error).__name__}: {error}")


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
