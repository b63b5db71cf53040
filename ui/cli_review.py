"""The interactive part of `ckg review`: one pending item at a time, with the sentence it rests
on, and a choice to accept, reject, edit, skip or stop. Edits are checked by the model as they
are typed, so a wrong kind or date is asked again rather than failing the whole review."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.panel import Panel
from rich.prompt import Prompt
from rich.text import Text

from graph.model import EntityKind, RelationshipKind, RelationshipStatus
from ingest.extract.proposal import Item, Proposal
from ingest.review import edit_entity, edit_relationship

console = Console(stderr=True, soft_wrap=True)
CHOICES = {"a": "accept", "r": "reject", "e": "edit", "s": "skip", "q": "quit"}


def ask_about_items(proposal: Proposal) -> None:
    """Ask about every pending item, new entities first, until the person quits."""
    pending = [item for item in proposal.meta.items if item.status == "pending"]
    for number, item in enumerate(pending, start=1):
        console.print(_panel(proposal, item, number, len(pending)))
        answer = Prompt.ask(
            "[a]ccept, [r]eject, [e]dit, [s]kip, [q]uit", choices=list(CHOICES), default="s", console=console
        )
        if answer == "q":
            return
        if answer == "a":
            item.status = "accepted"
        elif answer == "r":
            item.status = "rejected"
        elif answer == "e":
            _edit(proposal, item)


def _panel(proposal: Proposal, item: Item, number: int, total: int) -> Panel:
    body = Text()
    body.append(f"{item.summary}\n", style="bold")
    body.append(f"confidence {item.confidence:.2f}, rule {item.rule}")
    if item.in_store:
        body.append(" (the store has this tie: accepting adds this evidence)")
    if item.named is False:
        body.append("\nthe article describes this without naming it: consider giving it a proper name")
    if item.relationship is not None:
        rel = proposal.dataset.relationships[item.relationship]
        details = [f"since {rel.since} ({item.since})" if rel.since else "", f"status {rel.status.value}"]
        if rel.amount is not None:
            details.append(f"amount {rel.amount:,.0f} {rel.currency or ''}")
        body.append("\n" + ", ".join(d for d in details if d))
        for evidence in rel.evidence:
            body.append(f"\n“{evidence.quote}” ({evidence.locator})", style="italic")
    elif item.entity is not None:
        entity = next(e for e in proposal.dataset.entities if e.id == item.entity)
        body.append(
            f"\nid {entity.id}" + (f", also called {', '.join(entity.aliases)}" if entity.aliases else "")
        )
    return Panel(body, title=f"{item.id} ({number} of {total})", title_align="left")


def _edit(proposal: Proposal, item: Item) -> None:
    while True:
        try:
            if item.entity is not None:
                _edit_entity(proposal, item)
            else:
                _edit_relationship(proposal, item)
            return
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                where = ".".join(str(part) for part in detail["loc"])
                console.print(f"[red]{where}: {detail['msg']}[/] — try again", highlight=False)


def _edit_entity(proposal: Proposal, item: Item) -> None:
    entity = next(e for e in proposal.dataset.entities if e.id == item.entity)
    changes: dict[str, Any] = {
        "name": Prompt.ask("name", default=entity.name, console=console),
        "kind": Prompt.ask(
            "kind", choices=[k.value for k in EntityKind], default=entity.kind.value, console=console
        ),
        "id": Prompt.ask("id", default=entity.id, console=console),
    }
    aliases = Prompt.ask("aliases (separate with ';')", default="; ".join(entity.aliases), console=console)
    changes["aliases"] = [alias.strip() for alias in aliases.split(";") if alias.strip()]
    edit_entity(proposal, item, changes)


def _edit_relationship(proposal: Proposal, item: Item) -> None:
    assert item.relationship is not None
    rel = proposal.dataset.relationships[item.relationship]
    kinds = [k.value for k in RelationshipKind]
    changes: dict[str, Any] = {
        "kind": Prompt.ask("kind", choices=kinds, default=rel.kind.value, console=console),
        "source": Prompt.ask("source (an entity id)", default=rel.source, console=console),
        "target": Prompt.ask("target (an entity id)", default=rel.target, console=console),
        "status": Prompt.ask(
            "status", choices=[s.value for s in RelationshipStatus], default=rel.status.value, console=console
        ),
    }
    since = Prompt.ask("since (YYYY-MM-DD, or '-' for none)", default=str(rel.since or "-"), console=console)
    changes["since"] = None if since.strip() in {"", "-"} else since.strip()
    amount = Prompt.ask("amount ('-' for none)", default=_plain(rel.amount), console=console)
    changes["amount"] = None if amount.strip() in {"", "-"} else amount.strip()
    if changes["amount"] is not None:
        changes["currency"] = Prompt.ask(
            "currency (ISO 4217)", default=rel.currency or "USD", console=console
        )
    else:
        changes["currency"] = None
    edit_relationship(proposal, item, changes)


def _plain(amount: float | None) -> str:
    if amount is None:
        return "-"
    return str(int(amount)) if float(amount).is_integer() else str(amount)
