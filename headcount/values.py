"""A claim's value as a reader writes it, the one form the terminal and the dashboard show."""

from __future__ import annotations

from headcount.model import Claim


def value_text(c: Claim) -> str:
    """ "21,600", "> 2,000", "≈ 500", "300,000–500,000 /month", "< 10%"; a percentage change
    ("+50%") keeps its sign of percent, a "sixfold" change is a bare factor."""

    def n(v: float | None) -> str:
        if v is None:
            return "…"
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"

    percent = c.kind == "share" or (
        c.kind == "change" and (c.low or c.high or 0) > 10 and "fold" not in c.figure
    )
    either = c.low if c.low is not None else c.high
    if c.bound == "range":
        body = f"{n(c.low)}–{n(c.high)}"
    elif c.bound == "over":
        body = f"> {n(c.low)}"
    elif c.bound == "under":
        body = f"< {n(c.high)}"
    elif c.bound == "approx":
        body = f"≈ {n(either)}"
    else:
        body = n(either)
    return body + ("%" if percent else "") + (f" /{c.per}" if c.per else "")


__all__ = ["value_text"]
