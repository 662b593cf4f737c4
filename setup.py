"""Build `quotes`, compiling its hot, strictly typed modules with mypyc where it can.

The metadata lives in setup.cfg; this file only adds the optional compiled
modules. A wheel built here holds every module as Python source and, where
mypyc and a C compiler are available, a compiled extension for each module of
`COMPILED` that Python imports in its place. The results are the same either
way (tests/test_compiled.py checks it); only the speed differs.

The package is built pure Python, with one line on stderr saying why, when:

- the environment variable `QUOTES_PURE_PYTHON` is set (to anything but "" or
  "0"), as `AIOHTTP_NO_EXTENSIONS` does for aiohttp;
- mypy (which ships mypyc) cannot be imported, or mypyc fails on the sources;
- the C compiler is missing or fails;
- the install is editable (`pip install -e .`, `setup.py develop`) or the
  extensions would be built in place (`build_ext --inplace`): an extension
  left in the source tree would shadow every later edit of its `.py` file.
"""

from __future__ import annotations

import glob
import os
import sys
import sysconfig

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError, PlatformError

PURE_PYTHON = "QUOTES_PURE_PYTHON"

# Hot modules that mypyc compiles and that behave the same compiled. Their
# internal classes are slotted frozen dataclasses with an explicit __init__,
# which mypyc builds as native classes (it cannot build attrs' `frozen`). Left
# out: extract (the public entry points keep their Python behaviour: their
# TypeError for a non-str, subclassing Extractor), model (the public attrs
# classes), the small or cold modules (registry, lexicon, errors, tokenizer),
# and every module that imports spaCy, dask, hypothesis or pandas, the command
# line, rendering and training.
COMPILED = [
    "quotes/attribution.py",
    "quotes/bisection.py",
    "quotes/cues.py",
    "quotes/direct.py",
    "quotes/indirect.py",
    "quotes/layout.py",
    "quotes/marks.py",
    "quotes/mentions.py",
    "quotes/ranking/candidates.py",
    "quotes/ranking/features.py",
    "quotes/ranking/gate.py",
    "quotes/ranking/model.py",
    "quotes/ranking/rank.py",
    "quotes/resolve.py",
    "quotes/runs.py",
    "quotes/sentences.py",
    "quotes/text.py",
    "quotes/unchecked.py",
    "quotes/words.py",
]

# Commands that build extensions; metadata-only ones (egg_info, dist_info,
# sdist) and editable ones (editable_wheel, develop) do not run mypyc at all.
_BUILDS = ("build", "build_ext", "install", "bdist")

# What a failing C compiler raises: the compiler fails or crashes, cannot be
# run, or the platform has none that setuptools knows (distutils' CCompilerError,
# DistutilsExecError and DistutilsPlatformError, under setuptools' names).
_COMPILER_ERRORS = (CCompilerError, ExecError, PlatformError, OSError)


def say(message: str) -> None:
    """Print one line about the build on stderr."""
    print(f"quotes: {message}", file=sys.stderr)


def wants_compiled(argv: list[str], environ: dict[str, str]) -> bool:
    """Whether this run of setup.py builds the compiled modules.

    Args:
        argv: The command line of setup.py (`sys.argv`).
        environ: The environment (`os.environ`).
    """
    if not any(arg.startswith(_BUILDS) for arg in argv[1:]):
        return False
    if environ.get(PURE_PYTHON, "") not in ("", "0"):
        say(f"{PURE_PYTHON} is set: building pure Python")
        return False
    return True


def compiled_extensions() -> list[Extension]:
    """The mypyc extensions of `COMPILED`, or none where mypyc cannot build them."""
    try:
        from mypyc.build import mypycify
    except ImportError:
        say("mypyc (mypy) is not installed: building pure Python")
        return []
    try:
        # The build environment (pyproject.toml) has no spaCy, so the modules that use its
        # types read them as Any, which strict mypy flags there; they are not compiled, and
        # `tox -e types` checks them with spaCy installed: only the compiled modules' own
        # errors stop the build.
        return mypycify(["--follow-imports=silent", *COMPILED], opt_level="3")
    except (Exception, SystemExit) as error:  # mypyc exits on a type error
        say(f"mypyc failed ({error!r}): building pure Python")
        return []


class OptionalBuildExt(build_ext):
    """`build_ext` that falls back to pure Python instead of failing.

    The extensions are skipped where the C compiler fails and where they would
    be built in place (an editable install). The wheel is all compiled or all
    pure: a failed build leaves no extension in the build folder, and a build
    removes those an earlier one left there that it does not make itself (a
    module since left out of `COMPILED`).
    """

    def run(self) -> None:
        """Build the extensions, or skip them all."""
        if self.inplace or getattr(self, "editable_mode", False):
            say("editable or in-place build: building pure Python")
            self.extensions = []
            return
        self.remove_extensions(keep=self.get_outputs())
        try:
            super().run()
        except _COMPILER_ERRORS as error:
            say(f"the C compiler failed ({type(error).__name__}, above): building pure Python")
            self.remove_extensions(keep=[])
            self.extensions = []

    def remove_extensions(self, keep: list[str]) -> None:
        """Remove the extension files in the build folder, but those in `keep`."""
        kept = {os.path.abspath(path) for path in keep}
        pattern = os.path.join(self.build_lib, "**", "*" + sysconfig.get_config_var("EXT_SUFFIX"))
        for path in glob.glob(pattern, recursive=True):
            if os.path.abspath(path) not in kept:
                os.remove(path)


if __name__ == "__main__":
    setup(
        ext_modules=compiled_extensions() if wants_compiled(sys.argv, dict(os.environ)) else [],
        cmdclass={"build_ext": OptionalBuildExt},
    )
