"""Stage 3: what a figure counts (its metric) and what kind of number it is.

The metric comes from the counted noun and its verb, searched outwards from the figure:

0. a cue noun in the figure's own noun phrase ("230,000 criminal cases", "7,663 asylum
   applications"); a noun for equipment, money or places there means the figure is out of scope;
1. a verb after it in its clause ("21,600 soldiers … abandoned their posts");
2. a cue noun before it in its clause ("the total number of deserters … exceeding 180,000",
   "cases of desertion increasing sixfold");
3. a verb before it in its clause ("officials encountered over 57,000");
4. the nearest cue anywhere in its sentence.

Generic cues ("cases", "requests", "fled") only count at steps 0, 1 and 3 right next to the
figure. A share that restates the figure before it ("29,000 …, a number that accounts for less than
10% of …") counts what that figure counts. A count of the people a reporter interviewed is no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from headcount.model import METRICS
from headcount.vocab import Lexicon, alternation, entry, path_of, table, words_pattern

_STEPS_FOR_WEAK = 3  # how many words a weak cue may sit from the figure


@dataclass(frozen=True, slots=True)
class Cue:
    metric: str
    kind: str  # "noun" | "people" (a noun naming people by what they did) | "verb"
    start: int
    end: int
    weak: bool


class _Patterns:
    def __init__(self, language: str) -> None:
        f = path_of("taxonomy", language)
        d = table("taxonomy", language)
        metrics = entry(d, "metrics", file=f, kind=dict)
        unknown = set(metrics) - set(METRICS)
        if unknown:
            from headcount.errors import BAD_DATA_FILE, ConfigError

            raise ConfigError(
                f,
                f"unknown metric(s) {sorted(unknown)}; known: {', '.join(METRICS)}",
                code=BAD_DATA_FILE,
            )
        branches: list[tuple[str, tuple[str, str, bool, re.Pattern[str] | None]]] = []
        for metric, cues in metrics.items():
            for key, kind, weak in (
                ("people_nouns", "people", False),
                ("nouns", "noun", False),
                ("weak_nouns", "noun", True),
                ("verbs", "verb", False),
                ("weak_verbs", "verb", True),
            ):
                for item in cues.get(key, []):
                    branches.append((item, (metric, kind, weak, None)))
            for cv in cues.get("context_verbs", []):
                ctx = re.compile(words_pattern(cv["context"]), re.IGNORECASE)
                branches.append((cv["phrase"], (metric, "verb", False, ctx)))
        # Longest pattern first: at any position the most specific cue wins ("cases of desertion"
        # is a criminal_case cue before "desertion" is a desertion cue).
        branches.sort(key=lambda b: len(b[0]), reverse=True)
        self.cues = Lexicon(branches, file=f, key="metrics")
        g = entry(d, "grammar", file=f, kind=dict)
        counted = entry(d, "counted", file=f, kind=dict)
        self.people = re.compile(words_pattern(counted["people"]), re.IGNORECASE)
        self.out_of_scope = re.compile(
            rf"\s*(?:[\w-]+\s+){{0,2}}?(?P<noun>{words_pattern(counted['out_of_scope'])})",
            re.IGNORECASE,
        )
        self.samples_before = re.compile(
            rf"(?<![^\W_]){alternation(counted['samples'])}\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE
        )
        self.samples_after = re.compile(
            rf"^\s*(?:[\w-]+\s+){{0,3}}?{alternation(counted['samples_after'])}", re.IGNORECASE
        )
        self.share_anchor = re.compile(
            rf"{alternation(counted['share_anchor'])}\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE
        )
        self.opinion = re.compile(words_pattern(counted["opinion_context"]), re.IGNORECASE)
        oos = entry(d, "out_of_scope", file=f, kind=dict)
        self.oos_verb_after = re.compile(
            rf"\s*(?:[\w'-]+\s+){{0,3}}?(?:{alternation(oos['verbs'])})(?![^\W_])", re.IGNORECASE
        )
        self.oos_before = re.compile(
            rf"(?<![^\W_])(?:{alternation(oos['before'])})\s+(?:\w+\s+)?$", re.IGNORECASE
        )
        cont = entry(d, "continuation", file=f, kind=dict)
        self.continuation_before = re.compile(
            rf"(?<![^\W_])(?:{alternation(cont['before'])})\s*(?:(?:{alternation(g['continuation_qualifiers'])})\s+)?$",
            re.IGNORECASE,
        )
        self.continuation_after = re.compile(rf"\s*(?:{alternation(cont['after'])})(?![^\W_])", re.IGNORECASE)
        self.continuation_opener = re.compile(
            rf"^\W*(?:{alternation(cont['openers'])})(?![^\W_])", re.IGNORECASE
        )
        # Matched at a clause's start (``match(text, pos)``, so no "^": it would only match at 0).
        self.subset_clause = re.compile(
            rf"\W*{words_pattern(entry(d, 'grammar.subset_openers', file=f))}", re.IGNORECASE
        )
        # Between a verb and the figure it governs: nothing, or only a qualifier ("convicted over").
        self.only_qualifiers = re.compile(rf"\s*(?:(?:{alternation(g['qualifiers'])})\s+)*", re.IGNORECASE)
        self.relative_pronoun = re.compile(
            rf"(?<![^\W_]){alternation(g['relative_pronouns'])}\s", re.IGNORECASE
        )
        # "… and 14,000 for desertion": a preposition right after a figure leaves its noun out.
        self.elided_head = re.compile(
            rf"\s+(?:{alternation(g.get('elided_head_preps') or ['(?!)'])})\s", re.IGNORECASE
        )
        self.function_words = re.compile(rf"^(?:{alternation(g['function_words'])})$", re.IGNORECASE)


@cache
def patterns(language: str) -> _Patterns:
    return _Patterns(language)


def metric_cues(sentence: str, context: str, language: str = "en") -> list[Cue]:
    """Cues in a (normalised) sentence; ``context`` is the sentence and the two before it, which
    context-bound cues need."""
    out = []
    headline: bool | None = None  # found out only when a capitalised verb needs it
    for start, end, (metric, kind, weak, ctx) in patterns(language).cues.finditer(sentence):
        if ctx is not None and not ctx.search(context):
            continue
        if kind == "verb" and start > 0 and sentence[start].isupper():
            if headline is None:
                headline = _title_case(sentence)
            if not headline and _in_name(sentence, start, end):
                continue  # "the Get Lost group": a name, not someone who lost anything
        out.append(Cue(metric, kind, start, end, weak))
    return out


def classify(
    sentence: str,
    fig_start: int,
    fig_end: int,
    clause: tuple[int, int],
    cues: list[Cue],
    *,
    share: bool,
    change: bool,
    previous_metric: str | None,
    carry_metric: str | None = None,
    clauses: list[tuple[int, int]] | None = None,
    language: str = "en",
) -> str | None:
    """The metric of the figure at ``sentence[fig_start:fig_end]``, or None when it counts
    nothing in scope.

    ``previous_metric`` is the metric of the figure before it in the same sentence;
    ``carry_metric`` that of the latest claim in the two sentences before, which a figure that
    continues those statistics takes when its own words name nothing.
    """
    pats = patterns(language)
    before = sentence[max(0, fig_start - 60) : fig_start]
    after = sentence[fig_end : fig_end + 80]
    if pats.samples_before.search(before) or pats.samples_after.match(after):
        return None
    if share and pats.opinion.search(sentence):
        return None  # "In a poll of 2,000 Ukrainians, 31% said …": a sample's opinion
    if share and previous_metric and pats.share_anchor.search(before):
        return previous_metric
    if pats.oos_before.search(before):
        return None  # "the mobilisation of 300,000 reservists"
    # "handed down 34,902 verdicts", "recognised 50 deserters as refugees": a cue written around
    # its figure says what the figure counts.
    around = [c for c in cues if c.start < fig_start and c.end > fig_end and not c.weak]
    if around:
        return around[0].metric
    window_end = _np_end(sentence, fig_end, clause[1])
    lo, hi = clause

    def words_from_figure(c: Cue) -> int:
        if c.start >= fig_end:
            return len(sentence[fig_end : c.start].split())
        return len(sentence[c.end : fig_start].split())

    in_np = [
        c
        for c in cues
        if c.kind != "verb"
        and fig_end <= c.start < window_end
        and words_from_figure(c) <= (_STEPS_FOR_WEAK - 1 if c.weak else 4)
    ]
    in_np.sort(key=lambda c: c.start)
    # "2,500 desertion verdicts": in a compound the last noun is the head, the one before it only
    # says of what.
    while (
        len(in_np) > 1
        and in_np[0].kind != "people"
        and not in_np[1].weak
        and not sentence[in_np[0].end : in_np[1].start].strip()
        and not pats.function_words.match(sentence[in_np[1].start : in_np[1].end].split()[0])
    ):
        in_np = in_np[1:]
    oos = pats.out_of_scope.match(sentence, fig_end, window_end)
    if oos and not (in_np and in_np[0].start < oos.start("noun")):
        return None  # "500 tanks", "20 villages": not people, cases or requests
    own_verb = pats.oos_verb_after.match(sentence, window_end if window_end > fig_end else fig_end, hi)
    if own_verb and not any(c.kind == "verb" and fig_end <= c.start < own_verb.end() for c in cues):
        return None  # "91 had been recruited", "13,387 mercenaries have arrived"
    verbs_after = sorted(
        (
            c
            for c in cues
            if c.kind == "verb"
            and fig_end <= c.start < hi
            and (not c.weak or words_from_figure(c) <= _STEPS_FOR_WEAK + 1)
        ),
        key=lambda c: c.start,
    )
    nouns_before = [
        c
        for c in cues
        if c.kind != "verb"
        and lo <= c.start
        and c.end <= fig_start
        # The subject of a change may be a generic noun ("the number of such cases rose sixfold").
        and (not c.weak or (change and words_from_figure(c) <= 6))
    ]
    verbs_before = [
        c
        for c in cues
        if c.kind == "verb"
        and lo <= c.start
        and c.end <= fig_start
        and (not c.weak or words_from_figure(c) <= _STEPS_FOR_WEAK)
    ]
    strong = [
        c
        for c in cues
        if not c.weak
        and not (fig_start <= c.start < fig_end)
        and not _in_subset_clause(sentence, c.start, fig_start, clauses, pats)
    ]
    # "2,000 Russian soldiers who contacted the hotline have already surrendered": past a relative
    # clause, the main verb says what is counted.
    if (
        len(verbs_after) > 1
        and (
            pats.relative_pronoun.search(sentence, fig_end, verbs_after[0].start)
            # "300 surrendered Ukrainian soldiers had applied for passports": a participle used as an
            # adjective, then the main verb.
            or (
                words_from_figure(verbs_after[0]) == 0
                and re.search(r"ed\b", sentence[verbs_after[0].start : verbs_after[0].end])
            )
        )
    ):
        verbs_after = verbs_after[1:] + verbs_after[:1]
    # "courts convicted over 9,000 soldiers of going AWOL": a verb right before the figure that
    # takes it as its object decides, unless the figure's own noun names a thing counted.
    governing = [
        c for c in verbs_before if not c.weak and pats.only_qualifiers.fullmatch(sentence, c.end, fig_start)
    ]
    if governing and not (
        in_np and in_np[0].kind == "noun" and not in_np[0].weak and words_from_figure(in_np[0]) == 0
    ):
        return governing[-1].metric
    # "were handed down in 1,140 cases": a generic noun yields to a telling verb in the clause.
    if in_np and in_np[0].weak:
        telling = [
            c
            for c in cues
            if c.kind == "verb"
            and not c.weak
            and c.metric != in_np[0].metric
            and (
                lo <= c.start < fig_start
                or (window_end <= c.start < hi and len(sentence[window_end : c.start].split()) <= 3)
            )
        ]
        if telling:
            return min(telling, key=words_from_figure).metric

    continues = carry_metric is not None and (
        change
        or share
        or pats.continuation_before.search(sentence, max(0, fig_start - 50), fig_start)
        or pats.continuation_after.match(sentence, fig_end)
        or pats.continuation_opener.match(sentence)
    )
    # "110,000 cases for absence and about 14,000 for desertion": the second figure's noun is left
    # out; it counts what the figure before it counted.
    if (
        previous_metric
        and pats.elided_head.match(sentence, fig_end)
        and not (in_np and in_np[0].kind == "people")
    ):
        return previous_metric
    # "compared with 89,000 and 17,000 respectively": a bare figure that continues the statistics
    # before it counts the same thing, whatever else its clause names.
    if continues and not in_np and not verbs_after and previous_metric and not (share or change):
        return previous_metric
    if share and not change:
        order = [verbs_after, in_np, nouns_before, verbs_before]
    elif change:
        # The subject of a change is named first: "Criminal cases for going AWOL rose by 35%".
        order = [in_np, sorted(nouns_before, key=lambda c: c.start)[:1], verbs_after, verbs_before]
    else:
        order = [in_np, verbs_after, nouns_before, verbs_before]
    verb_next = any(c.kind == "verb" and words_from_figure(c) == 0 for c in verbs_after)
    if (
        not in_np
        and not (share or change)
        and not verb_next
        and _unknown_head(sentence, fig_end, window_end, pats)
    ):
        return None
    if in_np and in_np[0].kind == "people":
        # "29,000 deserters had returned to service": what they did is what is counted.
        other = [c for c in verbs_after if c.metric != in_np[0].metric and not c.weak]
        if other:
            return min(other, key=words_from_figure).metric
    for group in order:
        if group is verbs_after and group:
            return group[0].metric  # already ordered: nearest, past relative clauses and participles
        if group:
            return min(group, key=lambda c: words_from_figure(c)).metric
    if continues and not [c for c in cues if lo <= c.start < hi and not c.weak]:
        return carry_metric  # "That is three times more than in August"
    if strong:
        return min(
            strong,
            key=lambda c: abs(c.start - fig_end) if c.start >= fig_end else abs(fig_start - c.end),
        ).metric
    return carry_metric if continues else None


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _title_case(sentence: str) -> bool:
    """Whether a sentence is written in headline case ("Ukraine Has Lost Over 67,000 Troops"):
    most of its longer words capitalised, so capitals no longer mark names."""
    words = [w for w in _WORD.findall(sentence) if len(w) > 3]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _in_name(sentence: str, start: int, end: int) -> bool:
    """Whether a capitalised cue sits in a name: a capitalised word right before or after it."""
    before = sentence[:start].rstrip().split()
    after = sentence[end:].lstrip().split()
    return bool(
        (before and before[-1][:1].isupper() and before[-1][-1:] not in ".:")
        or (after and after[0][:1].isupper())
    )


def opens_subset(sentence: str, clause_start: int, fig_start: int, language: str = "en") -> bool:
    """Whether the figure's clause opens with "including", "of whom", "among them" …: the figure
    is a part of the one before it."""
    pats = patterns(language)
    m = pats.subset_clause.match(sentence, clause_start)
    return m is not None and m.end() <= fig_start and len(sentence[m.end() : fig_start].split()) <= 3


def _in_subset_clause(
    sentence: str, pos: int, fig_start: int, clauses: list[tuple[int, int]] | None, pats: _Patterns
) -> bool:
    """Whether ``pos`` lies in another figure's subset clause ("…, of whom 5,962 have been
    eliminated"): its verb counts the subset, not the figure before it."""
    for start, end in clauses or []:
        if start <= pos < end and not (start <= fig_start < end):
            return bool(pats.subset_clause.match(sentence, start))
    return False


_NP_END = re.compile(r"[,;:!?()\"]|(?<=[a-z0-9а-яёіїєґ']{2})\.")


def _np_end(sentence: str, fig_end: int, clause_end: int) -> int:
    """End of the figure's noun phrase window: the first punctuation (a full stop only after a
    word, so "U.S." stays inside) or the clause end."""
    m = _NP_END.search(sentence, fig_end, clause_end)
    return m.start() if m else clause_end


def _unknown_head(sentence: str, fig_end: int, window_end: int, pats: _Patterns) -> bool:
    """Whether the figure counts some thing the vocabulary does not know ("130,000 names"): its
    first words hold no word for people and the first is a lower-case content word."""
    words = re.findall(r"[^\W\d_][\w'-]*", sentence[fig_end:window_end])[:3]
    if not words:
        return False
    if any(pats.people.fullmatch(w) for w in words):
        return False
    first = words[0]
    return (
        first[:1].islower()
        and not pats.function_words.match(first)
        and not pats.people.match(" ".join(words))
    )
