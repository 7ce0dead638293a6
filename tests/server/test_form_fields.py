"""A field sent twice is refused, naming it (it silently took the last value); the charset of a
file part's own Content-Type is how the file is read when the encoding field is empty (it was
ignored, and the user had to fill in the field)."""

from __future__ import annotations

import codecs
import json

import pytest
from fastapi.testclient import TestClient

TEXT = "Introduction\n\n" + "Café owners in Zürich described their résumé of the crisis in detail. " * 6
ARTICLE = "Introduction\n\n" + " ".join(f"Sentence {i} of the tidal energy study reports one result." for i in range(12))


@pytest.mark.parametrize("field", ["words", "method", "encoding"])
def test_a_form_field_sent_twice_is_a_422_naming_it(client: TestClient, field: str) -> None:
    values = {"words": ["12", "50"], "method": ["textrank", "lead"], "encoding": ["", "cp1252"]}[field]
    response = client.post("/api/summarize", files={"file": ("a.txt", ARTICLE.encode())}, data={field: values})
    assert response.status_code == 422, response.text
    assert response.json()["message"] == f"{field}: is given more than once; send each field once"
    assert response.json()["details"][0]["loc"] == [field]


def test_a_text_field_named_file_beside_the_upload_is_refused(client: TestClient) -> None:
    response = client.post("/api/summarize", files={"file": ("a.txt", ARTICLE.encode())}, data={"file": "b.txt"})
    assert response.status_code == 422 and response.json()["message"].startswith("file: is given more than once")


def test_a_json_key_sent_twice_is_a_422_naming_it(client: TestClient) -> None:
    body = '{"text": ' + json.dumps(ARTICLE) + ', "words": 12, "words": 50}'
    response = client.post("/api/summarize", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["message"] == "words: is given more than once; send each field once"


def test_the_file_parts_charset_is_used_when_the_encoding_field_is_empty(client: TestClient) -> None:
    data = TEXT.encode("cp1252")
    response = client.post(
        "/api/summarize", files={"file": ("cafe.txt", data, "text/plain; charset=windows-1252")}, data={"encoding": ""}
    )
    assert response.status_code == 200, response.text
    assert "Café owners in Zürich" in response.json()["summary"]["sentences"][0]["text"]


def test_a_named_encoding_field_wins_over_the_charset(client: TestClient) -> None:
    data = TEXT.encode("cp1252")
    response = client.post(
        "/api/summarize", files={"file": ("cafe.txt", data, "text/plain; charset=utf-8")}, data={"encoding": "cp1252"}
    )
    assert response.status_code == 200, response.text
    assert "Café owners in Zürich" in response.json()["summary"]["sentences"][0]["text"]


def test_a_wrong_charset_is_named_as_what_the_file_was_read_in(client: TestClient) -> None:
    response = client.post("/api/summarize", files={"file": ("cafe.txt", TEXT.encode("cp1252"), "text/plain; charset=utf-8")})
    assert response.status_code == 400
    message = response.json()["message"]
    assert "is not valid UTF-8" in message and "with the encoding field (e.g. cp1252)" in message
    assert message.endswith("(it was read as utf-8, the charset its part's Content-Type names)")


def test_an_unknown_charset_is_a_422_pointing_to_the_encoding_field(client: TestClient) -> None:
    response = client.post("/api/summarize", files={"file": ("cafe.txt", TEXT.encode(), "text/plain; charset=x-nonesuch")})
    assert response.status_code == 422
    assert response.json()["message"] == (
        "file: the charset of its part's Content-Type (x-nonesuch) is no encoding this server knows;"
        " name the file's encoding in the encoding field (e.g. cp1252)"
    )


def test_a_byte_order_mark_wins_over_the_charset(client: TestClient) -> None:
    data = codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")
    response = client.post("/api/summarize", files={"file": ("cafe.txt", data, "text/plain; charset=utf-8")})
    assert response.status_code == 200, response.text
    assert "Café owners in Zürich" in response.json()["summary"]["sentences"][0]["text"]


def test_a_byte_order_mark_wins_over_the_encoding_field(client: TestClient) -> None:
    """Was: the encoding field read a UTF-8 file saved with its BOM as cp1252 ("ï»¿Introduction",
    "CafÃ© owners"); the BOM is the file's own word for its encoding, as it is over a charset."""
    data = codecs.BOM_UTF8 + TEXT.encode("utf-8")
    response = client.post("/api/summarize", files={"file": ("cafe.txt", data, "text/plain")}, data={"encoding": "cp1252"})
    assert response.status_code == 200, response.text
    assert "Café owners in Zürich" in response.json()["summary"]["sentences"][0]["text"]


@pytest.mark.parametrize("content_type", ["application/pdf; charset=binary", "text/plain; charset=binary"])
def test_charset_binary_as_file_mime_labels_a_file_names_no_encoding(client: TestClient, content_type: str) -> None:
    """`file --mime` and PHP's finfo label a PDF `application/pdf; charset=binary`: it was a 422 "no
    encoding this server knows"; the file is read as it would be without the charset."""
    data, name = ARTICLE.encode(), "a.txt"
    if content_type.startswith("application/pdf"):
        pytest.importorskip("pypdfium2")
        pytest.importorskip("reportlab")
        from pdfgen import Page, build, sentences, wrap

        page = Page()
        page.block(72, 100, wrap(" ".join(sentences("A", 20)), 450))
        data, name = build([page]), "a.pdf"
    response = client.post("/api/summarize", files={"file": (name, data, content_type)})
    assert response.status_code == 200, response.text


def test_the_encoding_field_reads_what_a_bom_cannot(client: TestClient) -> None:
    """Was: a BOM before cp1252 bytes (or cp1252 text that begins "ï»¿") with the encoding field
    cp1252 was refused as not UTF-8; where the BOM's codec fails, the field's encoding reads it."""
    data = codecs.BOM_UTF8 + TEXT.encode("cp1252")
    response = client.post("/api/summarize", files={"file": ("cafe.txt", data, "text/plain")}, data={"encoding": "cp1252"})
    assert response.status_code == 200, response.text
    assert "Café owners in Zürich" in response.json()["summary"]["sentences"][0]["text"]


def test_a_wrong_encoding_field_is_named_in_the_refusal(client: TestClient) -> None:
    """Was: UTF-8 English read in the encoding field's utf-16 was refused as "is Chinese (zh) ...
    (not supported)", naming nothing of the field that made it so; the CLI says the same line."""
    data = ARTICLE.encode() + b" " * (len(ARTICLE.encode()) % 2)
    response = client.post("/api/summarize", files={"file": ("a.txt", data)}, data={"encoding": "utf-16"})
    assert response.status_code == 400, response.text
    assert response.json()["message"] == (
        "a.txt: is Chinese (zh), written without spaces between words: synopsis counts words by spaces and has no word"
        " segmenter for it (not supported); it was read as utf-16, the encoding named for it: is that the file's encoding?"
    )
    charset = client.post("/api/summarize", files={"file": ("a.txt", data, "text/plain; charset=utf-16")})
    assert charset.status_code == 400
    assert charset.json()["message"].endswith("(it was read as utf-16, the charset its part's Content-Type names)")
    assert charset.json()["message"].count("it was read as") == 1  # was said twice, the field's way and the charset's
