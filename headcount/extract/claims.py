"""The extraction pipeline: an article in, its claims out.

Stages, in order (each a module producing one thing):

1. ``sentences``   — sentences with offsets and paragraph blocks;
2. ``figures``     — numbers with value interval, bound, unit and rate;
3. ``taxonomy``    — what each figure counts (metric) and its kind; out-of-scope figures drop here;
4. ``sides``       — whose soldiers or citizens it counts;
5. ``periods``     — the period it covers, resolved against the publication date;
6. ``attribution`` — who asserts it and through whom (needed before 5: a statement's date is the
                     cut-off of running totals);
7. ``hedges``      — whether the text marks it as unverified.

``extract_claims`` is pure and deterministic: no network, no database, no clock.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from headcount.extract import attribution as attribution_stage
from headcount.extract import periods as periods_stage
from headcount.extract import sides as sides_stage
from headcount.extract import taxonomy
from headcount.extract.figures import find_figures
from headcount.extract.hedges import hedge_spans, hedges_previous, is_hedged
from headcount.extract.sentences import split_sentences
from headcount.extract.text import (
    Clause,
    clause_of,
    clause_pattern,
    clause_spans,
    guess_language,
    normalise,
)
from headcount.model import THE_ARTICLE, Article, Attribution, Claim, Figure, Sentence
from headcount.vocab import languages, table

#: The versioned name of this extractor, stored with every claim. Change it when output changes.
EXTRACTOR = "headcount.extract.v3"

# Units that measure things other than people, cases or requests: never a claim.
_OUT_OF_SCOPE_UNITS = {
    "USD",
    "EUR",
    "GBP",
    "RUB",
    "UAH",
    "CNY",
    "GEL",
    "KZT",
    "currency",
    "km",
    "mile",
    "m",
    "kg",
    "tonne",
    "ha",
    "km2",
    "l",
    "mm",
    "cm",
    "degree",
    "mph",
    "km/h",
}


def language_of(article: Article) -> str:
    """The vocabulary to read an article with: its declared language when we have one, else the
    language its letters show (:func:`~headcount.extract.text.guess_language`), else English."""
    if article.language and article.language.strip():
        lang = article.language.strip().lower().replace("_", "-").split("-")[0]
        return lang if lang in languages() else "en"
    return guess_language(article.body)


class _Clauses(Sequence[list[Clause]]):
    """The clauses of each sentence, split only when a stage asks (most sentences never need it)."""

    def __init__(self, norm: str, sentences: list[Sentence], boundary: re.Pattern[str]) -> None:
        self._norm, self._sentences, self._boundary = norm, sentences, boundary
        self._cache: dict[int, list[Clause]] = {}

    def __len__(self) -> int:
        return len(self._sentences)

    def __getitem__(self, i: int) -> list[Clause]:  # type: ignore[override]
        if i not in self._cache:
            s = self._sentences[i]
            self._cache[i] = clause_spans(self._norm[s.start : s.end], self._boundary)
        return self._cache[i]


@dataclass(slots=True)
class _Doc:
    """What the stages share about one article."""

    article: Article
    language: str
    norm: str
    sentences: list[Sentence]
    clauses: _Clauses
    published: date | None
    side_cues: list[list[sides_stage.SideCue]] = field(default_factory=list)  # per sentence


def extract_claims(article: Article) -> list[Claim]:
    """Every in-scope figure of ``article`` as a claim, in order of appearance."""
    language = language_of(article)
    body = article.body
    norm = normalise(body)
    sentences = split_sentences(body, language, norm=norm)
    if not sentences:
        return []
    boundary = clause_pattern(language)
    clauses = _Clauses(norm, sentences, boundary)
    doc = _Doc(article, language, norm, sentences, clauses, article.published)

    figures_by_sentence = _figures_by_sentence(body, sentences, language)
    if not any(figures_by_sentence):
        return []

    attributions = attribution_stage.attribute(
        sentences,
        clauses,
        article.published,
        language,
        norm_body=norm,
        has_figures=[bool(f) for f in figures_by_sentence],
    )
    body_side_cues = sides_stage.side_cues(norm, language)
    doc.side_cues = _by_sentence(body_side_cues, sentences)
    title_cues = sides_stage.side_cues(normalise(article.title or ""), language)
    article_side = sides_stage.article_side(title_cues * 3 + body_side_cues)
    metric_info = table("taxonomy")["metrics"]

    claims: list[Claim] = []
    mentions_cache: dict[int, list[periods_stage.Mention]] = {}
    last_period: tuple[date | None, date | None] | None = None
    given: set[tuple[str, str]] = set()  # (claimant, metric) of the claims so far

    def mentions(i: int) -> list[periods_stage.Mention]:
        if i not in mentions_cache:
            s = sentences[i]
            mentions_cache[i] = periods_stage.find_periods(
                norm[s.start : s.end], doc.published, language, exclude=attributions[i].date_spans
            )
        return mentions_cache[i]

    for i, (sent, figures) in enumerate(zip(sentences, figures_by_sentence, strict=True)):
        if not figures:
            continue
        s_norm = norm[sent.start : sent.end]
        context = " ".join(norm[s.start : s.end] for s in sentences[max(0, i - 2) : i + 1])
        cues = taxonomy.metric_cues(s_norm, context, language)
        s_clauses = clauses[i]
        attr = attributions[i]
        hedges = hedge_spans(s_norm, language)
        hedged_by_next = _hedged_by_following(doc, i)
        side_cues = doc.side_cues[i]
        previous_metric: str | None = None
        previous_side: str | None = None
        for fig in figures:
            fs, fe = fig.start - sent.start, fig.end - sent.start
            if fig.unit in _OUT_OF_SCOPE_UNITS:
                continue
            kind = _kind(fig)
            clause = clause_of(s_clauses, fs)
            # "about 4,700 casualties, including some 600 deaths": a part of the figure before.
            subset = previous_side is not None and taxonomy.opens_subset(s_norm, clause.start, fs, language)
            metric = taxonomy.classify(
                s_norm,
                fs,
                fe,
                (clause.start, clause.end),
                cues,
                share=kind == "share",
                change=kind == "change",
                previous_metric=previous_metric,
                carry_metric=previous_metric or _recent_metric(claims, sentences, i),
                clauses=[(c.start, c.end) for c in s_clauses],
                language=language,
            )
            if metric is None:
                continue
            attribution = attr.for_offset(fs)
            if (
                attribution.claimant == THE_ARTICLE
                and not attr.explicit
                and attr.latest is not None
                and _continues_statistics(given, attr.latest, metric, metric_info)
            ):
                # A new paragraph of the same statistics: "Another 16,422 proceedings were opened".
                attribution = attr.latest
            side = _side(
                doc,
                i,
                fs,
                fe,
                clause,
                side_cues,
                # Neither the source ("Russian security forces said") nor a period ("since
                # Russia's full-scale invasion") says whose people are counted.
                [*attr.spans, *((m.start, m.end) for m in mentions(i))],
                metric,
                metric_info,
                article_side,
                previous_side if kind == "share" or subset else None,
                subset=subset,
            )
            if side == "enemy":  # "the enemy lost 1,090 personnel", said the General Staff of Ukraine
                side = sides_stage.enemy_of(attribution.claimant, attribution.via)
            ctx = periods_stage.Context(
                figure_start=fs,
                figure_end=fe,
                clause=clause,
                clauses=s_clauses,
                kind=kind,
                cutoff=attribution.said_on or doc.published,
                previous=mentions(i - 1) if i > 0 and _continues(sentences[i - 1], sent) else [],
                previous_period=last_period,
                sentence=s_norm,
                continued=_continued_period(claims, attribution, metric, metric_info, sent, sentences),
                metric=metric,
                other_figures=tuple(f.start - sent.start for f in figures if f.start - sent.start != fs),
            )
            period = periods_stage.choose_period(mentions(i), ctx, language)
            hedged = is_hedged(fs, s_clauses, hedges) or hedged_by_next
            claims.append(
                Claim(
                    doc=article.doc,
                    quote=sent.text,
                    figure=body[fig.start : fig.end],
                    low=fig.low,
                    high=fig.high,
                    bound=fig.bound,
                    kind=kind,
                    metric=metric,
                    side=side,
                    period_start=period[0],
                    period_end=period[1],
                    per=fig.per if kind == "rate" else None,
                    claimant=attribution.claimant,
                    via=attribution.via,
                    hedged=hedged,
                    start=fig.start,
                    end=fig.end,
                    sentence_start=sent.start,
                    sentence_end=sent.end,
                    extractor=EXTRACTOR,
                    language=language,
                )
            )
            previous_metric, previous_side = metric, side
            last_period = period
            given.add((attribution.claimant, metric))
    return _settle_sources(claims, doc)


def _figures_by_sentence(body: str, sentences: list[Sentence], language: str) -> list[list[Figure]]:
    """All figures of the body, grouped by the sentence they sit in (one pass over the body)."""
    out: list[list[Figure]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]

    for fig in find_figures(body, language):
        k = bisect_right(starts, fig.start) - 1
        if k >= 0 and fig.end <= sentences[k].end:
            out[k].append(fig)
    return out


def _recent_metric(claims: list[Claim], sentences: list[Sentence], i: int) -> str | None:
    """The metric of the latest claim in the two sentences before sentence ``i``."""
    if not claims:
        return None
    last = claims[-1]
    first_allowed = sentences[max(0, i - 2)].start
    return last.metric if last.start >= first_allowed else None


def _continued_period(
    claims: list[Claim],
    attribution: Attribution,
    metric: str,
    metric_info: dict,
    sent: Sentence,
    sentences: list[Sentence],
) -> tuple[date | None, date | None] | None:
    """The period of the previous claim, when this figure continues its statistics: the same
    source, the same or a comparable metric, at most two sentences on."""
    if not claims:
        return None
    last = claims[-1]
    related = {metric, *metric_info.get(metric, {}).get("comparable_with", [])}
    k = bisect_right([s.start for s in sentences[max(0, sent.index - 3) : sent.index + 1]], last.start) - 1
    last_index = max(0, sent.index - 3) + k if k >= 0 else -99
    if last.claimant != attribution.claimant or last.metric not in related or sent.index - last_index > 2:
        return None
    if last.kind == "rate":
        return None
    return last.period_start, last.period_end


def _continues_statistics(
    given: set[tuple[str, str]], source: Attribution, metric: str, metric_info: dict
) -> bool:
    """Whether ``source`` already gave a figure of this or a comparable metric in the article
    (``given`` holds the (claimant, metric) pairs of the claims so far)."""
    related = {metric, *metric_info.get(metric, {}).get("comparable_with", [])}
    return any((source.claimant, m) in given for m in related)


def _settle_sources(claims: list[Claim], doc: _Doc) -> list[Claim]:
    """Article-level attribution: a headline without a source of its own takes the lede's (and
    the body's period of a figure it repeats); the article's own outlet is never an intermediary;
    each source gets its fullest name; a state body's own count with no side named anywhere
    takes that state's side."""
    if not claims:
        return claims
    headline = _headline_end(doc)
    if headline is not None:
        lede = next(
            (
                c
                for c in claims
                if c.start >= headline
                and c.claimant != THE_ARTICLE
                and not attribution_stage.is_generic(c.claimant, doc.language)
            ),
            None,
        )
        if lede is not None:
            claims = [
                replace(c, claimant=lede.claimant, via=lede.via)
                if c.end <= headline
                and (c.claimant == THE_ARTICLE or attribution_stage.is_generic(c.claimant, doc.language))
                else c
                for c in claims
            ]
        claims = _headline_periods(claims, headline)
    outlet = doc.article.outlet
    names = attribution_stage.canonical_names(
        [n for c in claims for n in (c.claimant, *c.via)], doc.article.body
    )
    out = []
    for c in claims:
        via = tuple(
            dict.fromkeys(names.get(v, v) for v in c.via if not attribution_stage.is_outlet(v, outlet))
        )
        claimant = names.get(c.claimant, c.claimant)
        side = c.side
        if side == "unknown" and table("taxonomy")["metrics"].get(c.metric, {}).get(
            "own_side_of_state_source"
        ):
            # "151,000 proceedings …, data of the Prosecutor General's Office show": a state counts
            # its own soldiers' cases.
            side = sides_stage.state_side_of(claimant) or side
        out.append(replace(c, claimant=claimant, side=side, via=tuple(v for v in via if v != claimant)))
    return out


