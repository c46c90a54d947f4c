"""Stage 2: find every numeric figure in a text, with its value interval and bound.

``find_figures(text)`` works on any sentence, in scope or not, so that it can be checked against
quantity-extraction benchmarks; deciding whether a figure is about people leaving the fight is the
job of later stages. What is *not* a figure never comes out of here: dates, years, times, ages,
durations and prison terms, code article numbers, ordinals, vague words ("thousands") and page
furniture ("2 min read").

A figure is built from *atoms* (a number in digits or in words, with its magnitude), joined into
ranges ("between X and Y", "X–Y"), given a bound by its qualifiers ("over", "fewer than"), a unit
("%", "fold", a currency), and a rate ("each month") when its clause states one.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from headcount.extract.text import Clause, clause_of, clause_pattern, clause_spans, normalise
from headcount.model import Figure
from headcount.vocab import (
    alternation,
    compile_words,
    entry,
    literal_alternation,
    path_of,
    table,
    words_pattern,
)

# Beyond this many digits a "number" is an identifier or garbage (and int() of it is slow).
_MAX_DIGITS = 15


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    value: float
    words: bool  # written in words
    magnitude: float | None  # the multiplier written after it ("million"), if any
    plain_digits: str  # the digits as written, without separators ("" for words)


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    low: float | None
    high: float | None
    bound: str
    unit: str | None = None
    direction: str | None = None
    atoms: tuple[_Atom, ...] = ()


class _Patterns:
    """The compiled vocabulary of one language for the figure layer."""

    def one_as_count(self, norm: str, start: int, end: int) -> bool:
        """Whether a bare "one" counts something: "one deserter was handed over", "only one
        received it" — not "one of them", "no one", "one day"."""
        before = norm[max(0, start - 12) : start]
        after = norm[end : end + 30]
        if self.one_not_after.search(before) or self.one_pronoun_after.match(after):
            return False
        return bool(self.one_counted_before.search(before) or re.match(r"\s+[^\W\d_A-Z]", after))

    def __init__(self, language: str) -> None:
        name = "numbers"
        data = table(name, language)
        f = path_of(name, language)
        periods = table("periods", language)
        table("text", language)

        # --- numbers in digits -------------------------------------------------------------
        dec = entry(data, "separators.decimal", file=f, kind=(str, list))
        decimals = [dec] if isinstance(dec, str) else list(dec)
        groups = entry(data, "separators.group", file=f)
        grouped = "|".join(rf"\d{{1,3}}(?:{re.escape(g)}\d{{3}})+(?!\d)" for g in groups)
        dec_alt = "|".join(re.escape(d) for d in decimals)
        self.digits = re.compile(rf"(?<![\w.,])(?:{grouped}|\d+)(?:(?:{dec_alt})\d+)?(?!\d)")
        self.decimals = decimals
        self.groups = groups
        mags = entry(data, "magnitudes", file=f, kind=dict)
        self.magnitudes = {k.lower(): float(v) for k, v in mags.items()}
        attached = [re.escape(k) for k in mags if len(k) == 1]
        spaced = [re.escape(k) for k in mags if len(k) > 1]
        self.magnitude_after = re.compile(
            rf"^(?:\s?(?:{'|'.join(sorted(spaced, key=len, reverse=True))})\.?"
            rf"|(?:{'|'.join(attached) or '(?!x)x'}))(?![^\W_])",
            re.IGNORECASE,
        )

        # --- numbers in words ----------------------------------------------------------------
        w = entry(data, "words", file=f, kind=dict)
        self.units = {**entry(data, "words.units", file=f, kind=dict)}
        self.compound_only = {**entry(data, "words.compound_only", file=f, kind=dict)}
        self.tens = {**entry(data, "words.tens", file=f, kind=dict)}
        self.hundred = {**entry(data, "words.hundred", file=f, kind=dict)}
        # Words that are a whole number of hundreds ("двести", "триста"): languages without a
        # multiplying "hundred" write them as one word, in every case form.
        self.hundreds = {**w.get("hundreds", {})}
        self.scales = {**entry(data, "words.scales", file=f, kind=dict)}
        self.dozen = {**entry(data, "words.dozen", file=f, kind=dict)}
        self.articles = set(entry(data, "words.article", file=f))
        self.joiners = set(w.get("joiners", []))
        vocab = {
            **self.units,
            **self.compound_only,
            **self.tens,
            **self.hundred,
            **self.hundreds,
            **self.scales,
            **self.dozen,
        }
        self.word_values = {k.lower(): float(v) for k, v in vocab.items()}
        word_alt = literal_alternation(vocab.keys())
        big = alternation([*self.hundred, *self.scales, *self.dozen], file=f, key="words")
        art = alternation(self.articles, file=f, key="words.article")
        join = alternation(self.joiners, file=f, key="words.joiners") if self.joiners else None
        sep = rf"(?:\s+{join}\s+|[\s-]+)" if join else r"[\s-]+"
        # A run starts at a number word (a trie: cheap to try everywhere); an article before a
        # scale word ("a thousand") is picked up by looking back from there.
        self.word_run = re.compile(rf"(?<![^\W_]){word_alt}(?:{sep}{word_alt})*(?![^\W_])", re.IGNORECASE)
        self.article_before = re.compile(rf"(?<![^\W_]){art}\s+$", re.IGNORECASE)
        and_half = w.get("and_a_half", r"and\s+(?:a|one)\s+half")
        self.and_a_half = re.compile(rf"^\s+{and_half}(?:\s+({big}))?(?![^\W_])", re.IGNORECASE)
        # "6 тис. 988": a remainder written after a magnitude (six thousand nine hundred eighty-eight).
        self.magnitude_remainder = bool(data.get("separators", {}).get("magnitude_remainder", False))
        self.half_a = re.compile(rf"(?<![^\W_])half\s+(?:a|an)\s+({big})(?![^\W_])", re.IGNORECASE)

        # --- fractions, "one in five", folds -------------------------------------------------
        fr = entry(data, "fractions", file=f, kind=dict)
        self.fractions = {k.lower(): float(v) for k, v in fr.items()}
        num_token = rf"\d+|{literal_alternation([*self.units, *self.compound_only, *self.articles])}"
        self.fraction = re.compile(rf"(?<![^\W_]){literal_alternation(fr.keys())}(?![^\W_])", re.IGNORECASE)
        not_before = entry(data, "fractions_as_subject.not_before", file=f)
        self.fraction_not_before = re.compile(rf"\s*(?:{alternation(not_before)})(?![^\W_])", re.IGNORECASE)
        adjectives = entry(data, "folds.adjectives", file=f, kind=dict)
        self.fold_adjectives = {k.lower(): float(v) for k, v in adjectives.items()}
        self.fold_adjective = re.compile(
            rf"(?<![^\W_])(?:{alternation(adjectives.keys())})(?=\s+(?:as\s+(?:many|much|high|large|likely|often)|the|that|its|their|what|last|"
            rf"a\s+year|the\s+previous|the\s+number|the\s+figure))",
            re.IGNORECASE,
        )
        self.numerator_before = re.compile(rf"(?<![^\W_])(?:{num_token})[\s-]+$", re.IGNORECASE)
        self.one_in_joint = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", re.IGNORECASE)
        self.one_in_a = re.compile(rf"(?<![^\W_])(?P<a>{num_token})$", re.IGNORECASE)
        self.one_in_b = re.compile(rf"(?P<b>{num_token})(?![^\W_])", re.IGNORECASE)
        folds = entry(data, "folds.words", file=f, kind=dict)
        self.fold_words = {k.lower(): float(v) for k, v in folds.items()}
        self.fold_word = re.compile(
            rf"(?<![^\W_]){literal_alternation(folds.keys())}(?![^\W_])", re.IGNORECASE
        )
        fold_num = (
            rf"\d+(?:\.\d+)?|{literal_alternation([*self.units, *self.tens, *self.hundred, *self.hundreds])}"
        )
        # Cheap substring checks that say whether a rarer kind of figure can be in a text at all.
        adjective_words = entry(data, "folds.adjectives", file=f, kind=dict)
        self.fold_stems = tuple({k.lower()[:4] for k in (*folds, *adjective_words)} | {"fold"})
        self.fraction_stems = tuple({k.lower()[:4] for k in fr})
        self.fold_suffix = re.compile(
            rf"(?<![^\W_])(?P<n>{fold_num}){entry(data, 'folds.suffix', file=f, kind=str)}(?![^\W_])",
            re.IGNORECASE,
        )
        times = entry(data, "folds.times", file=f, kind=str) if "times" in data.get("folds", {}) else "times"
        up = entry(data, "folds.times_comparatives_up", file=f)
        down = entry(data, "folds.times_comparatives_down", file=f)
        self.times_after = re.compile(
            rf"^\s+(?:{times})\s+(?:(?P<up>{alternation(up)})|(?P<down>{alternation(down)}))(?![^\W_])",
            re.IGNORECASE,
        )
        self.times_before = re.compile(
            rf"(?:(?P<up>{alternation(up)})|(?P<down>{alternation(down)}))\s+(?:by\s+)?$",
            re.IGNORECASE,
        )
        self.times_word = re.compile(rf"^\s+(?:{times})(?![^\W_])", re.IGNORECASE)
        # "в шесть раз", "у 2,5 раза": a preposition before the number makes "N times" a factor on
        # its own; its direction comes from the words around it.
        prefix = data.get("folds", {}).get("times_prefix")
        self.times_prefix = re.compile(rf"(?<![^\W_])(?:{prefix})\s+$", re.IGNORECASE) if prefix else None

        # --- percentages ---------------------------------------------------------------------
        signs = entry(data, "percent.signs", file=f)
        symbol_signs = [re.escape(s) for s in signs if not s[0].isalpha()]
        word_signs = [s for s in signs if s[0].isalpha()]
        self.percent_after = re.compile(
            rf"^(?:\s?(?:{'|'.join(symbol_signs) or '(?!x)x'})|\s*{words_pattern(word_signs)})",
            re.IGNORECASE,
        )
        self.points_after = re.compile(
            rf"^\s*{words_pattern(entry(data, 'percent.points', file=f))}", re.IGNORECASE
        )

        # --- bounds --------------------------------------------------------------------------
        def before(key: str) -> re.Pattern[str]:
            items = entry(data, f"bounds.{key}", file=f)
            wordy = [i for i in items if i[:1].isalpha()]
            symbols = [i for i in items if not i[:1].isalpha()]
            alts = []
            if wordy:
                alts.append(rf"(?<![^\W_]){alternation(wordy, file=f, key=key)}\s+")
            if symbols:
                alts.append(rf"{alternation(symbols, file=f, key=key)}\s*")
            return re.compile(rf"(?:{'|'.join(alts)})$", re.IGNORECASE)

        self.bound_before = {b: before(b) for b in ("over", "under", "approx")}

        def after(key: str) -> re.Pattern[str]:
            items = entry(data, f"bounds.{key}", file=f)
            return re.compile(
                rf"^(?:-|\s+)?(?:{alternation(items, file=f, key=key)})(?![^\W_])", re.IGNORECASE
            )

        self.bound_after = {
            "over": after("after_over"),
            "under": after("after_under"),
            "approx": after("after_approx"),
        }
        # "+" is a symbol: it needs no word boundary after it.
        self.plus_after = re.compile(r"^\+")

        # --- ranges --------------------------------------------------------------------------
        joiners = entry(data, "ranges.joiners", file=f)
        word_joiners = [j for j in joiners if j[:1].isalpha()]
        dash_joiners = [re.escape(j) for j in joiners if not j[:1].isalpha()]
        self.range_joiner = re.compile(
            rf"^(?:\s*(?:{'|'.join(dash_joiners)})\s*|\s+(?:{alternation(word_joiners)})\s+)$",
            re.IGNORECASE,
        )
        # "from two or three" is no "from X to Y": "or" joins alternatives, not ends.
        self.or_joiner = re.compile(
            rf"^\s+(?:{alternation(entry(data, 'ranges.alternative_joiners', file=f))})\s+$", re.IGNORECASE
        )
        self.between = re.compile(
            rf"(?<![^\W_]){entry(data, 'ranges.between', file=f, kind=str)}\s+$", re.IGNORECASE
        )
        self.between_joiner = re.compile(
            rf"^\s+{entry(data, 'ranges.between_joiner', file=f, kind=str)}\s+$", re.IGNORECASE
        )
        self.range_from = re.compile(
            rf"(?<![^\W_]){entry(data, 'ranges.from', file=f, kind=str)}\s+$", re.IGNORECASE
        )

        # --- rates ---------------------------------------------------------------------------
        not_before = entry(data, "rates.not_before", file=f)
        not_after = entry(data, "rates.not_after", file=f)
        rate_alts = []
        for per in ("day", "week", "month", "year"):
            rate_alts.append(f"(?P<{per}>{alternation(entry(data, f'rates.{per}', file=f))})")
        self.rate = re.compile(
            rf"(?<![^\W_])(?:{'|'.join(rate_alts)})"
            rf"(?![^\W_])(?!\s+{alternation(not_after)}(?![^\W_]))(?!\s+(?-i:[A-Z]))",
            re.IGNORECASE,
        )
        self.rate_not_before = re.compile(rf"(?<![^\W_]){alternation(not_before)}\s+$", re.IGNORECASE)

        # --- changes -------------------------------------------------------------------------
        self.change_up = compile_words(entry(data, "changes.up", file=f), file=f, key="changes.up")
        self.change_down = compile_words(entry(data, "changes.down", file=f), file=f, key="changes.down")

        up_words, down_words = self.change_up.pattern, self.change_down.pattern
        ch = data.get("changes", {})
        joint_up = alternation(ch.get("joints_up", ["by", "of", "to", "nearly", "almost"]))
        joint_down = alternation(ch.get("joints_down", ["by", "of", "nearly", "almost"]))
        self.change_before_up = re.compile(rf"{up_words}\s+(?:{joint_up}\s+)*(?:a\s+)?$", re.IGNORECASE)
        self.change_before_down = re.compile(rf"{down_words}\s+(?:{joint_down}\s+)*(?:a\s+)?$", re.IGNORECASE)
        # "made up 64%", "handed down": a phrasal verb's particle is no change word.
        phrasal = ch.get("phrasal") or ["(?!)"]
        self.phrasal_before = re.compile(rf"(?<![^\W_])(?:{alternation(phrasal)})\s+$", re.IGNORECASE)
        # Comparatives that only make a change after the figure ("a quarter more than in 2022");
        # before it they are bounds ("more than 20%").
        after_up = ch.get("after_up") or ["(?!)"]
        after_down = ch.get("after_down") or ["(?!)"]
        self.change_after_up = re.compile(
            rf"^[\s-]*(?:year-on-year\s+|annual\s+|jump\s+in\s+)?(?:{up_words}|{words_pattern(after_up)})",
            re.IGNORECASE,
        )
        self.change_after_down = re.compile(
            rf"^[\s-]*(?:year-on-year\s+|annual\s+)?(?:{down_words}|{words_pattern(after_down)})",
            re.IGNORECASE,
        )
        self.change_verb_before = re.compile(rf"(?:{up_words}|{down_words})\s*$", re.IGNORECASE)

        # Words that only strengthen a bound ("well over", "just under"): not part of the figure.
        self.intensifier = re.compile(
            rf"(?:{alternation(data.get('bounds', {}).get('intensifiers') or ['(?!)'])})\s+(?=\S)",
            re.IGNORECASE,
        )
        # --- what is not a figure ------------------------------------------------------------
        nf = "not_figures"
        self.label_before = re.compile(
            rf"(?<![^\W_]){alternation(entry(data, f'{nf}.label_before', file=f))}\s*$",
            re.IGNORECASE,
        )
        labels = alternation(entry(data, f"{nf}.label_before", file=f))
        self.label_list_before = re.compile(
            rf"(?<![^\W_]){labels}\s*\d[\d.,]*(?:\s*(?:,|and|or|-|–|to)\s*\d[\d.,]*)*\s*(?:and|or|-|–|to|&)\s*$",
            re.IGNORECASE,
        )
        time_units = entry(data, f"{nf}.time_units", file=f)
        self.time_after = re.compile(rf"^(?:\s+|-)?(?:{alternation(time_units)})(?![^\W_])", re.IGNORECASE)
        self.age_after = re.compile(
            rf"^(?:\s+|-)?(?:{alternation(entry(data, f'{nf}.age_after', file=f))})(?![^\W_])",
            re.IGNORECASE,
        )
        self.age_before = re.compile(
            rf"(?<![^\W_])(?:{alternation(entry(data, f'{nf}.age_before', file=f))})\s+$",
            re.IGNORECASE,
        )
        self.furniture = re.compile(alternation(entry(data, f"{nf}.furniture", file=f)), re.IGNORECASE)
        ords = entry(data, f"{nf}.ordinals", file=f)
        self.ordinal_after = re.compile(rf"^[\s-]+{words_pattern(ords)}", re.IGNORECASE)
        suffixes = entry(data, f"{nf}.ordinal_suffixes", file=f)
        self.ordinal_suffix = re.compile(rf"^(?:{alternation(suffixes)})(?![^\W_])", re.IGNORECASE)
        self.one_pronoun_after = re.compile(
            rf"^\s+{words_pattern(entry(data, f'{nf}.one_pronoun_after', file=f))}", re.IGNORECASE
        )

        # --- units ---------------------------------------------------------------------------
        cur_before = entry(data, "units.currency_before", file=f, kind=dict)
        self.currency_before = {k.lower(): v for k, v in cur_before.items()}
        self.currency_before_re = re.compile(
            rf"(?:{alternation([re.escape(k) for k in cur_before])})\s*$", re.IGNORECASE
        )
        self.currency_after = [
            (re.compile(rf"^\s*{words_pattern([k])}", re.IGNORECASE), v)
            for k, v in entry(data, "units.currency_after", file=f, kind=dict).items()
        ]
        self.measure_after = [
            (re.compile(rf"^\s*{words_pattern([k])}", re.IGNORECASE), v)
            for k, v in entry(data, "units.measure_after", file=f, kind=dict).items()
        ]

        # --- dates and times (masked before numbers are read) --------------------------------
        months = entry(periods, "months", file=path_of("periods", language))
        month_alt = "|".join(f"(?:{m})" for m in months)
        # No word boundary before: month names are capitalised, and page furniture glues them to
        # the word before ("2 min readDec 9, 2023").
        self.month_before = re.compile(rf"(?:{month_alt})\s*(?:the\s+)?$")
        # "30 August", "14th of May", and the first day of "between 14 and 21 November".
        self.month_after = re.compile(
            rf"^(?:st|nd|rd|th)?(?:\s*(?:and|to|-|–|—)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
            rf"(?:{month_alt})(?![^\W_])"
        )
        self.one_not_after = re.compile(
            rf"(?<![^\W_]){alternation(entry(data, f'{nf}.one_not_after', file=f))}\s+$", re.IGNORECASE
        )
        self.one_counted_before = re.compile(
            rf"(?<![^\W_]){alternation(entry(data, f'{nf}.one_counted_before', file=f))}\s+$",
            re.IGNORECASE,
        )
        self.age_apposition = re.compile(entry(data, "not_figures.age_apposition", file=f, kind=str))
        # Text that holds digits but no figure. Addresses are found over the whole text (their
        # patterns start with a literal, so the scan is cheap); dates, times, decades, phone
        # numbers and page furniture are checked in a window around each number.
        self.urls = re.compile(r"https?://\S+|www\.\S+")
        self.emails = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
        self.file_ext = re.compile(
            r"\.(?:jpe?g|png|gif|webp|svg|pdf|html?|php|aspx?)(?:\?\S*)?(?!\w)", re.IGNORECASE
        )
        # Characters and words without which none of the masks below can match (a cheap test
        # that spares most numbers the full check).
        self.mask_hint = re.compile(
            r"[:/.'+(]|\d-\d|\d0?s\b|\d\s?[ap]\.?m|\d\s?h\d|\b(?:min|minutes?|hours?|days?|read|"
            r"responses?|comments?|shares?|likes?|views?|claps?|reactions?|photos?|images?|pictures?|"
            r"updated|ago|share|GMT|UTC)\b",
            re.IGNORECASE,
        )
        self.local_masks = [
            re.compile(p, re.IGNORECASE)
            for p in [
                r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?",  # ISO dates
                r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b",  # 12/04/2024, 12.04.2024
                r"\b\d{1,2}[:h]\d{2}\b(?:\s?(?:[ap]\.?m\.?|GMT|UTC|CET|MSK|EET|EEST|Kyiv time))?",
                r"\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm)(?![^\W_])",
                r"\b(?:19|20)\d{2}s\b|'\d{2}s?\b|\b\d0s\b",  # decades, '22
                r"\+\d[\d ()-]{7,}\d",  # phone numbers
                self.furniture.pattern,
            ]
        ]
        # A four-digit number is a year after these words, and a count when a plural noun follows.
        self.year_before = re.compile(
            rf"(?<![^\W_])(?:{alternation(entry(data, f'{nf}.year_before', file=f))}|"
            rf"{month_alt})[\s-]*$",
            re.IGNORECASE,
        )
        self.counted_after = re.compile(entry(data, f"{nf}.counted_after", file=f, kind=str))

        self.clause_boundary = clause_pattern(language)


