"""`ckg template`, `ckg extract`, `ckg review`, `ckg score`: spreadsheets to fill in, and news
articles turned into proposals that a person reviews before anything reaches the store.

    ckg extract article.txt -o proposal.yaml     # read the article, propose what it states
    ckg review proposal.yaml                     # accept, reject or edit each item; load the accepted
    ckg score proposal.yaml --answer answer.yaml # precision and recall against a hand-checked answer
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from graph.model import SourceKind
from ui.cli_context import JsonOption, open_chosen_store
from ui.cli_output import fail, print_json

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})


def template(
    xlsx: Annotated[
        Path | None,
        typer.Option("--xlsx", help="Write an Excel workbook with the three sheets and drop-down lists."),
    ] = None,
    csv_folder: Annotated[
        Path | None, typer.Option("--csv", help="Write the three CSV tables (header rows) in this folder.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Write an empty data template: sheets (or CSV tables) sources, entities and relationships,
    with the columns `ckg ingest` reads."""
    from ingest.template import write_csv_template, write_xlsx_template

    if xlsx is None and csv_folder is None:
        fail("say what to write: --xlsx FILE or --csv FOLDER", code=2)
    written: list[Path] = []
    if xlsx is not None:
        if xlsx.suffix.lower() != ".xlsx":
            fail(f"{xlsx}: an Excel workbook's name ends in .xlsx", code=2)
        write_xlsx_template(xlsx)
        written.append(xlsx)
    if csv_folder is not None:
        written += write_csv_template(csv_folder)
    if as_json:
        print_json({"written": [str(path) for path in written]})
    else:
        for path in written:
            err.print(f"wrote {path}", markup=False, highlight=False)


def extract(
    articles: Annotated[
        list[Path], typer.Argument(help="Articles: plain text, Markdown or saved HTML pages.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="The proposal file (a folder, for several articles); else stdout."
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="The article's title, if the page does not give it.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="The article's date, YYYY-MM-DD, if the page does not give it.")
    ] = None,
    kind: Annotated[SourceKind, typer.Option(help="What kind of source the articles are.")] = SourceKind.NEWS,
    as_json: JsonOption = False,
) -> None:
    """Propose the entities and relationships articles state, matched against the store's names.
    Nothing is written to the store: review the proposal with `ckg review`."""
    from ingest.extract.driver import extract_article
    from ingest.extract.proposal import dump, write

    if len(articles) > 1 and (title or published):
        fail("--title and --published describe one article; give one at a time", code=2)
    if len(articles) > 1 and (output is None or output.suffix):
        fail("several articles write several proposals: give -o FOLDER", code=2)
    when = _date(published) if published else None
    summaries: list[dict[str, Any]] = []
    with open_chosen_store() as store:
        for article in articles:
            proposal = extract_article(store, article, title=title, published=when, source_kind=kind)
            target = output / f"{article.stem}.proposal.yaml" if len(articles) > 1 and output else output
            if target is not None:
                write(proposal, target)
            elif not as_json:
                sys.stdout.write(dump(proposal))
            summary: dict[str, Any] = {
                "article": str(article),
                "file": str(target) if target else None,
                "source": proposal.dataset.sources[0].id,
                "published": proposal.meta.published,
                "entities": len(proposal.dataset.entities),
                "relationships": len(proposal.dataset.relationships),
                "matched": [m.id for m in proposal.meta.matched],
                "in_store": sum(1 for item in proposal.meta.items if item.in_store),
            }
            if as_json and target is None:
                summary["proposal"] = proposal.model_dump(mode="json")
            summaries.append(summary)
            if not as_json:
                where = f" -> {target}" if target else ""
                counted = (
                    summary["relationships"],
                    summary["in_store"],
                    summary["entities"],
                    len(summary["matched"]),
                )
                err.print(
                    "{}: {} relationships ({} already in the store), {} new entities, {} known ones".format(
                        article, *counted
                    )
                    + where,
                    markup=False,
                    highlight=False,
                )
    if as_json:
        print_json({"proposals": summaries})


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"--published {text!r}: write the date as YYYY-MM-DD", code=2)


