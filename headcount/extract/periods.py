"""Stage 5: find period phrases in a sentence and resolve them to dates.

Periods resolve against the publication date, not today: reports are read months later. "In
October" in an article of 9 November 2025 is October 2025; in one of March 2026 it is October 2025
too. Without a publication date, phrases that need one ("in October", "this year") stay open.

What each phrase means (SCHEMA.md, NOTES.md):

* a bare month spans its first to last day; a bare year its whole year;
* "since X" runs from X to the cut-off: the date of the statement when the text gives one, else the
  publication date; "by X" / "as of X" set only the end;
* "in the past year" is the 365 days up to publication; "last year" the previous calendar year;
* US fiscal years run October to September;
* "between 2022 and 2023" next to an increase compares two years: its figures are the later year.

:func:`find_periods` returns every mention in a sentence; :func:`choose_period` picks the one that
belongs to a figure (its clause first, then its sentence, then the sentence before).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from headcount.extract.text import Clause
from headcount.vocab import Lexicon, alternation, entry, path_of, table, words_pattern


@dataclass(frozen=True, slots=True)
class Mention:
    """A period phrase in a sentence (offsets into the sentence) and what it resolves to.

    ``open_end`` marks a running total ("since X", "this year") whose end is the cut-off, filled in
    by :func:`choose_period`; ``same`` marks "in the same period" (the previous figure's period).
    """

    start: int
    end: int
    text: str
    first: date | None
    last: date | None
    open_end: bool = False
    same: bool = False
    comparison: bool = False
    later: tuple[date | None, date | None] | None = None  # the later period of a comparison
    scopes_sentence: bool = False  # a cut-off or running-total phrase ("By August 30")
    rolling: tuple[int, str] | None = None  # "over the past 24 hours": n units up to the cut-off
    weekend: bool = False  # "over the weekend": the last Saturday and Sunday up to the cut-off
    baseline: bool = False  # the period compared against ("as many as in 2022", "up from … last year")
    anchor: int | None = None  # "a year earlier": start of the period of the sentence it counts back from


class _Patterns:
    def __init__(self, language: str) -> None:
        name = "periods"
        f = path_of(name, language)
        data = table(name, language)
        months = entry(data, "months", file=f)
        self.month_res = [re.compile(rf"^(?:{m})$") for m in months]
        month_alt = "|".join(f"(?:{m})" for m in months)
        self.small = {k.lower(): int(v) for k, v in entry(data, "small_numbers", file=f, kind=dict).items()}
        self.units = [
            (re.compile(rf"^{k}$", re.IGNORECASE), v)
            for k, v in entry(data, "units", file=f, kind=dict).items()
        ]
        ph = entry(data, "phrases", file=f, kind=dict)
        since = alternation(ph["since"])
        cutoff = alternation(ph["cutoff"])
        within = alternation(ph["within"])
        day = r"(?P<{p}day>\d{{1,2}})(?:st|nd|rd|th)?"
        year = r"(?P<{p}year>(?:19|20)\d{{2}})"

        def date_re(p: str) -> str:
            """A calendar date or month: "November 9th, 2025", "9 November", "February 2022"."""
            d, y = day.format(p=p), year.format(p=p)
            return (
                rf"(?:(?P<{p}month>{month_alt})(?:\s+{d})?(?:,?\s+{y})?(?![^\W_])"
                rf"|{d.replace(f'?P<{p}day>', f'?P<{p}day2>')}\s+(?:of\s+)?"
                rf"(?P<{p}month2>{month_alt})(?:,?\s+{y.replace(f'?P<{p}year>', f'?P<{p}year2>')})?"
                rf"|(?P<{p}iso>\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}))"
            )

        self.date = re.compile(date_re(""))
        events = entry(data, "events", file=f, kind=dict)
        self.event_names = list(events)
        event_alt = "|".join(f"(?P<ev_{k}>{alternation(v)})" for k, v in events.items())
        self.event_dates = {k: table("events")[k]["date"] for k in events}
        self.fiscal_start_month = int(table("events")["fiscal_year"]["start_month"])

        self.since = re.compile(
            rf"(?<![^\W_])(?:{since})\s+(?:(?:{event_alt})|{date_re('s_')}|(?P<s_y>(?:19|20)\d{{2}})(?![^\W_]))",
            re.IGNORECASE,
        )
        self.since_event_verb = re.compile(rf"(?<![^\W_])since\s+(?:{event_alt})", re.IGNORECASE)
        self.cutoff = re.compile(
            rf"(?<![^\W_])(?:{cutoff})\s+(?:the\s+end\s+of\s+)?(?:{date_re('c_')})", re.IGNORECASE
        )
        self.end_of = re.compile(
            rf"(?<![^\W_])(?:by|at)\s+the\s+end\s+of\s+(?P<m>{month_alt})"
            rf"(?:\s+(?P<y>(?:19|20)\d{{2}}))?"
        )
        # "between January and August", "from January to 21 November", "between 14 and 21
        # November", "between September 2022 and the end of May".
        self.month_span = re.compile(
            rf"(?<![^\W_])(?:(?:between|from)\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m1>{month_alt})?"
            rf"(?:\s+(?P<dd1>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y1>(?:19|20)\d{{2}}))?"
            rf"\s*(?:and|to|through|until|till|-|–|—)\s*(?:the\s+end\s+of\s+)?"
            rf"(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m2>{month_alt})(?:\s+(?P<dd2>\d{{1,2}})(?:st|nd|rd|th)?)?"
            rf"(?:,?\s+(?P<y2>(?:19|20)\d{{2}}))?(?![^\W_])"
        )
        self.year_span = re.compile(
            r"(?<![^\W_])(?:(?P<kw>between|from|in|during|over)\s+)?(?P<y1>(?:19|20)\d{2})\s*"
            r"(?:and|to|through|-|–|—|/)\s*(?P<y2>(?:19|20)\d{2}|\d{2})(?![^\W_])",
            re.IGNORECASE,
        )
        self.month_year = re.compile(
            rf"(?<![^\W_])(?P<m>{month_alt})(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}}))?(?![^\W_])(?!\s+\d)"
        )
        year_lead = alternation(ph.get("year_lead") or ["(?!)"])
        self.year = re.compile(
            rf"(?<![^\W_])(?:(?:{within}|of|since|until|by)\s+)?(?:(?:{year_lead})\s+)?"
            rf"(?P<y>(?:19|20)\d{{2}})(?![^\W_])(?![-–/]\d)",
            re.IGNORECASE,
        )
        self.year_needs_prep = re.compile(rf"^(?:{within}|of|since|until|by)\s", re.IGNORECASE)
        self.fiscal = re.compile(ph["fiscal_year"], re.IGNORECASE)
        self.year_edges = [
            (edge, re.compile(ph[key], re.IGNORECASE))
            for edge, key in (("start", "year_start"), ("end", "year_end"), ("middle", "year_middle"))
            if ph.get(key)
        ]
        self.first_n = re.compile(ph["first_n"], re.IGNORECASE)
        self.half = re.compile(ph["half"], re.IGNORECASE)
        self.quarter = re.compile(ph["quarter"], re.IGNORECASE)
        self.rolling = [re.compile(r, re.IGNORECASE) for r in ph["rolling"]]
        self.ytd = re.compile(words_pattern(ph["year_to_date"]), re.IGNORECASE)
        self.last_year = re.compile(words_pattern(ph["last_year"]), re.IGNORECASE)
        self.this_month = re.compile(words_pattern(ph["this_month"]), re.IGNORECASE)
        self.last_month = re.compile(words_pattern(ph["last_month"]), re.IGNORECASE)
        self.yesterday = re.compile(words_pattern(ph["yesterday"]), re.IGNORECASE)
        self.today = re.compile(words_pattern(ph["today"]), re.IGNORECASE)
        self.weekend = re.compile(words_pattern(ph["weekend"]), re.IGNORECASE) if ph.get("weekend") else None
        self.same = re.compile(words_pattern(ph["same_period"]), re.IGNORECASE)
        self.comparison = re.compile(words_pattern(ph["comparison"]), re.IGNORECASE)
        # A date after an event verb dates that event, not a figure ("the war, which started in
        # February 2022").
        self.event_verb = re.compile(
            rf"(?<![^\W_])(?:{alternation(entry(data, 'event_verbs', file=f))})\s+(?:\w+\s+){{0,2}}$",
            re.IGNORECASE,
        )
        # Words of "which" half or quarter, and the word that makes a year the previous one.
        self.halves = [(re.compile(rf"^(?:{k})$", re.IGNORECASE), int(v)) for k, v in data["halves"].items()]
        self.quarters = [
            (re.compile(rf"^(?:{k})$", re.IGNORECASE), int(v)) for k, v in data["quarters"].items()
        ]
        self.previous_year = re.compile(data.get("previous_year", "last"), re.IGNORECASE)
        self.relative = {
            unit: re.compile(rf"^(?:{alternation(ph[key])})$", re.IGNORECASE)
            for unit, key in (("year", "relative_year"), ("month", "relative_month"))
            if ph.get(key)
        }
        run = entry(data, "running", file=f, kind=dict)
        self.perfect = re.compile(
            rf"(?<![^\W_])(?:{alternation(run['perfect'])})\s+(?:\w+ly\s+|also\s+|already\s+|now\s+|"
            rf"so\s+far\s+|since\s+|reportedly\s+|together\s+|collectively\s+)*(?:been\s+)?"
            rf"(?!to\s)(?!been\s)[a-z]{{3,}}(?![^\W_])",
            re.IGNORECASE,
        )
        self.running_markers = re.compile(words_pattern(run["markers"]), re.IGNORECASE)
        self.toll_metrics = set(run.get("toll_metrics", []))
        self.war_subjects = re.compile(
            rf"^\s*(?:{alternation(run['war_subjects'])})\s+(?:has|have)\s", re.IGNORECASE
        )

        # A dateline dates the article, not a figure: "LONDON, Feb 6 (Reuters) -".
        self.dateline = re.compile(
            rf"^[A-Z][A-Z .'’-]{{1,40}},\s+(?:{month_alt})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?"
            rf"(?:\s*\([^)]{{1,40}}\))?\s*[-–—]"
            rf"|^[A-Z][A-Z .'’-]{{1,40}},\s+\d{{1,2}}\s+(?:{month_alt})(?:\s+\d{{4}})?"
            rf"(?:\s*\([^)]{{1,40}}\))?\s*[-–—]"
        )
        self.baseline_before = re.compile(
            rf"(?<![^\W_])(?:{alternation(entry(data, 'phrases.baseline', file=f))})\s+$", re.IGNORECASE
        )
        # "since the project was launched in September 2022", "since the rules were relaxed last
        # November": the date inside the clause after "since" starts the period.
        self.since_clause = re.compile(
            r"(?<![^\W_])since\s+(?:the|its|their|his|her|this|these|it|they|(?-i:[A-Z])[\w'’]*)\b"
            r"(?:[^,.;:]|\.(?=\s?\d)){0,90}",
            re.IGNORECASE,
        )
        trig = entry(data, "triggers", file=f, kind=dict)
        # One word may open several families ("last" year, "last" month, the "last" three weeks).
        families: dict[str, set[str]] = {}
        for fam, words in trig.items():
            for w in words:
                families.setdefault(w, set()).add(fam)
        for m in months:
            families.setdefault(m, set()).add("month_name")
        self.triggers = Lexicon(
            [(w, frozenset(f)) for w, f in sorted(families.items(), key=lambda b: -len(b[0]))],
            file=f,
            key="triggers",
        )
        self.has_year = re.compile(r"(?:19|20)\d\d|\d{1,2}[./]\d{1,2}[./]\d{4}")

    def month_number(self, text: str) -> int | None:
        t = text.strip()
        for i, rx in enumerate(self.month_res, start=1):
            if rx.match(t):
                return i
        return None

    def number(self, text: str | None) -> int | None:
        if not text:
            return None
        t = text.strip().lower()
        if t.isdigit():
            return int(t)
        return self.small.get(t)

    def unit(self, text: str) -> str | None:
        for rx, unit in self.units:
            if rx.match(text.strip()):
                return unit
        return None


@cache
def patterns(language: str) -> _Patterns:
    return _Patterns(language)


# ---------------------------------------------------------------------------------------------
# Calendar helpers


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _year_for_month(month: int, published: date | None) -> int | None:
    """The year of a month named without one: the latest such month not after publication."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _year_for_day(month: int, day: int, published: date | None) -> int | None:
    if published is None:
        return None
    try:
        candidate = date(published.year, month, day)
    except ValueError:
        return None
    # A few days of slack: a report may be dated the day after the statement it quotes.
    return published.year if candidate <= published + timedelta(days=7) else published.year - 1


def _safe_date(y: int | None, m: int | None, d: int | None) -> date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _minus(published: date, n: int, unit: str) -> date:
    if unit == "day":
        return published - timedelta(days=n)
    if unit == "week":
        return published - timedelta(weeks=n)
    if unit == "hour":
        return published - timedelta(days=max(1, round(n / 24)))
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    y, m = divmod(published.year * 12 + published.month - 1 - months, 12)
    day = min(published.day, calendar.monthrange(y, m + 1)[1])
    return date(y, m + 1, day)


def _two_digit_year(y2: str, y1: int) -> int:
    return int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)


