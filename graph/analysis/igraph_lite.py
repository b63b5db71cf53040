"""igraph, imported without its plotting support.

igraph's drawing package imports ``matplotlib.pyplot`` whenever matplotlib is installed (it is:
the exports draw with it), which took 0.7 of the 1.0 s that ``import igraph`` cost each
analysis command, though no analysis draws with igraph. While igraph loads, matplotlib is made
unimportable, so igraph falls back to its placeholder module for plotting; matplotlib itself is
untouched and imports as usual afterwards. When matplotlib (or igraph) is loaded already there
is nothing to save and igraph is imported as it is.
"""

from __future__ import annotations

import _imp
import sys

# The interpreter's import lock is held meanwhile, so no other thread imports matplotlib (an
# export drawing, say) while it is made unimportable.
_imp.acquire_lock()
try:
    _BLOCK = "matplotlib" not in sys.modules and "igraph" not in sys.modules
    if _BLOCK:
        sys.modules["matplotlib"] = None  # type: ignore[assignment]  # makes `import matplotlib` fail
    try:
        import igraph
    finally:
        if _BLOCK:
            del sys.modules["matplotlib"]
finally:
    _imp.release_lock()

__all__ = ["igraph"]
