"""An encoding the user names (`--encoding`, the server's encoding field): a wrong one is said as
what it is, and a UTF-8 byte-order mark that does not read a JSONL file gives way to it, as it does
for a text file. Each case names what a user saw before (stop 39)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from synopsis.errors import InputError
from synopsis.ingest import read_articles, reads_line_by_line
from synopsis.pipeline import build_document
from synopsis.types import Article

ENGLISH = " ".join(f"Sentence {i} of the tidal energy study reports one result about the coast." for i in range(40))
ACCENTED = " ".join(f"The café served résumé number {i} of the naïve study of the coast." for i in range(30))
DOUBT = "it was read as utf-16, the encoding named for it: is that the file's encoding?"


def read_all(path: Path, **kwargs: object) -> list[Article | InputError]:
    return list(read_articles(path, **kwargs))  # type: ignore[arg-type]


def _even(data: bytes) -> bytes:
    """`data` padded to an even length, so that UTF-16 decodes it (into Chinese-looking text)."""
    return data + b" " * (len(data) % 2)


@pytest.mark.parametrize("text", [ENGLISH, ACCENTED], ids=["ascii", "accented"])
def test_english_read_in_a_wrong_utf16_is_refused_naming_the_encoding(tmp_path: Path, text: str) -> None:
    """Was: "is Chinese (zh), written without spaces between words ... (not supported)", naming
    nothing of the --encoding utf-16 that made it so."""
    path = tmp_path / "paper.txt"
    path.write_bytes(_even(text.encode("utf-8")))
    (article,) = read_all(path, encoding="utf-16")
    assert isinstance(article, Article) and article.meta["named_encoding"] == "utf-16"
    with pytest.raises(InputError) as caught:
        build_document(article)
    assert caught.value.message.startswith("is Chinese (zh), written without spaces between words")
    assert caught.value.message.endswith(f"(not supported); {DOUBT}")


def test_a_text_a_wrong_encoding_cannot_decode_names_it_not_name_its_encoding(tmp_path: Path) -> None:
    """Was: "is not valid UTF-16-LE (...); save it as UTF-8 or name its encoding with --encoding
    (e.g. cp1252)": the user had named one, and the line did not say it was the one at fault."""
    path = tmp_path / "paper.txt"
    path.write_bytes(_even(ENGLISH.encode()) + b"x")  # odd: UTF-16 cannot read its last byte
    (error,) = read_all(path, encoding="utf-16")
    assert isinstance(error, InputError)
    assert (
        error.worded({"encoding": "--encoding"})
        == f"{path}: is not valid UTF-16-LE (byte 0x78 at offset {len(_even(ENGLISH.encode()))}); {DOUBT}"
    )


def test_a_right_encoding_reads_as_before_and_utf8_or_a_bom_is_no_named_reading(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(ACCENTED.encode("cp1252"))
    (article,) = read_all(path, encoding="cp1252")
    assert isinstance(article, Article) and article.text == ACCENTED and article.meta["named_encoding"] == "cp1252"
    assert build_document(article).sentences  # summarized as ever
    path.write_bytes(codecs.BOM_UTF8 + ACCENTED.encode())
    (article,) = read_all(path, encoding="cp1252")  # the BOM read it: not the named encoding
    assert isinstance(article, Article) and "named_encoding" not in article.meta
    path.write_bytes(b"caf\xe9 " + ENGLISH.encode())
    (error,) = read_all(path, encoding="utf-8")  # UTF-8 named is UTF-8 unnamed: the same line as ever
    assert error.message == "is not valid UTF-8 (byte 0xe9 at offset 3); save it as UTF-8 or name its encoding"


def _corpus(text: str) -> str:
    return "".join(json.dumps({"id": n, "full_text": text}, ensure_ascii=False) + "\n" for n in "ab")


def test_a_jsonl_bom_that_does_not_decode_gives_way_to_the_named_encoding(tmp_path: Path) -> None:
    """Was: a UTF-8 BOM before cp1252 lines, read with --encoding cp1252, was an error for every
    line, "is not valid UTF-8 (byte 0x43) (name the file's encoding with --encoding)": the BOM won
    and the named encoding was never tried (a text file gives way to it), and the byte named was
    three before the bad one (counted after the BOM)."""
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + _corpus(ACCENTED).encode("cp1252"))
    assert [(a.id, a.text) for a in read_all(path, encoding="cp1252") if isinstance(a, Article)] == [
        ("a", ACCENTED),
        ("b", ACCENTED),
    ]
    assert not reads_line_by_line(path.read_bytes(), "cp1252")  # batch reads it as summarize does
    first, _second = read_all(path)  # no encoding named: the BOM's UTF-8, the byte that is not
    assert isinstance(first, InputError) and str(first).startswith(f"{path}:1: is not valid UTF-8 (byte 0xe9)")


def test_a_jsonl_bom_that_decodes_still_wins_and_a_line_neither_reads_is_said(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + _corpus(ACCENTED).encode())
    assert [a.text for a in read_all(path, encoding="cp1252") if isinstance(a, Article)] == [ACCENTED, ACCENTED]
    assert reads_line_by_line(path.read_bytes(), "utf-8")
    path.write_bytes(codecs.BOM_UTF8 + b'{"id": "a", "full_text": "caf\xe9 \x81"}\n')
    (error,) = read_all(path, encoding="cp1252")
    assert str(error) == f"{path}:1: is not valid UTF-8 (byte 0xe9) nor cp1252 (byte 0x81)"


def test_a_json_document_bom_that_does_not_decode_gives_way_to_the_named_encoding(tmp_path: Path) -> None:
    """Was: "is not valid JSON": the named encoding read the BOM's bytes as text ("ï»¿[")."""
    path = tmp_path / "corpus.json"
    path.write_bytes(codecs.BOM_UTF8 + json.dumps([{"id": "a", "full_text": ACCENTED}], ensure_ascii=False).encode("cp1252"))
    (article,) = read_all(path, encoding="cp1252")
    assert isinstance(article, Article) and article.text == ACCENTED


@pytest.mark.parametrize(("codec", "named"), [("gb18030", "gb18030"), ("utf-16-le", "utf-16-le"), ("big5", "big5")])
def test_chinese_read_in_its_own_named_encoding_is_refused_without_doubt(tmp_path: Path, codec: str, named: str) -> None:
    """The line about the encoding is for a misreading: a Chinese text read right is Chinese."""
    path = tmp_path / "paper.txt"
    path.write_bytes(" ".join(f"這是關於城市氣候和水的第{i}句話。" for i in range(80)).encode(codec))
    (article,) = read_all(path, encoding=named)
    assert isinstance(article, Article)
    with pytest.raises(InputError) as caught:
        build_document(article)
    assert caught.value.message.endswith("(not supported)")


def test_cp1252_text_read_as_utf16_is_refused_naming_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(_even(ACCENTED.encode("cp1252")))
    (article,) = read_all(path, encoding="utf-16")
    assert isinstance(article, Article)
    with pytest.raises(InputError) as caught:
        build_document(article)
    assert caught.value.message.endswith(DOUBT)