def resolve_date(
    m: re.Match[str], pats: _Patterns, published: date | None, prefix: str = ""
) -> tuple[date | None, date | None]:
    """First and last day of a date match: a day is one day, a month its whole month."""
    g = m.groupdict()
    iso = g.get(f"{prefix}iso")
    if iso:
        return _parse_numeric(iso)
    month_txt = g.get(f"{prefix}month") or g.get(f"{prefix}month2")
    day_txt = g.get(f"{prefix}day") or g.get(f"{prefix}day2")
    year_txt = g.get(f"{prefix}year") or g.get(f"{prefix}year2")
    month = pats.month_number(month_txt) if month_txt else None
    if month is None:
        return None, None
    if day_txt:
        day = int(day_txt)
        year = int(year_txt) if year_txt else _year_for_day(month, day, published)
        d = _safe_date(year, month, day)
        return d, d
    year = int(year_txt) if year_txt else _year_for_month(month, published)
    if year is None:
        return None, None
    return _month_span(year, month)


def _parse_numeric(text: str) -> tuple[date | None, date | None]:
    """ISO dates and day-first numeric dates (12.04.2024 is 12 April: the convention of every
    language headcount reads except US English, whose month-first dates rarely appear in text)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d, d
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
    if m:
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return d, d
    return None, None


def resolve_statement_date(text: str, published: date | None, language: str = "en") -> date | None:
    """The day named in ``text`` ("On November 7th", "a November 9th report"), if any."""
    pats = patterns(language)
    for m in pats.date.finditer(text):
        first, last = resolve_date(m, pats, published)
        if first is not None and first == last:
            return first
    return None


# ---------------------------------------------------------------------------------------------
# Mentions


def find_periods(
    sentence: str,
    published: date | None,
    language: str = "en",
    exclude: list[tuple[int, int]] | None = None,
) -> list[Mention]:
    """Every period phrase in ``sentence`` (normalised text), resolved against ``published``.

    ``exclude`` holds spans that date something else (a statement: "On November 7th, she said").
    """
    pats = patterns(language)
    out: list[Mention] = []
    present = {fam for _s, _e, fams in pats.triggers.finditer(sentence) for fam in fams}
    has_year = bool(pats.has_year.search(sentence))
    months = "month_name" in present
    if not present and not has_year:
        return out
    comparison = has_year and bool(pats.comparison.search(sentence))

    def add(m: re.Match[str], first: date | None, last: date | None, **kw: object) -> None:
        out.append(Mention(m.start(), m.end(), m.group(0), first, last, **kw))  # type: ignore[arg-type]

    for m in pats.fiscal.finditer(sentence) if "fiscal" in present else ():
        written = int(m.group("year"))
        end_year = written if written > 100 else 2000 + written
        add(
            m,
            date(end_year - 1, pats.fiscal_start_month, 1),
            date(end_year, pats.fiscal_start_month, 1) - timedelta(days=1),
        )

    for m in pats.first_n.finditer(sentence) if "first_n" in present else ():
        n = pats.number(m.group("n"))
        year = _year_word(m.group("year"), published, pats)
        unit = pats.unit(m.group("unit")) or ("quarter" if "quarter" in m.group("unit").lower() else None)
        if n and year:
            if unit == "month" and n <= 12:
                add(m, date(year, 1, 1), _month_span(year, n)[1])
            elif unit == "quarter" or (m.group("unit").lower().startswith("quarter") and n <= 4):
                add(m, date(year, 1, 1), _month_span(year, 3 * n)[1])
            elif unit == "week":
                add(m, date(year, 1, 1), date(year, 1, 1) + timedelta(weeks=n, days=-1))
            elif unit == "day":
                add(m, date(year, 1, 1), date(year, 1, 1) + timedelta(days=n - 1))
        else:
            add(m, None, None)

    for m in pats.half.finditer(sentence) if "half" in present else ():
        year = _year_word(m.group("year") or "", published, pats)
        if year:
            h = next((v for rx, v in pats.halves if rx.match(m.group("which"))), 2)
            if not m.group("year") and published and date(year, 6 * h - 5, 1) > published:
                year -= 1  # "in the second half", written in March: last year's
            add(m, date(year, 6 * h - 5, 1), _month_span(year, 6 * h)[1])
        else:
            add(m, None, None)

    if has_year:
        for edge, rx in pats.year_edges:
            for m in rx.finditer(sentence):
                named = int(m.group("y"))
                if edge == "start":
                    add(m, date(named, 1, 1), None, open_end=True, scopes_sentence=True)
                else:
                    last_day = date(named, 12, 31) if edge == "end" else date(named, 6, 30)
                    add(m, None, last_day, scopes_sentence=True)

    for m in pats.quarter.finditer(sentence) if "quarter" in present else ():
        if m.group("q"):
            q, year = int(m.group("q")), int(m.group("year2"))
        else:
            which = m.group("which").lower()
            q = next((v for rx, v in pats.quarters if rx.match(which)), 4)
            year = _year_word(m.group("year") or "", published, pats)
            if not m.group("year") and year and published and date(year, 3 * q - 2, 1) > published:
                year -= 1  # "in the fourth quarter", written in March: last year's
        if year:
            add(m, date(year, 3 * q - 2, 1), _month_span(year, 3 * q)[1])
        else:
            add(m, None, None)

    for rx in pats.rolling if "rolling" in present else ():
        for m in rx.finditer(sentence):
            n = pats.number(m.group("n")) if m.group("n") else 1
            unit = pats.unit(m.group("unit"))
            if n and unit:
                # Rolling windows end where running totals do: at the statement's date when the
                # text gives one ("the ministry reported on Sunday … over the past week").
                add(m, _minus(published, n, unit) if published else None, published, rolling=(n, unit))
            else:
                add(m, None, None)

    for m in pats.month_span.finditer(sentence) if months else ():
        m2 = pats.month_number(m.group("m2"))
        m1 = pats.month_number(m.group("m1")) if m.group("m1") else m2
        d1 = m.group("d1") or m.group("dd1")
        d2 = m.group("d2") or m.group("dd2")
        if not m1 or not m2 or (not m.group("m1") and not d1):
            continue  # "to May" alone is a cut-off, handled below
        if m.group("y2"):
            y2: int | None = int(m.group("y2"))
        elif m.group("y1"):  # "between September 2022 and the end of May": the next May
            y2 = int(m.group("y1")) + (0 if m2 >= m1 else 1)
        else:
            y2 = _year_for_month(m2, published)
        y1 = int(m.group("y1")) if m.group("y1") else (y2 if y2 and m1 <= m2 else (y2 - 1 if y2 else None))
        if y1 and y2:
            first = _safe_date(y1, m1, int(d1)) if d1 else _month_span(y1, m1)[0]
            last = _safe_date(y2, m2, int(d2)) if d2 else _month_span(y2, m2)[1]
            if first and last and first <= last:
                add(m, first, last)
        else:
            add(m, None, None)

    for m in pats.year_span.finditer(sentence) if has_year else ():
        y1 = int(m.group("y1"))
        y2 = _two_digit_year(m.group("y2"), y1)
        if not y1 < y2 <= y1 + 50:
            continue
        if comparison and (m.group("kw") or "").lower() in ("between", "from", ""):
            add(
                m,
                date(y1, 1, 1),
                date(y2, 12, 31),
                comparison=True,
                later=(date(y2, 1, 1), date(y2, 12, 31)),
            )
        else:
            add(m, date(y1, 1, 1), date(y2, 12, 31))

    for m in pats.since.finditer(sentence) if "since" in present else ():
        first = None
        ev = next((k[3:] for k, v in m.groupdict().items() if k.startswith("ev_") and v), None)
        if ev:
            first = self_event(pats, ev)
        elif m.group("s_y"):
            first = date(int(m.group("s_y")), 1, 1)
        else:
            first, _ = resolve_date(m, pats, published, prefix="s_")
        add(m, first, None, open_end=True, scopes_sentence=True)

    if "since" in present and (months or has_year):
        for m in pats.since_clause.finditer(sentence):
            inner = pats.date.search(sentence, m.start(), m.end()) or pats.month_year.search(
                sentence, m.start(), m.end()
            )
            if inner is None:
                continue
            month = None if inner.re is pats.date else _month_of(inner, pats, published)
            first, _ = (
                resolve_date(inner, pats, published)
                if inner.re is pats.date
                else (_month_span(*month) if month else (None, None))
            )
            if first is not None:
                out.append(
                    Mention(
                        m.start(),
                        inner.end(),
                        sentence[m.start() : inner.end()],
                        first,
                        None,
                        open_end=True,
                        scopes_sentence=True,
                    )
                )

    for m in pats.cutoff.finditer(sentence) if "cutoff" in present and (months or has_year) else ():
        _, last = resolve_date(m, pats, published, prefix="c_")
        if last is not None:
            add(m, None, last, scopes_sentence=True)
    for m in pats.end_of.finditer(sentence) if months else ():
        mon = pats.month_number(m.group("m"))
        if mon:
            y = int(m.group("y")) if m.group("y") else _year_for_month(mon, published)
            if y:
                add(m, None, _month_span(y, mon)[1], scopes_sentence=True)

    if published:
        for m in pats.ytd.finditer(sentence) if "year_to_date" in present else ():
            add(m, date(published.year, 1, 1), None, open_end=True, scopes_sentence=True)
        for m in pats.last_year.finditer(sentence) if "last_year" in present else ():
            add(m, date(published.year - 1, 1, 1), date(published.year - 1, 12, 31))
        for m in pats.this_month.finditer(sentence) if "months" in present else ():
            add(m, date(published.year, published.month, 1), None, open_end=True)
        for m in pats.last_month.finditer(sentence) if "months" in present else ():
            y, mo = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
            add(m, *_month_span(y, mo))
        for m in pats.yesterday.finditer(sentence) if "days" in present else ():
            add(
                m,
                published - timedelta(days=1),
                published - timedelta(days=1) if m.group(0).lower() == "yesterday" else published,
            )
        for m in pats.today.finditer(sentence) if "days" in present else ():
            add(m, published, published)
        for m in pats.weekend.finditer(sentence) if pats.weekend and "weekend" in present else ():
            add(m, *_weekend_before(published), weekend=True)
    for m in pats.same.finditer(sentence) if "same" in present else ():
        add(m, None, None, same=True)

    for m in pats.month_year.finditer(sentence) if months else ():
        mon = pats.month_number(m.group("m"))
        if not mon:
            continue
        y = int(m.group("y")) if m.group("y") else _year_for_month(mon, published)
        if y:
            add(m, *_month_span(y, mon))
        else:
            add(m, None, None)
    for m in pats.date.finditer(sentence) if months or has_year else ():
        if m.group("day") or m.group("day2") or m.group("iso"):
            first, last = resolve_date(m, pats, published)
            add(m, first, last)

    for m in pats.year.finditer(sentence) if has_year else ():
        if not pats.year_needs_prep.match(m.group(0)) and not re.search(
            r"(?:\bin|\bof)\s+$", sentence[max(0, m.start() - 4) : m.start()]
        ):
            # A bare year with no preposition is a date inside some other phrase.
            continue
        y = int(m.group("y"))
        if m.group(0).lower().startswith(("since", "from")):
            continue  # handled as "since"
        if m.group(0).lower().startswith(("until", "by")):
            add(m, None, date(y, 12, 31), scopes_sentence=True)
            continue
        add(m, date(y, 1, 1), date(y, 12, 31))

    exclude = list(exclude or [])
    dateline = pats.dateline.match(sentence)
    if dateline:
        exclude.append((0, dateline.end()))
    kept = _relative_to_named(_outermost(out, sentence, pats, exclude), pats)
    return [
        replace(mt, baseline=True)
        if pats.baseline_before.search(sentence, max(0, mt.start - 30), mt.start)
        else mt
        for mt in kept
    ]


def _weekend_before(day: date) -> tuple[date, date]:
    """The Saturday and Sunday of the last weekend on or before ``day``."""
    sunday = day - timedelta(days=(day.weekday() - 6) % 7)
    return sunday - timedelta(days=1), sunday


def _relative_to_named(mentions: list[Mention], pats: _Patterns) -> list[Mention]:
    """ "A year earlier" after another year-long period of the sentence is the year before that one
    ("in fiscal 2023, up from 794 a year earlier": fiscal 2022), not before publication."""
    out: list[Mention] = []
    for i, mt in enumerate(mentions):
        unit = next((u for u, p in pats.relative.items() if p.match(mt.text.strip())), None)
        named = None
        if unit is not None:
            named = next(
                (
                    m
                    for m in reversed(mentions[:i])
                    if m.first is not None
                    and m.last is not None
                    and not any(p.match(m.text.strip()) for p in pats.relative.values())
                    and _spans(m.first, m.last, unit)
                ),
                None,
            )
        if named is not None and named.first is not None and named.last is not None and unit is not None:
            months = 12 if unit == "year" else 1
            first = _shift_months(named.first, -months)
            last = _shift_months(named.last + timedelta(days=1), -months) - timedelta(days=1)
            mt = replace(mt, first=first, last=last, anchor=named.start)
        out.append(mt)
    return out


def _spans(first: date, last: date, unit: str) -> bool:
    """Whether first..last is one whole year (any start month: fiscal years) or one whole month."""
    if first.day != 1:
        return False
    months = 12 if unit == "year" else 1
    return _shift_months(first, months) - timedelta(days=1) == last


def _shift_months(d: date, months: int) -> date:
    """The first-of-month date ``months`` months from ``d`` (which must be a first of a month)."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_of(m: re.Match[str], pats: _Patterns, published: date | None) -> tuple[int, int] | None:
    mon = pats.month_number(m.group("m"))
    if not mon:
        return None
    y = int(m.group("y")) if m.group("y") else _year_for_month(mon, published)
    return (y, mon) if y else None