@cache
def patterns(language: str) -> _Patterns:
    return _Patterns(language)


def find_figures(text: str, language: str = "en") -> list[Figure]:
    """Every numeric figure in ``text``, with offsets into ``text``, value interval and bound."""
    pats = patterns(_language_or_default(language))
    norm = normalise(text)
    found = _candidates(norm, pats)
    for c in found:
        # "well over 1 million", "just over half": the figure is the bound word and the number.
        m = pats.intensifier.match(norm, c.start, c.end)
        if m and m.end() < c.end:
            c.start = m.end()
    return [
        Figure(
            text=text[c.start : c.end],
            start=c.start,
            end=c.end,
            low=_round(c.low),
            high=_round(c.high),
            bound=c.bound,
            unit=c.unit,
            per=_rate(norm, c, pats),
            direction=c.direction
            if c.unit not in ("percent", "fraction")
            else _change_adjacent(norm, c, pats),
        )
        for c in found
    ]


def _language_or_default(language: str | None) -> str:
    from headcount.vocab import languages

    return language if language in languages() else "en"


def _round(v: float | None) -> float | None:
    if v is None:
        return None
    return float(round(v, 2)) if not float(v).is_integer() else float(v)


# ---------------------------------------------------------------------------------------------
# Atoms


def _masked_spans(norm: str, pats: _Patterns) -> list[tuple[int, int]]:
    """Spans of addresses and file names, where digits are never figures."""
    spans = [(m.start(), m.end()) for m in pats.urls.finditer(norm)]
    if "@" in norm:
        spans.extend((m.start(), m.end()) for m in pats.emails.finditer(norm))
    for m in pats.file_ext.finditer(norm):
        start = m.start()
        while start > 0 and not norm[start - 1].isspace():
            start -= 1
        spans.append((start, m.end()))
    return spans


