"""The whole pipeline on small articles: every in-scope claim, and the fields each case is about.

Cases are in ``cases_claims.py`` (written by us, independently of the extractor's rules); each
lists every claim of its text and checks only the fields it names.
"""

from datetime import date

import pytest

from headcount.extract import extract_claims
from headcount.model import Article
from tests.extract.cases_claims import CLAIM_CASES

_NUMERIC = ("low", "high")


@pytest.mark.parametrize("case", CLAIM_CASES, ids=[c["id"] for c in CLAIM_CASES])
def test_claims(case: dict) -> None:
    published = date.fromisoformat(case["published"]) if case["published"] else None
    article = Article(doc=case["id"], body=case["text"], published=published, language="en")
    claims = [c.to_schema() for c in extract_claims(article)]
    assert [c["figure"] for c in claims] == [e["figure"] for e in case["claims"]]
    for got, expected in zip(claims, case["claims"], strict=True):
        for field, value in expected.items():
            if field in _NUMERIC and value is not None and got[field] is not None:
                assert abs(got[field] - value) <= 0.011, (got["figure"], field, got[field])
            else:
                assert got[field] == value, (got["figure"], field, got[field])