def review(
    proposal_file: Annotated[Path, typer.Argument(metavar="PROPOSAL", help="A proposal from `ckg extract`.")],
    accept_all: Annotated[bool, typer.Option("--accept-all", help="Accept every pending item.")] = False,
    accept: Annotated[
        list[str] | None, typer.Option("--accept", help="Accept an item by id (e1, r3); repeat.")
    ] = None,
    reject: Annotated[
        list[str] | None, typer.Option("--reject", help="Reject an item by id; repeat.")
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence", min=0, max=1, help="Accept pending items this sure, reject the rest."
        ),
    ] = None,
    interactive: Annotated[
        bool | None,
        typer.Option(
            "--interactive/--no-interactive", help="Ask about each pending item (default in a terminal)."
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Decide and check, but write nothing.")] = False,
    load: Annotated[
        bool, typer.Option("--load/--no-load", help="Load the accepted items into the store.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Accept, reject or edit the items of a proposal, record the decisions in it, and load what
    was accepted into the store (with the same checks and report as `ckg ingest`)."""
    from ingest.extract.proposal import read, write
    from ingest.loader import ingest_dataset
    from ingest.review import accepted_data, counts, decide, settle

    proposal = read(proposal_file)
    flags = bool(accept_all or accept or reject or min_confidence is not None)
    if interactive is None:
        interactive = not flags and sys.stdin.isatty() and not as_json
    if not flags and not interactive:
        fail(
            "say what to accept: --accept-all, --accept ID, --reject ID or --min-confidence X "
            "(or run in a terminal)",
            2,
        )
    name = str(proposal_file)
    decide(
        proposal,
        accept_all=accept_all,
        accept=accept or [],
        reject=reject or [],
        min_confidence=min_confidence,
        name=name,
    )
    if interactive:
        from ui.cli_review import ask_about_items

        ask_about_items(proposal)
    settle(proposal, name)
    if not dry_run:
        write(proposal, proposal_file)
    data = accepted_data(proposal)
    result: dict[str, Any] = {"proposal": name, "items": counts(proposal), "loaded": False}
    if load and (data["entities"] or data["relationships"]):
        with open_chosen_store(create=True) as store:
            report = ingest_dataset(store, name, data, dry_run=dry_run)
            stats = store.stats()
        result |= {
            "loaded": not dry_run and not report.problems,
            "report": report.as_json(),
            "stats": stats.model_dump(),
        }
        if not as_json:
            for unit in report.units:
                if unit.dataset is not None:
                    out.print(unit.summary(dry_run), markup=False, highlight=False)
            for problem in report.problems:
                err.print(f"  {problem}", markup=False, highlight=False)
    if as_json:
        print_json(result)
    else:
        tally = result["items"]
        err.print(
            f"{name}: {tally['accepted']} accepted, {tally['rejected']} rejected, {tally['pending']} pending",
            markup=False,
            highlight=False,
        )
    if result.get("report", {}).get("problems"):
        raise typer.Exit(1)


def score(
    proposals: Annotated[list[Path] | None, typer.Argument(help="Proposal files to score.")] = None,
    answer: Annotated[Path | None, typer.Option(help="The hand-checked answer file (data format).")] = None,
    articles: Annotated[
        Path | None,
        typer.Option(help="A folder of articles, each beside NAME.answer.yaml: extract each and score it."),
    ] = None,
    min_confidence: Annotated[float, typer.Option(min=0, max=1, help="Score only items this sure.")] = 0.0,
    show: Annotated[
        bool, typer.Option("--show", help="List the wrong and the missed relationships.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Precision and recall of proposals against hand-checked answers: of relationships (kind and
    both ends, in total and by kind) and of entities."""
    from ingest.extract.proposal import read
    from ingest.score import Score, read_answer
    from ingest.score import score as score_one

    scored: list[tuple[str, Score]] = []
    if articles is not None:
        from ingest.extract.driver import extract_article

        pairs = sorted(
            (p, p.with_name(p.stem + ".answer.yaml"))
            for p in articles.iterdir()
            if p.suffix.lower() in ARTICLE_SUFFIXES and p.with_name(p.stem + ".answer.yaml").is_file()
        )
        if not pairs:
            fail(f"{articles}: no article has a NAME.answer.yaml beside it", code=1)
        with open_chosen_store() as store:
            for article, answer_file in pairs:
                proposal = extract_article(store, article)
                scored.append(
                    (
                        str(article),
                        score_one(proposal, read_answer(answer_file), min_confidence=min_confidence),
                    )
                )
    elif proposals and answer is not None:
        expected = read_answer(answer)
        scored = [(str(p), score_one(read(p), expected, min_confidence=min_confidence)) for p in proposals]
    else:
        fail("give PROPOSAL... --answer FILE, or --articles FOLDER", code=2)
    total = scored[0][1]
    for _, one in scored[1:]:
        total = total + one
    if as_json:
        print_json({"articles": {name: s.as_json() for name, s in scored}, "total": total.as_json()})
        return
    _print_scores(scored, total, show)


def _print_scores(scored: list[tuple[str, Any]], total: Any, show: bool) -> None:
    table = Table(title="relationships (kind and both ends) and entities", show_header=True)
    table.add_column("article", max_width=34, overflow="ellipsis", no_wrap=True)
    for column in ("rel P", "rel R", "correct/proposed/expected", "ent P", "ent R"):
        table.add_column(column, justify="right", no_wrap=True, min_width=len(column))
    for name, one in [*scored, ("total", total)]:
        rel, ent = one.relationships, one.entities
        table.add_row(
            Path(name).name,
            f"{rel.precision:.3f}",
            f"{rel.recall:.3f}",
            f"{rel.correct}/{rel.proposed}/{rel.expected}",
            f"{ent.precision:.3f}",
            f"{ent.recall:.3f}",
        )
    out.print(table)
    kinds = Table(title="relationships by kind (total)", show_header=True)
    for column in ("kind", "P", "R", "correct/proposed/expected"):
        kinds.add_column(column, justify="left" if column == "kind" else "right")
    for kind, counts in total.by_kind.items():
        kinds.add_row(
            kind,
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.correct}/{counts.proposed}/{counts.expected}",
        )
    out.print(kinds)
    out.print(
        f"entities matched by name: {total.matched_by_name}; "
        f"by their ties (unnamed ones): {total.matched_by_structure}",
        highlight=False,
    )
    if show:
        for name, one in scored:
            for line in one.wrong:
                out.print(f"{name}: wrong  {line}", markup=False, highlight=False)
            for line in one.missed:
                out.print(f"{name}: missed {line}", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(template)
    app.command()(extract)
    app.command()(review)
    app.command()(score)
