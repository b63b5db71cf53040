"""igraph loads for the analyses without pulling in matplotlib, which still works afterwards."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from graph.analysis.metrics import ig
print("matplotlib" in sys.modules)
print(ig.Graph(n=3, edges=[(0, 1), (1, 2)]).community_leiden(objective_function="modularity").membership)
import matplotlib
import matplotlib.pyplot
print(matplotlib.__version__ != "")
"""


def test_the_analyses_import_igraph_without_matplotlib_and_leave_it_importable() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    imported_matplotlib, membership, matplotlib_works = done.stdout.splitlines()
    assert imported_matplotlib == "False"
    assert membership.startswith("[") and membership.count(",") == 2  # igraph ran: 3 stakeholders
    assert matplotlib_works == "True"
