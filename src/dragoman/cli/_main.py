"""The command line: a thin shell over :mod:`dragoman.api`.

Errors print one line on stderr and exit 1; usage errors exit 2 (click's convention).
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
from collections.abc import Callable
from typing import Any

import click

from dragoman import api
from dragoman.cli._actors import actors
from dragoman.errors import DragomanError
from dragoman.settings import Settings, load_settings
from dragoman.types import Event

log = logging.getLogger(__name__)

DB_HELP = "Database: a SQLite file (default ./dragoman.db, or $DRAGOMAN_DB) or a SQLAlchemy URL."


def _settings(ctx: click.Context, **flags: Any) -> Settings:
    base: Settings = ctx.obj
    return base.with_overrides(**flags)


def _run(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except DragomanError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group()
@click.option("--config", type=click.Path(dir_okay=False), help="A YAML file of settings.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.version_option(package_name="dragoman")
@click.pass_context
def main(ctx: click.Context, config: str | None, verbose: int, quiet: bool) -> None:
    """dragoman: political, diplomatic and conflict events from news, as PLOVER records."""
    level = (
        logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = _run(lambda: load_settings(config))


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--db", help=DB_HELP)
@click.option("--sample", is_flag=True, help="Ingest the bundled sample articles.")
@click.option("--batch-size", type=int, help=Settings.help()["batch_size"])
@click.option("--n-process", type=int, help=Settings.help()["n_process"])
@click.option("--progress/--no-progress", default=None, help=Settings.help()["progress"])
@click.option("--published", metavar="DATE", help=Settings.help()["published"])
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: str | None,
    sample: bool,
    batch_size: int | None,
    n_process: int | None,
    progress: bool | None,
    published: str | None,
) -> None:
    """Read articles (files, folders, - for stdin), extract events and store them.

    Text (.txt), HTML (.html), JSON (.json) and JSON Lines (.jsonl) are read; folders
    recursively. Articles already stored are skipped; bad ones are recorded as failed.
    """
    inputs = list(paths) + ([str(api.sample_path())] if sample else [])
    if not inputs:
        raise click.UsageError("give at least one PATH (or - for standard input, or --sample)")
    settings = _run(
        lambda: _settings(
            ctx,
            db=db,
            batch_size=batch_size,
            n_process=n_process,
            progress=progress,
            published=published,
        )
    )
    bar = None
    if settings.progress and sys.stderr.isatty():
        from tqdm import tqdm

        from dragoman.ingest import count_inputs

        bar = tqdm(total=count_inputs(inputs), unit="article", file=sys.stderr)
    try:
        summary = _run(
            lambda: api.ingest(inputs, settings=settings, progress=bar.update if bar else None)
        )
    finally:
        if bar is not None:
            bar.close()
    click.echo(
        f"ingested {summary.ingested}, updated {summary.updated}, "
        f"skipped as duplicate {summary.duplicates}, failed {summary.failed}; "
        f"{summary.events} events"
    )
    for failure in summary.failures:
        click.echo(f"  failed: {failure.origin}: {failure.reason}", err=True)


FILTERS = [
    click.option("--type", "types", help="PLOVER types, comma-separated (e.g. CONSULT,ASSAULT)."),
    click.option("--actor", help="Actor or recipient name contains this text."),
    click.option("--place", help="Place name contains this text."),
    click.option("--since", help="Events on or after this date (YYYY-MM-DD)."),
    click.option("--until", help="Events on or before this date (YYYY-MM-DD)."),
    click.option("--article", help="Events of this article id."),
    click.option("--factuality", help="Factualities, comma-separated (asserted,reported,...)."),
    click.option(
        "--source-kind", help="Source kinds, comma-separated (media,official,unnamed,none)."
    ),
    click.option("--limit", type=int, help="At most this many events."),
]


def filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(FILTERS):
        fn = option(fn)
    return fn


def _names(actors: Any) -> str:
    return ", ".join(
        a.name
        + (
            f" [{a.country or '?'}{' ' + a.sector if a.sector else ''}]"
            if a.country or a.sector
            else ""
        )
        for a in actors
    )


def _status(e: Event) -> str:
    if e.claim.announced is None:
        return e.claim.factuality
    return e.claim.factuality + (" announced" if e.claim.announced else " secret")


def event_table(events: list[Event], width: int) -> str:
    """A readable table: one event a row, cut to the terminal's width."""
    head = ("article", "type", "mode", "actor", "recipient", "place", "date", "status", "source")
    rows = [
        (
            e.article_id,
            e.type,
            e.mode or "",
            _names(e.actor) or "-",
            _names(e.recipient) or "-",
            e.place.name if e.place else "",
            e.date.start.isoformat() if e.date and e.date.start else "",
            _status(e),
            ", ".join(s.name for s in e.claim.attribution),
        )
        for e in events
    ]
    caps = (24, 9, 11, 32, 32, 14, 10, 19, 22)
    widths = [
        min(cap, max([len(h)] + [len(r[i]) for r in rows]))
        for i, (h, cap) in enumerate(zip(head, caps, strict=True))
    ]

    def line(cells: tuple[str, ...]) -> str:
        out = "  ".join(
            (c if len(c) <= w else c[: w - 1] + "…").ljust(w)
            for c, w in zip(cells, widths, strict=True)
        )
        return out[:width].rstrip()

    lines = [line(head), line(tuple("-" * w for w in widths))]
    lines.extend(line(r) for r in rows)
    return "\n".join(lines)