def self_event(pats: _Patterns, name: str) -> date | None:
    d = pats.event_dates.get(name)
    return d if isinstance(d, date) else None


def _year_word(text: str, published: date | None, pats: _Patterns) -> int | None:
    t = text.lower()
    digits = re.search(r"(?:19|20)\d\d", t)
    if digits:
        return int(digits.group(0))
    if published is None:
        return None
    if pats.previous_year.search(t):
        return published.year - 1
    return published.year


def _outermost(
    mentions: list[Mention], sentence: str, pats: _Patterns, exclude: list[tuple[int, int]]
) -> list[Mention]:
    """Keep the longest of overlapping mentions; drop those inside excluded spans and dates of
    events ("the war, which started in February 2022")."""
    mentions.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for mt in mentions:
        if any(s <= mt.start and mt.end <= e for s, e in exclude):
            continue
        if pats.event_verb.search(sentence[max(0, mt.start - 40) : mt.start]) and not mt.open_end:
            continue
        if kept and mt.start < kept[-1].end:
            if mt.end - mt.start > kept[-1].end - kept[-1].start:
                kept[-1] = mt
            continue
        kept.append(mt)
    return kept


# ---------------------------------------------------------------------------------------------
# Choosing a figure's period


@dataclass(frozen=True, slots=True)
class Context:
    """What choose_period needs to know about a figure besides the mentions."""

    figure_start: int  # offsets into the sentence
    figure_end: int
    clause: Clause
    clauses: list[Clause]
    kind: str
    cutoff: date | None  # statement date, else publication date
    previous: list[Mention]  # mentions of the sentence before, when it continues
    previous_period: tuple[date | None, date | None] | None  # period of the figure before
    sentence: str
    # The period of the claim before when this figure continues its statistics (same source,
    # same or comparable metric): "Another 16,422 proceedings were opened" after "… in 2024".
    continued: tuple[date | None, date | None] | None = None
    metric: str = ""
    other_figures: tuple[int, ...] = ()  # offsets of the sentence's other figures


