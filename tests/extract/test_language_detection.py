"""Language from the front matter, else from the letters: Russian and Ukrainian told apart."""

import pytest

from headcount.extract import extract_claims, language_of
from headcount.extract.text import guess_language
from headcount.model import Article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("По данным Генпрокуратуры, с начала года возбуждено более 180 тысяч уголовных дел.", "ru"),
        ("За даними Офісу Генерального прокурора, з початку року відкрито понад 100 тисяч проваджень.", "uk"),
        ("Ещё 300 военных сдались в плен, сообщил источник.", "ru"),
        ("Ще 300 військових здалися в полон, повідомило джерело.", "uk"),
        ("Over 7,300 cases reached Russian courts, Mediazona said.", "en"),
        ("Mediazona (Медиазона) counted over 7,300 cases in Russian courts since September 2022.", "en"),
        ("Агентство ТАСС передає, що військові ЗСУ здаються в полон.", "uk"),
        ("", "en"),
    ],
)
def test_guess_language(text: str, expected: str) -> None:
    assert guess_language(text) == expected


def test_front_matter_wins() -> None:
    article = Article(doc="x", body="За даними ОГП, відкрито 500 проваджень.", language="ru")
    assert language_of(article) == "ru"


def test_detected_when_undeclared() -> None:
    article = Article(doc="x", body="За даними ОГП, з початку року відкрито 500 кримінальних проваджень.")
    claims = extract_claims(article)
    assert [c.language for c in claims] == ["uk"]
    assert claims[0].metric == "criminal_case"
