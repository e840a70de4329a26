"""The Node tools of the quality gates, pinned in package.json and installed into node_modules/.

``scripts/setup test`` installs them (``npm ci``); Java for the Nu Html Checker
and Node itself come from the machine (``.ci/run`` installs Debian's packages).
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
INSTALL_HINT = "run 'scripts/setup test' (needs npm) to install the pinned Node tools"


def java() -> str | None:
    return shutil.which("java")


def node() -> str | None:
    return shutil.which("node")