def choose_period(
    mentions: list[Mention], ctx: Context, language: str = "en"
) -> tuple[date | None, date | None]:
    """The period of one figure: a mention in its clause, else in its sentence, else a running
    total or a period carried over from the sentence before."""
    first, last = _choose_period(mentions, ctx, language)
    if first is not None and last is not None and first > last:
        # "since February" in a text dated January: the start lies after the cut-off, so it is not
        # this figure's (a misread year, a date of something else); the cut-off still holds.
        return None, last
    return first, last


def _choose_period(
    mentions: list[Mention], ctx: Context, language: str = "en"
) -> tuple[date | None, date | None]:
    pats = patterns(language)
    fs, fe = ctx.figure_start, ctx.figure_end
    # "In May courts received 1,450 cases. That is 20% more than in April": a change measured
    # against a baseline speaks of the period before it, not of the baseline.
    if mentions and ctx.kind == "change" and all(m.baseline for m in mentions):
        carried = [m for m in ctx.previous if not m.baseline and not m.same]
        if carried:
            return _resolve(carried[-1], ctx)
    # A baseline ("as many as in 2022") is the figure's period only when nothing else is.
    if any(not m.baseline for m in mentions):
        mentions = [m for m in mentions if not m.baseline]
    in_clause = [m for m in mentions if ctx.clause.start <= m.start < ctx.clause.end]
    # "… in August is one of at least 30 servicemen who have switched sides since February 2022":
    # the figure's own perfect verb and its "since" outrank a nearer date of something else.
    own_since = [
        m
        for m in in_clause
        if m.open_end
        and m.first is not None
        and m.start >= fe
        and pats.perfect.search(ctx.sentence, fe, m.start)
        and not any(fe <= f < m.start for f in ctx.other_figures)
    ]
    chosen = own_since[0] if own_since else _nearest(in_clause, fs, fe)
    if chosen is None and mentions:
        before = [m for m in mentions if m.end <= fs]
        chosen = _nearest(before, fs, fe) or _nearest(
            [m for m in mentions if not _clause_has_own(m, ctx)], fs, fe
        )
    if chosen is not None:
        chosen = _anchor_instead(chosen, mentions, ctx)
        first, last = _resolve(chosen, ctx)
        # "As of Nov. 21, more than 1,500 had surrendered since the start of the invasion": the
        # cut-off and the start come from two phrases of one statement.
        if first is None and chosen.first is None and chosen.last is not None:
            start = next((m for m in mentions if m.open_end and m.first is not None), None)
            if start is not None:
                first = start.first
        elif chosen.open_end and last == ctx.cutoff:
            end = next(
                (m for m in mentions if m.first is None and m.last is not None and m.scopes_sentence), None
            )
            if end is not None:
                last = end.last
        return first, last

    clause_text = ctx.sentence[ctx.clause.start : ctx.clause.end]
    sentence_head = ctx.sentence[:fs]
    # A war toll in the perfect ("The conflict has claimed over 100,000 lives") runs from the
    # start of the war to the cut-off.
    if pats.war_subjects.search(sentence_head) or pats.war_subjects.search(clause_text):
        return self_event(pats, "full_scale_invasion"), ctx.cutoff
    if ctx.kind == "rate":
        return None, None  # an ongoing average: no period unless its own sentence gives one
    carried = [m for m in ctx.previous if m.scopes_sentence or _sentence_initial(m, ctx)]
    if carried:
        return _resolve(carried[-1], ctx)
    if ctx.continued is not None and ctx.continued != (None, None):
        return ctx.continued
    running = bool(pats.perfect.search(clause_text) or pats.running_markers.search(clause_text))
    if running and ctx.metric in pats.toll_metrics:
        # A cumulative toll accrues from the start of the war (NOTES.md: "has claimed over 100,000
        # lives" starts on 24 February 2022).
        return self_event(pats, "full_scale_invasion"), ctx.cutoff
    if ctx.kind in ("count", "share") and running:
        return None, ctx.cutoff
    return None, None


