"""The HTTP API as a client sees it: the same summary as the library, spans, the document, errors."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from synopsis.errors import InputError
from synopsis.ingest import article_from_text, read_articles
from synopsis.output import summary_to_dict
from synopsis.pipeline import build_document, summarize_document
from synopsis.scorers import DEFAULT_METHOD, METHODS
from synopsis.server import Limits, create_app
from synopsis.server.schemas import SummarizeRequest, SummarizeResponse, UploadFields
from synopsis.types import Budget

ClientFactory = Callable[..., AbstractContextManager[TestClient]]

ROOT = Path(__file__).resolve().parents[2]


def library_summary(text: str, *, method: str = "auto", words: int | None = 200, sentences: int | None = None) -> dict:  # type: ignore[type-arg]
    doc = build_document(article_from_text(text, doc_id="pasted", source="pasted text"))
    return summary_to_dict(summarize_document(doc, method=method, budget=Budget(words, sentences)), doc)


def test_pasted_record_gets_the_library_summary_with_spans(client: TestClient, example_text: str) -> None:
    response = client.post("/api/summarize", json={"text": example_text})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    data = response.json()
    summary, document = data["summary"], data["document"]
    assert summary == library_summary(example_text)
    assert summary["method"] == DEFAULT_METHOD and 0 < summary["words"] <= 200
    for sentence in summary["sentences"]:
        assert example_text[sentence["start"] : sentence["end"]] == sentence["text"]
        shown = document["sentences"][sentence["index"]]
        assert shown["text"] == sentence["text"] and shown["candidate"]
        assert shown["score"] == pytest.approx(sentence["score"], abs=1e-6)
    assert [s["index"] for s in document["sentences"]] == list(range(len(document["sentences"])))
    assert document["format"] == "record" and document["source"] == "pasted text"
    assert document["abstract"].startswith("Mentoring has recently taken centre stage")
    assert document["characters"] == len(example_text)
    titles = [s["title"] for s in document["sections"]]
    assert "Introduction" in titles
    for section in document["sections"]:
        inside = [s for s in document["sentences"] if s["section"] == section["index"]]
        assert [s["index"] for s in inside] == list(range(section["first"], section["last"] + 1))
    SummarizeResponse.model_validate(data)  # what /docs promises is what comes back


@pytest.mark.parametrize(
    ("fields", "check"),
    [
        ({"words": 60}, lambda s: 0 < s["words"] <= 60),
        ({"sentences": 3}, lambda s: len(s["sentences"]) == 3),
        ({"method": "lead", "sentences": 2}, lambda s: [x["index"] for x in s["sentences"]] == [0, 1]),
        ({"method": "textrank", "words": 120}, lambda s: s["method"] == "textrank" and s["params"] == {"damping": 0.85}),
    ],
)
def test_method_and_budget_are_honoured(client: TestClient, example_text: str, fields: dict, check) -> None:  # type: ignore[no-untyped-def,type-arg]
    response = client.post("/api/summarize", json={"text": example_text, **fields})
    assert response.status_code == 200, response.text
    summary = response.json()["summary"]
    assert check(summary)
    # the API's budget rule (200 words unless told) is the library's: every case, not only some
    expected = library_summary(
        example_text, method=fields.get("method", "auto"), words=fields.get("words"), sentences=fields.get("sentences")
    )
    assert summary == expected


def test_title_and_abstract_fields_are_used(client: TestClient) -> None:
    text = "Introduction\n\n" + " ".join(
        f"Finding number {i} concerns mentoring programmes for young offenders." for i in range(12)
    )
    response = client.post("/api/summarize", json={"text": text, "title": "On mentoring", "abstract": "Mentoring is debated."})
    assert response.status_code == 200, response.text
    document = response.json()["document"]
    assert document["title"] == "On mentoring" and document["abstract"] == "Mentoring is debated."


def test_uploaded_record_gives_the_same_summary_as_pasting_it(client: TestClient, example_path: Path, example_text: str) -> None:
    pasted = client.post("/api/summarize", json={"text": example_text, "words": 150}).json()
    with example_path.open("rb") as handle:
        response = client.post("/api/summarize", files={"file": (example_path.name, handle, "text/plain")}, data={"words": "150"})
    assert response.status_code == 200, response.text
    uploaded = response.json()
    assert uploaded["summary"]["sentences"] == pasted["summary"]["sentences"]
    assert uploaded["summary"]["id"] == example_path.stem and uploaded["document"]["source"] == example_path.name


def test_upload_in_a_stated_encoding(client: TestClient) -> None:
    text = "Introduction\n\n" + "Café owners in Zürich described their résumé of the crisis in detail. " * 6
    data = text.encode("cp1252")
    refused = client.post("/api/summarize", files={"file": ("cafe.txt", data)})
    assert refused.status_code == 400
    assert "not valid UTF-8" in refused.json()["message"] and "encoding field" in refused.json()["message"]
    response = client.post("/api/summarize", files={"file": ("cafe.txt", data)}, data={"encoding": "cp1252"})
    assert response.status_code == 200, response.text
    assert "Café owners in Zürich" in response.json()["summary"]["sentences"][0]["text"]


def test_a_file_name_is_a_label_not_a_path(client: TestClient) -> None:
    text = b"Introduction\n\n" + b"The uploaded article talks about tidal energy in coastal towns. " * 5
    response = client.post("/api/summarize", files={"file": ("../../../etc/passwd", text)})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["summary"]["id"] == "passwd"
    assert all("tidal energy" in s["text"] for s in data["summary"]["sentences"])
    assert client.post("/api/summarize", json={"text": "x", "path": "/etc/passwd"}).status_code == 422


def test_methods_and_health(client: TestClient) -> None:
    methods = client.get("/api/methods").json()
    assert methods["default"] == DEFAULT_METHOD
    assert [m["name"] for m in methods["methods"]] == sorted(METHODS)
    assert all(m["description"] for m in methods["methods"])
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    # "/health", the other name load balancers and probes try, was a 404.
    assert client.get("/health").json() == health.json() and client.head("/health").status_code == 200


# ---- errors: one JSON shape, the right status, a message that says what to do -------------------

BIG_TEXT_LIMIT = 20_000


@pytest.mark.parametrize(
    ("request_args", "status", "fragment"),
    [
        # 400: the body or the input cannot be read
        ({"json": {"text": "   \n  "}}, 400, "contains no text"),
        ({"content": b'{"text": "unterminated', "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
        ({"content": b"", "headers": {"content-type": "application/json"}}, 400, "body is empty"),
        ({"files": {"file": ("empty.txt", b"")}}, 400, "empty.txt: is empty"),
        ({"files": {"file": ("latin.txt", b"caf\xe9 " * 50)}}, 400, "not valid UTF-8"),
        ({"json": {"text": "FULL TEXT:\n\n"}}, 400, "FULL TEXT section is empty"),
        # 413: too much
        ({"json": {"text": "word " * (BIG_TEXT_LIMIT // 5 + 1)}}, 413, "over the limit of 20,000"),
        ({"files": {"file": ("big.txt", b"a" * 30_000)}}, 413, "the file is 30.0 kB, over the 20 kB limit"),
        # 415: not something the server reads
        ({"content": b"some text", "headers": {"content-type": "text/plain"}}, 415, "unsupported content type (text/plain)"),
        ({"content": b"text=abc", "headers": {"content-type": "application/x-www-form-urlencoded"}}, 415, "multipart/form-data"),
        ({"files": {"file": ("figure.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)}}, 415, "a PNG image"),
        ({"files": {"file": ("paper.docx", b"PK\x03\x04" + b"\x00" * 64)}}, 415, "ZIP archive"),
        ({"files": {"file": ("corpus.jsonl", b'{"id": 1, "full_text": "x"}\n')}}, 415, "JSONL"),
        ({"files": {"file": ("corpus.json", b'[{"id": 1, "full_text": "x"}]')}}, 415, "is JSON, articles as records"),
        ({"files": {"file": ("page.html", b"<html><body>Hello there.</body></html>")}}, 415, "page.html: is an HTML page"),
        ({"files": {"file": ("blob.txt", b"abc\x00def" * 20)}}, 415, "NUL bytes"),
        # 422: fields that do not validate
        ({"json": {"text": "abc", "method": "magic"}}, 422, "unknown method 'magic'"),
        ({"json": {"text": "abc", "words": 0}}, 422, "words: Input should be greater than or equal to 1"),
        ({"json": {"text": "abc", "sentences": "many"}}, 422, "sentences: Input should be a valid integer"),
        ({"json": {"text": "abc", "wrods": 100}}, 422, "wrods: Extra inputs are not permitted"),
        ({"json": {"method": "lead"}}, 422, "text: Field required"),
        ({"json": ["text"]}, 422, "must be an object"),
        ({"data": {"method": "lead"}, "files": {"other": ("a.txt", b"x")}}, 422, "only one file"),
        # Starlette refused a second file with a 400 of its own; the docs say 422 (issue: QA round 3)
        ({"files": [("file", ("a.txt", b"Some text here.")), ("file", ("a.txt", b"Some text here."))]}, 422, "only one file"),
        # JSON budgets are strict integers: true was a 1-word budget, "200" and 200.0 were accepted
        ({"json": {"text": "abc", "words": True}}, 422, "words: Input should be a valid integer"),
        ({"json": {"text": "abc", "sentences": True}}, 422, "sentences: Input should be a valid integer"),
        ({"json": {"text": "abc", "words": "200"}}, 422, "words: Input should be a valid integer"),
        ({"json": {"text": "abc", "words": 200.0}}, 422, "words: Input should be a valid integer"),
        (
            {"files": {"file": ("a.txt", b"Some text here.")}, "data": {"words": "-3"}},
            422,
            "words: Input should be greater than or equal to 1",
        ),
    ],
)
def test_errors_have_the_right_status_and_a_clear_message(
    make_client: ClientFactory,
    request_args: dict,
    status: int,
    fragment: str,  # type: ignore[type-arg]
) -> None:
    with make_client(max_text_chars=BIG_TEXT_LIMIT, max_upload_bytes=20_000) as client:
        response = client.post("/api/summarize", **request_args)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and body["error"] and fragment in body["message"], body
    assert "Traceback" not in response.text
    if status == 422 and "details" in body:
        assert isinstance(body["details"], list) and body["details"]


def test_a_body_over_the_limit_is_refused_before_it_is_read(make_client: ClientFactory) -> None:
    with make_client(max_upload_bytes=10_000) as client:
        declared = client.post("/api/summarize", content=b"x" * 200_000, headers={"content-type": "application/json"})
        # Sent without a Content-Length (chunked): counted as it arrives.
        streamed = client.post(
            "/api/summarize",
            content=iter([b'{"text": "', b"y" * 50_000, b'"}'] * 3),
            headers={"content-type": "application/json"},
        )
    for response in (declared, streamed):
        assert response.status_code == 413, response.text
        assert "over the 75.536 kB limit" in response.json()["message"]


def test_pdf_without_the_pdf_extra_is_unsupported(client: TestClient) -> None:
    if importlib.util.find_spec("synopsis.ingest.pdf") is not None:
        pytest.skip("synopsis.ingest.pdf is installed; test_pdf_upload_gets_the_library_summary covers PDFs")
    response = client.post("/api/summarize", files={"file": ("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")})
    assert response.status_code == 415
    assert "synopsis[pdf]" in response.json()["message"]


def _paper_pdf(path: Path, article: dict[str, str]) -> Path:
    """A two-page PDF of a real dev article (title, abstract, the first paragraphs of its body),
    generated here so the test needs no file from outside the repository."""
    pytest.importorskip("pypdfium2", reason="PDF upload needs the pdf extra")
    pytest.importorskip("reportlab", reason="the test PDF is generated with reportlab (test extra)")
    from pdfgen import BOLD, Page, build, wrap

    lines = wrap(article["full_text"][:6000].replace("\n", " "), 450)
    first, second = Page(), Page()
    first.text(72, 60, article["title"][:70], font=BOLD, size=16)
    first.text(72, 100, "Abstract", font=BOLD, size=11)
    y = first.block(72, 116, wrap(article["abstract"][:600], 450))
    first.text(72, y + 20, "1 Introduction", font=BOLD, size=12)
    room = int((780 - (y + 40)) // 12)
    first.block(72, y + 40, lines[:room])
    second.block(72, 60, lines[room : room + 60])
    path.write_bytes(build([first, second]))
    return path


def test_pdf_upload_gets_the_library_summary(client: TestClient, tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    path = _paper_pdf(tmp_path / "paper.pdf", dev_sample[0])
    response = client.post(
        "/api/summarize", files={"file": (path.name, path.read_bytes(), "application/pdf")}, data={"words": "120"}
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["document"]["format"] == "pdf" and data["document"]["source"] == path.name
    [article] = list(read_articles(str(path)))
    assert not isinstance(article, InputError), article
    doc = build_document(article)
    expected = summary_to_dict(summarize_document(doc, method="auto", budget=Budget(120)), doc)
    assert 0 < data["summary"]["words"] <= 120
    assert data["summary"]["sentences"] == expected["sentences"]
    assert data["document"]["title"] == dev_sample[0]["title"][:70]
    assert dev_sample[0]["abstract"][:40] in data["document"]["abstract"]
    sentences = data["document"]["sentences"]
    for chosen in data["summary"]["sentences"]:
        assert sentences[chosen["index"]]["text"] == chosen["text"]


def test_unknown_paths_and_methods_answer_in_json(client: TestClient) -> None:
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    wrong = client.get("/api/summarize")
    assert wrong.status_code == 405 and "GET is not allowed" in wrong.json()["message"]


# ---- the page, the docs and the headers ---------------------------------------------------------


def test_page_and_docs_load_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs")
    assert docs.status_code == 200
    for html in (page.text, docs.text):
        assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    for asset in (
        "/static/app.js",
        "/static/style.css",
        "/static/favicon.svg",
        "/docs-assets/swagger-ui-bundle.js",
        "/docs-assets/swagger-ui.css",
    ):
        response = client.get(asset)
        assert response.status_code == 200 and len(response.content) > 100, asset


def test_redoc_loads_nothing_from_elsewhere(client: TestClient) -> None:
    """ReDoc's bundle showed Redocly's logo from cdn.redoc.ly (blocked by the CSP: a console error)."""
    page = client.get("/redoc")
    assert page.status_code == 200 and "https://" not in page.text and "http://" not in page.text
    [script] = re.findall(r'<script src="([^"]+)"', page.text)
    bundle = client.get(script)
    assert bundle.status_code == 200 and len(bundle.content) > 100_000
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert b"cdn.redoc.ly" not in bundle.content


def test_openapi_documents_both_request_bodies(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/api/summarize"]["post"]
    content = operation["requestBody"]["content"]
    assert set(content) == {"application/json", "multipart/form-data"}
    assert "text" in content["application/json"]["schema"]["properties"]
    assert "lang" in content["multipart/form-data"]["schema"]["properties"]  # the form takes it as JSON does
    assert {"200", "400", "413", "415", "422", "503", "504"} <= set(operation["responses"])
    assert "/api/methods" in spec["paths"] and "/healthz" in spec["paths"]


def test_server_doc_lists_every_request_field() -> None:
    """docs/server.md names every field the API takes (`lang` was missing, yet unknown fields get 422)."""
    doc = (ROOT / "docs" / "server.md").read_text(encoding="utf-8")
    table = doc.split("Either **pasted text**")[1].split("Unknown fields are refused")[0]
    assert set(re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)) == set(SummarizeRequest.model_fields)
    form = doc.split("or **one file**")[1].split("```")[0]
    assert set(UploadFields.model_fields) <= set(re.findall(r"`(\w+)`", form))


def test_page_script_never_parses_text_as_html() -> None:
    """The browser test proves it for one text; this keeps the risky APIs out of the script entirely."""
    script = (ROOT / "src/synopsis/server/static/app.js").read_text(encoding="utf-8")
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert risky not in script.replace("never innerHTML", ""), risky


def test_response_is_utf8_json(client: TestClient) -> None:
    text = "Introduction\n\n" + "Les résultats « préliminaires » montrent une baisse de 12 % des coûts. " * 4
    response = client.post("/api/summarize", json={"text": text})
    assert response.status_code == 200
    assert "préliminaires" in json.loads(response.content.decode("utf-8"))["summary"]["sentences"][0]["text"]


def test_a_model_made_by_train_serves_the_trained_methods(trained_model: Path, example_text: str) -> None:
    """`synopsis serve --model` / create_app(model=...): the summary is the library's with that model,
    and the response names the model file, not where it lies on the server."""
    from synopsis import summarize as library_summarize

    with TestClient(create_app(Limits(workers=0), model=str(trained_model)), raise_server_exceptions=False) as client:
        summary = client.post("/api/summarize", json={"text": example_text}).json()["summary"]
        structured = client.post("/api/summarize", json={"text": example_text, "method": "structured"}).json()["summary"]
    expected = library_summarize(example_text, method="reranked", model=str(trained_model))
    assert [s["text"] for s in summary["sentences"]] == [s.text for s in expected.sentences]
    assert summary["params"] == {"model": "model.json"}
    assert "model" not in structured["params"]  # a method without a model runs as ever


def _without_reranker(trained_model: Path, folder: Path) -> Path:
    data = json.loads(trained_model.read_text(encoding="utf-8"))
    del data["reranker"]
    bare = folder / "bare.json"
    bare.write_text(json.dumps(data), encoding="utf-8")
    return bare


def test_a_model_without_a_reranker_serves_auto_as_supervised_and_refuses_reranked(
    trained_model: Path, example_text: str, tmp_path: Path
) -> None:
    """Was: create_app checked the model for `auto`, so such a model stopped the server at start
    although most requests (supervised, structured, ...) do not need the reranker."""
    from synopsis import summarize as library_summarize

    bare = _without_reranker(trained_model, tmp_path)
    with TestClient(create_app(Limits(workers=0), model=str(bare)), raise_server_exceptions=False) as client:
        auto = client.post("/api/summarize", json={"text": example_text})
        reranked = client.post("/api/summarize", json={"text": example_text, "method": "reranked"})
        default = client.get("/api/methods").json()["default"]
    assert auto.status_code == 200, auto.text
    summary = auto.json()["summary"]
    expected = library_summarize(example_text, method="supervised", model=str(bare))
    assert summary["method"] == "supervised" and summary["params"] == {"model": "bare.json"}
    assert [s["text"] for s in summary["sentences"]] == [s.text for s in expected.sentences]
    assert reranked.status_code == 422
    assert reranked.json()["message"] == (
        "the server's model bare.json has no summary reranker, which method reranked needs;"
        " use method supervised (auto uses it on this server)"
    )
    assert default == "supervised"


def test_a_bad_model_stops_the_server_before_it_serves(tmp_path: Path) -> None:
    from synopsis.errors import MethodError

    bad = tmp_path / "model.json"
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(MethodError, match="is not a synopsis model file"):
        create_app(Limits(workers=0), model=str(bad))


def test_a_pdf_flate_bomb_gets_413_with_its_reason(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small PDF whose content stream inflates to a gigabyte made PDFium use ~2.5 GB: in a capped
    worker that aborted the process (500). It is refused before PDFium reads it (the limit lowered
    here, so the bomb can be small)."""
    pytest.importorskip("pypdfium2", reason="PDF upload needs the pdf extra")
    from pdfgen import bomb_pdf
    from synopsis.ingest import pdf
    from synopsis.pdf import PdfOptions

    monkeypatch.setitem(pdf.read_pdf_bytes.__kwdefaults__, "options", PdfOptions(max_inflated_bytes=200_000))
    response = client.post("/api/summarize", files={"file": ("bomb.pdf", bomb_pdf(400_000), "application/pdf")})
    assert response.status_code == 413, response.text
    assert re.fullmatch(
        r"bomb\.pdf: has a compressed stream that inflates to at least [\d.]+ [kM]B, over the 200 kB limit for one stream "
        r"\(a compression bomb\?\)",
        response.json()["message"],
    )
