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
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

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


@dataclass(slots=True)
class _Frame:
    attribution: Attribution
    speaker: str | None  # the person or body that spoke in the text, for "she"/"he"
    sentence: int
    block: int


@dataclass(slots=True)
class SentenceAttribution:
    """The attribution of one sentence: per clause where clauses differ, else for the sentence."""

    default: Attribution  # for figures in clauses with no attribution of their own
    clauses: list[tuple[Clause, Attribution]] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # names and cues (sentence offsets)
    date_spans: list[tuple[int, int]] = field(default_factory=list)  # statement dates
    explicit: bool = False

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
            r"(?:[A-Z]\w+\s+)?\d{1,2}(?:st|nd|rd|th)?|[A-Z][a-z]+\.?)\s+)*"
        )
        # "a report published on November 9 by X"
        published_on = (
            r"(?:(?:published|released|issued|presented|made\s+public)\s+(?:on\s+[^,]{1,25}?\s+)?)?"
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
        self.inner_data_of = re.compile(rf"^{det}(?:{data_nouns})\s+(?:{data_preps})\s+", re.IGNORECASE)
        self.possessive_data = re.compile(
            rf"'s?\s+(?:own\s+)?(?:latest\s+)?(?:{data_nouns})(?![^\W_])", re.IGNORECASE
        )
        self.generic_receiver = re.compile(
            rf"^(?:{alternation(entry(d, 'generic_receivers', file=f))})$", re.IGNORECASE
        )
        self.anaphor = re.compile(rf"^(?:{alternation(entry(d, 'anaphors', file=f))})$", re.IGNORECASE)
        self.pronoun = re.compile(r"^(?:he|she|they|it)$", re.IGNORECASE)
        titles = entry(d, "titles", file=f)
        self.title = re.compile(rf"^(?:{alternation(titles)})$", re.IGNORECASE)
        self.title_words = {t.lower().rstrip("\\.?").replace("\\", "") for t in titles}
        self.org_words = {w.lower() for w in entry(d, "organisation_words", file=f)}
        self.openers = re.compile(
            rf"^(?:{alternation(entry(d, 'subject_openers', file=f))})\b,?\s*", re.IGNORECASE
        )
        self.speaker_noun = re.compile(words_pattern(entry(d, "speaker_nouns", file=f)), re.IGNORECASE)
        verbs = alternation(
            [
                *speech,
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
            rf"\s+(?:that|which|who|whom|whose|where|when|while|whereas|although|because|on|in|at|"
            rf"since|about|during|after|before|amid|as|between|until|if|than|to|into|"
            rf"{verbs}|{alternation(entry(d, 'citing', file=f))}|"
            rf"{alternation(entry(d, 'relays', file=f))})(?![^\W_])",
            re.IGNORECASE,
        )
        self.np_chunk = re.compile(r"[^,;:!?()\[\]]+")
        # "claimed over 100,000 lives" is a toll, not a claim someone made.
        self.toll_after = re.compile(r"^\s+(?:[\w,.+-]+\s+){0,5}?(?:lives|victims)(?![^\W_])", re.IGNORECASE)
        self.appositive = re.compile(
            r",\s*(?:a|an|the|which|who|whose|its|his|her|their|one\s+of|former|currently|now|"
            r"itself|formerly|also|then|once|previously|recently)\b[^,]*,\s*$",
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
    clauses: list[list[Clause]],
    published: date | None,
    language: str = "en",
    *,
    norm_body: str | None = None,
) -> list[SentenceAttribution]:
    """The attribution of every sentence, resolving anaphors and inheriting frames in order.

    ``norm_body`` is the normalised article body the sentences index, when the caller has it.
    """
    pats = patterns(language)
    frame: _Frame | None = None
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
    for sent, sent_clauses, cues, base in zip(sentences, clauses, cue_at, offsets, strict=True):
        norm = norm_body[base : base + len(sent.text)]
        events = _events(norm, pats, published, language, cues) if cues else []
        spans = [(e.start, e.end) for e in events]
        date_spans = _statement_date_spans(norm, events, published, language)
        inherited = (
            frame.attribution
            if frame and frame.block == sent.block and sent.index - frame.sentence <= FRAME_REACH
            else None
        )
        if not any(e.role in ("speaker", "origin") for e in events):
            out.append(SentenceAttribution(inherited or Attribution(THE_ARTICLE), [], spans, date_spans))
            continue
        default, speaker = _compose(events, sent.text, norm, frame, pats)
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
        if len(sent_clauses) > 1:
            for c in sent_clauses:
                own = [e for e in events if c.start <= e.at < c.end]
                if any(e.role in ("speaker", "origin") for e in own):
                    per_clause.append((c, _compose(own, sent.text, norm, frame, pats)[0]))
        out.append(SentenceAttribution(default, per_clause, spans, date_spans, explicit=True))
        frame = _Frame(default, speaker, sent.index, sent.block)
    return out


def _same_source(a: str, b: str) -> bool:
    """Whether two names name one source (the same words, or the same known actor)."""
    if normalise(a).casefold() == normalise(b).casefold():
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
    if not any(cues.values()):
        return events
    taken: list[tuple[int, int]] = []

    def add(role: str, start: int, end: int, at: int, *, record: bool = False) -> None:
        start, end = _trim(norm, start, end)
        if end <= start or any(s <= start < e or s < end <= e for s, e in taken):
            return
        text = norm[start:end]
        anaphor = bool(pats.anaphor.match(text))
        if role != "relay" and not anaphor and not _speaker_like(text, pats):
            return
        if not anaphor and pats.bare_data.match(text) and not default_registry().find(text, normalised=True):
            return  # "quoted figures she attributed to …": the figures are not the source
        if pats.nationality_only.match(text) or (record and pats.places.match(text)):
            return  # "Russian claims …"; "Germany registered …" (where, not who)
        if role == "relay" and (pats.generic_receiver.match(text) or not _speaker_like(text, pats)):
            return
        taken.append((start, end))
        events.append(_Event(role, start, end, at, anaphor))

    for cs, ce in cues["citing"]:
        # "citing data from X": past the data noun to X.
        data = pats.citing_data.match(norm, ce)
        s, e = _np_after(norm, data.end() if data else ce, pats)
        s, e = _unwrap(norm, s, e, pats)
        add("origin", s, e, cs)
    for cs, ce in cues["according"]:
        s, e = _np_after(norm, ce, pats)
        s, e = _unwrap(norm, s, e, pats)
        add("speaker", s, e, cs)
    for cs, ce in cues["data"]:
        possessive = pats.possessive_before.search(norm, max(0, cs - 20), cs)
        if possessive:  # "Mediazona's count"
            s, e = _np_before_possessive(norm, possessive.start())
            add("speaker", s, e, s)
            continue
        prep = pats.after_data.match(norm, ce)
        if prep:  # "a November 9th report by X", "data from X"
            det = pats.det_before.search(norm, max(0, cs - 40), cs)
            s, e = _np_after(norm, prep.end(), pats)
            add("speaker", s, e, det.start() if det else cs)
    for cs, ce in cues["relay"]:
        s, e = _np_after(norm, ce, pats)
        add("relay", s, e, cs)
    for record, found in ((False, cues["speech"]), (True, cues["record"])):
        for cs, ce in found:
            aux = pats.aux_before.search(norm, max(0, cs - 60), cs)
            vs = aux.start() if aux else cs
            if pats.passive_before.search(norm, max(0, vs - 12), vs):
                continue  # "are said to", "were reported"
            if norm[cs:ce].lower().startswith("claim") and pats.toll_after.match(norm, ce):
                continue  # "has claimed over 100,000 lives"
            s, e = _np_before(norm, vs, pats)
            if e > s and (pats.anaphor.match(norm[s:e]) or _speaker_like(norm[s:e], pats)):
                add("speaker", s, e, vs, record=record)
                continue
            # Inverted: "…, said Maria Zakharova."
            if re.search(r"[,\"]\s*$", norm[:vs]):
                s, e = _np_after(norm, ce, pats)
                add("speaker", s, e, vs)

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
    if stop:
        end = stop.start()
    # A full stop ends the sentence, unless it ends an abbreviation ("U.S.", "Gen.").
    seg = norm[pos:end]
    dot = re.search(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.(?:\s|$)", seg)
    if dot:
        end = pos + dot.start()
    return pos, end


def _np_before(norm: str, end: int, pats: _Patterns) -> tuple[int, int]:
    """The subject that ends at ``end`` (before a speech verb), without appositives and openers."""
    seg = norm[:end].rstrip()
    app = pats.appositive.search(seg) if seg.endswith(",") else None
    if app:
        seg = seg[: app.start()].rstrip()
    cut = max(seg.rfind(c) for c in ',;:("')
    start = cut + 1
    while start < len(seg) and seg[start].isspace():
        start += 1
    text = seg[start:]
    op = pats.openers.match(text)
    while op and op.end() > 0:
        start += op.end()
        text = seg[start:]
        op = pats.openers.match(text)
    if len(text.split()) > 12:
        return end, end
    return start, len(seg)


def _np_before_possessive(norm: str, end: int) -> tuple[int, int]:
    """The capitalised name before "'s data" ("Mediazona's count")."""
    m = re.search(r"((?:[A-Z][\w.-]*(?:'s)?\s+(?:of\s+|for\s+|the\s+)?)*[A-Z][\w.-]*)$", norm[:end])
    if not m:
        return end, end
    return m.start(1), end


def _unwrap(norm: str, start: int, end: int, pats: _Patterns) -> tuple[int, int]:
    """Inside "according to a November 9th report by X" or "citing data from X", the source is X;
    inside "according to X's data", X."""
    inner = pats.inner_data_of.match(norm, start, end)
    if inner:
        return inner.end(), end
    pos = pats.possessive_data.search(norm, start, end)
    if pos and pos.end() == end:
        return start, pos.start()
    return start, end


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (norm[start].isspace() or norm[start] in "\"'"):
        start += 1
    while end > start and (norm[end - 1].isspace() or norm[end - 1] in "\"'.,"):
        end -= 1
    return start, end


def _speaker_like(text: str, pats: _Patterns) -> bool:
    """Whether a phrase can name a source: a name, a known actor, or a description of a body."""
    words = text.split()
    if not words or len(words) > 12 or re.search(r"\d", text):
        return False
    if default_registry().find(text, normalised=True):
        return True
    if pats.speaker_noun.search(text):
        return True
    # A capitalised word that is not just the first word of the sentence ("The conflict").
    first = words[0]
    rest_caps = any(w[:1].isupper() for w in words[1:])
    first_is_name = first[:1].isupper() and first.lower() not in (
        "the",
        "a",
        "an",
        "this",
        "these",
        "that",
        "those",
        "it",
        "its",
    )
    return rest_caps or first_is_name


# ---------------------------------------------------------------------------------------------
# Composition


def _compose(
    events: list[_Event], original: str, norm: str, frame: _Frame | None, pats: _Patterns
) -> tuple[Attribution, str | None]:
    """Claimant and via from a sentence's events; returns also who spoke (for pronouns)."""
    speakers = [e for e in events if e.role == "speaker"]
    origins = [e for e in events if e.role == "origin"]
    relays = [_name(original, norm, e, pats) for e in events if e.role == "relay"]
    said_on = next((e.said_on for e in events if e.said_on), None)

    def resolve(e: _Event) -> tuple[Attribution | None, str]:
        """A name, or the frame an anaphor refers to."""
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


def _dedupe(via: tuple[str, ...], claimant: str) -> tuple[str, ...]:
    out: list[str] = []
    for v in via:
        if v and v != claimant and v not in out:
            out.append(v)
    return tuple(out)


def _name(original: str, norm: str, e: _Event, pats: _Patterns) -> str:
    """A source's name as written, without what only describes it: a title before a person's
    name ("spokesperson Maria Zakharova") or a description before a name ("the state news agency
    TASS"). A possessive keeps the organisation as part of the source ("Die Welt's correspondent
    Christoph Vanner": the report is the outlet's own)."""
    start, end = e.start, e.end
    text = norm[start:end]
    if "'s " not in text:
        described = pats.descriptor_name.match(text)
        if described:
            start += described.start("name")
            text = norm[start:end]
        tokens = list(re.finditer(r"\S+", text))
        if len(tokens) >= 3:
            # The longest run of capitalised words at the end that is a person's name.
            k = len(tokens)
            while k > 0 and tokens[k - 1].group(0)[:1].isupper():
                k -= 1
            while k < len(tokens) and _is_title(tokens[k].group(0), pats):
                k += 1
            name_tokens = tokens[k:]
            if (
                len(name_tokens) >= 2
                and k > 0
                and not any(t.group(0).lower().strip(".,") in pats.org_words for t in name_tokens)
                and _is_title(tokens[k - 1].group(0), pats)
            ):
                start += name_tokens[0].start()
    name = original[start:end].strip()
    # A name in quotation marks ("the group 'Idite Lesom'") is the name without them.
    if len(name) > 2 and name[0] in "\"'«“„" and name[-1] in "\"'»”":
        name = name[1:-1].strip()
    return name


def _is_title(word: str, pats: _Patterns) -> bool:
    return word.lower().strip(".,") in pats.title_words


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
    windows = [
        (window_start, ev.at),
        (ev.at, ev.start),
        (ev.end, min(len(norm), ev.end + 30)),
        (max(0, ev.at - 60), ev.at),
    ]
    for ws, we in windows:
        for m in pats.date.finditer(norm, ws, we):
            first, last = resolve_date(m, pats, published)
            if first is not None and first == last:
                return first
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
            continue
        for ev in events:
            if ev.role == "relay":
                continue
            between = norm[m.end() : ev.at] if m.end() <= ev.at else norm[ev.end : m.start()]
            inside = ev.start <= m.start() and m.end() <= ev.end
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
