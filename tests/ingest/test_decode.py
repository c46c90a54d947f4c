"""Bytes to text: UTF-8 first, then a detected legacy encoding only when the result reads as a
language; random bytes are rejected with a reason, not stored as noise."""

from __future__ import annotations

import random

import pytest

from headcount import errors
from headcount.errors import InputError
from headcount.ingest.frontmatter import decode

RU = "По данным Генпрокуратуры, с начала года возбуждено более 20 тысяч уголовных дел о СЗЧ. "
EN = "Café owners said “about 21,600” soldiers left their units in October — the ministry’s figure. "


@pytest.mark.parametrize(
    "text,encoding",
    [(RU * 3, "cp1251"), (RU * 3, "koi8-r"), (EN * 3, "cp1252"), (RU, "utf-8"), ("\ufeff" + EN, "utf-8")],
)
def test_legacy_encodings_decode_to_the_same_text(text, encoding):
    assert decode(text.encode(encoding), "a.txt") == text.lstrip("\ufeff")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_high_bytes_are_undecodable(seed):
    data = bytes(random.Random(seed).randrange(128, 256) for _ in range(400))
    with pytest.raises(InputError) as exc:
        decode(data, "noise.txt")
    assert exc.value.code == errors.UNDECODABLE
    assert "noise.txt" in str(exc.value) and "undecodable" in str(exc.value)
