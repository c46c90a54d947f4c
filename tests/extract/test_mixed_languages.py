"""Mixed input: an English article quoting a Russian source in Cyrillic, and a Ukrainian article
quoting Russian state media — the right claimant and chain, and actors resolved across scripts."""

from datetime import date

from headcount.actors import default_registry
from headcount.extract import extract_claims
from headcount.model import Article


def test_english_article_quoting_cyrillic_source() -> None:
    body = (
        "Russian courts are busier than ever. According to Медиазона, over 7,300 cases against "
        "soldiers who left their units reached military courts since September 2022."
    )
    claims = extract_claims(Article(doc="en", body=body, published=date(2024, 4, 12)))
    assert [c.figure for c in claims] == ["over 7,300"]
    c = claims[0]
    assert c.language == "en" and c.metric == "criminal_case" and c.claimant == "Медиазона"
    assert default_registry().resolve(c.claimant).name == "Mediazona"  # type: ignore[union-attr]


def test_ukrainian_article_quoting_russian_state_media() -> None:
    body = (
        "Російське агентство ТАСС, посилаючись на джерело в силових структурах, пише, що нібито "
        "від 300 до 500 тисяч військових ЗСУ самовільно залишили частини."
    )
    claims = extract_claims(Article(doc="uk", body=body, published=date(2025, 9, 13)))
    assert [c.figure for c in claims] == ["від 300 до 500 тисяч"]
    c = claims[0]
    assert c.language == "uk" and c.metric == "desertion" and c.side == "ukraine" and c.hedged
    assert c.claimant == "джерело в силових структурах"
    assert c.via == ("ТАСС",)
    assert default_registry().resolve(c.via[0]).name == "TASS"  # type: ignore[union-attr]


def test_russian_speaker_citing_ukrainian_body() -> None:
    body = (
        "Захарова, ссылаясь на данные ОГП, заявила, что ежемесячно из ВСУ уходят около 15–18 тысяч человек."
    )
    (c,) = extract_claims(Article(doc="ru", body=body, published=date(2025, 11, 7), language="ru"))
    assert (c.claimant, c.via, c.per) == ("ОГП", ("Захарова",), "month")
    registry = default_registry()
    assert registry.resolve("ОГП").name == "Ukraine's Prosecutor General's Office"  # type: ignore[union-attr]
    assert registry.resolve("Захарова").name == "Maria Zakharova"  # type: ignore[union-attr]


def test_actor_names_in_any_case() -> None:
    registry = default_registry()
    for name, actor in [
        ("Генпрокуратуры", "Ukraine's Prosecutor General's Office"),
        ("Офісу Генерального прокурора", "Ukraine's Prosecutor General's Office"),
        ("Медиазоны", "Mediazona"),
        ("«Идите лесом»", "Idite Lesom"),
        ("РИА Новости", "RIA Novosti"),
        ("Генштабу ЗСУ", "General Staff of the Armed Forces of Ukraine"),
    ]:
        assert registry.resolve(name).name == actor  # type: ignore[union-attr]
