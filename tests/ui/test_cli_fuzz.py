"""Hostile names and search terms through `ckg path` and `ckg neighbours` text output
(Hypothesis): rich's markup in a name is printed, not obeyed (``[/]`` once crashed the command),
an emoji code stays text, and no control character from the data reaches the terminal, where an
escape sequence would rewrite the screen; a search term that names nothing is said back
safely. The commands run in this process through the ``ckg`` entry point."""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from graph.store.sqlite import SqliteStore
from ingest.loader import ingest_dataset, ingest_paths
from tests.hostile import any_text, non_blank
from ui.cli import main

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_numbers = itertools.count()


def _ckg(
    *args: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["ckg", *args])
    with pytest.raises(SystemExit) as exit_:
        main()
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


def _verbatim(name: str) -> bool:
    """Whether a terminal line can show ``name`` exactly: no control character, no tab (rich
    expands tabs to spaces)."""
    return not RAW_CONTROL.search(name) and "\t" not in name


def test_hostile_names_and_terms_print_as_text(
    tmp_path: Path, seed_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    uri = f"sqlite:///{tmp_path}/ckg.db"
    with SqliteStore(tmp_path / "ckg.db") as store:
        ingest_paths(store, [seed_dir])

    @given(name_a=non_blank(any_text), name_b=non_blank(any_text), quote=non_blank(any_text))
    @settings(max_examples=30, deadline=None)
    def check(name_a: str, name_b: str, quote: str) -> None:
        n = next(_numbers)
        a, b = f"hostile-{n}-a", f"hostile-{n}-b"
        data = {
            "sources": [{"id": f"note-{n}", "title": quote}],
            "entities": [
                {"id": a, "kind": "Company", "name": name_a},
                {"id": b, "kind": "Company", "name": name_b},
            ],
            "relationships": [
                {
                    "kind": "FUNDS",
                    "source": a,
                    "target": b,
                    "evidence": [{"source": f"note-{n}", "quote": quote}],
                }
            ],
        }
        with SqliteStore(tmp_path / "ckg.db") as store:
            assert ingest_dataset(store, "hostile.json", data).problems == []
            stored_a, stored_b = store.get_entity(a), store.get_entity(b)
        assert stored_a is not None and stored_b is not None

        code, out, err = _ckg("--store", uri, "path", a, b, monkeypatch=monkeypatch, capsys=capsys)
        assert (code, err) == (0, "")
        assert not RAW_CONTROL.search(out)
        for name in (stored_a.name, stored_b.name):
            if _verbatim(name):
                assert name in out

        code, out, err = _ckg("--store", uri, "neighbours", a, monkeypatch=monkeypatch, capsys=capsys)
        assert code == 0 and not RAW_CONTROL.search(out)
        if _verbatim(stored_b.name):
            assert stored_b.name in out

        term = f"{name_a} (nobody)"
        code, out, err = _ckg("--store", uri, "path", term, "ionq", monkeypatch=monkeypatch, capsys=capsys)
        assert (code, out) == (1, "")
        assert err.startswith("error: no stakeholder is called ") and "Traceback" not in err
        assert not RAW_CONTROL.search(err)

    check()