def _locally_masked(norm: str, start: int, end: int, pats: _Patterns) -> bool:
    """Whether a number sits inside a date, a time, a decade, a phone number or page furniture."""
    if end - start > 40:
        return False  # a number this long is no date or time (and never scanned in full)
    lo = max(0, start - 30)
    window = norm[lo : min(len(norm), end + 30)]
    if not pats.mask_hint.search(window):
        return False  # no separator, clock, decade, phone or furniture word anywhere near
    return any(
        m.start() + lo < end and start < m.end() + lo for rx in pats.local_masks for m in rx.finditer(window)
    )


def _overlaps(
    spans: list[tuple[int, int]], start: int, end: int, norm: str = "", pats: _Patterns | None = None
) -> bool:
    if any(s < end and start < e for s, e in spans):
        return True
    return pats is not None and _locally_masked(norm, start, end, pats)


def _parse_digits(raw: str, pats: _Patterns) -> float | None:
    """The value of a number in digits, reading its separators the way its language does."""
    digits_only = re.sub(r"\D", "", raw)
    if not digits_only or len(digits_only) > _MAX_DIGITS:
        return None
    m = re.search(r"([.,])(\d+)$", raw)
    if m and m.group(1) in pats.decimals and not (m.group(1) in pats.groups and _grouped_ok(raw, m.group(1))):
        int_part = re.sub(r"\D", "", raw[: m.start()])
        return float(f"{int_part or '0'}.{m.group(2)}")
    return float(digits_only)


