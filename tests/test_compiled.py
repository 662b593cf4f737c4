"""The compiled build gives the same quotations as the pure-Python one.

Where a C compiler is available, installing the package compiles its hot
modules with mypyc (setup.py). These tests report which build is installed
and, where it is compiled, run the installed package and a copy of its Python
sources without the compiled extensions side by side, each in its own process,
over the seeds, the development set, awkward hand-made strings and generated
text, with the default rules and with the ranker: every quotation's
`to_dict()` must be the same. Where the installed package is pure Python
there is nothing to compare, and the comparison skips.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes

from strategies import articles, newsy_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "devnews").glob("*.txt"))

# The modules setup.py compiles, and modules it never compiles.
COMPILED = [
    "quotes.attribution",
    "quotes.bisection",
    "quotes.cues",
    "quotes.direct",
    "quotes.indirect",
    "quotes.layout",
    "quotes.marks",
    "quotes.mentions",
    "quotes.ranking.candidates",
    "quotes.ranking.features",
    "quotes.ranking.gate",
    "quotes.ranking.model",
    "quotes.ranking.rank",
    "quotes.resolve",
    "quotes.runs",
    "quotes.sentences",
    "quotes.text",
    "quotes.unchecked",
    "quotes.words",
]
PURE = [
    "quotes",
    "quotes.extract",
    "quotes.model",
    "quotes.registry",
    "quotes.lexicon",
]

AWKWARD = [
    "",
    " ",
    "\n\n\n",
    '"',
    "“",
    "”“",
    '"He said',
    'She said "yes',
    "“Unclosed, he said. “Another,” she said.",
    "‘single’ and ‘nested “double” marks,’ said Jane Doe.",
    '""""""',
    "“”",
    "« Nous sommes prêts », a dit Peskov.",
    "„Wir sind bereit“, sagte Olaf Scholz.",
    "「準備はできている」と彼は言った。",
    "“We are ready 🙂,” said Zoë Ångström-Núñez.\r\n“Again,” she added.",
    "\x00“nul\x00,” said\u200b Bob\ufeff.",
    "said said said “said” said",
    "— “Dash,” ― Jane Doe",
    "The minister said that the plan would fail, and officials said it would not.",
    "“" * 50 + "x" + "”" * 50,
    "“a” " * 200,
    "A" * 500 + " said “B”",
]

# What a worker runs: read one JSON string a line, answer one JSON object a line.
WORKER = """
import json, sys
import quotes, quotes.attribution
ranker = quotes.Extractor(speakers="ranker")
print(json.dumps(quotes.attribution.__file__), flush=True)
for line in sys.stdin:
    text = json.loads(line)
    answer = {}
    for name, extract in (("rules", quotes.extract), ("ranker", ranker)):
        try:
            answer[name] = [quote.to_dict() for quote in extract(text)]
        except Exception as error:
            answer[name] = repr(error)
    print(json.dumps(answer), flush=True)
"""


def is_compiled(module: str) -> bool:
    """Whether the installed `module` is a compiled extension rather than Python source."""
    origin = importlib.import_module(module).__file__ or ""
    return not origin.endswith(".py")


def pure_copy(package: Path, destination: Path) -> Path:
    """A copy of the installed package's sources without its extensions; the folder to put on sys.path."""
    extensions = shutil.ignore_patterns("*.so", "*.pyd", "__pycache__")
    shutil.copytree(package, destination / "quotes", ignore=extensions)
    return destination


class Worker:
    """A Python process that extracts the quotations of each text it is sent.

    Args:
        path: A folder put first on the process's sys.path, or None for the
            installed package.
        cwd: Where the process runs, outside the source tree.
    """

    def __init__(self, path: Path | None, cwd: Path):
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        if path is not None:
            env["PYTHONPATH"] = str(path)
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-c", WORKER],  # -P: the working folder is not on sys.path
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=cwd,
            env=env,
            text=True,
            encoding="utf-8",
        )
        self.attribution = self._read()

    def __call__(self, text: str) -> dict[str, Any]:
        """The `to_dict()` of every quotation of `text`, by the rules and by the ranker."""
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(text) + "\n")
        self.process.stdin.flush()
        answer: dict[str, Any] = self._read()
        return answer

    def close(self) -> None:
        """End the process."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)

    def _read(self) -> Any:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"the worker exited with {self.process.wait(timeout=60)}"
        return json.loads(line)


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Worker, Worker]]:
    """A worker on the installed, compiled package and one on a pure copy of its sources."""
    if not is_compiled("quotes.attribution"):
        pytest.skip("the installed package is pure Python: nothing to compare")
    cwd = tmp_path_factory.mktemp("cwd")
    compiled = Worker(None, cwd)
    pure = Worker(pure_copy(Path(quotes.__file__).parent, tmp_path_factory.mktemp("pure")), cwd)
    try:
        yield compiled, pure
    finally:
        compiled.close()
        pure.close()


def test_report_which_build_is_installed() -> None:
    """The build is all compiled or all pure, and the modules mypyc cannot build are never compiled."""
    compiled = [module for module in COMPILED if is_compiled(module)]
    print(f"compiled modules: {len(compiled)} of {len(COMPILED)}")  # shown with pytest -s
    assert compiled in ([], COMPILED)
    assert not any(is_compiled(module) for module in PURE)


@pytest.mark.skipif(not os.environ.get("QUOTES_EXPECT_COMPILED"), reason="only `tox -e compiled` expects it")
def test_the_compiled_environment_is_compiled_where_a_c_compiler_is() -> None:
    """`tox -e compiled` tests the compiled build wherever one can be made: a build that fell
    back to pure Python (a type error mypyc met only in the build environment) fails here."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        pytest.skip(f"no C compiler ({compiler}): the build is pure Python by design")
    assert [module for module in COMPILED if not is_compiled(module)] == []


def test_workers_run_the_builds_they_stand_for(workers: tuple[Worker, Worker]) -> None:
    """The comparison is between a compiled and a pure process, not the same build twice."""
    compiled, pure = workers
    assert not compiled.attribution.endswith(".py")
    assert pure.attribution.endswith(".py")
    assert Path(pure.attribution).parent != Path(quotes.__file__).parent


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_same_quotations_on_news(workers: tuple[Worker, Worker], path: Path) -> None:
    """Each article of the seeds and the development set gives the same quotations."""
    compiled, pure = workers
    text = path.read_text(encoding="utf-8")
    assert compiled(text) == pure(text)


@pytest.mark.parametrize("text", AWKWARD)
def test_same_quotations_on_awkward_text(workers: tuple[Worker, Worker], text: str) -> None:
    """Empty and unbalanced text, other languages' marks, control characters and repeats agree."""
    compiled, pure = workers
    assert compiled(text) == pure(text)


@given(st.one_of(st.text(), newsy_text(), articles().map(lambda article: article.text)))
def test_same_quotations_on_generated_text(workers: tuple[Worker, Worker], text: str) -> None:
    """Any text, text dense in marks and generated articles give the same quotations."""
    compiled, pure = workers
    assert compiled(text) == pure(text)
