"""``dragoman actors``: import, show, explain and search the actor knowledge base.

A click group the main command line attaches with ``main.add_command(actors)``; each command
parses its input, calls one function of :mod:`dragoman.actors` and prints the result.
Errors print one line on stderr and exit 1.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from dragoman.actors import default_base, describe, import_actors, resolve_actor, user_dir
from dragoman.errors import DragomanError
from dragoman.records import actor_record


def _run(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except DragomanError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group("actors")
def actors() -> None:
    """Who is who: the actor base (people with dated roles, groups, countries)."""


@actors.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_(file: Path) -> None:
    """Check an actor FILE (YAML or CSV) and add it to your actors; yours override built-ins."""
    count = _run(lambda: import_actors(file))
    click.echo(f"imported {count} actor(s) from {file} into {user_dir()}")


@actors.command()
@click.argument("name")
@click.option("--date", "when", help="The date the mention is read on (YYYY-MM-DD).")
@click.option("--context", help="Text around the mention (gives the country of unknown people).")
@click.option("--json", "as_json", is_flag=True, help="Print the resolved actor as JSON.")
def show(name: str, when: str | None, context: str | None, as_json: bool) -> None:
    """Who NAME is (on --date): a name, an alias or a title ("Syrian foreign minister")."""
    actor = _run(lambda: resolve_actor(name, date=when, context=context))
    if actor is None:
        raise click.ClickException(f"no actor matches {name!r}; try: dragoman actors search TEXT")
    if as_json:
        click.echo(json.dumps(actor_record(actor), ensure_ascii=False))
        return
    codes = f"{actor.country or '-'} {actor.sector or '-'}"
    click.echo(f"{actor.name}  {codes}" + (f"  [{actor.actor_id}]" if actor.actor_id else ""))
    entry = default_base().by_id.get(actor.actor_id or "")
    if entry is not None:
        details = describe(entry).split("\n", 1)[1].rstrip("\n")
        if details:
            click.echo(details)


@actors.command()
@click.argument("name")
@click.option("--date", "when", help="The date the mention is read on (YYYY-MM-DD).")
@click.option("--context", help="Text around the mention, as the pipeline would give it.")
@click.option("--home", help="The publisher's country (ISO3), as a state body's release gives.")
def explain(name: str, when: str | None, context: str | None, home: str | None) -> None:
    """Why NAME resolves as it does: which rule, entry and role, which cue gave the codes."""
    found = _run(lambda: default_base().explain(name, when, context, home))
    actor = found.actor
    if actor is None:
        click.echo(f"{name!r}: no actor ({found.rule})")
        return
    ident = f"  [{actor.actor_id}]" if actor.actor_id else ""
    click.echo(f"{actor.name}  {actor.country or '-'} {actor.sector or '-'}{ident}")
    click.echo(f"rule: {found.rule}")
    if found.entry is not None:
        e = found.entry
        click.echo(
            f"entry: {e.actor_id} ({e.kind}, from {e.source}); default {e.country or '-'} "
            f"{e.sector or '-'}"
        )
    if found.role is not None:
        r = found.role
        span = f"{r.start or '?'} to {r.end or 'open'}"
        click.echo(
            f"role on {when or 'no date'}: {r.office or '-'} {r.country or '-'} "
            f"{r.sector or '-'} ({span})"
        )
    elif found.entry is not None and found.entry.roles:
        click.echo(f"role on {when or 'no date'}: none held then (codes as above)")
    if found.home:
        click.echo(f"home country given: {found.home}")
    if found.context_countries:
        named = ", ".join(f"{c} {n}" for c, n in found.context_countries)
        click.echo(f"context names: {named}")
    elif context is None:
        click.echo("context: none given (unknown people resolve to nothing without one)")


@actors.command()
@click.argument("text")
@click.option("--limit", type=int, default=20, show_default=True, help="Most matches to list.")
def search(text: str, limit: int) -> None:
    """List the actors whose name or alias contains TEXT."""
    base = _run(default_base)
    found = base.search(text, limit)
    if not found:
        raise click.ClickException(f"no actor name contains {text!r}")
    for e in found:
        country, sector, _ = base.state(e, None)
        click.echo(f"{e.actor_id:38} {e.name:38} {country or '-':4} {sector or '-':4} {e.kind}")
