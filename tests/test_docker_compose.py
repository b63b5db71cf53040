"""docker-compose.yml: credentials come from the environment (``.env``), never from the file;
Neo4j has a health check the other services wait on; every published port is on loopback, as
the README documents (the app on 127.0.0.1:8501, Bolt on 127.0.0.1:7687).

The structure is checked from the YAML itself on every machine; where Docker Compose is
installed, ``docker compose config`` also validates the file and resolves it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
PUBLISHED = {"neo4j": ["127.0.0.1:7687:7687"], "app": ["127.0.0.1:8501:8501"]}
"""The ports the README documents, each on loopback."""
VARIABLE = re.compile(r"\$\{NEO4J_PASSWORD(:\?[^}]*)?\}")


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return loaded


def test_credentials_come_from_the_environment_not_the_file() -> None:
    compose = _compose()
    services = compose["services"]
    assert (
        services["neo4j"]["environment"]["NEO4J_AUTH"]
        == "neo4j/${NEO4J_PASSWORD:?set NEO4J_PASSWORD in .env}"
    )
    for name in ("ingest", "app"):
        environment = services[name]["environment"]
        assert VARIABLE.fullmatch(environment["NEO4J_PASSWORD"]), name
        assert "@" not in environment["CKG_STORE"]  # no credentials in the store URI either
    for name, service in services.items():
        for key, value in (service.get("environment") or {}).items():
            if re.search("PASSWORD|AUTH|SECRET|TOKEN", key):
                assert VARIABLE.search(str(value)), f"{name}: {key} holds a literal value"
    # the health check reads the password from the container's own environment
    assert "${NEO4J_AUTH#neo4j/}" in " ".join(services["neo4j"]["healthcheck"]["test"]).replace("$$", "$")
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert re.search(r"^NEO4J_PASSWORD=change-me\S*$", example, flags=re.MULTILINE)
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_neo4j_has_a_health_check_the_others_wait_for() -> None:
    services = _compose()["services"]
    check = services["neo4j"]["healthcheck"]
    assert (
        check["test"][0] == "CMD-SHELL"
        and "cypher-shell" in check["test"][1]
        and "RETURN 1" in check["test"][1]
    )
    assert check["retries"] >= 3 and check["interval"] and check["start_period"]
    for name in ("ingest", "app"):
        assert services[name]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert services["app"]["depends_on"]["ingest"]["condition"] == "service_completed_successfully"


def test_ports_are_published_on_loopback_as_documented() -> None:
    services = _compose()["services"]
    published = {name: service["ports"] for name, service in services.items() if service.get("ports")}
    assert published == PUBLISHED
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "the app on http://127.0.0.1:8501, Bolt on 127.0.0.1:7687" in readme


def _docker_compose() -> list[str] | None:
    docker = shutil.which("docker")
    if docker is None:
        return None
    version = subprocess.run([docker, "compose", "version"], capture_output=True, text=True, check=False)
    return [docker, "compose"] if version.returncode == 0 else None


def test_docker_compose_config_accepts_and_resolves_the_file() -> None:
    command = _docker_compose()
    if command is None:
        pytest.skip("Docker Compose is not installed here; the structural checks above ran instead")
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    missing = subprocess.run(
        [*command, "-f", str(COMPOSE), "config"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=ROOT,
    )
    assert missing.returncode != 0 and "set NEO4J_PASSWORD in .env" in missing.stderr
    env["NEO4J_PASSWORD"] = "a-known-password-4e1f"
    done = subprocess.run(
        [*command, "-f", str(COMPOSE), "config", "--format", "json"],
        capture_output=True, text=True, env=env, check=True, cwd=ROOT,
    )  # fmt: skip
    services = json.loads(done.stdout)["services"]
    assert services["neo4j"]["environment"]["NEO4J_AUTH"] == "neo4j/a-known-password-4e1f"
    for name, ports in PUBLISHED.items():
        assert [port["host_ip"] for port in services[name]["ports"]] == ["127.0.0.1"] * len(ports)
    assert "healthcheck" in services["neo4j"]
