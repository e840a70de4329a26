"""Build the real and sample sites from two revisions and compare them file by file.

A refactoring must not change what readers get. Both revisions are built with the
same day, site address and tools; the one thing allowed to differ is what a build
stamps with its own moment (the build date in sitemaps). Run: scripts/compare-sites [REV].
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITES = {"real": ("mkdocs.yml", "data"), "sample": ("examples/truong-mau/mkdocs.yml", "examples/truong-mau/data")}
DAY = "20/03/2024"
# A build's own moment; everything else must match byte for byte.
VOLATILE = [re.compile(rb"<lastmod>[^<]*</lastmod>")]

# Builds a revision's checkout with the plugin its own pyproject.toml declares.
BUILD = """
import sys, tomllib
from importlib.metadata import EntryPoint
import mkdocs.plugins
from mkdocs.__main__ import cli
tree = sys.argv.pop(1)
sys.path.insert(0, tree)
declared = tomllib.load(open(tree + "/pyproject.toml", "rb"))["project"]["entry-points"]["mkdocs.plugins"]
found = mkdocs.plugins.get_plugins
def get_plugins():
    plugins = dict(found())
    plugins.update({name: EntryPoint(name, value, "mkdocs.plugins") for name, value in declared.items()})
    return plugins
mkdocs.plugins.get_plugins = get_plugins
cli()
"""


def build(tree: Path, site: str, out: Path) -> None:
    config, data = SITES[site]
    env = dict(os.environ, QCDC_TODAY=DAY, QCDC_DATA_DIR=str(tree / data), NO_MKDOCS_2_WARNING="1")
    env.pop("QCDC_SITE_URL", None)
    subprocess.run(
        [sys.executable, "-c", BUILD, str(tree), "build", "--strict", "-q", "-f", str(tree / config), "-d", str(out)],
        cwd=tree, env=env, check=True,
    )


def normalised(path: Path) -> bytes:
    content = path.read_bytes()
    for pattern in VOLATILE:
        content = pattern.sub(b"", content)
    return content


def differences(before: Path, after: Path) -> list[str]:
    names = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    found = []
    for name in sorted(names):
        a, b = before / name, after / name
        if not a.is_file() or not b.is_file():
            found.append(f"only in {'after' if b.is_file() else 'before'}: {name}")
        elif normalised(a) != normalised(b):
            diff = difflib.unified_diff(
                normalised(a).decode(errors="replace").splitlines(), normalised(b).decode(errors="replace").splitlines(),
                lineterm="", n=0,
            )
            found.append(f"differs: {name}\n" + "\n".join(list(diff)[2:12]))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", default="HEAD", help="the revision to compare the work tree with (HEAD)")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(base), arguments.revision], cwd=ROOT, check=True)
        try:
            failed = False
            for site in SITES:
                before, after = Path(temporary) / site / "before", Path(temporary) / site / "after"
                build(base, site, before)
                build(ROOT, site, after)
                found = differences(before, after)
                count = sum(1 for p in after.rglob("*") if p.is_file())
                print(f"{site}: {count} files, {len(found)} differ from {arguments.revision}")
                for line in found:
                    print("  " + line.replace("\n", "\n    "))
                failed |= bool(found)
            return 1 if failed else 0
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False)


if __name__ == "__main__":
    sys.exit(main())
