"""Passages repeated across articles, verbatim or lightly reworded: talking points, copied copy.

The stages, over every sentence of every article that is not itself a republished copy:

1. **Units**: each sentence with at least ``min_words`` content words is a unit; a shorter one
   joins the sentence after it.
2. **Verbatim**: units with the very same words are one text (found by hashing, not LSH).
3. **Candidates**: MinHash of each distinct unit's content words (leaving out words in more than
   ``max_df`` of the articles of a large corpus), banded with datasketch's LSH parameters for
   ``threshold``; pairs whose signatures estimate a Jaccard similarity under ``min_estimate``
   are dropped before the check.
4. **Check**: a pair is kept when it shares phrasing, not only vocabulary (``similarity``);
   all candidates are checked at once in numpy (``similarity.compare_many``).
5. **Passages**: from each kept pair, a neighbouring sentence joins when it shares at least
   ``extend_min`` content words in runs with the other side's neighbourhood, so a reworded
   paragraph comes out whole.
6. **Clusters**: kept pairs are linked (union–find) into clusters spanning two or more articles;
   a cluster carried by a single outlet only is that outlet's furniture and is left out.

Every stage is linear or n log n in the number of sentences, but for the pair checks, whose number
the LSH threshold and the bucket cap keep in proportion.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from datetime import date

import numpy as np

from headcount.narratives.minhash import (
    candidate_pairs,
    distinct,
    estimated_jaccard,
    shared_values,
    signatures,
)
from headcount.narratives.records import Passage, TalkingPoint
from headcount.narratives.settings import NarrativeSettings
from headcount.narratives.similarity import Match, Prepared, compare_many, compare_prepared, grams, marked_in
from headcount.narratives.text import Corpus, concat_ranges, plain, word_spans

log = logging.getLogger(__name__)

#: Passages of a cluster each one is aligned against to mark its shared words.
MARK_AGAINST = 6


class _Links:
    """Union–find over units, with the scores of the checked pairs that linked them."""

    def __init__(self, n: int) -> None:
        self.parent = np.arange(n, dtype=np.int64)
        self.scores: list[tuple[int, float]] = []

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return int(root)

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _units(corpus: Corpus, docs: list[int], stop: np.ndarray, min_words: int) -> tuple[np.ndarray, ...]:
    """``(doc, first sentence, last sentence)`` of each unit, as three arrays."""
    content = (~stop[corpus.tokens]).astype(np.int32)
    cum = np.concatenate(([0], np.cumsum(content)))
    per_sentence = cum[corpus.offsets[1:]] - cum[corpus.offsets[:-1]]
    unit_doc, unit_first, unit_last = [], [], []
    for d in docs:
        r = corpus.doc_sentences[d]
        first, words = None, 0
        for s in r:
            if first is None:
                first = s
            words += int(per_sentence[s])
            if words >= min_words:
                unit_doc.append(d)
                unit_first.append(first)
                unit_last.append(s)
                first, words = None, 0
        if first is not None and unit_doc and unit_doc[-1] == d:
            unit_last[-1] = r.stop - 1  # a short tail joins the unit before it
    return (
        np.asarray(unit_doc, dtype=np.int64),
        np.asarray(unit_first, dtype=np.int64),
        np.asarray(unit_last, dtype=np.int64),
    )


def find_talking_points(
    corpus: Corpus, settings: NarrativeSettings, copy_of: dict[int, int] | None = None
) -> tuple[TalkingPoint, ...]:
    """The clusters of repeated passages of ``corpus`` (see the module docstring).

    ``copy_of`` maps an article id to the article it republishes: copies are left out of the
    comparison and listed with the passages of their original.
    """
    copy_of = copy_of or {}
    stop = corpus.vocabulary.stop_mask()
    docs = [d for d, doc in enumerate(corpus.documents) if doc.id not in copy_of]
    unit_doc, unit_first, unit_last = _units(corpus, docs, stop, settings.min_words)
    # In a large corpus, words most articles use ("Ukraine", "soldiers", "the army") say nothing
    # about a shared passage: they count neither in the MinHash sets nor as shared phrasing.
    if len(docs) >= settings.min_docs_for_df:
        stop = stop | _frequent(corpus, docs, settings.max_df)
    n = len(unit_doc)
    if n < 2:
        return ()
    tok_start = corpus.offsets[unit_first]
    tok_stop = corpus.offsets[unit_last + 1]

    def words_of(u: int) -> np.ndarray:
        return corpus.tokens[tok_start[u] : tok_stop[u]]

    stop_ids = frozenset(np.flatnonzero(stop).tolist())

    # 2. Verbatim repeats: one distinct text per word sequence.
    first_unit, order, occ_start = _verbatim(corpus.tokens, tok_start, tok_stop)
    doc_of = unit_doc.tolist()  # read item by item below: a list is faster than numpy for that
    links = _Links(n)
    for k in np.flatnonzero(np.diff(occ_start) > 1).tolist():
        units = order[occ_start[k] : occ_start[k + 1]].tolist()
        if len({doc_of[u] for u in units}) > 1:
            for u in units[1:]:
                links.union(units[0], u)
            links.scores.append((units[0], 1.0))

    def occurrences(k: int) -> list[int]:
        return order[occ_start[k] : min(occ_start[k + 1], occ_start[k] + 4)].tolist()

    # 3. Candidates among distinct texts: MinHash of their content words.
    reps = first_unit
    rep_start, rep_stop = tok_start[reps], tok_stop[reps]
    sigs, sizes = _word_signatures(corpus, rep_start, rep_stop, stop, settings)
    nonempty = np.flatnonzero(sizes > 0)
    pairs = candidate_pairs(sigs[nonempty], settings.threshold, settings.num_perm, settings.max_bucket)
    pairs = nonempty[pairs] if len(pairs) else pairs
    found = len(pairs)
    if len(pairs):
        pairs = pairs[estimated_jaccard(sigs, pairs) >= settings.min_estimate]
    if len(pairs):
        runs = _run_signatures(corpus, rep_start, rep_stop, settings)
        pairs = pairs[shared_values(runs, pairs) >= settings.min_shared_runs]
    log.info(
        "narratives: %d units, %d distinct, %d candidate pairs, %d sharing phrasing",
        n,
        len(reps),
        found,
        len(pairs),
    )

    # 4-5. Check every candidate at once; grow passages from the pairs kept, in order.
    a, b = _occurrence_pairs(pairs, order, occ_start, unit_doc, occurrences)
    valid = np.flatnonzero(a >= 0)
    a, b = a[valid], b[valid]
    checked = len(a)
    shared, score = compare_many(
        corpus.tokens, ~stop, (tok_start[a], tok_stop[a]), (tok_start[b], tok_stop[b]), settings.min_run
    )
    kept = np.flatnonzero((shared >= settings.min_shared) & (score >= settings.min_score))
    units = _Prepared(words_of, doc_of, stop_ids, settings.min_run)
    for x, y, s in zip(a[kept].tolist(), b[kept].tolist(), score[kept].tolist(), strict=True):
        links.union(x, y)
        links.scores.append((x, s))
        _extend(x, y, doc_of, units, settings, links)
        _extend(y, x, doc_of, units, settings, links)
    log.info("narratives: %d pairs checked", checked)
    return _clusters(corpus, links, unit_doc, unit_first, unit_last, copy_of, settings)


def _verbatim(
    tokens: np.ndarray, starts: np.ndarray, stops: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Units with the very same words, found with numpy (a dict of 750,000 byte strings cost
    seconds): a 64-bit hash of each unit's word ids, units sorted by it, and the members of each
    shared hash checked word for word.

    Returns the first unit of each distinct text (texts numbered in order of first appearance),
    every unit ordered by its text (in unit order within one), and where each text's units start
    in that order.
    """
    n = len(starts)
    lengths = stops - starts
    key = _sequence_keys(tokens, starts, stops)
    by_key = np.argsort(key, kind="stable")
    ordered = key[by_key]
    new_group = np.ones(n, dtype=np.bool_)
    new_group[1:] = ordered[1:] != ordered[:-1]
    group = np.cumsum(new_group) - 1
    first_of_group = by_key[new_group]  # a stable sort puts each group's first unit first
    # Every unit against the first of its hash, word for word, in one numpy step.
    first = first_of_group[group]
    later = by_key[~new_group]
    lead = first[~new_group]
    if len(later):
        if np.any(lengths[later] != lengths[lead]):
            return _verbatim_by_dict(tokens, starts, stops)  # a hash collision: the slow way
        a = tokens[concat_ranges(starts[later], stops[later])]
        b = tokens[concat_ranges(starts[lead], stops[lead])]
        if not np.array_equal(a, b):
            return _verbatim_by_dict(tokens, starts, stops)
    text_order = np.argsort(first_of_group, kind="stable")
    text_of_group = np.empty(len(text_order), dtype=np.int64)
    text_of_group[text_order] = np.arange(len(text_order))
    text = np.empty(n, dtype=np.int64)
    text[by_key] = text_of_group[group]
    order = np.lexsort((np.arange(n), text))
    counts = np.bincount(text, minlength=len(text_order))
    occ_start = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return first_of_group[text_order].astype(np.int64), order.astype(np.int64), occ_start