@main.command()
@click.option("--db", help=DB_HELP)
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print event records as JSON Lines.")
@click.pass_context
def events(ctx: click.Context, db: str | None, as_json: bool, **filters: Any) -> None:
    """List stored events as a table (or JSON Lines)."""
    settings = _settings(ctx, db=db)
    found = _run(lambda: api.events(settings=settings, **filters))
    if as_json:
        click.echo(api.records_text(found), nl=False)
        return
    width = shutil.get_terminal_size((160, 24)).columns
    click.echo(event_table(found, max(width, 100)))
    click.echo(f"{len(found)} events")


@main.command()
@click.option("--db", help=DB_HELP)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--articles", is_flag=True, help="Export article records (id, title, published, kept text)."
)
@click.option(
    "--mentions",
    is_flag=True,
    help="Export every named person, group and place with the actor it resolves to.",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (default: standard output).",
)
@filter_options
@click.pass_context
def export(
    ctx: click.Context,
    db: str | None,
    fmt: str,
    articles: bool,
    mentions: bool,
    output: Any,
    **filters: Any,
) -> None:
    """Write event records (shared/gold/FORMAT.md §1), articles or mentions (JSONL or CSV)."""
    settings = _settings(ctx, db=db)
    n = _run(
        lambda: api.export(
            output,
            settings=settings,
            format=fmt,
            articles=articles,
            mentions=mentions,
            **filters,
        )
    )
    log.info("wrote %d records", n)


@main.command()
@click.option("--db", help=DB_HELP)
@click.pass_context
def failures(ctx: click.Context, db: str | None) -> None:
    """List the inputs that could not be read, with the reason."""
    settings = _settings(ctx, db=db)
    found = _run(lambda: api.failures(settings=settings))
    for f in found:
        click.echo(f"{f.article_id}\t{f.origin}\t{f.reason}")
    click.echo(f"{len(found)} failed", err=True)


@main.command()
@click.option("--db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def stats(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Counts: articles, failures, events by type and by factuality."""
    settings = _settings(ctx, db=db)
    figures = _run(lambda: api.stats(settings=settings))
    if as_json:
        click.echo(json.dumps(figures, indent=1))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for k, v in value.items():
                click.echo(f"  {k:14} {v}")
        else:
            click.echo(f"{key:16} {value}")


@main.command()
@click.pass_context
def settings(ctx: click.Context) -> None:
    """Show the settings in force and what each one does."""
    current: Settings = ctx.obj
    for name, text in Settings.help().items():
        click.echo(f"{name:12} {getattr(current, name)!s:28} {text}")


main.add_command(actors)
