"""``mkdocs serve`` that runs the site's changed Python code without a restart.

MkDocs rebuilds when a watched file changes, but Python keeps the modules it
has imported: an edit to ``macros/`` would show only after restarting the
server. Before every rebuild the project's modules are dropped from
``sys.modules`` and imported afresh. The ``qcdc`` plugin object itself is kept
by MkDocs from build to build (it has ``on_startup``), so it is moved onto the
freshly imported class: MkDocs registers its event methods again for each
build, from that class.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

# The whole site package (macros), not only this glue package: rendering, data and all.
PACKAGE = __name__.partition(".")[0]


def reload_code_before_rebuilds(server: Any, plugin: Any) -> None:
    """Wrap the server's rebuild so that it starts from the current code of the package."""
    # A .pyc written into the watched package would itself trigger one more rebuild.
    sys.dont_write_bytecode = True
    rebuild: Callable[..., None] = server.builder

    def rebuild_with_fresh_code(*args: Any, **kwargs: Any) -> None:
        renew(plugin, fresh_plugin_class(type(plugin)))
        rebuild(*args, **kwargs)

    server.builder = rebuild_with_fresh_code


def fresh_plugin_class(old_class: type) -> type:
    """Forget every module of the package and import the plugin's module again."""
    for module in [module for module in sys.modules if module == PACKAGE or module.startswith(PACKAGE + ".")]:
        del sys.modules[module]
    importlib.invalidate_caches()
    return getattr(importlib.import_module(old_class.__module__), old_class.__name__)


def renew(plugin: Any, fresh_class: type) -> None:
    """Move a plugin object onto the freshly imported class, keeping its state."""
    if type(plugin) is fresh_class:
        return
    # Attributes that a newer __init__ sets and the object has not: their fresh defaults.
    defaults = vars(fresh_class())
    plugin.__class__ = fresh_class
    for name, value in defaults.items():
        vars(plugin).setdefault(name, value)