def _headline_periods(claims: list[Claim], headline: int) -> list[Claim]:
    """A headline's figure that the body repeats takes the body's period: a headline is written
    short ("One of at Least 30 Russian Defectors"), the body says since when."""
    body = [c for c in claims if c.start >= headline]
    out = []
    for c in claims:
        if c.end <= headline:
            twin = next(
                (b for b in body if (b.low, b.high, b.kind, b.metric) == (c.low, c.high, c.kind, c.metric)),
                None,
            )
            if twin is not None:
                c = replace(c, period_start=twin.period_start, period_end=twin.period_end)
        out.append(c)
    return out


def _headline_end(doc: _Doc) -> int | None:
    """End offset of the article's headline: a first line without a full stop, standing alone."""
    first = doc.sentences[0]
    if first.text.rstrip()[-1:] in '.!?"”' or first.block != 0:
        return None
    if len(doc.sentences) > 1 and doc.sentences[1].start <= first.end:
        return None
    line_end = doc.norm.find("\n", first.start)
    if line_end != -1 and line_end < first.end:
        return None
    return first.end


def _hedged_by_following(doc: _Doc, i: int) -> bool:
    """Whether a later sentence of the same block ("The figures could not be verified") hedges the
    figures of sentence ``i``."""
    for ahead in (1, 2):
        j = i + ahead
        if j >= len(doc.sentences) or doc.sentences[j].block != doc.sentences[i].block:
            return False
        nxt = doc.sentences[j]
        if hedges_previous(doc.norm[nxt.start : nxt.end], doc.language) >= ahead:
            return True
    return False


