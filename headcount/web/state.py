"""What every page of the dashboard reads through: the ledger, its reviews, the actor registry, and
a small cache of the expensive results (cross-checks, talking points, name resolution).

Cached results are keyed by the ledger's version (its latest article, extraction and claim ids)
and the latest review id, read from primary keys on each request: a new ingest or a review makes
the next request compute afresh, and nothing stale is ever shown.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from headcount.actors import Registry, default_registry
from headcount.model import LedgerClaim
from headcount.reviews import Review, ReviewedClaim, added_record
from headcount.store import dashboard as browse
from headcount.store.ledger import Ledger
from headcount.store.reviews import ReviewStore

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Claims of one series cross-checked on the compare page at most: the latest ones. A chart of
#: more than this is unreadable, and the cross-check must answer while the reader waits.
MAX_COMPARE = 600
#: Latest articles searched for talking points.
MAX_NARRATIVE_ARTICLES = 800
#: Latest claims whose contradictions the overview lists.
MAX_OVERVIEW_CLAIMS = 1500


class Dashboard:
    """The dashboard's view of one ledger."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        registry: Registry | None = None,
        private: bool = False,
        secure_cookies: bool = True,
        cache_size: int = 64,
    ) -> None:
        self.ledger = ledger
        self.engine = ledger.engine
        self.reviews = ReviewStore(ledger.engine)
        self.registry = registry or default_registry()
        self.private = private
        self.secure_cookies = secure_cookies
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._resolved: dict[str, tuple[str, str] | None] = {}

    # --- caching ------------------------------------------------------------------------------

    def version(self, *, reviews: bool = True) -> tuple[int, ...]:
        ledger = browse.version(self.engine)
        return (*ledger, self.reviews.version()[1]) if reviews else ledger

    def cached(self, key: tuple[Any, ...], compute: Callable[[], T], *, reviews: bool = True) -> T:
        """``compute()`` once per key and ledger version (and latest review, unless ``reviews``
        is False: counts of machine claims do not change with a review); the least recently
        used results are dropped first."""
        full = (*key, self.version(reviews=reviews))
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._cache[full] = value
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value

    # --- reviewed claims ----------------------------------------------------------------------

    def reviewed(self, records: Sequence[LedgerClaim]) -> list[ReviewedClaim]:
        """Each record with its reviews (one query for the lot)."""
        found = self.reviews.for_claims([r.id for r in records if r.id > 0])
        return [ReviewedClaim(r, tuple(found.get(r.id, ()))) for r in records]

    def added_records(self, reviews: Iterable[Review]) -> list[LedgerClaim]:
        """Claims added by hand as ledger records, with negative ids (``-review id``)."""
        out = []
        articles: dict[int, Any] = {}
        for review in reviews:
            if review.article_id not in articles:
                articles[review.article_id] = self.ledger.article(review.article_id).article
            a = articles[review.article_id]
            record = added_record(review, outlet=a.outlet, url=a.url, published=a.published, title=a.title)
            out.append(replace(record, id=-review.id))
        return out

    # --- names --------------------------------------------------------------------------------

    def resolve(self, name: str) -> tuple[str, str] | None:
        """``(actor name, affiliation)`` of a claimant, memoised: names repeat across millions."""
        if name not in self._resolved:
            actor = self.registry.resolve(name)
            self._resolved[name] = (actor.name, actor.affiliation) if actor else None
        return self._resolved[name]

    def claimants(self) -> list[str]:
        return self.cached(("claimants",), lambda: browse.distinct_claimants(self.engine), reviews=False)

    def claimants_of(self, *, affiliation: str | None = None, actor: str | None = None) -> tuple[str, ...]:
        """The claimant names (as written in the ledger) that resolve to an affiliation or actor."""
        names = []
        for name in self.claimants():
            found = self.resolve(name)
            if (
                found
                and (affiliation is None or found[1] == affiliation)
                and (actor is None or found[0] == actor)
            ):
                names.append(name)
        return tuple(sorted(names))

    # --- cross-check --------------------------------------------------------------------------

    def comparison(
        self, metric: str, side: str, since: date | None = None, until: date | None = None
    ) -> tuple[Any, int, int, bool]:
        """The cross-check of one series (its latest :data:`MAX_COMPARE` claims, reviewed values,
        rejected claims left out, hand-added ones in); also how many claims the series has and
        how many were rejected."""
        return self.cached(
            ("compare", metric, side, since, until), lambda: self._compare(metric, side, since, until)
        )

    def _compare(
        self, metric: str, side: str, since: date | None, until: date | None
    ) -> tuple[Any, int, int, bool]:
        from headcount.reconcile import compare
        from headcount.reconcile.compare import in_window

        filters = browse.ClaimFilters(metric=metric, side=side, since=since, until=until)
        records, _ = browse.claims_page(self.engine, filters, limit=MAX_COMPARE)
        if since is None and until is None:
            total, capped = browse.series_size(self.engine, metric, side), False
        else:
            total, capped = browse.count_claims(self.engine, filters, cap=browse.COUNT_CAP)
        reviewed = self.reviewed(records)
        kept = [r.reviewed_record for r in reviewed if r.state != "rejected"]
        rejected = len(reviewed) - len(kept)
        added = [
            r
            for r in self.added_records(self.reviews.added())
            if r.claim.metric == metric and r.claim.side == side and in_window(r, since, until)
        ]
        kept = [r for r in kept if r.claim.metric == metric and r.claim.side == side] + added
        copies = self._copies(sorted({r.article_id for r in kept}))
        comparison = compare(kept, registry=self.registry, copies=copies)
        return comparison, total, rejected, capped

    def _copies(self, article_ids: list[int]) -> dict[int, int]:
        """Republished copies among these articles (counted once by corroboration)."""
        from headcount.narratives import find_republications
        from headcount.store.crosscheck import iter_documents

        if not article_ids:
            return {}
        return dict(find_republications(iter_documents(self.ledger, article_ids)).copy_of)

    def overview_contradictions(self) -> list[Any]:
        """Contradictions among the latest claims where neither side has been rejected."""

        def compute() -> list[Any]:
            from headcount.reconcile import compare

            records, _ = browse.claims_page(self.engine, browse.ClaimFilters(), limit=MAX_OVERVIEW_CLAIMS)
            kept = [r.reviewed_record for r in self.reviewed(records) if r.state != "rejected"]
            comparison = compare(kept, registry=self.registry)
            return sorted(comparison.contradictions, key=lambda c: -c.gap)

        return self.cached(("overview-contradictions",), compute)

    # --- talking points -----------------------------------------------------------------------

    def narratives(self) -> Any:
        """Talking points among the latest :data:`MAX_NARRATIVE_ARTICLES` articles."""

        def compute() -> Any:
            from headcount.narratives import find_narratives
            from headcount.store.crosscheck import iter_documents

            latest, _ = browse.articles_page(self.engine, limit=MAX_NARRATIVE_ARTICLES)
            return find_narratives(iter_documents(self.ledger, sorted(a.id for a in latest)))

        return self.cached(("narratives",), compute, reviews=False)

    def warm(self) -> None:
        """Compute what the first visitors would otherwise wait for (``headcount serve`` runs this
        on a thread at start): series counts, claimant names, the overview's contradictions,
        talking points and the largest series' cross-check."""
        try:
            counts = self.series_counts()
            self.claimants()
            if counts:
                self.comparison(counts[0][0], counts[0][1])
            self.overview_contradictions()
            self.narratives()
        except Exception:  # a warm-up that fails leaves the page to compute (and report) it
            log.exception("warming the dashboard's caches failed")

    def series_counts(self) -> list[tuple[str, str, int]]:
        return self.cached(("series",), lambda: browse.series_counts(self.engine), reviews=False)

    def claimant_counts(self) -> dict[str, int]:
        """Current claims per claimant name (for the actors page)."""
        return self.cached(("claimant-counts",), lambda: browse.claimant_counts(self.engine), reviews=False)


__all__ = ["MAX_COMPARE", "MAX_NARRATIVE_ARTICLES", "Dashboard"]
