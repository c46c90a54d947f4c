"""Rewrite the expected claims of every golden article from the extractor's current output.

``python -m tests.golden.regenerate [CASE...]`` — then read the diff line by line: a golden file
is a reviewed judgement, not a snapshot. Where the extractor is wrong, write the right answer in
``known_gaps.toml`` (with why) and regenerate: the expected claims take it from there.
"""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from headcount.pipeline import extract_paths

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Gap:
    """A known difference between the extractor and the reviewed answer."""

    case: str
    figure: str
    field: str
    expected: Any
    reason: str
    claim: dict[str, Any] | None = None


def cases() -> list[Path]:
    """The golden articles: every ``*.txt`` beside this module."""
    return sorted(HERE.glob("*.txt"))


def expected_path(article: Path) -> Path:
    return article.with_suffix(".claims.jsonl")


def gaps() -> list[Gap]:
    data = tomllib.loads((HERE / "known_gaps.toml").read_text(encoding="utf-8"))
    out = []
    for g in data.get("gap", []):
        claim = {k: _null(v) for k, v in g["claim"].items()} if "claim" in g else None
        out.append(Gap(g["case"], g["figure"], g["field"], _null(g.get("expected")), g["reason"], claim))
    return out


def _null(value: Any) -> Any:
    # TOML has no null: an empty string stands for it.
    return None if value == "" else value


def extract(article: Path) -> list[dict[str, Any]]:
    """The extractor's claims for one golden article, as ``extract --format jsonl`` prints them."""
    (result,) = list(extract_paths([article]))
    if result.rejection is not None:
        raise SystemExit(f"{article.name}: {result.rejection}")
    return [c.to_schema() for c in result.claims]


def reviewed(article: Path, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The extractor's claims with the known gaps filled in with the right answers."""
    out = [dict(c) for c in claims]
    for g in gaps():
        if g.case != article.stem:
            continue
        if g.claim is not None:
            if not any(c["start"] == g.claim["start"] for c in out):
                out.append(dict(g.claim))
            continue
        for c in out:
            if c["figure"] == g.figure:
                c[g.field] = g.expected
    return sorted(out, key=lambda c: (c["start"], c["end"]))


def render(claims: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in claims)


def main(argv: list[str]) -> int:
    wanted = set(argv)
    for article in cases():
        if wanted and article.stem not in wanted:
            continue
        target = expected_path(article)
        new = render(reviewed(article, extract(article)))
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if new != old:
            target.write_text(new, encoding="utf-8")
            print(f"rewrote {target.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