def _grouped_ok(raw: str, sep: str) -> bool:
    """Whether ``raw`` reads as digits grouped in threes by ``sep`` (21.600, 1.000.000)."""
    return re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", raw) is not None


def _digit_atoms(norm: str, pats: _Patterns, masked: list[tuple[int, int]]) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in pats.digits.finditer(norm):
        value = _parse_digits(m.group(0), pats)  # first: it rejects over-long digit runs cheaply
        if value is None or _overlaps(masked, m.start(), m.end(), norm, pats):
            continue
        end = m.end()
        magnitude = None
        mm = pats.magnitude_after.match(norm[end : end + 16])
        if mm:
            magnitude = pats.magnitudes.get(mm.group(0).strip().rstrip(".").lower())
            if magnitude is not None:
                # A trailing full stop is left out: at the end of a sentence it is not ours.
                kept = mm.group(0)
                if (
                    kept.endswith(".")
                    and not re.match(r"\s+[^\W\d_]", norm[end + len(kept) : end + len(kept) + 3])
                ) or (
                    kept.endswith(".") and norm[end + len(kept) : end + len(kept) + 3].strip()[:1].isupper()
                ):
                    kept = kept.rstrip(".")
                end += len(kept)
                rest = (
                    _REMAINDER.match(norm, end)
                    if pats.magnitude_remainder and magnitude == 1000 and value.is_integer()
                    else None
                )
                if rest:  # "6 тис. 988"
                    value += float(rest.group(1)) / magnitude
                    end = rest.end()
        atoms.append(
            _Atom(
                m.start(),
                end,
                value * (magnitude or 1),
                False,
                magnitude,
                re.sub(r"\D", "", m.group(0)),
            )
        )
    return atoms


