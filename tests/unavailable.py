"""What a test needs and this machine lacks (a Neo4j server, Debian's Chromium): elsewhere the
test skips and says why; under ``CI=true`` it fails, so CI can never pass without running it."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def unavailable(reason: str) -> NoReturn:
    """Skip with ``reason``, or fail with it under ``CI=true``."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)
