"""Stage 6: who asserts each figure, and through whom it reached the article.

Per sentence, the stage finds attribution *events*:

* speakers — "according to X", "X said/noted/documented", "a report by X", "data from X", "X's data";
* origins — "citing X", "quoting X": X is where the figure comes from, whoever cites it passes it on;
* relays — "shared with X", "told X": X carried the figure to the public.

and composes them into an :class:`~headcount.model.Attribution`: the claimant is the last origin,
or else the speaker; ``via`` runs from the claimant towards the article ("Zakharova, citing data
from the Prosecutor General's Office" -> claimant the office, via Zakharova).

Across sentences it keeps a *frame*: the last explicit attribution. Pronouns and anaphors ("she",
"the source", "the group") resolve to it, and a sentence with no attribution of its own inherits it
while it is fresh (same paragraph block, at most a few sentences on). Otherwise the claimant is
"the article": the outlet asserts the figure itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any

from headcount.actors import default_registry
from headcount.extract.periods import patterns as period_patterns
from headcount.extract.periods import resolve_date
from headcount.extract.text import Clause, normalise
from headcount.model import THE_ARTICLE, Attribution, Sentence
from headcount.vocab import Lexicon, alternation, entry, path_of, table, words_pattern

#: A frame is inherited for at most this many sentences after the one that set it.
FRAME_REACH = 4


@dataclass(slots=True)
class _Event:
    role: str  # "speaker" | "origin" | "relay"
    start: int  # span of the name in the sentence
    end: int
    at: int  # where the cue sits (for clause membership)
    anaphor: bool = False
    said_on: date | None = None
    data: bool = False  # named as the source of data ("according to X's data", "data from X")
    verb_end: int = -1  # for a speaker of a verb: where the verb ends ("reported| on January 13")
    self_ref: bool = False  # the article's own outlet speaking ("according to our count")


@dataclass(slots=True)
class _Frame:
    attribution: Attribution  # what following statements inherit (see ``attribute``)
    speaker: str | None  # the person or body that spoke in the text, for "she"/"he"
    sentence: int
    block: int
    full: Attribution | None = None  # the sentence's own attribution, citation included


@dataclass(slots=True)
class SentenceAttribution:
    """The attribution of one sentence: per clause where clauses differ, else for the sentence."""

    default: Attribution  # for figures in clauses with no attribution of their own
    clauses: list[tuple[Clause, Attribution]] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # names and cues (sentence offsets)
    date_spans: list[tuple[int, int]] = field(default_factory=list)  # statement dates
    explicit: bool = False
    # The latest explicit attribution before this sentence, however far back: unattributed
    # figures that continue the same statistics take it (decided by the pipeline, which knows
    # what each figure counts).
    latest: Attribution | None = None

    def for_offset(self, offset: int) -> Attribution:
        for clause, attribution in self.clauses:
            if clause.start <= offset < clause.end:
                return attribution
        return self.default


class _Patterns:
    def __init__(self, language: str) -> None:
        name = "attribution"
        f = path_of(name, language)
        d = table(name, language)
        speech = entry(d, "speech_verbs", file=f)
        record = entry(d, "record_verbs", file=f)
        register = entry(d, "register_verbs", file=f)
        self.reporter = re.compile(words_pattern(entry(d, "reporter_nouns", file=f)), re.IGNORECASE)
        self.noun_verb = re.compile(rf"^(?:{alternation(entry(d, 'noun_verbs', file=f))})$", re.IGNORECASE)
        aux = (
            r"(?:(?:has|have|had|also|reportedly|previously|earlier|recently|already|now|further|"
            r"then|officially|publicly|separately|later|once|again|repeatedly|just)\s+)*"
        )
        self.aux_before = re.compile(rf"(?<![^\W_]){aux.replace('*', '+')}$", re.IGNORECASE)
        # Every word that can open an attribution, found in one pass; what each found word is
        # ("told" is a speech verb and a relay; "reports" a verb and a data noun) is decided by
        # matching it against each category.
        categories = {
            "citing": entry(d, "citing", file=f),
            "according": entry(d, "according_to", file=f),
            "data": entry(d, "data_nouns", file=f),
            "relay": entry(d, "relays", file=f),
            "speech": speech,
            "record": record,
            "register": register,
        }
        self.categories = {
            cat: re.compile(alternation(words, file=f, key=cat), re.IGNORECASE)
            for cat, words in categories.items()
        }
        every = sorted({w for words in categories.values() for w in words}, key=len, reverse=True)
        self.trigger = Lexicon([(w, None) for w in every], file=f, key="attribution cues")
        self.places = re.compile(rf"^(?:{alternation(entry(d, 'places', file=f))})$", re.IGNORECASE)
        self.descriptor_name = re.compile(
            rf"^(?:(?:the|a|an)\s+)?(?:[\w'-]+\s+){{0,3}}?(?:{alternation(entry(d, 'descriptors', file=f))})"
            rf"\s+(?P<name>[\"A-Z\u0400-\u04ff].*)$"
        )
        sides = table("sides", language)
        nationalities = [a for side in sides.values() for a in side.get("adjectives", [])]
        self.nationality_only = re.compile(
            rf"^(?:(?:the|a|an)\s+)?(?:{alternation(nationalities)})(?:\s+(?:and|or)\s+"
            rf"(?:{alternation(nationalities)}))?$",
            re.IGNORECASE,
        )
        self.passive_before = re.compile(
            r"(?<![^\W_])(?:is|are|was|were|be|been|being|it's)\s+$", re.IGNORECASE
        )
        data_nouns = alternation(entry(d, "data_nouns", file=f))
        data_preps = alternation(entry(d, "data_preps", file=f))
        det = (
            r"(?:(?:a|an|the|its|their|his|her|new|newly|latest|recent|fresh|official|unofficial|"
            r"leaked|preliminary|internal|annual|monthly|weekly|published|updated|own|"
            r"(?-i:(?:[A-Z]\w+\s+)?\d{1,2}(?:st|nd|rd|th)?|[A-Z][a-z]+\.?))\s+)*"
        )
        # "a report published on November 9 by X"
        published_on = (
            r"(?:(?:published|released|issued|presented|reported|compiled|made\s+public)\s+"
            r"(?:on\s+[^,]{1,25}?\s+)?)?"
        )
        self.after_data = re.compile(rf"\s+{published_on}(?:{data_preps})\s+", re.IGNORECASE)
        self.det_before = re.compile(rf"(?<![^\W_]){det.replace(')*', ')+')}$", re.IGNORECASE)
        self.possessive_before = re.compile(r"'s?\s+(?:own\s+)?(?:latest\s+)?$")
        self.citing_data = re.compile(
            rf"\s+(?:{det}(?:{data_nouns})\s+(?:{data_preps}))(?=\s)", re.IGNORECASE
        )
        self.bare_data = re.compile(
            rf"^(?:(?:the|these|those|such|her|his|their)\s+)?(?:{data_nouns})(?![^\W_])", re.IGNORECASE
        )
        self.inner_data_of = re.compile(rf"{det}(?:{data_nouns})\s+(?:{data_preps})\s+", re.IGNORECASE)
        self.possessive_data = re.compile(
            rf"'s?\s+(?:own\s+)?(?:latest\s+)?(?:{data_nouns})(?![^\W_])", re.IGNORECASE
        )
        self.generic_receiver = re.compile(
            rf"^(?:{alternation(entry(d, 'generic_receivers', file=f))})$", re.IGNORECASE
        )
        self.anaphor = re.compile(rf"^(?:{alternation(entry(d, 'anaphors', file=f))})$", re.IGNORECASE)
        self.pronoun = re.compile(rf"^(?:{alternation(entry(d, 'pronouns', file=f))})$", re.IGNORECASE)
        titles = entry(d, "titles", file=f)
        self.title = re.compile(rf"^(?:{alternation(titles)})$", re.IGNORECASE)
        self.title_words = re.compile(rf"^(?:{alternation(titles)})$", re.IGNORECASE)
        self.org_words = re.compile(
            rf"^(?:{alternation(entry(d, 'organisation_words', file=f))})$", re.IGNORECASE
        )
        # Where a speech verb's subject comes after it ("…, said X", "сообщает ТАСС", "как заявил X").
        inv = entry(d, "inversion_before", file=f)
        inv_words = [i for i in inv if i[:1].isalpha()]
        inv_marks = [re.escape(i) for i in inv if not i[:1].isalpha()]
        self.inversion_before = re.compile(
            rf"(?:{'|'.join(inv_marks) or '(?!x)x'}|(?<![^\W_]){alternation(inv_words)})\s*$", re.IGNORECASE
        )
        self.prepositions = frozenset(w.lower() for w in entry(d, "prepositions", file=f))
        self.determiners = frozenset(w.lower() for w in entry(d, "determiners", file=f))
        self.locative = re.compile(
            rf"(?:{alternation(d.get('locative_subject', []))})\s+(?=\S)", re.IGNORECASE
        )
        self.dative_relay = bool(d.get("dative_relay", False))
        self.openers = re.compile(
            rf"^(?:{alternation(entry(d, 'subject_openers', file=f))})\b,?\s*", re.IGNORECASE
        )
        self.speaker_noun = re.compile(words_pattern(entry(d, "speaker_nouns", file=f)), re.IGNORECASE)
        noun_verbs = set(entry(d, "noun_verbs", file=f))
        verbs = alternation(
            [
                # "various estimates", "local media reports": in a name these are nouns.
                *(v for v in speech if v not in noun_verbs),
                "is",
                "are",
                "was",
                "were",
                "has",
                "have",
                "had",
                "will",
                "would",
                "could",
                "can",
                "may",
                "might",
                "should",
                "must",
                "do",
                "does",
                "did",
                "reveal",
                "show",
                "showed",
                "shows",
            ]
        )
        self.np_stop = re.compile(
            rf"\s+(?:{alternation(entry(d, 'np_stop', file=f))}|{verbs}|"
            rf"{alternation(entry(d, 'citing', file=f))}|"
            rf"{alternation(entry(d, 'relays', file=f))})(?![^\W_])",
            re.IGNORECASE,
        )
        self.np_chunk = re.compile(r"(?:[^,;:!?()\[\]\s]|\s(?![-–—]\s))+")
        # "claimed over 100,000 lives" is a toll, not a claim someone made.
        self.toll_after = re.compile(r"\s+(?:[\w,.+-]+\s+){0,5}?(?:lives|victims)(?![^\W_])", re.IGNORECASE)
        # ", an independent Russian media outlet," or ", a Russian group known by its Russian name,
        # Idite Lesom," between a subject and its verb.
        # ", head of Russia's foreign intelligence service," after a name: a title opens an
        # appositive as "a", "the" or "who" do.
        openers = [*entry(d, "appositive_openers", file=f), *entry(d, "titles", file=f)]
        self.appositive = re.compile(
            rf",\s*(?:{alternation(openers)})\b[^,]*(?:,[^,]{{1,40}})?,\s*$",
            re.IGNORECASE,
        )
        self.source_lead = re.compile(r"(?P<who>[^\W\d][^:\n]{1,60}?):\s+(?=\S)")
        self.lead_labels = re.compile(
            rf"^(?:{alternation(d.get('lead_labels') or ['(?!)'])})$", re.IGNORECASE
        )
        self.headline_tag = re.compile(r"(?:\s[-–—]\s|:\s)(?P<who>(?:[\w'’.-]+\s+){0,5}[\w'’.-]+)\s*$")
        self.subject_break = re.compile(
            r"\s+(?:that|which|who|whose|where)\s|\s+(?:has|have|had|is|are|was|were|will|would|did|"
            r"does)\s+(?!been\b)\w+(?:\s+\S+)*?\s+(?:and|but)\s*$",
            re.IGNORECASE,
        )
        self.acronym_described = re.compile(
            rf"(?:[Tt]he\s+)?(?P<name>[A-Z][A-Z0-9.-]+)\s+(?:[a-z][\w-]*\s+){{0,3}}"
            rf"(?:{alternation(entry(d, 'descriptors', file=f))})$"
        )
        self.list_tail = re.compile(
            r"\s*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*\s+(?:and|or)\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*"
        )
        self.source_preps = {p.lower() for p in entry(d, "source_preps", file=f)}
        self.unnamed_source = re.compile(
            rf"(?<![^\W_])(?:{alternation(entry(d, 'unnamed_sources', file=f))})\s*$", re.IGNORECASE
        )
        self.negated_citing = re.compile(
            r"(?<![^\W_])(?:without|not|never|no\s+longer|didn't|did\s+not|does\s+not|doesn't)\s+$",
            re.IGNORECASE,
        )
        self.clause_start = re.compile(
            r"\s+(?:(?:that|the|a|an|this|these|those|its|his|her|their|he|she|it|they|there|no|only|up|"
            r"over|more|fewer|less|about|around|roughly|nearly|almost|as|some|at|to)(?![^\W_])|[A-Z0-9\"'])",
        )
        self.negated_verb = re.compile(
            r"(?<![^\W_])(?:(?:did|does|do|has|have|had|would|could|will|was|were)\s+not|\w+n't|never)\s+$",
            re.IGNORECASE,
        )
        self.determiner_before = re.compile(
            r"(?<![^\W_])(?:a|an|the|its|their|his|her|this|that)\s+$", re.IGNORECASE
        )
        data_words = (
            r"data|figures|statistics|stats|numbers|estimates?|tracker|counter|count|tally|database|"
            r"registers?|records"
        )
        self.data_tail = re.compile(rf"\s+(?:{data_words})$", re.IGNORECASE)
        back = d.get("back_reference_openers")
        self.back_reference = (
            re.compile(rf"\W*(?:{alternation(back)})(?![^\W_])", re.IGNORECASE) if back else None
        )
        self.agent_after = re.compile(r"\s+by\s", re.IGNORECASE)
        # "said in September that …": the month dates the statement (languages that list these).
        month_preps = d.get("statement_month_preps") or ["(?!)"]
        self.statement_month_before = re.compile(rf"\s+(?:{alternation(month_preps)})\s+", re.IGNORECASE)
        said_openers = d.get("what_was_said_openers") or ["(?!)"]
        self.what_was_said = re.compile(
            rf"\s*,?\s*(?:(?:{alternation(said_openers)})(?![^\W_])|[\"“«])", re.IGNORECASE
        )
        self.own_data = re.compile(rf"^(?:{alternation(d.get('own_data', []) or ['(?!)'])})$", re.IGNORECASE)
        cap = r"[A-Z][\w.'’&-]*"
        self.subject_org = re.compile(
            rf"^(?P<name>{cap}(?:\s+(?:(?:and|of|for|the)\s+)*{cap})*)\s+(?:[a-z]\w*\s+){{0,2}}?[a-z]\w*ed(?![^\W_])"
        )
        self.ends_in_data = re.compile(rf"(?<![^\W_])(?:{data_words})$", re.IGNORECASE)
        self.data_head = re.compile(rf"^(?:{data_nouns})\s+", re.IGNORECASE)
        # A report written by an outlet's own journalist is the outlet's report (NOTES.md):
        # "Die Welt's correspondent Christoph Vanner" stays whole.
        self.reporter_possessive = re.compile(
            r"'s\s+(?:\w+\s+)?(?:correspondent|reporter|journalist|columnist|editor|writer|"
            r"investigative\s+team|reporting\s+team)\b",
            re.IGNORECASE,
        )
        self.first_person = re.compile(
            rf"^(?:we|us|our\s+(?:own\s+)?(?:{data_nouns}|reporters?|correspondents?|team|journalists?|"
            r"analysis|calculations?|reckoning|estimates?|tally|count|research|review))$",
            re.IGNORECASE,
        )
        self.leading_subject = re.compile(
            r"^(?:(?:[A-Z][\w'.-]*|of|the|and|for|on|de|van|von|al|bin)\s+)*[A-Z][\w'.-]*"
        )


@cache
def patterns(language: str) -> _Patterns:
    return _Patterns(language)


def attribute(
    sentences: list[Sentence],
    clauses: Sequence[list[Clause]],
    published: date | None,
    language: str = "en",
    *,
    norm_body: str | None = None,
    has_figures: list[bool] | None = None,
) -> list[SentenceAttribution]:
    """The attribution of every sentence, resolving anaphors and inheriting frames in order.

    ``norm_body`` is the normalised article body the sentences index, when the caller has it.
    """
    pats = patterns(language)
    frame: _Frame | None = None
    history: list[_Frame] = []
    out: list[SentenceAttribution] = []
    if norm_body is None:
        norm_body = normalise("\n".join(s.text for s in sentences))
        offsets, pos = [], 0
        for s in sentences:
            offsets.append(pos)
            pos += len(s.text) + 1
    else:
        offsets = [s.start for s in sentences]
    # Attribution cues of the whole body in one scan, handed to each sentence.
    cue_at: list[list[tuple[int, int]]] = [[] for _ in sentences]
    k = 0
    for start, end, _meta in pats.trigger.finditer(norm_body):
        while k < len(sentences) and offsets[k] + len(sentences[k].text) <= start:
            k += 1
        if k < len(sentences) and start >= offsets[k]:
            cue_at[k].append((start - offsets[k], end - offsets[k]))
    for sent, cues, base in zip(sentences, cue_at, offsets, strict=True):
        norm = norm_body[base : base + len(sent.text)]
        # A source set off by a colon ("HUR: …", "… casualties in Russia's war: NIS") needs no cue
        # word.
        tagged = ":" in norm or norm.rstrip(" .;").endswith(")")
        events = _events(norm, pats, published, language, cues) if cues or tagged else []
        spans = [(e.start, e.end) for e in events]
        date_spans = _statement_date_spans(norm, events, published, language)
        inherited = (
            frame.attribution
            if frame and frame.block == sent.block and sent.index - frame.sentence <= FRAME_REACH
            else None
        )
        latest = frame.attribution if frame else None
        if not any(e.role in ("speaker", "origin") for e in events):
            out.append(
                SentenceAttribution(
                    inherited or Attribution(THE_ARTICLE), [], spans, date_spans, latest=latest
                )
            )
            continue
        if frame is None or sent.index - frame.sentence > FRAME_REACH:
            person = _recent_person(sentences, norm_body, offsets, sent.index, pats)
            if person is not None:  # "Ivan Chuviliaev … spoke to reporters. He said 650 …"
                frame = _Frame(Attribution(person), person, sent.index - 1, sent.block, Attribution(person))
        default, speaker = _compose(events, sent.text, norm, frame, pats, history)
        if (
            default.said_on is None
            and frame is not None
            and frame.attribution.said_on is not None
            and _same_source(default.claimant, frame.attribution.claimant)
        ):
            # "A report published on November 9 by Die Welt says …" then "According to Die Welt, …":
            # the same report, so the same date.
            default = replace(default, said_on=frame.attribution.said_on)
        per_clause: list[tuple[Clause, Attribution]] = []
        sent_clauses = clauses[sent.index]
        if len(sent_clauses) > 1:
            for c in sent_clauses:
                own = [e for e in events if c.start <= e.at < c.end]
                # A clause is a statement of its own when someone speaks in it ("…, and one
                # milblogger claimed that …"); a citation alone ("which cited …") is part of the
                # sentence's chain.
                if any(e.role == "speaker" for e in own):
                    per_clause.append((c, _compose(own, sent.text, norm, frame, pats, history)[0]))
        out.append(SentenceAttribution(default, per_clause, spans, date_spans, explicit=True, latest=latest))
        carry = default
        if (
            has_figures is not None
            and has_figures[sent.index]
            and speaker
            and speaker in default.via
            and any(e.role == "origin" for e in events)
        ):
            # "19,300 left, the source said, citing data from the prosecutor's office": the citation
            # covers that statement; what the source says next is the source's own.
            carry = Attribution(speaker, default.via[default.via.index(speaker) + 1 :], default.said_on)
        frame = _Frame(carry, speaker, sent.index, sent.block, default)
        history.append(frame)
    return _back_references(out, sentences, norm_body, offsets, pats)


def _back_references(
    out: list[SentenceAttribution],
    sentences: list[Sentence],
    norm_body: str,
    offsets: list[int],
    pats: _Patterns,
) -> list[SentenceAttribution]:
    """ "Investigators registered 151,000 cases. That is according to data from the Prosecutor
    General's Office." ("Про це повідомили в …", "Об этом сообщила …"): a sentence that opens by
    pointing back gives its source to the unattributed sentence before it."""
    if pats.back_reference is None:
        return out
    for i in range(len(out) - 1):
        nxt = out[i + 1]
        if out[i].explicit or not nxt.explicit or nxt.default.claimant == THE_ARTICLE:
            continue
        start = offsets[i + 1]
        if pats.back_reference.match(norm_body, start, start + len(sentences[i + 1].text)):
            mine = out[i]
            out[i] = SentenceAttribution(
                nxt.default, [], mine.spans, mine.date_spans, explicit=True, latest=mine.latest
            )
    return out


def _recent_person(
    sentences: list[Sentence], norm_body: str, offsets: list[int], index: int, pats: _Patterns
) -> str | None:
    """A person named as the subject of one of the two sentences before ``index`` ("Olga
    Romanova, who heads …, has followed the trials" -> "Olga Romanova"), for a pronoun that
    no attribution before it explains."""
    for k in (index - 1, index - 2):
        if k < 0:
            break
        text = norm_body[offsets[k] : offsets[k] + len(sentences[k].text)]
        m = re.match(r"([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2})(?=[\s,])", text)
        if (
            m
            and not pats.places.match(m.group(1))
            and not default_registry().find(m.group(1), normalised=True)
        ):
            return sentences[k].text[m.start(1) : m.end(1)]
    return None


def _reporting_actor(text: str) -> bool:
    """A known outlet, NGO or research group: they report what others did."""
    return any(
        a.kind in ("independent_media", "foreign_media", "state_media", "ngo", "research_group")
        for _s, _e, a in default_registry().find(text, normalised=True)
    )


def _plainly_a_source(text: str, pats: _Patterns) -> bool:
    """A subject that is unmistakably a source, for verbs that are as often nouns."""
    words = text.split()
    return bool(
        default_registry().find(text, normalised=True)
        or pats.speaker_noun.search(text)
        or any(w[:1].isupper() for w in words[1:])
    )


def _same_source(a: str, b: str) -> bool:
    """Whether two names name one source (the same words, a surname of the full name, or the same
    known actor)."""
    if normalise(a).casefold() == normalise(b).casefold() or _extends(a, b) or _extends(b, a):
        return True
    registry = default_registry()
    ra, rb = registry.resolve(a), registry.resolve(b)
    return ra is not None and ra == rb


# ---------------------------------------------------------------------------------------------
# Events in one sentence


def _events(
    norm: str, pats: _Patterns, published: date | None, language: str, found: list[tuple[int, int]]
) -> list[_Event]:
    """Attribution events of one sentence from the cue words ``found`` in it."""
    events: list[_Event] = []
    cues: dict[str, list[tuple[int, int]]] = {cat: [] for cat in pats.categories}
    for start, end in found:
        word = norm[start:end]
        for cat, rx in pats.categories.items():
            if rx.fullmatch(word):
                cues[cat].append((start, end))
    tag = pats.headline_tag.search(norm)
    colon_source = pats.source_lead.match(norm)
    if colon_source and not _source_before_colon(colon_source.group("who"), pats):
        colon_source = None
    paren_source = _source_in_closing_brackets(norm, pats)
    if not any(cues.values()) and not tag and not colon_source and not paren_source:
        return events
    taken: list[tuple[int, int]] = []

    def add(
        role: str,
        start: int,
        end: int,
        at: int,
        *,
        record: bool = False,
        register: bool = False,
        data: bool = False,
        strict: bool = False,
    ) -> None:
        start, end = _trim(norm, start, end)
        if end <= start or any(s <= start < e or s < end <= e for s, e in taken):
            return
        text = norm[start:end]
        if pats.first_person.match(text):
            taken.append((start, end))
            events.append(_Event(role, start, end, at, self_ref=True))
            return
        anaphor = bool(pats.anaphor.match(text))
        if role != "relay" and not anaphor and not _speaker_like(text, pats):
            return
        if not anaphor and pats.bare_data.match(text) and not default_registry().find(text, normalised=True):
            return  # "quoted figures she attributed to …": the figures are not the source
        if pats.nationality_only.match(text) or ((record or register) and pats.places.match(text)):
            return  # "Russian claims …"; "Germany registered …" (where, not who)
        if register and not (anaphor or pats.reporter.search(text) or _reporting_actor(text)):
            return  # "courts registered 4,215 cases": the institution acted, nobody reports
        if strict and not (anaphor or _plainly_a_source(text, pats)):
            return  # "Viral claim that …": a noun, not a verb
        if role == "relay" and (pats.generic_receiver.match(text) or not _speaker_like(text, pats)):
            return
        taken.append((start, end))
        events.append(_Event(role, start, end, at, anaphor, data=data))

    for cs, ce in cues["citing"]:
        if pats.negated_citing.search(norm, max(0, cs - 20), cs):
            continue  # "without citing a source"
        # "citing data from X": past the data noun to X.
        data = pats.citing_data.match(norm, ce)
        s, e = _np_after(norm, data.end() if data else ce, pats)
        s, e, _data = _unwrap(norm, s, e, pats)
        add("origin", s, e, cs)
    for cs, ce in cues["according"]:
        s, e = _np_after(norm, ce, pats)
        s, e, is_data = _unwrap(norm, s, e, pats)
        add("speaker", s, e, cs, data=is_data)
    for cs, ce in cues["data"]:
        possessive = pats.possessive_before.search(norm, max(0, cs - 20), cs)
        if possessive:  # "Mediazona's count"
            s, e = _np_before_possessive(norm, possessive.start())
            add("speaker", s, e, s, data=True)
            continue
        prep = pats.after_data.match(norm, ce)
        if prep:  # "a November 9th report by X", "data from X"
            det = pats.det_before.search(norm, max(0, cs - 40), cs)
            s, e = _np_after(norm, prep.end(), pats)
            add("speaker", s, e, det.start() if det else cs, data=True)
    for cs, ce in cues["relay"]:
        s, e = _np_after(norm, ce, pats)
        add("relay", s, e, cs)
    for kind in ("speech", "record", "register"):
        for cs, ce in cues[kind]:
            aux = pats.aux_before.search(norm, max(0, cs - 60), cs)
            vs = aux.start() if aux else cs
            if pats.passive_before.search(norm, max(0, vs - 12), vs):
                continue  # "are said to", "were reported"
            if pats.negated_verb.search(norm, max(0, vs - 14), vs):
                continue  # "did not say how many": no statement
            if pats.determiner_before.search(norm, max(0, vs - 8), vs):
                continue  # "an estimated 350,000", "the reported figure"
            if kind == "record" and pats.agent_after.match(norm, ce):
                continue  # "records collected by X": a participle, X is the source (data cues)
            if norm[cs:ce].lower().startswith("claim") and pats.toll_after.match(norm, ce):
                continue  # "has claimed over 100,000 lives"
            strict = bool(pats.noun_verb.match(norm[cs:ce]))
            if strict and not pats.clause_start.match(norm, ce):
                continue  # "local media reports and official announcements": a noun
            s, e = _np_before(norm, vs, pats)
            loc = pats.locative.match(norm, s, e)
            if loc:  # "в Генпрокуратуре сообщили": the body named where it was said
                s = loc.end()
            if e <= s and re.search(r"(?:,\s*|\s)(?:but|and)\s*$", norm[:vs]):
                # "… did not say how many, but said that …": the subject of the sentence.
                lead = pats.leading_subject.match(norm)
                if lead:
                    s, e = _np_before(norm, _leading_end(norm, lead.end()), pats)
            after = ce + 1 if ce < len(norm) and norm[ce] == " " else -1
            loc_after = pats.locative.match(norm, after) if pats.dative_relay and after > 0 else None
            if loc_after and e > s and _known_outlet(norm[s:e]):
                # "Об этом ТАСС сообщили в российских силовых структурах": the outlet before the
                # verb is the one told; the body named after "в" spoke.
                add("relay", s, e, s)
                ls, le = _np_after(norm, loc_after.end(), pats)
                add("speaker", ls, le, vs)
                continue
            inner = pats.inner_data_of.search(norm, s, e) if e > s else None
            if inner:  # "court records collected by Get Lost show …": the collector speaks
                s = inner.end()
            if e > s and (pats.anaphor.match(norm[s:e]) or _speaker_like(norm[s:e], pats)):
                add("speaker", s, e, vs, record=kind == "record", register=kind == "register", strict=strict)
                if pats.dative_relay:
                    _dative_relay(norm, ce, pats, add)
                continue
            # Inverted: "…, said Maria Zakharova.", "сообщает ТАСС", "как заявил X".
            if pats.inversion_before.search(norm, max(0, vs - 20), vs):
                loc = pats.locative.match(norm, ce + 1) if ce < len(norm) and norm[ce] == " " else None
                s, e = _np_after(norm, loc.end() if loc else ce, pats)
                add("speaker", s, e, vs)

    # A headline's source after a dash or colon: "… opened in 2024 – Prosecutor General's Office".
    if tag:
        add("speaker", tag.start("who"), tag.end("who"), tag.start())
    # … or before a colon: "HUR: Mi-8 pilot one of at least 30 Russian defectors".
    if colon_source:
        add("speaker", colon_source.start("who"), colon_source.end("who"), colon_source.start("who"))
    # … or in brackets that close the line: "162,000 proceedings (January–October, Prosecutor
    # General's Office)".
    if paren_source:
        add("speaker", paren_source[0], paren_source[1], paren_source[0])

    # Someone who cites without a speech verb ("Zakharova has amplified these concerns, citing
    # data from …"): the subject of the sentence passes the figure on.
    if any(e.role == "origin" for e in events) and not any(e.role == "speaker" for e in events):
        first_origin = min(e.at for e in events if e.role == "origin")
        lead = pats.leading_subject.match(norm)
        if lead and lead.end() <= first_origin:
            s, e = _np_before(norm, _leading_end(norm, lead.end()), pats)
            add("speaker", s, e, s)
    events.sort(key=lambda e: e.at)
    for ev in events:
        ev.said_on = _said_on(norm, ev, published, language)
    return events


def _known_outlet(text: str) -> bool:
    """Whether a phrase is exactly a news outlet the actor registry knows ("ТАСС", "РИА Новости")."""
    actor = default_registry().resolve(text.strip().strip('"«»'), exact=True)
    return actor is not None and actor.kind in ("state_media", "independent_media", "foreign_media")


def _dative_relay(norm: str, verb_end: int, pats: _Patterns, add: Any) -> None:
    """ "источник рассказал ТАСС", "заявил РИА Новости": a known outlet right after a speech verb
    is the one told, an intermediary (for languages that name the receiver without a preposition)."""
    m = re.match(
        r"\s+((?:[\"«]?[^\W\d_][\w.-]*[\"»]?)(?:\s+[\"«]?[^\W\d_][\w.-]*[\"»]?){0,2})", norm[verb_end:]
    )
    if not m:
        return
    registry = default_registry()
    words = list(re.finditer(r"\S+", m.group(1)))
    for k in range(len(words), 0, -1):
        cand = m.group(1)[: words[k - 1].end()]
        actor = registry.resolve(cand.strip('"«»'), exact=True)
        if actor is not None and actor.kind in ("state_media", "independent_media", "foreign_media"):
            start = verb_end + m.start(1)
            add("relay", start, start + len(cand), start)
            return


def _leading_end(norm: str, end: int) -> int:
    """Extend a leading capitalised run over lower-case title words before a name
    ("Russian Foreign Ministry spokesperson Maria Zakharova")."""
    m = re.match(r"(?:\s+[a-z-]+)?(?:\s+[A-Z][\w'.-]*)+", norm[end:])
    return end + m.end() if m else end


def _np_after(norm: str, pos: int, pats: _Patterns) -> tuple[int, int]:
    """The noun phrase that starts at ``pos`` (a source's name after "according to", "by" …)."""
    m = pats.np_chunk.match(norm, pos)
    if not m:
        return pos, pos
    end = m.end()
    stop = pats.np_stop.search(norm, pos, end)
    # "a source in the Russian security agencies", "officials close to the Kremlin": the phrase
    # after a word for an unnamed source is part of how the text names it.
    while (
        stop
        and stop.group(0).strip().lower() in pats.source_preps
        and pats.unnamed_source.search(norm, pos, stop.start())
    ):
        nxt = pats.np_stop.search(norm, stop.end(), end)
        if nxt is None:
            stop = None
            break
        stop = nxt
    if stop:
        end = stop.start()
    # A full stop ends the sentence, unless it ends an abbreviation ("U.S.", "Gen.").
    seg = norm[pos:end]
    dot = re.search(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.(?:\s|$)", seg)
    if dot:
        end = pos + dot.start()
    return pos, end


def _np_before(norm: str, end: int, pats: _Patterns) -> tuple[int, int]:
    """The subject that ends at ``end`` (before a speech verb), without appositives, a trailing
    abbreviation in brackets ("the National Intelligence Service (NIS) said") and openers."""
    seg = norm[:end].rstrip()
    paren = re.search(r"\s*\([^()]{1,40}\)$", seg)
    if paren:
        seg = seg[: paren.start()].rstrip()
    if seg.endswith(","):
        # "A member of the defence committee, Oleksiy Honcharenko, said", "the country's asylum
        # office, Ofpra, told": the name between the commas is who spoke; the description before
        # it only says who that is.
        body = seg[:-1].rstrip()
        prev = max(body.rfind(c) for c in ',;:("')
        name = body[prev + 1 :].strip()
        if prev > 0 and _named_after_description(name, body[:prev], pats):
            start = len(body) - len(name)
            return start, len(body)
    app = pats.appositive.search(seg) if seg.endswith(",") else None
    if app:
        seg = seg[: app.start()].rstrip()
    # A dash sets off what comes before it ("10:42 GMT — Ukraine's General Staff says …").
    cut = max(seg.rfind(c) for c in ',;:("—–')
    # A list of names is one subject: "Posts on X, Facebook and Telegram claim …".
    if (
        cut > 0
        and seg[cut] == ","
        and pats.list_tail.fullmatch(seg, cut + 1)
        and re.search(r"[A-Z][\w'.-]*$", seg[:cut])
    ):
        cut = max(seg.rfind(c, 0, cut) for c in ',;:("')
    start = cut + 1
    while start < len(seg) and seg[start].isspace():
        start += 1
    text = seg[start:]
    op = pats.openers.match(text)
    while op and op.end() > 0:
        start += op.end()
        text = seg[start:]
        op = pats.openers.match(text)
    stop = len(seg)
    # "A group of Cuban exiles that tracks the recruitment said": the subject ends at "that".
    # "Kyiv has dismissed the reports and says …": the subject is what comes before the verb.
    inner = pats.subject_break.search(seg, start, stop)
    if inner:
        stop = inner.start()
    if len(seg[start:stop].split()) > 12:
        return end, end
    return start, stop


def _named_after_description(name: str, before: str, pats: _Patterns) -> bool:
    """Whether ``name`` names whom the phrase before it describes: a person's name, or one word
    that is an acronym, a known actor or a capitalised name after "the …"/"its …"."""
    cut = max(before.rfind(c) for c in ',;:("—–')
    # "Go by the Forest, a Russian group known by its Russian name, Idite Lesom, says": a name
    # before the description is the subject, the one after it another name for it.
    first = before[max(before.rfind(c, 0, cut) for c in ',;:("—–') + 1 : cut].strip() if cut > 0 else ""
    if first[:1].isupper() and len(first.split()) <= 5:
        return False
    if _name_like(name):
        return True
    if not re.fullmatch(r"[^\W\d_][\w'’.-]*", name) or not name[:1].isupper() or pats.lead_labels.match(name):
        return False
    description = before[cut + 1 :].strip().lower()
    described = description.split()[:1] and description.split()[0] in pats.determiners
    return bool(name.isupper() or default_registry().find(name, normalised=True) or described)


def _name_like(text: str) -> bool:
    """Two to four capitalised words ("Oleksiy Honcharenko", "Maria Zakharova")."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        _person_word(w.rstrip(".")) or re.fullmatch(r"[A-Z]\.", w) for w in words
    )


def _np_before_possessive(norm: str, end: int) -> tuple[int, int]:
    """The capitalised name before "'s data" ("Mediazona's count")."""
    m = re.search(r"((?:[A-Z][\w.-]*(?:'s)?\s+(?:of\s+|for\s+|the\s+)?)*[A-Z][\w.-]*)$", norm[:end])
    if not m:
        return end, end
    return m.start(1), end


def _unwrap(norm: str, start: int, end: int, pats: _Patterns) -> tuple[int, int, bool]:
    """Inside "according to a November 9th report by X", "citing data from X" or "an analysis of
    court records by X" the source is X; inside "according to X's data", X. The flag says the
    phrase named data rather than a speaker."""
    while start < end and norm[start].isspace():
        start += 1
    inner = pats.inner_data_of.match(norm, start, end)
    if inner:
        by = list(re.finditer(r"(?<![^\W_])by\s+", norm[inner.end() : end]))
        return (inner.end() + by[-1].end() if by else inner.end()), end, True
    pos = pats.possessive_data.search(norm, start, end)
    if pos and pos.end() == end:
        return start, pos.start(), True
    return start, end, bool(pats.ends_in_data.search(norm, start, end))


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (norm[start].isspace() or norm[start] in "\"'"):
        start += 1
    while end > start and (norm[end - 1].isspace() or norm[end - 1] in "\"'.,"):
        end -= 1
    return start, end


_GENERIC_HEADS = frozenset({"source", "official", "representative", "interlocutor", "data", "report"})


_CLOSING_BRACKETS = re.compile(r"\((?P<inner>[^()]{2,100})\)\W*$")


def _source_in_closing_brackets(norm: str, pats: _Patterns) -> tuple[int, int] | None:
    """The span of a source named last in brackets that end a line: its last comma-separated
    part, when that is a known actor or an organisation's name."""
    m = _CLOSING_BRACKETS.search(norm)
    if not m:
        return None
    inner_start = m.start("inner")
    part_start = norm.rfind(",", inner_start, m.end("inner")) + 1 or inner_start
    part_start = max(part_start, inner_start)
    while part_start < m.end("inner") and norm[part_start].isspace():
        part_start += 1
    text = norm[part_start : m.end("inner")].strip()
    if not text or re.search(r"\d", text):
        return None
    known = default_registry().find(text, normalised=True)
    words = text.split()
    org = bool(words) and bool(pats.org_words.match(words[-1].lower().strip(".,'’s")))
    if known or (org and _organisation_like(text, pats)):
        return part_start, part_start + len(text)
    return None


def _source_before_colon(text: str, pats: _Patterns) -> bool:
    """Whether "X: …" opens with a source (a known actor, an acronym, a capitalised name of two
    or more words) rather than a label ("Details:", "Update:", "Analysis:")."""
    text = text.strip()
    words = text.split()
    if not words or len(words) > 6 or pats.lead_labels.match(text):
        return False
    if default_registry().find(text, normalised=True):
        return True
    if len(words) == 1:
        return len(text) >= 2 and text.isupper()
    return all(
        w[:1].isupper() or w.lower() in pats.determiners or w.lower() in ("of", "for", "and") for w in words
    )


def _speaker_like(text: str, pats: _Patterns) -> bool:
    """Whether a phrase can name a source: a name, a known actor, or a description of a body."""
    words = text.split()
    if not words or len(words) > 12 or re.search(r"\d", text):
        return False
    if words[0].lower() in pats.prepositions:
        return False  # "In a report published in April": a phrase, not a source
    if default_registry().find(text, normalised=True):
        return True
    if pats.speaker_noun.search(text):
        return True
    # A capitalised word that is not just the first word of the sentence ("The conflict").
    first = words[0]
    rest_caps = any(w[:1].isupper() for w in words[1:])
    first_is_name = first[:1].isupper() and first.lower() not in pats.determiners
    return rest_caps or first_is_name


# ---------------------------------------------------------------------------------------------
# Composition


def _compose(
    events: list[_Event],
    original: str,
    norm: str,
    frame: _Frame | None,
    pats: _Patterns,
    history: list[_Frame] | None = None,
) -> tuple[Attribution, str | None]:
    """Claimant and via from a sentence's events; returns also who spoke (for pronouns)."""
    speakers = [e for e in events if e.role == "speaker"]
    origins = [e for e in events if e.role == "origin"]
    # "ISW assesses …, according to Ukrainian General Staff data": whoever speaks passes on the
    # data of the body named as their source.
    if len(speakers) > 1 and any(e.data for e in speakers) and any(not e.data for e in speakers):
        origins = [*origins, *(e for e in speakers if e.data)]
        speakers = [e for e in speakers if not e.data]
    relays = [_name(original, norm, e, pats) for e in events if e.role == "relay"]
    said_on = next((e.said_on for e in events if e.said_on), None)

    def resolve(e: _Event) -> tuple[Attribution | None, str]:
        """A name, or the frame an anaphor refers to."""
        if e.self_ref:
            return None, THE_ARTICLE
        if e.anaphor and pats.pronoun.match(norm[e.start : e.end]):
            own = _own_subject(norm, e, pats)
            if own is not None:  # "The project has received 189 appeals, it said"
                return None, _name(original, norm, own, pats)
        if e.anaphor and history and not pats.pronoun.match(norm[e.start : e.end]):
            # "the commander", "the group": the latest source of that kind, if there is one.
            head = norm[e.start : e.end].split()[-1].casefold().rstrip("s")
            # "the source", "the official" refer to the latest speaker; "the commander", "the
            # group" to the latest source of that kind.
            for past in reversed(history if head not in _GENERIC_HEADS else []):
                full = past.full or past.attribution
                if len(head) > 3 and head in normalise(full.claimant).casefold():
                    return full, full.claimant  # "the commander" cited earlier as the origin
                if len(head) > 3 and head in normalise(past.speaker or "").casefold():
                    return past.attribution, past.speaker or ""
        if e.anaphor and frame is not None:
            return frame.attribution, (
                frame.speaker
                if pats.pronoun.match(norm[e.start : e.end]) and frame.speaker
                else frame.attribution.claimant
            )
        return None, _name(original, norm, e, pats)

    speaker_frame: Attribution | None = None
    speaker_name: str | None = None
    if speakers:
        speaker_frame, speaker_name = resolve(speakers[0])
        # "The Russian Defense Ministry has claimed that …, TASS reported": whoever reports
        # someone else's statement after it passes it on.
        relays = [*(resolve(e)[1] for e in speakers[1:]), *relays]
    if origins:
        origin_frame, claimant = resolve(origins[-1])
        earlier = [resolve(o)[1] for o in reversed(origins[:-1])]
        passer = [speaker_name] if speaker_name else []
        if origin_frame is not None:
            attribution = Attribution(
                origin_frame.claimant,
                (*origin_frame.via, *earlier, *passer, *relays),
                said_on or origin_frame.said_on,
            )
        else:
            attribution = Attribution(claimant, _dedupe((*earlier, *passer, *relays), claimant), said_on)
        return attribution, speaker_name
    if speaker_frame is not None:
        return Attribution(
            speaker_frame.claimant,
            _dedupe((*speaker_frame.via, *relays), speaker_frame.claimant),
            said_on or speaker_frame.said_on,
        ), speaker_name
    assert speaker_name is not None
    return Attribution(speaker_name, _dedupe(tuple(relays), speaker_name), said_on), speaker_name


def _own_subject(norm: str, e: _Event, pats: _Patterns) -> _Event | None:
    """For a pronoun that speaks after its sentence's main clause ("…, it said in a statement"),
    the sentence's subject when that is a source ("the “I Want to Live” project")."""
    if e.at < len(norm) // 2:
        return None
    lead = re.match(
        r"(?:[A-Z][\w'.-]*|the|The)(?:\s+(?:[\w'\".-]+))*?(?=\s+(?:has|have|had|is|are|was|were|"
        r"says?|said|received|recorded|registered|counted|reported)\b)",
        norm,
    )
    if not lead:
        return None
    text = norm[: lead.end()]
    if len(text.split()) > 8 or pats.places.match(text.strip()):
        return None
    if not (pats.speaker_noun.search(text) or default_registry().find(text, normalised=True)):
        return None
    return _Event("speaker", 0, lead.end(), 0)


def _dedupe(via: tuple[str, ...], claimant: str) -> tuple[str, ...]:
    out: list[str] = []
    for v in via:
        if v and v != claimant and v not in out:
            out.append(v)
    return tuple(out)


def _name(original: str, norm: str, e: _Event, pats: _Patterns) -> str:
    """A source's name as written, without what only describes it.

    Dropped: a title before a person's name ("spokesperson Maria Zakharova", "Defence Minister
    Serhii Marchuk"), a description before a name ("the state news agency TASS"), the word for
    the data after an organisation ("Eurostat data"), and "the" before a proper or organisation
    name ("the Russian Defense Ministry"). Kept: a possessive that makes the report the
    organisation's own ("Die Welt's correspondent Christoph Vanner"), and "a"/"an" or "the" before
    a description ("a Russian volunteer anti-war group", "the unit's commander").
    """
    start, end = e.start, e.end
    text = norm[start:end]
    lead = pats.data_head.match(text)
    if lead and lead.end() < len(text) and text[lead.end()].isupper():
        start += lead.end()  # "figures Russia's Federal Security Service shared with …"
        text = norm[start:end]
    tail = pats.data_tail.search(text)
    if tail and tail.start() > 0 and _organisation_like(text[: tail.start()], pats):
        end = start + tail.start()  # "Customs and Border Protection data" -> the agency
        text = norm[start:end]
    acronym = pats.acronym_described.match(text)
    if acronym and not _known_alias(text):
        end = start + acronym.end("name")  # "HUR military intelligence agency" -> HUR
        text = norm[start:end]
    reporter_possessive = bool(pats.reporter_possessive.search(text))
    if not reporter_possessive:
        described = pats.descriptor_name.match(text)
        if described:
            start += described.start("name")
            text = norm[start:end]
        person = _person_after_title(text, pats)
        if person is not None:
            start += person
            text = norm[start:end]
    det = re.match(r"(?:the|The)\s+", text)
    if det and _proper_or_organisation(text[det.end() :], pats) and not _the_is_part_of_name(text):
        start += det.end()
    name = original[start:end].strip()
    # "BBC News Russian and the independent outlet Mediazona": each of two sources loses its
    # description.
    joint = re.search(r"\s+and\s+", name)
    if joint and name[:1].isupper() and not reporter_possessive:
        second = name[joint.end() :]
        described = pats.descriptor_name.match(normalise(second))
        if described and described.start("name") > 0:
            name = name[: joint.end()] + second[described.start("name") :]
    # "according to agency data" after a sentence that opens with the agency ("U.S. Customs and
    # Border Protection encountered 57,264 …"): the agency is the source.
    if pats.own_data.match(name):
        subject = pats.subject_org.match(norm)
        if subject and subject.end("name") <= e.start and _organisation_like(subject.group("name"), pats):
            return original[subject.start("name") : subject.end("name")]
    # A name in quotation marks ("the group 'Idite Lesom'") is the name without them (one mark left
    # alone when the phrase was cut inside the quotation).
    if len(name) > 2 and name[0] in "\"'«“„" and name[-1] in "\"'»”":
        name = name[1:-1].strip()
    elif len(name) > 2 and name[0] in '"«“„' and not any(q in name[1:] for q in '"»”“'):
        name = name[1:].strip()
    return name


def _known_alias(text: str) -> bool:
    """Whether a phrase is itself a known actor's name ("UN refugee agency", "U.N. refugee
    agency"), not an acronym with a description after it ("HUR military intelligence agency")."""
    return _is_alias(text, loose=True)


def _the_is_part_of_name(text: str) -> bool:
    """ "The Kyiv Independent", "The Economist": a known name that begins with "The"."""
    return _is_alias(text)


def _is_alias(text: str, *, loose: bool = False) -> bool:
    """Whether ``text`` is, letter for letter, one of the names of the actor it resolves to;
    ``loose`` ignores a leading "the" and the dots of an acronym ("U.N.")."""

    def key(t: str) -> str:
        if loose:
            t = re.sub(r"^the\s+", "", t.strip(), flags=re.IGNORECASE)
            t = re.sub(r"\b((?:[A-Z]\.){2,})", lambda m: m.group(1).replace(".", ""), t)
        return re.sub(r"\s+", " ", normalise(t).strip().casefold())

    actor = default_registry().resolve(key(text) if loose else text)
    return actor is not None and key(text) in {key(a) for a in actor.aliases}


def _person_after_title(text: str, pats: _Patterns) -> int | None:
    """Offset of a person's name that a title precedes, or None: "Russian Foreign Ministry
    spokesperson Maria Zakharova", "Ukrainian President Volodymyr Zelensky"."""
    tokens = list(re.finditer(r"\S+", text))
    if len(tokens) < 3:
        return None
    k = len(tokens)
    while k > 0 and tokens[k - 1].group(0)[:1].isupper() and not _is_title(tokens[k - 1].group(0), pats):
        k -= 1
    name_tokens = tokens[k:]
    if (
        len(name_tokens) >= 2
        and k > 0
        and _is_title(tokens[k - 1].group(0), pats)
        and not any(pats.org_words.match(t.group(0).lower().strip(".,'s")) for t in name_tokens)
    ):
        return name_tokens[0].start()
    # "официальный представитель МИД России Мария Захарова": the title comes before the body it
    # speaks for; the person is the last two words when they read as a first and a last name.
    last_two = tokens[-2:]
    if (
        len(tokens) >= 4
        and any(_is_title(t.group(0), pats) for t in tokens[:-2])
        and all(_person_word(t.group(0)) and not pats.org_words.match(t.group(0).lower()) for t in last_two)
    ):
        return last_two[0].start()
    return None


def _person_word(word: str) -> bool:
    """A word written like a first or last name: a capital, then lower-case letters."""
    return len(word) > 1 and word[0].isupper() and word[1:].replace("-", "").isalpha() and word[1:].islower()


def _proper_or_organisation(text: str, pats: _Patterns) -> bool:
    """Whether a phrase after "the" names something ("Russian Defense Ministry", "UN refugee
    agency") rather than describes a person ("unit's commander")."""
    words = text.split()
    if not words:
        return False
    head = words[-1].lower().strip(".,")
    if pats.org_words.match(head) or pats.org_words.match(head.rstrip("s")):
        return True
    # "Office of the Prosecutor General": the head comes before "of".
    if "of" in words[1:]:
        first = words[words.index("of", 1) - 1].lower().strip(".,")
        if words[0][:1].isupper() and pats.org_words.match(first):
            return True
    return words[0][:1].isupper() and not _is_title(words[-1], pats)


def _organisation_like(text: str, pats: _Patterns) -> bool:
    """A known actor or a capitalised organisation name — not a bare country ("US statistics")."""
    text = text.strip()
    if not text or pats.places.match(text) or pats.nationality_only.match(text):
        return False
    if default_registry().find(text, normalised=True):
        return True
    words = text.split()
    return any(w[:1].isupper() for w in words) and (
        len(words) > 1 or bool(pats.org_words.match(words[0].lower())) or words[0].isupper()
    )


def _is_title(word: str, pats: _Patterns) -> bool:
    return bool(pats.title_words.match(word.lower().strip(".,")))


# ---------------------------------------------------------------------------------------------
# Statement dates


def _said_on(norm: str, ev: _Event, published: date | None, language: str) -> date | None:
    """The day a statement or report is dated: "On November 7th, she stated", "said on Monday",
    "a November 9th report by"."""
    if ev.role == "relay":
        return None
    pats = period_patterns(language)
    lo = max(norm.rfind(",", 0, max(0, ev.at - 1)), norm.rfind(";", 0, ev.at), -1)
    window_start = 0 if lo < 0 else lo
    # The clause before the cue, and a few words after it.
    after_verb = ev.verb_end if ev.verb_end >= 0 else ev.end
    windows = [
        (after_verb, min(len(norm), after_verb + 40)),
        (window_start, ev.at),
        (ev.at, ev.start),
        (ev.end, min(len(norm), ev.end + 30)),
        (max(0, ev.at - 60), ev.at),
    ]
    for ws, we in windows:
        for m in pats.date.finditer(norm, ws, we):
            if m.end() < len(norm) and norm[m.end()].isdigit():
                continue  # the window cut a number: "листопада 2|024" is no 2 November
            first, last = resolve_date(m, pats, published)
            if first is not None and first == last:
                return first
    # "claimed in August that …": a month-long date of the statement; its last day (or the day of
    # publication, if sooner) is the latest the statement can speak for.
    verb_end = _verb_end(norm, ev)
    for m in pats.date.finditer(norm, verb_end, min(len(norm), verb_end + 30)):
        first, last = resolve_date(m, pats, published)
        if last is not None and _statement_month(norm, verb_end, m, patterns(language)):
            return min(last, published) if published else last
    return _weekday(norm[max(0, ev.at - 40) : min(len(norm), ev.end + 25)], published)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(text: str, published: date | None) -> date | None:
    """ "said on Tuesday": the latest such weekday on or before publication."""
    if published is None:
        return None
    m = re.search(r"\bon\s+(" + "|".join(_WEEKDAYS) + r")\b", text, re.IGNORECASE)
    if not m:
        return None
    target = _WEEKDAYS.index(m.group(1).lower())
    from datetime import timedelta

    delta = (published.weekday() - target) % 7
    return published - timedelta(days=delta)


def _statement_date_spans(
    norm: str, events: list[_Event], published: date | None, language: str
) -> list[tuple[int, int]]:
    """Spans of dates that date a statement, so that periods do not read them as the figure's."""
    spans: list[tuple[int, int]] = []
    if not events:
        return spans
    pats = period_patterns(language)
    for m in pats.date.finditer(norm):
        _first, _last = resolve_date(m, pats, None if published is None else published)
        if not (m.group("day") or m.group("day2")):
            if any(
                _statement_month(norm, _verb_end(norm, ev), m, patterns(language))
                for ev in events
                if ev.role != "relay"
            ):
                spans.append((m.start(), m.end()))
            continue
        for ev in events:
            if ev.role == "relay":
                continue
            between = norm[m.end() : ev.at] if m.end() <= ev.at else norm[ev.end : m.start()]
            inside = ev.start <= m.start() and m.end() <= ev.end
            if (
                ev.verb_end >= 0
                and 0 <= m.start() - ev.verb_end <= 40
                and re.fullmatch(r"(?:\s+\S+){0,4}?\s+on\s+(?:the\s+)?", norm[ev.verb_end : m.start()])
            ):
                spans.append((m.start(), m.end()))  # "reported on January 13 that", "told X on Feb. 20"
                break
            if (
                inside
                or (0 <= ev.at - m.end() <= 40 and "," in between and len(between.split()) <= 6)
                or (m.start() >= ev.end and m.start() - ev.end <= 12)
            ):
                spans.append((m.start(), m.end()))
                break
            # "a November 9th report by X": the date sits just before the data noun.
            if (
                m.end() <= ev.start
                and ev.start - m.end() <= 15
                and re.match(
                    r"^\s*(?:\w+\s+)?(?:report|statement|study|survey|article|post)",
                    norm[m.end() : ev.start],
                    re.IGNORECASE,
                )
            ):
                spans.append((m.start(), m.end()))
                break
    return spans


def _verb_end(norm: str, ev: _Event) -> int:
    """Where the speech verb of an event ends (its cue word, when no longer verb was recorded)."""
    if ev.verb_end >= 0:
        return ev.verb_end
    word = re.match(r"\w+", norm[ev.at :])
    return ev.at + word.end() if word else ev.at


def _statement_month(norm: str, verb_end: int, m: re.Match[str], pats: _Patterns) -> bool:
    """ "said in September that …": a month right after a speech verb, then what was said."""
    return bool(
        pats.statement_month_before.fullmatch(norm, verb_end, m.start())
        and pats.what_was_said.match(norm, m.end())
    )


# ---------------------------------------------------------------------------------------------
# Article-level: one name per source, the outlet itself, headlines


def canonical_names(names: list[str], body: str) -> dict[str, str]:
    """For each source name used in an article, the fullest name the article gives that source:
    "Savchuk" -> "Ivan Savchuk", "the Judicial Department" -> "Judicial Department of the Supreme
    Court", "Prosecutor General's Office" -> "Office of the Prosecutor General" (same actor)."""
    registry = default_registry()
    norm_body = normalise(body)
    out: dict[str, str] = {}
    unique = list(dict.fromkeys(n for n in names if n and n != THE_ARTICLE))
    for name in unique:
        best = name
        actor = registry.resolve(name)
        for other in unique:
            if other == name or len(other) <= len(best) or not other[:1].isupper():
                continue
            if (actor is not None and registry.resolve(other) == actor) or _extends(name, other):
                best = other
        spelled = _acronym_spelled_out(best, body)
        if spelled is not None:
            out[name] = spelled
            continue
        longer = _longer_in_text(normalise(best), norm_body)
        if longer is not None:
            start = norm_body.find(longer)
            best = body[start : start + len(longer)]
        out[name] = best
    return out


def _acronym_spelled_out(name: str, body: str) -> str | None:
    """The full name an article gives an acronym: "the National Intelligence Service (NIS)" for
    "NIS"."""
    if not (2 <= len(name) <= 8 and name.isupper() and name.isalpha()):
        return None
    word = r"[A-Z][\w'’-]*"
    run = rf"{word}(?:[ \t]+(?:(?:of|for|and|on)[ \t]+(?:the[ \t]+)?)?{word}){{1,7}}"
    m = re.search(rf"({run})\s*\({re.escape(name)}\)", body)
    if m:
        return m.group(1)
    # "The National Intelligence Service told lawmakers …" elsewhere: a name whose capitals spell it.
    for m in re.finditer(run, body):
        words = m.group(0).split()
        for k in range(len(words) - 1):  # "The National Intelligence Service": from any word on
            if "".join(w[0] for w in words[k:] if w[:1].isupper()) == name:
                return " ".join(words[k:])
    return None


def _extends(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with more words ("Savchuk" in "Ivan Savchuk", "Nepal" in
    "Nepal's foreign ministry")."""
    s, lg = normalise(short).casefold(), normalise(long).casefold()
    return lg.endswith(" " + s) or lg.startswith(s + " ") or lg.startswith(s + "'s ")


_ORG_TAIL = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:of\s+the\s+)?[A-Z][\w'-]*)*")
_FIRST_NAME = re.compile(r"(?<=[a-z,] )[A-Z][\w'-]+\s+$")


def _longer_in_text(name: str, norm_body: str) -> str | None:
    """A fuller form of a capitalised name in the body: "Judicial Department" -> "Judicial
    Department of the Supreme Court"; a surname -> the "First Last" that introduced the person
    ("spokesman Oleksandr Tkachuk").

    Only the name's own occurrences are examined (found with ``str.find``): the cost grows with
    how often a name recurs, not with the body's length times the number of names."""
    if not name[:1].isupper():
        return None
    # Only an organisation grows this way ("Judicial Department of the Supreme Court"); a person
    # "of the Get Lost group" is still the person.
    org = bool(patterns("en").org_words.match(name.split()[-1].casefold()))
    single = " " not in name
    if not org and not single:
        return None
    found = []
    at = norm_body.find(name)
    while at >= 0:
        found.append(at)
        at = norm_body.find(name, at + 1)
    if org:
        for at in found:
            if at and (norm_body[at - 1].isalnum() or norm_body[at - 1] in "_'-"):
                continue
            m = _ORG_TAIL.match(norm_body, at + len(name))
            if m:
                return norm_body[at : m.end()]
    if single:
        for at in found:
            after = at + len(name)
            if after < len(norm_body) and (norm_body[after].isalnum() or norm_body[after] in "_'-"):
                continue
            m = _FIRST_NAME.search(norm_body, max(0, at - 80), at)
            if m:
                return norm_body[m.start() : after]
    return None


def is_outlet(name: str, outlet: str | None) -> bool:
    """Whether a name is the article's own outlet (never an intermediary of its own story)."""
    if not outlet or not name:
        return False

    def key(text: str) -> str:
        text = re.sub(r"\s*\(.*\)\s*$", "", normalise(text).casefold())  # "AP (English)"
        return re.sub(r"^the\s+", "", text).strip()

    if key(name) == key(outlet):
        return True
    registry = default_registry()
    ra = registry.resolve(name)
    return ra is not None and ra == registry.resolve(re.sub(r"\s*\(.*\)\s*$", "", outlet))


def is_generic(name: str, language: str = "en") -> bool:
    """A word for a source that names nobody ("source", "sources", "media reports")."""
    return bool(patterns(language).anaphor.match(normalise(name).strip())) or normalise(
        name
    ).strip().casefold() in ("source", "sources", "media", "reports", "media reports")