_REMAINDER = re.compile(r"\.?\s+(\d{1,3})(?![\d.,]?\d)")


def _word_atoms(norm: str, pats: _Patterns, masked: list[tuple[int, int]]) -> list[_Atom]:
    atoms: list[_Atom] = []
    pos = 0
    while True:
        m = pats.word_run.search(norm, pos)
        if m is None:
            break
        pos = m.end()
        if _overlaps(masked, m.start(), m.end(), norm, pats):
            continue
        tokens = [
            (t.group(0), m.start() + t.start(), m.start() + t.end())
            for t in re.finditer(r"[^\W\d_]+(?:'[^\W\d_]+)*", m.group(0))
        ]
        first = tokens[0][0].lower()
        if first in pats.hundred or first in pats.scales or first in pats.dozen:
            art = pats.article_before.search(norm, max(0, m.start() - 4), m.start())
            if art is None:
                continue  # a bare "thousand" or "dozen" counts nothing
            tokens.insert(0, (art.group(0).strip(), art.start(), art.start() + len(art.group(0).strip())))
        parsed = _parse_words(tokens, pats)
        if parsed is None:
            continue
        value, end, _used, only_compound = parsed
        # A run the parser stopped early ("two and four thousand") holds another number: read on
        # from the next word.
        consumed = [t for t in tokens if t[2] <= end]
        if end < m.end():
            rest = next((t[1] for t in tokens if t[1] >= end), None)
            if rest is not None:
                pos = rest
        last_word = consumed[-1][0].lower() if consumed else ""
        magnitude = pats.word_values[last_word] if last_word in pats.scales else None
        # "and a half (million)" extends the number.
        half = pats.and_a_half.match(norm[end : end + 40])
        if half:
            scale = half.group(1)
            if scale:
                value = (value + 0.5) * pats.word_values[scale.lower()]  # one and a half million
            else:
                value += 0.5
            end += half.end()
            only_compound = False
        if only_compound and not (
            value == 1 and len(consumed) == 1 and pats.one_as_count(norm, tokens[0][1], end)
        ):
            continue  # a bare "one" or "zero" is a pronoun or determiner, not a figure
        atoms.append(_Atom(tokens[0][1], end, value, True, magnitude, ""))
    for m in pats.half_a.finditer(norm):
        if _overlaps(masked, m.start(), m.end(), norm, pats):
            continue
        atoms.append(_Atom(m.start(), m.end(), 0.5 * pats.word_values[m.group(1).lower()], True, None, ""))
    return atoms


def _parse_words(tokens: list[tuple[str, int, int]], pats: _Patterns) -> tuple[float, int, int, bool] | None:
    """Read a run of number words; stop where the run stops being one number.

    Returns (value, end offset, tokens used, whether the number is a bare "one"/"zero").
    """
    total = 0.0
    current = 0.0
    last: str | None = None
    end = tokens[0][1]
    used = 0
    last_scale = math.inf
    seen_article = False
    i = 0
    while i < len(tokens):
        word, _s, e = tokens[i]
        low = word.lower()
        if low in pats.articles:
            if used:
                break
            seen_article = True
            last = "article"
        elif low in pats.joiners:
            nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
            if last not in ("hundred", "scale") or not (
                nxt in pats.units or nxt in pats.tens or nxt in pats.compound_only
            ):
                break
            i += 1
            continue
        elif low in pats.units or low in pats.compound_only:
            v = float(pats.word_values[low])
            if (last == "tens" and v < 10) or (
                last in (None, "hundred", "hundreds", "scale", "article") and last != "article"
            ):
                current += v
            else:
                break
            last = "unit"
        elif low in pats.hundreds:
            if last in (None, "scale"):
                current += pats.word_values[low]
            else:
                break
            last = "hundreds"
        elif low in pats.tens:
            if last in (None, "hundred", "hundreds", "scale"):
                current += pats.word_values[low]
            else:
                break
            last = "tens"
        elif low in pats.hundred:
            if last == "hundred" or (last is None and not seen_article):
                break
            current = (current or 1) * 100
            last = "hundred"
        elif low in pats.scales:
            scale = pats.word_values[low]
            if last is None and not seen_article:
                break
            if scale >= last_scale:
                break
            total += (current or 1) * scale
            current = 0
            last_scale = scale
            last = "scale"
        elif low in pats.dozen:
            if last is None and not seen_article:
                break
            current = (current or 1) * 12
            last = "dozen"
        else:
            break
        used += 1
        end = e
        i += 1
    if used == 0 or last == "article":
        return None
    value = total + current
    words_used = [t[0].lower() for t in tokens[:i]]
    only_compound = all(w in pats.compound_only or w in pats.articles for w in words_used) and not any(
        w in pats.scales or w in pats.hundred or w in pats.dozen for w in words_used
    )
    return value, end, used, only_compound


