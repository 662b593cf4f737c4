"""Whether two versions of the library find the same quotations, on the same documents.

Speed work must not change what is found. This runs `quotes.extract` of the
working tree and of another git revision (checked out beside it with
``git worktree``, each in its own process) over every ``.txt`` file of the
folders given, and lists each document whose quotations differ.

Usage::

    python benchmarks/identical.py --against HEAD~1                  # seeds and devnews
    python benchmarks/identical.py --against main ../polnear-dev/docs

Exit code 0 when every document gives the same quotations, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "seeds", ROOT / "tests" / "devnews")

# Run in a child process whose sys.path starts with the version's source tree.
_CHILD = """
import json, sys
from pathlib import Path
import quotes
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        print(json.dumps([str(path), [q.to_dict() for q in quotes.extract(text)]], ensure_ascii=False))
"""


def quotations(source: Path, folders: Sequence[Path]) -> dict[str, list[dict[str, object]]]:
    """What the library in `source` finds in each document of `folders`, by path."""
    env = {**os.environ, "PYTHONPATH": str(source), "QUOTES_PURE_PYTHON": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, *map(str, folders)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tempfile.gettempdir(),  # not the repository root: its quotes/ would shadow PYTHONPATH's
    )
    return dict(json.loads(line) for line in result.stdout.splitlines())


def differences(
    before: dict[str, list[dict[str, object]]], after: dict[str, list[dict[str, object]]]
) -> list[str]:
    """The documents whose quotations differ, with how many each version found."""
    return [
        f"{doc}: {len(before.get(doc, []))} quotations before, {len(after.get(doc, []))} after"
        for doc in sorted(set(before) | set(after))
        if before.get(doc) != after.get(doc)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Compare the working tree with `--against` on the folders; print the differences."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, metavar="REV", help="the git revision to compare with")
    parser.add_argument(
        "folders", nargs="*", type=Path, help="folders of .txt documents (default: seeds, devnews)"
    )
    args = parser.parse_args(argv)
    folders = [folder.resolve() for folder in args.folders] or list(FOLDERS)
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.against],
            check=True,
            capture_output=True,
        )
        try:
            before = quotations(tree, folders)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    after = quotations(ROOT, folders)
    found = differences(before, after)
    print(f"{len(after)} documents, {sum(map(len, after.values()))} quotations; {len(found)} differ")
    print("\n".join(found))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
