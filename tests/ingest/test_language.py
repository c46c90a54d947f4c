"""Language detection for articles that do not declare one: Russian and Ukrainian told apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from headcount import ConfigError, errors
from headcount.config import Settings
from headcount.ingest import iter_articles
from headcount.ingest.language import declared_language, detect_language

TEXTS = [
    (
        "en",
        "Soldiers who left their units without permission in October face criminal cases, officials said.",
    ),
    (
        "ru",
        "Солдаты, самовольно оставившие свои части в октябре, "
        "могут быть привлечены к уголовной ответственности.",
    ),
    (
        "uk",
        "Військові, які самовільно залишили свої частини в жовтні, "
        "можуть бути притягнуті до кримінальної відповідальності.",
    ),
    (
        "de",
        "Soldaten, die ihre Einheiten im Oktober ohne Erlaubnis verlassen haben, droht ein Strafverfahren.",
    ),
    (
        "fr",
        "Les soldats qui ont quitté leur unité sans autorisation en octobre risquent des poursuites pénales.",
    ),
]


@pytest.mark.parametrize(("expected", "text"), TEXTS, ids=[t[0] for t in TEXTS])
def test_detects_the_language_of_a_body(expected: str, text: str) -> None:
    assert detect_language(text, ("en", "ru", "uk", "de", "fr")) == expected


@pytest.mark.parametrize("text", ["", "12 345 — 6 789", "ОК"])
def test_too_little_text_gives_no_guess(text: str) -> None:
    assert detect_language(text, ("en", "ru", "uk")) is None


@pytest.mark.parametrize(
    ("declared", "code"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("uk_UA", "uk"),
        (" RU ", "ru"),
        ("", None),
        (None, None),
        ("english!", None),
    ],
)
def test_declared_language_tags(declared: str | None, code: str | None) -> None:
    assert declared_language(declared) == code


def test_only_undeclared_articles_get_a_detected_language(tmp_path: Path) -> None:
    ukrainian = tmp_path / "a.txt"
    ukrainian.write_text(TEXTS[2][1] + "\n", encoding="utf-8")
    declared = tmp_path / "b.txt"
    declared.write_text("---\nlanguage: ru\n---\n" + TEXTS[0][1] + "\n", encoding="utf-8")
    a, b = iter_articles([ukrainian, declared])
    assert (a.language, b.language) == ("uk", "ru")


def test_non_utf8_text_files_are_decoded_not_mangled(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    text = " ".join([TEXTS[1][1]] * 3)
    path.write_bytes(("---\noutlet: Газета\n---\n" + text + "\n").encode("windows-1251"))
    [article] = iter_articles([path])
    assert article.body == text + "\n"
    assert (article.outlet, article.language) == ("Газета", "ru")


@pytest.mark.parametrize(
    ("env", "value"),
    [
        ({"HEADCOUNT_LANGUAGES": "en, RU ,uk"}, ("en", "ru", "uk")),
        ({"HEADCOUNT_TIMEOUT": "2.5"}, 2.5),
        ({"HEADCOUNT_MAX_BYTES": "1000"}, 1000),
    ],
)
def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], value) -> None:
    for name, text in env.items():
        monkeypatch.setenv(name, text)
    settings = Settings.from_env()
    got = {
        "HEADCOUNT_LANGUAGES": settings.languages,
        "HEADCOUNT_TIMEOUT": settings.timeout,
        "HEADCOUNT_MAX_BYTES": settings.max_bytes,
    }[next(iter(env))]
    assert got == value


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("HEADCOUNT_LANGUAGES", "en"),
        ("HEADCOUNT_LANGUAGES", "english,russian"),
        ("HEADCOUNT_TIMEOUT", "0"),
        ("HEADCOUNT_TIMEOUT", "soon"),
    ],
)
def test_bad_settings_say_which_and_why(monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    monkeypatch.setenv(name, text)
    with pytest.raises(ConfigError) as caught:
        Settings.from_env()
    assert caught.value.code == errors.BAD_SETTING
    assert str(caught.value).startswith(f"[H403] {name}: ")