# ---------------------------------------------------------------------------------------------
# Candidates


def _candidates(norm: str, pats: _Patterns) -> list[_Cand]:
    masked = _masked_spans(norm, pats)
    atoms = sorted(
        _digit_atoms(norm, pats, masked) + _word_atoms(norm, pats, masked),
        key=lambda a: (a.start, -a.end),
    )
    # Drop atoms inside longer atoms ("half a million" vs "a million").
    kept: list[_Atom] = []
    for a in atoms:
        if kept and a.start < kept[-1].end:
            continue
        kept.append(a)
    atoms = [a for a in kept if not _not_a_number(norm, a, pats)]

    cands: list[_Cand] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        rng = _range(norm, a, b, pats) if b else None
        if rng:
            cands.append(rng)
            i += 2
            continue
        cands.append(_Cand(a.start, a.end, a.value, a.value, "exact", atoms=(a,)))
        i += 1

    out: list[_Cand] = []
    for cand in cands:
        c = _with_unit(norm, cand, pats)
        if c is None:
            continue
        c = _with_bound(norm, c, pats)
        if _not_a_figure(norm, c, pats):
            continue
        out.append(c)

    lower = norm.lower()
    if any(stem in lower for stem in pats.fraction_stems):
        out.extend(_fractions(norm, pats, masked))
    out.extend(_one_in(norm, pats, masked))
    if any(stem in lower for stem in pats.fold_stems):
        out.extend(_folds(norm, pats, masked))
    return _without_overlaps(out)


def _without_overlaps(cands: list[_Cand]) -> list[_Cand]:
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    for c in cands:
        if out and c.start < out[-1].end:
            if (c.end - c.start) > (out[-1].end - out[-1].start):
                out[-1] = c
            continue
        out.append(c)
    return out


def _not_a_number(norm: str, a: _Atom, pats: _Patterns) -> bool:
    """Atoms that are labels, identifiers, years, dates or ordinals."""
    before = norm[max(0, a.start - 40) : a.start]
    after = norm[a.end : a.end + 40]
    if not a.words:
        prev = norm[a.start - 1] if a.start else " "
        prev2 = norm[a.start - 2] if a.start > 1 else " "
        nxt = norm[a.end] if a.end < len(norm) else " "
        # Identifiers: glued to letters ("Su-34", "T-72", "B2", "3D", "COVID-19").
        if prev.isalpha() or (prev in "-/" and prev2.isalpha()) or prev in "#№":
            return True
        if nxt.isalpha() and not (
            pats.ordinal_suffix.match(after) or _fold_glued(after) or pats.percent_after.match(after)
        ):
            return True
        if pats.ordinal_suffix.match(after):
            return True
        if a.magnitude is None and _is_year(norm, a, pats):
            return True
        if (
            a.magnitude is None
            and (pats.month_before.search(before) or pats.month_after.match(after))
            and a.value <= 31
        ):
            return True
        if a.value < 120 and re.match(r"\s*,", after) and pats.age_apposition.search(before):
            return True  # "Dmitri, 29, left his unit"
    else:
        if pats.ordinal_after.match(after):
            return True
        # "one" as a pronoun: "one of the soldiers".
        if a.value == 1 and pats.one_pronoun_after.match(after):
            return True
    if pats.label_list_before.search(before) and not _THOUSANDS.fullmatch(norm[a.start : a.end]):
        return True  # "Articles 337 and 338" (but "Article 407 and 3,100 under Article 408": a count)
    token_start = norm.rfind(" ", 0, a.start) + 1
    token_end = norm.find(" ", a.end)
    token = norm[token_start : token_end if token_end != -1 else len(norm)]
    if "/" in token and re.search(r"\d[-/]\d", token):
        return True  # a case number or code: "No. 1-245/2024"
    return bool(pats.label_before.search(before))


def _fold_glued(after: str) -> bool:
    return after[:4].lower() == "fold" or after[:5].lower() == "-fold"


def _is_year(norm: str, a: _Atom, pats: _Patterns) -> bool:
    if len(a.plain_digits) != 4 or not (1800 <= a.value <= 2100) or "," in norm[a.start : a.end]:
        return False
    if a.plain_digits != norm[a.start : a.end]:
        return False  # grouped or with decimals: a quantity
    before = norm[max(0, a.start - 40) : a.start]
    after = norm[a.end : a.end + 30]
    if pats.year_before.search(before):
        return True
    if re.match(r"^\s*[-–/]\s*\d", after):
        return True
    # Counted: "some 2000 soldiers"; anything else at this size is a year.
    return not pats.counted_after.match(after)


def _range(norm: str, a: _Atom, b: _Atom, pats: _Patterns) -> _Cand | None:
    between = norm[a.end : b.start]
    before = norm[max(0, a.start - 40) : a.start]
    start = a.start
    pm = pats.percent_after.match(between)
    joint = between[pm.end() :] if pm else between  # "between 10% and 15%": past the first "%"
    if pats.between.search(before) and pats.between_joiner.match(joint):
        start = a.start - len(pats.between.search(before).group(0))  # type: ignore[union-attr]
    elif pats.range_joiner.match(between):
        fm = pats.range_from.search(before) if not pats.or_joiner.match(between) else None
        if fm:
            # "rose from 5,000 to 20,000" is a change between two levels, not a range.
            pre = norm[max(0, a.start - 60) : a.start - len(fm.group(0))]
            if pats.change_verb_before.search(pre):
                return None
            start = a.start - len(fm.group(0))
        # A percentage before the joiner must be matched by one after it ("10% to 15%").
    elif not (pm and pats.range_joiner.match(joint)):
        return None  # "10%–15%" has its joiner after the first percent sign
    low, high = a.value, b.value
    # Shared magnitude: "15 to 18 thousand", "1.5-2 million", "two to three thousand".
    if b.magnitude and not a.magnitude and a.value * b.magnitude <= high and a.value < b.magnitude:
        low = a.value * b.magnitude
    if not low < high:
        return None
    return _Cand(start, b.end, low, high, "range", atoms=(a, b))


