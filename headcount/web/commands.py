"""``headcount serve`` and ``headcount user …``: the dashboard's commands, registered by ``cli``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

console = Console()
err = Console(stderr=True)

user_app = typer.Typer(help="Analyst accounts of the dashboard (reviews need one).", no_args_is_help=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Ledger URL (default: HEADCOUNT_DB, else sqlite:///headcount.db)."),
]


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    private: Annotated[bool, typer.Option("--private", help="Reading needs an account too.")] = False,
    insecure_cookies: Annotated[
        bool,
        typer.Option(
            "--insecure-cookies",
            help="Session cookies over plain HTTP too (trusted network without TLS only).",
        ),
    ] = False,
) -> None:
    """Start the dashboard: browse, filter and compare the ledger's claims; review them when signed in."""
    import threading

    import uvicorn

    from headcount.ledger import open_ledger
    from headcount.web.app import create_app
    from headcount.web.state import Dashboard

    ledger = open_ledger(db, create=False)
    dashboard = Dashboard(ledger, private=private, secure_cookies=not insecure_cookies)
    app = create_app(dashboard=dashboard)
    threading.Thread(target=dashboard.warm, name="headcount-warm", daemon=True).start()
    console.print(Text(f"headcount dashboard on http://{host}:{port}/ (Ctrl+C stops it)"), soft_wrap=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)


def _password(confirm: bool = True) -> str:
    from headcount.web.auth import hash_password

    password = typer.prompt("Password (10 characters or more)", hide_input=True, confirmation_prompt=confirm)
    try:
        return hash_password(password)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The analyst's sign-in name.")], db: DbOption = None
) -> None:
    """Create an account (the password is asked for, and stored as an argon2 hash)."""
    from headcount.ledger import open_ledger
    from headcount.store.reviews import ReviewStore

    name = name.strip()
    if not name or len(name) > 64:
        raise typer.BadParameter("a name of 1 to 64 characters")
    hashed = _password()
    with open_ledger(db, create=False) as ledger:
        ReviewStore(ledger.engine).add_user(name, hashed)
    console.print(Text(f"account {name} created"), soft_wrap=True)


@user_app.command("password")
def user_password(name: Annotated[str, typer.Argument(help="The account.")], db: DbOption = None) -> None:
    """Set a new password (signs the account out everywhere)."""
    from headcount.ledger import open_ledger
    from headcount.store.reviews import ReviewStore

    hashed = _password()
    with open_ledger(db, create=False) as ledger:
        ReviewStore(ledger.engine).set_password(name, hashed)
    console.print(Text(f"password of {name} changed; its sessions are closed"), soft_wrap=True)


@user_app.command("token")
def user_token(
    name: Annotated[str, typer.Argument(help="The account the token acts for.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "api",
    db: DbOption = None,
) -> None:
    """Make an API token (``Authorization: Bearer TOKEN``); it is shown once and stored hashed."""
    from headcount import errors
    from headcount.errors import InputError
    from headcount.ledger import open_ledger
    from headcount.store.reviews import ReviewStore
    from headcount.web.auth import digest, new_token

    with open_ledger(db, create=False) as ledger:
        store = ReviewStore(ledger.engine)
        found = store.user(name)
        if found is None:
            raise InputError(
                name, "no such account; create it with `headcount user add NAME`", code=errors.BAD_FIELD
            )
        token = new_token()
        store.add_token(found[0].id, digest(token), label)
    typer.echo(token)


@user_app.command("list")
def user_list(db: DbOption = None) -> None:
    """The accounts."""
    from headcount.ledger import open_ledger
    from headcount.store.reviews import ReviewStore

    with open_ledger(db, create=False) as ledger:
        for account in ReviewStore(ledger.engine).users():
            console.print(Text(f"{account.name}\tcreated {account.created_at:%Y-%m-%d}"), soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``user`` to the ``headcount`` command."""
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")


__all__ = ["register", "serve", "user_app"]