def _anchor_instead(chosen: Mention, mentions: list[Mention], ctx: Context) -> Mention:
    """ "In 2023 courts received 7,300 cases, a year earlier 1,200": "a year earlier" belongs to
    the figure next to it; a figure before it that another figure stands between, or nearer to
    it, has the period it counts back from ("1,500 a year earlier" keeps its own)."""
    if chosen.anchor is None or chosen.start < ctx.figure_end:
        return chosen
    named = next((m for m in mentions if m.start == chosen.anchor), None)
    if named is None or named.end > ctx.figure_start:
        return chosen
    own = chosen.start - ctx.figure_end
    if not any(
        f > ctx.figure_start and (f < chosen.start or f - chosen.end < own) for f in ctx.other_figures
    ):
        return chosen
    return named


def _sentence_initial(m: Mention, ctx: Context) -> bool:
    """A period that opens its sentence ("In fiscal year 2022, …") frames what follows it."""
    return m.start <= 3 and not m.same


def _clause_has_own(m: Mention, ctx: Context) -> bool:
    """Whether a mention sits in another clause that has a figure of its own (then the period is
    that figure's): "fewer than 300 … in fiscal year 2022, although … over 57,000 … in 2023"."""
    for c in ctx.clauses:
        if c.start <= m.start < c.end and c != ctx.clause:
            return any(c.start <= f < c.end for f in ctx.other_figures)
    return False


def _nearest(mentions: list[Mention], fs: int, fe: int) -> Mention | None:
    best: tuple[int, Mention] | None = None
    for m in mentions:
        d = fs - m.end if m.end <= fs else (m.start - fe if m.start >= fe else 0)
        if best is None or d < best[0]:
            best = (d, m)
    return best[1] if best else None


def _resolve(m: Mention, ctx: Context) -> tuple[date | None, date | None]:
    if m.same:
        return ctx.previous_period or (None, None)
    if m.comparison and m.later:
        return m.later
    if m.rolling and ctx.cutoff:
        n, unit = m.rolling
        return _minus(ctx.cutoff, n, unit), ctx.cutoff
    if m.weekend and ctx.cutoff:
        return _weekend_before(ctx.cutoff)
    if m.open_end:
        return m.first, ctx.cutoff
    return m.first, m.last