def _with_unit(norm: str, c: _Cand, pats: _Patterns) -> _Cand | None:
    after = norm[c.end : c.end + 40]
    pm = pats.percent_after.match(after)
    if pm:
        c.end += pm.end()
        c.unit = "percent"
        pp = pats.points_after.match(norm[c.end : c.end + 30])
        if pp:
            c.end += pp.end()
            c.unit = "percentage_point"
        return c
    pp = pats.points_after.match(after)
    if pp:
        c.end += pp.end()
        c.unit = "percentage_point"
        return c
    tm = pats.times_after.match(after)
    pre = pats.times_prefix.search(norm, max(0, c.start - 6), c.start) if pats.times_prefix else None
    if pre and pats.times_word.match(after):  # "в шесть раз", "у 2,5 раза"
        c.unit = "fold"
        c.start = pre.start()
        c.end += pats.times_word.match(after).end()  # type: ignore[union-attr]
        c.direction = ("up" if tm.group("up") else "down") if tm else (_direction(norm, c, pats) or "up")
        return c
    if tm:
        c.unit = "fold"
        c.end += pats.times_word.match(after).end()  # type: ignore[union-attr]
        c.direction = "up" if tm.group("up") else "down"
        return c
    before = norm[max(0, c.start - 12) : c.start]
    tb = pats.times_before.search(norm[max(0, c.start - 30) : c.start])
    if tb and pats.times_word.match(after):
        c.unit = "fold"
        c.end += pats.times_word.match(after).end()  # type: ignore[union-attr]
        c.direction = "up" if tb.group("up") else "down"
        return c
    cb = pats.currency_before_re.search(before)
    if cb:
        c.unit = pats.currency_before.get(cb.group(0).strip().lower(), "currency")
        c.start -= len(cb.group(0))
        return c
    for rx, unit in pats.currency_after:
        if rx.match(after):
            c.unit = unit
            return c
    for rx, unit in pats.measure_after:
        if rx.match(after):
            c.unit = unit
            return c
    return c


def _with_bound(norm: str, c: _Cand, pats: _Patterns) -> _Cand:
    after = norm[c.end : c.end + 30]
    if c.bound != "range":
        before = norm[max(0, c.start - 40) : c.start]
        # The longest qualifier wins: "no more than" is a ceiling, not "more than".
        found = [(m, b) for b in ("over", "under", "approx") if (m := pats.bound_before[b].search(before))]
        if found:
            m, bound = max(found, key=lambda mb: len(mb[0].group(0)))
            c.start -= len(m.group(0))
            c.bound = bound
        for bound in ("over", "under", "approx"):
            m = pats.bound_after[bound].match(after)
            if m and not (bound == "approx" and c.bound != "exact"):
                c.end += m.end()
                if c.bound == "exact":
                    c.bound = bound
                break
        else:
            if pats.plus_after.match(after):
                c.end += 1
                c.bound = "over" if c.bound == "exact" else c.bound
        if c.bound == "over":
            c.high = None
        elif c.bound == "under":
            c.low = None
    else:
        # "approximately 15,000 to 18,000": the qualifier is part of the figure, range wins.
        before = norm[max(0, c.start - 40) : c.start]
        m = pats.bound_before["approx"].search(before)
        if m:
            c.start -= len(m.group(0))
    return c


def _not_a_figure(norm: str, c: _Cand, pats: _Patterns) -> bool:
    """Durations, ages and prison terms: numbers of years, months, days."""
    after = norm[c.end : c.end + 30]
    before = norm[max(0, c.start - 30) : c.start]
    if c.unit in ("percent", "percentage_point", "fold"):
        return False
    if pats.time_after.match(after) or pats.age_after.match(after):
        return True
    return bool(pats.age_before.search(before))


def _fractions(norm: str, pats: _Patterns, masked: list[tuple[int, int]]) -> list[_Cand]:
    """Shares written as fractions: "one-third of", "two-thirds of", "half of", "by half"."""
    out: list[_Cand] = []
    for d in pats.fraction.finditer(norm):
        num = pats.numerator_before.search(norm, max(0, d.start() - 20), d.start())
        start, end = (num.start() if num else d.start()), d.end()
        if _overlaps(masked, start, end, norm, pats):
            continue
        num_word = num.group(0).strip(" -").lower() if num else ""
        den = d.group(0).lower()
        before = norm[max(0, start - 20) : start]
        after = norm[end : end + 30]
        if not num_word and den not in ("half", "halves"):
            continue  # "third of" without a numerator is an ordinal ("the third of May")
        if re.search(r"(?<![^\W_])and\s+$", before):
            continue  # "a year and a half", "two and a half": part of another number
        if not num_word and re.search(
            r"(?<![^\W_])(?:the|first|second|last|this|next|latter|former|and)\s+$", before, re.IGNORECASE
        ):
            continue  # "the first half of 2023" is a period
        by = re.search(r"(?<![^\W_])by\s+$", before, re.IGNORECASE)
        of = re.match(
            r"^\s+of\s+(?!(?:a|an|the)?\s*(?:century|decade|year|month|week|day|hour)s?\b)"
            r"(?!(?:19|20)\d\d\b)(?!this year|last year)",
            after,
            re.IGNORECASE,
        )
        as_subject = (
            num_word
            and not pats.fraction_not_before.match(after)
            and re.match(r"\s+(?:[a-z][\w'-]*|—|-)", after) is not None
        )
        if not (of or by or as_subject):
            continue  # "a third time", "the third of May"
        if num_word in pats.articles or num_word in ("", "one"):
            numerator = 1.0
        elif num_word.isdigit():
            numerator = float(num_word)
        else:
            numerator = float(pats.word_values.get(num_word, 0)) or 1.0
        share = numerator / pats.fractions[den] * 100
        if share > 100:
            continue
        cand = _Cand(start, end, share, share, "exact", unit="fraction")
        if by:
            cand.unit = "percent"
            cand.direction = _direction(norm, cand, pats)
        out.append(_with_bound(norm, cand, pats))
    return out


