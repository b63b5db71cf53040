"""No secret is committed: the tracked files (``git ls-files``) hold no password value, no
credentials in a Neo4j URI, no private key; the only ``NEO4J_PASSWORD=`` with a value is the
placeholder in ``.env.example``, and ``.env`` itself is ignored by git. Test files may name a
password that is plainly not one (``a-known-password-…``, ``not-a-real-one``)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDERS = ("change-me", "not-a-real", "known", "wrong", "fake", "placeholder", "example", "...")
"""Words that mark a value as a stand-in, not a credential."""
RULES = {
    "a NEO4J_PASSWORD value": re.compile(r"NEO4J_PASSWORD\s*=\s*[\"']?(?P<value>\w[^\s\"'`]*)"),
    "a password literal": re.compile(
        r"(?i)\b\w*(password|passwd|secret)\w*\b[\"']?\]?\s*[=:]\s*[\"'](?P<value>[^\"']+)[\"']"
    ),
    "a password in the environment": re.compile(
        r"(?i)(setenv|setdefault)\(\s*[\"']\w*(PASSWORD|SECRET)\w*[\"']\s*,\s*[\"'](?P<value>[^\"']+)[\"']"
    ),
    "credentials in a URI": re.compile(r"(?i)\b(bolt|neo4j)(\+s|\+ssc)?://[^/\s:@]+:(?P<value>[^/\s@]+)@"),
    "NEO4J_AUTH with a value": re.compile(r"NEO4J_AUTH\s*[=:]\s*[\"']?neo4j/(?P<value>[^\s\"']+)"),
    "a private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?P<value>)"),
}


def _tracked() -> list[Path]:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no tracked files to check")
    listed = subprocess.run([git, "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in listed.decode().split("\0") if name and name != "uv.lock"]


def _is_reference(value: str) -> bool:
    """A value taken from elsewhere: ``${VAR}``, ``$VAR``, ``{name}`` in an f-string, a code
    expression, or a stand-in."""
    return (
        value.startswith(("$", "{", "<", "%"))
        or value.startswith(("os.", "self.", "env", "password"))
        or any(word in value.lower() for word in PLACEHOLDERS)
    )


def test_no_secret_is_committed() -> None:
    found = []
    for path in _tracked():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
            continue  # images, workbooks
        for number, line in enumerate(text.splitlines(), start=1):
            found += [
                f"{path.relative_to(ROOT)}:{number}: {rule}: {line.strip()[:120]}" for rule in _hits(line)
            ]
    assert found == []


def _hits(line: str) -> list[str]:
    """The rules ``line`` breaks."""
    return [
        rule
        for rule, pattern in RULES.items()
        for match in pattern.finditer(line)
        if rule == "a private key" or not _is_reference(match.group("value"))
    ]


def test_the_only_password_assignment_is_the_env_example_placeholder() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert re.findall(r"^NEO4J_PASSWORD=(.*)$", example, flags=re.MULTILINE) == [
        "change-me-to-a-long-random-password"
    ]
    git = shutil.which("git")
    assert git is not None
    tracked = {path.relative_to(ROOT).as_posix() for path in _tracked()}
    assert ".env" not in tracked and "neo4j.env" not in tracked
    for name in (".env", "neo4j.env"):  # ignored, so `git add .` cannot commit them
        assert subprocess.run([git, "check-ignore", "-q", name], cwd=ROOT, check=False).returncode == 0, name


LEAKED = "hunter2" * 2
"""A made-up password for the lines below, joined in at run time so this file breaks no rule."""


@pytest.mark.parametrize(
    ("line", "caught"),
    [
        (f"NEO4J_PASSWORD={LEAKED}", True),
        (f"export NEO4J_PASSWORD='{LEAKED}'", True),
        (f'store = Neo4jStore(uri, password="{LEAKED}")', True),
        (f'{{"neo4j_password": "{LEAKED}"}}', True),
        (f'os.environ["NEO4J_PASSWORD"] = "{LEAKED}"', True),
        (f'monkeypatch.setenv("NEO4J_PASSWORD", "{LEAKED}")', True),
        ('SECRET_WORDS = ["password", "passwd", "secret"]', False),
        (f"CKG_STORE=bolt://neo4j:{LEAKED}@db:7687", True),
        (f"      NEO4J_AUTH: neo4j/{LEAKED}", True),
        ("-----BEGIN OPENSSH " + "PRIVATE KEY-----", True),
        ("NEO4J_PASSWORD: ${NEO4J_PASSWORD:?set NEO4J_PASSWORD in .env}", False),
        ('f"NEO4J_PASSWORD={self.password}"', False),
        ('monkeypatch.setenv("NEO4J_PASSWORD", password)', False),
        ('Neo4jStore(f"bolt://{username}:{password}@{host}")', False),
        ("NEO4J_PASSWORD=change-me-to-a-long-random-password", False),
    ],
)
def test_the_rules_catch_what_they_are_for(line: str, caught: bool) -> None:
    assert bool(_hits(line)) is caught, _hits(line)