def _by_sentence(
    cues: list[sides_stage.SideCue], sentences: list[Sentence]
) -> list[list[sides_stage.SideCue]]:
    """Cues found over the whole body (in order), grouped by sentence with sentence-relative
    offsets."""
    out: list[list[sides_stage.SideCue]] = [[] for _ in sentences]
    k = 0
    for c in cues:
        while k < len(sentences) and sentences[k].end <= c.start:
            k += 1
        if k < len(sentences) and sentences[k].start <= c.start and c.end <= sentences[k].end:
            s = sentences[k].start
            out[k].append(sides_stage.SideCue(c.side, c.start - s, c.end - s, c.strength))
    return out


def _kind(fig: Figure) -> str:
    if fig.unit in ("fold", "percentage_point"):
        return "change"
    if fig.unit == "percent":
        return "change" if fig.direction else "share"
    if fig.unit == "fraction":
        return "change" if fig.direction else "share"  # "a quarter more than in 2022"
    if fig.per:
        return "rate"
    return "count"


def _continues(previous: Sentence, sentence: Sentence) -> bool:
    """Whether a sentence continues the one before (same paragraph block)."""
    return previous.block == sentence.block


def _side(
    doc: _Doc,
    i: int,
    fs: int,
    fe: int,
    clause: Clause,
    cues: list[sides_stage.SideCue],
    skip: list[tuple[int, int]],
    metric: str,
    metric_info: dict,
    article_side: str | None,
    anchor_side: str | None,
    *,
    subset: bool = False,
) -> str:
    """Whose people a figure counts: its own words, its clause, its sentence, then context; a
    part of the figure before it (``subset``) is that figure's side unless its own words say."""
    s = doc.sentences[i]
    s_norm = doc.norm[s.start : s.end]
    window_end = taxonomy._np_end(s_norm, fe, clause.end)
    attached = sides_stage.side_attached(cues, s_norm, fe, window_end)
    if subset and anchor_side and not attached:
        return anchor_side
    side = (
        attached
        or sides_stage.side_near(cues, fs, fe, clause.start, clause.end, skip)
        or sides_stage.side_near(cues, fs, fe, 0, len(s_norm), skip)
        or anchor_side
    )
    if side:
        return side
    if not metric_info.get(metric, {}).get("side_from_context", True):
        return "unknown"
    for j in range(i - 1, max(-1, i - 4), -1):
        p = doc.sentences[j]
        p_norm = doc.norm[p.start : p.end]
        found = sides_stage.side_near(
            doc.side_cues[j],
            len(p_norm),
            len(p_norm),
            0,
            len(p_norm),
            [],
        )
        if found:
            return found
    return article_side or "unknown"