def _one_in(norm: str, pats: _Patterns, masked: list[tuple[int, int]]) -> list[_Cand]:
    """Shares written as "one in five", "three out of four": found from the joining words, which
    are rare, rather than by trying a number pattern at every word."""
    out: list[_Cand] = []
    for j in pats.one_in_joint.finditer(norm):
        a_m = pats.one_in_a.search(norm, max(0, j.start() - 25), j.start())
        b_m = pats.one_in_b.match(norm, j.end())
        if a_m is None or b_m is None:
            continue
        start, end = a_m.start(), b_m.end()
        if _overlaps(masked, start, end, norm, pats):
            continue
        a, b = _token_value(a_m.group("a"), pats), _token_value(b_m.group("b"), pats)
        if not a or not b or a >= b or b >= 1800:
            continue
        share = a / b * 100
        out.append(_with_bound(norm, _Cand(start, end, share, share, "exact", unit="fraction"), pats))
    return out


def _token_value(tok: str, pats: _Patterns) -> float | None:
    tok = tok.lower()
    if tok.isdigit():
        return float(tok) if len(tok) <= _MAX_DIGITS else None
    if tok in pats.articles:
        return 1.0
    v = pats.word_values.get(tok)
    return float(v) if v is not None else None


def _folds(norm: str, pats: _Patterns, masked: list[tuple[int, int]]) -> list[_Cand]:
    out: list[_Cand] = []
    for m in pats.fold_suffix.finditer(norm):
        if _overlaps(masked, m.start(), m.end(), norm, pats):
            continue
        n = (
            _token_value(m.group("n"), pats)
            if not re.match(r"\d+\.\d+$", m.group("n"))
            else float(m.group("n"))
        )
        if n is None:
            continue
        c = _Cand(m.start(), m.end(), n, n, "exact", unit="fold")
        c.direction = _direction(norm, c, pats) or "up"
        out.append(_with_bound(norm, c, pats))
    for m in pats.fold_adjective.finditer(norm):
        if _overlaps(masked, m.start(), m.end(), norm, pats):
            continue
        v = pats.fold_adjectives[m.group(0).lower()]
        out.append(
            _with_bound(norm, _Cand(m.start(), m.end(), v, v, "exact", unit="fold", direction="up"), pats)
        )
    for m in pats.fold_word.finditer(norm):
        if _overlaps(masked, m.start(), m.end(), norm, pats):
            continue
        v = pats.fold_words[m.group(0).lower()]
        c = _Cand(m.start(), m.end(), v, v, "exact", unit="fold", direction="up" if v > 1 else "down")
        out.append(_with_bound(norm, c, pats))
    return out


def _direction(norm: str, c: _Cand, pats: _Patterns) -> str | None:
    """Up or down, from change words within a few words of the figure."""
    window = norm[max(0, c.start - 40) : min(len(norm), c.end + 30)]
    ups = [m.start() for m in pats.change_up.finditer(window)]
    downs = [m.start() for m in pats.change_down.finditer(window)]
    if not ups and not downs:
        return None
    mid = c.start - max(0, c.start - 40)
    up_d = min((abs(p - mid) for p in ups), default=math.inf)
    down_d = min((abs(p - mid) for p in downs), default=math.inf)
    return "up" if up_d <= down_d else "down"


# ---------------------------------------------------------------------------------------------
# Rates and changes in context


_RATE_WINDOW = 250  # characters around a figure searched for its sentence and clause


_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+")


def _rate(norm: str, c: _Cand, pats: _Patterns) -> str | None:
    """The time unit of a rate stated in the figure's clause ("each month"), if any.

    Only a window around the figure is read, so that a text of any length costs the same per
    figure (a rate phrase sits in the figure's own clause, never hundreds of characters away).
    """
    if c.unit in ("fold", "percentage_point", "fraction"):
        return None
    sent_start, sent_end = _sentence_bounds(norm, c.start, c.end)
    sent_start = max(sent_start, c.start - _RATE_WINDOW)
    sent_end = min(sent_end, c.end + _RATE_WINDOW)
    sentence = norm[sent_start:sent_end]
    clauses = clause_spans(sentence, pats.clause_boundary)
    clause: Clause = clause_of(clauses, c.start - sent_start)
    lo, hi = sent_start + clause.start, sent_start + clause.end
    best: tuple[int, str] | None = None
    for m in pats.rate.finditer(norm, lo, hi):
        if m.start() < c.end and m.end() > c.start:
            continue
        if pats.rate_not_before.search(norm[max(lo, m.start() - 20) : m.start()]):
            continue
        per = m.lastgroup
        between = norm[c.end : m.start()] if m.start() >= c.end else norm[m.end() : c.start]
        if _DIGIT.search(between):
            continue  # another figure stands nearer: "2,700 were detained, roughly 90 a day"
        dist = abs(m.start() - c.end) if m.start() >= c.end else abs(c.start - m.end())
        if per and (best is None or dist < best[0]):
            best = (dist, per)
    return best[1] if best else None


def change_direction(text: str, figure: Figure, language: str = "en") -> str | None:
    """Whether the words around a percentage make it a change, and which way (for later stages)."""
    pats = patterns(_language_or_default(language))
    norm = normalise(text)
    c = _Cand(figure.start, figure.end, figure.low, figure.high, figure.bound, figure.unit)
    return _change_adjacent(norm, c, pats)


def _change_adjacent(norm: str, c: _Cand, pats: _Patterns) -> str | None:
    """A change word right before ("rose by 20%", "up 20%") or right after ("a 20% increase")."""
    before = norm[max(0, c.start - 25) : c.start]
    after = norm[c.end : c.end + 25]
    mb_up = pats.change_before_up.search(before)
    mb_down = pats.change_before_down.search(before)
    if mb_up and pats.phrasal_before.search(before, 0, mb_up.start()):
        mb_up = None
    if mb_down and pats.phrasal_before.search(before, 0, mb_down.start()):
        mb_down = None
    ma_up = pats.change_after_up.match(after)
    ma_down = pats.change_after_down.match(after)
    if ma_up or mb_up:
        return "up"
    if ma_down or mb_down:
        return "down"
    return None


def _sentence_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    """A cheap sentence window around a figure (within a bounded distance of it)."""
    lo_limit = max(0, start - _RATE_WINDOW)
    hi_limit = min(len(norm), end + _RATE_WINDOW)
    lo = max(norm.rfind(sep, lo_limit, start) for sep in (". ", "\n", "! ", "? "))
    lo = lo_limit if lo < 0 else lo + 1
    his = [i for i in (norm.find(sep, end, hi_limit) for sep in (". ", "\n", "! ", "? ")) if i >= 0]
    return lo, (min(his) if his else hi_limit)