def _sequence_keys(tokens: np.ndarray, starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each unit's sequence of word ids (order and length count)."""
    lengths = stops - starts
    if not len(lengths):
        return np.zeros(0, dtype=np.uint64)
    positions = concat_ranges(starts, stops)
    begins = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    rank = np.arange(len(positions)) - np.repeat(begins, lengths)
    with np.errstate(over="ignore"):
        value = tokens[positions].astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(1)
        value ^= value >> np.uint64(29)
        powers = np.cumprod(np.full(int(lengths.max()) + 1, 0xBF58476D1CE4E5B9, dtype=np.uint64))
        key = np.add.reduceat(value * powers[rank], begins)
        key ^= lengths.astype(np.uint64) * np.uint64(0x94D049BB133111EB)
    return key


def _verbatim_by_dict(
    tokens: np.ndarray, starts: np.ndarray, stops: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_verbatim` with a dict of byte strings: exact whatever the hashes."""
    seen: dict[bytes, int] = {}
    text = np.empty(len(starts), dtype=np.int64)
    first: list[int] = []
    for u in range(len(starts)):
        k = seen.setdefault(tokens[starts[u] : stops[u]].tobytes(), len(first))
        if k == len(first):
            first.append(u)
        text[u] = k
    order = np.lexsort((np.arange(len(starts)), text))
    occ_start = np.concatenate(([0], np.cumsum(np.bincount(text, minlength=len(first))))).astype(np.int64)
    return np.asarray(first, dtype=np.int64), order.astype(np.int64), occ_start


#: Words handled per numpy step in the stages over every word: the arrays of a step (positions,
#: owners, hashes, codes, 8 bytes a word each) stay near 100 MB however large the corpus.
BLOCK_WORDS = 2_000_000


def blocks(lengths: np.ndarray, budget: int = BLOCK_WORDS) -> Iterator[tuple[int, int]]:
    """``(i, j)`` ranges of items whose lengths add up to about ``budget`` (at least one item)."""
    ends = np.cumsum(lengths)
    i, n = 0, len(lengths)
    while i < n:
        base = int(ends[i - 1]) if i else 0
        j = max(i + 1, int(np.searchsorted(ends, base + budget, side="right")))
        yield i, j
        i = j


def _word_signatures(
    corpus: Corpus, starts: np.ndarray, stops: np.ndarray, stop: np.ndarray, settings: NarrativeSettings
) -> tuple[np.ndarray, np.ndarray]:
    """MinHash signatures of each unit's set of content words, and the size of each set."""
    word_hashes = corpus.vocabulary.hashes()
    sigs = np.empty((len(starts), settings.num_perm), dtype=np.uint32)
    sizes = np.zeros(len(starts), dtype=np.int64)
    for i, j in blocks(stops - starts):
        positions = concat_ranges(starts[i:j], stops[i:j])
        owner = np.repeat(np.arange(j - i, dtype=np.int64), stops[i:j] - starts[i:j])
        ids = corpus.tokens[positions]
        keep = ~stop[ids]
        codes = distinct(owner[keep] << 32 | ids[keep].astype(np.int64))
        offsets = np.searchsorted(codes >> 32, np.arange(j - i + 1))
        sigs[i:j] = signatures(word_hashes[codes & 0xFFFFFFFF], offsets, settings.num_perm, settings.seed)
        sizes[i:j] = np.diff(offsets)
    return sigs, sizes


def _run_signatures(
    corpus: Corpus, starts: np.ndarray, stops: np.ndarray, settings: NarrativeSettings
) -> np.ndarray:
    """MinHash signatures of each unit's runs of ``min_run`` words (stopwords included): two
    units whose signatures share no value share no phrasing, and need no check."""
    k = settings.min_run
    word_hashes = corpus.vocabulary.hashes().astype(np.uint64)
    out = np.empty((len(starts), settings.num_perm), dtype=np.uint32)
    for i, j in blocks(stops - starts):
        positions = concat_ranges(starts[i:j], stops[i:j])
        owner = np.repeat(np.arange(j - i, dtype=np.int64), stops[i:j] - starts[i:j])
        hashes = word_hashes[corpus.tokens[positions]]
        whole = np.flatnonzero(owner[: max(0, len(owner) - k + 1)] == owner[k - 1 :])  # inside a unit
        acc = np.zeros(len(whole), dtype=np.uint64)
        for step in range(k):
            acc = (acc * np.uint64(0x9E3779B97F4A7C15)) ^ hashes[whole + step]
        folded = ((acc ^ (acc >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.int64)
        codes = distinct(owner[whole] << 32 | folded)
        offsets = np.searchsorted(codes >> 32, np.arange(j - i + 1))
        out[i:j] = signatures(
            (codes & 0xFFFFFFFF).astype(np.uint32), offsets, settings.num_perm, settings.seed
        )
    return out


def _frequent(corpus: Corpus, docs: list[int], max_df: float) -> np.ndarray:
    """Words in more than ``max_df`` of the documents ``docs`` (True by word id)."""
    counts = np.zeros(len(corpus.vocabulary), dtype=np.int64)
    lengths = np.asarray([len(corpus.doc_tokens(d)) for d in docs], dtype=np.int64)
    for i, j in blocks(lengths):
        positions, owner = corpus.docs_tokens(docs[i:j])
        pairs = distinct(owner << 32 | corpus.tokens[positions].astype(np.int64))  # (doc, word) once
        counts += np.bincount((pairs & 0xFFFFFFFF).astype(np.int64), minlength=len(counts))
    return counts > max_df * len(docs)


def _occurrence_pairs(
    pairs: np.ndarray,
    order: np.ndarray,
    occ_start: np.ndarray,
    unit_doc: np.ndarray,
    occurrences: Callable[[int], list[int]],
) -> tuple[np.ndarray, np.ndarray]:
    """For each pair of distinct texts, an occurrence of each in two different articles (units;
    -1 where there is none): the first occurrences, unless they share an article."""
    if not len(pairs):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    first = order[occ_start[:-1]]
    a, b = first[pairs[:, 0]].copy(), first[pairs[:, 1]].copy()
    doc_of = unit_doc.tolist()
    for x in np.flatnonzero(unit_doc[a] == unit_doc[b]).tolist():
        u, v = _pair(occurrences(int(pairs[x, 0])), occurrences(int(pairs[x, 1])), doc_of)
        a[x], b[x] = (-1, -1) if u is None or v is None else (u, v)
    return a, b


def _pair(us: list[int], vs: list[int], doc_of: list[int]) -> tuple[int | None, int | None]:
    """An occurrence of each of two texts in two different articles, if there is one."""
    for u in us[:4]:
        for v in vs[:4]:
            if doc_of[u] != doc_of[v]:
                return u, v
    return None, None


class _Prepared:
    """Units (and a unit with its neighbours) prepared for the phrasing check once, not once per
    pair: a sentence of a talking point carried by 60 articles is checked against dozens."""

    #: Units held at once (~3 KB each prepared), so that memory stays flat on a large corpus.
    LIMIT = 20_000

    def __init__(
        self, words_of: Callable[[int], np.ndarray], doc_of: list[int], stop: frozenset[int], k: int
    ) -> None:
        self.words_of, self.doc_of, self.stop, self.k = words_of, doc_of, stop, k
        self.units: dict[int, Prepared] = {}
        self.contexts: dict[int, Prepared] = {}

    def unit(self, u: int) -> Prepared:
        found = self.units.get(u)
        if found is None:
            if len(self.units) >= self.LIMIT:
                self.units.clear()  # pairs come in order of their first text: reuse is local
            found = self.units[u] = Prepared(self.words_of(u).tolist(), self.stop, self.k)
        return found

    def context(self, b: int) -> Prepared:
        """``b`` with the sentences before and after it in its article, as one word sequence."""
        found = self.contexts.get(b)
        if found is None:
            if len(self.contexts) >= self.LIMIT:
                self.contexts.clear()
            n, doc = len(self.doc_of), self.doc_of[b]
            around = [x for x in (b - 1, b, b + 1) if 0 <= x < n and self.doc_of[x] == doc]
            words = np.concatenate([self.words_of(x) for x in around]).tolist()
            found = self.contexts[b] = Prepared(words, self.stop, self.k)
        return found


def _extend(
    a: int,
    b: int,
    doc_of: list[int],
    units: _Prepared,
    settings: NarrativeSettings,
    links: _Links,
) -> None:
    """Add ``a``'s neighbours that share phrasing with ``b`` and its neighbours."""
    n = len(doc_of)
    context = units.context(b)
    grown = 1
    for step in (-1, 1):
        x = a + step
        while 0 <= x < n and doc_of[x] == doc_of[a] and grown < settings.max_sentences:
            match: Match = compare_prepared(units.unit(x), context, settings.min_run)
            if match.shared < settings.extend_min:
                break
            links.union(a, x)
            grown += 1
            x += step


def _clusters(
    corpus: Corpus,
    links: _Links,
    unit_doc: np.ndarray,
    unit_first: np.ndarray,
    unit_last: np.ndarray,
    copy_of: dict[int, int],
    settings: NarrativeSettings,
) -> tuple[TalkingPoint, ...]:
    members: dict[int, list[int]] = defaultdict(list)
    for u in np.flatnonzero(links.parent != np.arange(len(links.parent))).tolist():
        members[links.find(u)].append(u)
    scores: dict[int, list[float]] = defaultdict(list)
    for u, score in links.scores:
        scores[links.find(u)].append(score)
    copies: dict[int, list[int]] = defaultdict(list)
    for copy, original in copy_of.items():
        copies[original].append(copy)
    points = []
    for root, units in members.items():
        units = sorted({root, *units})
        by_doc: dict[int, list[int]] = defaultdict(list)
        for u in units:
            by_doc[int(unit_doc[u])].append(u)
        if len(by_doc) < 2:
            continue
        outlets = {corpus.documents[d].outlet for d in by_doc}
        if len(outlets) == 1 and None not in outlets and "" not in outlets:
            continue  # one outlet's own furniture (a disclaimer, a sign-off), not a talking point
        passages = []
        for d, us in by_doc.items():
            for first, last in _runs(us):
                passages.append(_passage(corpus, d, int(unit_first[first]), int(unit_last[last]), copies))
        passages.sort(key=lambda p: (p.published or date.max, p.article_id, p.start))
        passages = _mark(passages, settings.min_run)
        similarity = float(np.mean(scores[root])) if scores[root] else 0.0
        kind = "copied" if similarity >= settings.copied_score else "reworded"
        points.append(TalkingPoint(0, kind, similarity, tuple(passages)))
    points.sort(
        key=lambda t: (-t.articles, t.first_seen or date.max, -t.similarity, t.passages[0].article_id)
    )
    return tuple(TalkingPoint(i, t.kind, t.similarity, t.passages) for i, t in enumerate(points, start=1))


def _runs(units: list[int]) -> list[tuple[int, int]]:
    """Consecutive unit numbers as ``(first, last)`` runs."""
    out: list[tuple[int, int]] = []
    for u in units:
        if out and u == out[-1][1] + 1:
            out[-1] = (out[-1][0], u)
        else:
            out.append((u, u))
    return out


def _passage(corpus: Corpus, d: int, first: int, last: int, copies: dict[int, list[int]]) -> Passage:
    doc = corpus.documents[d]
    start, end = int(corpus.starts[first]), int(corpus.ends[last])
    return Passage(
        article_id=doc.id,
        doc=doc.doc,
        outlet=doc.outlet,
        published=doc.published,
        title=doc.title,
        start=start,
        end=end,
        text=doc.body[start:end],
        copies=tuple(sorted(copies.get(doc.id, ()))),
    )


def _mark(passages: list[Passage], min_run: int) -> list[Passage]:
    """Each passage with the words it shares with the others of its cluster marked.

    Most clusters of a large corpus are one sentence repeated word for word: each distinct text
    is split into words once, and when every version is the same text, all are marked alike.
    """
    texts = [plain(p.text) for p in passages]
    by_text: dict[str, list[tuple[int, int, str]]] = {}
    spans = [by_text[t] if t in by_text else by_text.setdefault(t, word_spans(t)) for t in texts]
    if len(by_text) == 1 and len(passages) > 1:
        only = spans[0]
        marks = marked_in(only, grams([w for _, _, w in only], min_run), min_run)
        return [_marked(p, marks) for p in passages]
    # The runs of the first few passages, gathered once: each passage is marked against them.
    against = [grams([w for _, _, w in s], min_run) for s in spans[: MARK_AGAINST + 1]]
    out = []
    for k, p in enumerate(passages):
        found: set[tuple[Hashable, ...]] = set()
        for x in [x for x in range(len(against)) if x != k][:MARK_AGAINST]:
            found |= against[x]
        out.append(_marked(p, marked_in(spans[k], found, min_run)))
    return out


def _marked(p: Passage, marks: tuple[tuple[int, int], ...]) -> Passage:
    """``p`` with ``marks`` (the constructor, not ``dataclasses.replace``: four times faster, for
    the ~80,000 passages of a large corpus)."""
    return Passage(
        article_id=p.article_id,
        doc=p.doc,
        outlet=p.outlet,
        published=p.published,
        title=p.title,
        start=p.start,
        end=p.end,
        text=p.text,
        marks=marks,
        copies=p.copies,
    )
