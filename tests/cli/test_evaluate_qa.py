"""`synopsis evaluate` as a demanding user runs it: a mistyped field, documents no system can be
scored on, tiny corpora, predictions files with gaps, `-m all`, and the per-document JSON read
beside `summarize -o scores`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from synopsis.cli import app
from synopsis.errors import InputError
from synopsis.evaluate.html import _colors
from synopsis.evaluate.runner import resolve_methods

pytest.importorskip("rouge_score_rs")
runner = CliRunner()


def _write(path: Path, records: list[dict[str, Any]], tail: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + tail, encoding="utf-8")
    return path


def _short(record: dict[str, str]) -> dict[str, str]:
    """A dev article cut to its first 8,000 characters: the same checks, a fraction of the time."""
    return {**record, "full_text": record["full_text"][:8000]}


def test_a_mistyped_text_field_is_one_line_and_no_report_of_zeros(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    corpus = _write(tmp_path / "c.jsonl", dev_sample[:3])
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["evaluate", str(corpus), "--text-field", "nosuch", "-m", "lead", "--json", str(report)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"synopsis: {corpus}: none of the 3 records read has a 'nosuch' field"
        " (the first record's fields are 'id', 'title', 'abstract', 'full_text', 'source', 'domain', 'license'):"
        " set the text field with --text-field (now nosuch)\n"
    )
    assert result.stdout == "" and not report.exists()


def test_records_without_the_text_field_are_counted_as_failed_not_scored_zero(
    tmp_path: Path, dev_sample: list[dict[str, str]]
) -> None:
    records = [_short(r) for r in dev_sample[:6]]
    records[1] = {k: v for k, v in records[1].items() if k != "full_text"}
    records[4] = {k: v for k, v in records[4].items() if k != "full_text"}
    corpus = _write(tmp_path / "c.jsonl", records)
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["evaluate", str(corpus), "-m", "lead", "--json", str(report)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [
        "synopsis: skipped 2 records without a 'full_text' field (set the text field with --text-field (now full_text)):"
        f" {corpus}:2, {corpus}:5",
        "synopsis: 2 document(s) failed: 2 records without a 'full_text' field (not read)",
    ]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["documents"] == 4 and data["failures"] == []
    scores = [d["scores"]["lead"]["rouge1"]["f"] for d in data["per_document"]]
    assert all(score > 0 for score in scores)
    assert data["overall"]["lead"]["rouge1"]["f1"]["mean"] == pytest.approx(sum(scores) / 4)
    assert any("skipped 2 records without a 'full_text' field" in note for note in data["notes"])


def test_reference_less_documents_are_listed_and_left_out_of_the_means(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    records = [_short(r) for r in dev_sample[:6]]
    records[2] = {**records[2], "abstract": ""}
    corpus = _write(tmp_path / "c.jsonl", records, tail="{broken\n")
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["evaluate", str(corpus), "-m", "lead", "--json", str(report)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "synopsis: 2 document(s) failed: 2 not evaluated (unreadable or no reference abstract; listed in the report)"
    )
    assert "5 documents (2 more not evaluated)" in result.stdout
    assert "7 documents read (5 evaluated) in " in result.stdout  # the closing note agrees with the header
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [(d["id"], d["reason"]) for d in data["not_evaluated"]] == [
        (records[2]["id"], "has no reference abstract to score against"),
        (f"{corpus}:7", f"{corpus}:7: is not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
    ]
    per_document = [d["scores"]["oracle"]["rouge1"]["f"] for d in data["per_document"]]
    assert len(per_document) == 5 and min(per_document) > 0  # no 0 for a document without a reference
    assert data["overall"]["oracle"]["rouge1"]["f1"]["mean"] == pytest.approx(sum(per_document) / 5)


def test_a_mistyped_abstract_field_is_one_line(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    corpus = _write(tmp_path / "c.jsonl", dev_sample[:3])
    result = runner.invoke(app, ["evaluate", str(corpus), "--abstract-field", "summary", "-m", "lead"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "synopsis: none of the 3 documents read has a reference abstract to score against"
        " (JSONL: set its field with --abstract-field, now summary; text: an 'Abstract' heading)\n"
    )


@pytest.mark.parametrize("count", [1, 2])
def test_one_or_two_documents_get_no_confidence_intervals(tmp_path: Path, dev_sample: list[dict[str, str]], count: int) -> None:
    """One document gave a "95% CI" of width 0 and two their two scores: a report must not claim them."""
    corpus = _write(tmp_path / "c.jsonl", [_short(r) for r in dev_sample[:count]])
    report, page = tmp_path / "r.json", tmp_path / "r.html"
    result = runner.invoke(
        app, ["evaluate", str(corpus), "-m", "lead", "-m", "textrank", "--json", str(report), "--html", str(page)]
    )
    assert result.exit_code == 0, result.output
    assert "fewer than 5 documents: no confidence intervals or p-values" in result.stdout
    assert "mean [95% CI]" not in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"), parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))
    f1 = data["overall"]["textrank"]["rouge1"]["f1"]
    assert f1["mean"] > 0 and f1["low"] is None and f1["high"] is None
    assert {(t["low"], t["high"], t["p"]) for t in data["tests"]} == {(None, None, None)}
    html = page.read_text(encoding="utf-8")
    assert "95% bootstrap CIs" not in html and "fewer than 5 documents" in html


@pytest.mark.slow
def test_predictions_with_gaps_say_what_each_document_got(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    records = [_short(r) for r in dev_sample[:6]]
    corpus = _write(tmp_path / "c.jsonl", records)
    predictions = tmp_path / "theirs.jsonl"
    predictions.write_text(
        "\n".join(
            [
                json.dumps({"id": records[0]["id"], "summary": records[0]["abstract"]}),
                json.dumps({"id": records[1]["id"], "summary": "  "}),
                json.dumps({"id": records[2]["id"], "sentences": []}),
                json.dumps({"id": records[3]["id"], "summary": None}),
                json.dumps({"id": "elsewhere", "summary": "Not in the corpus."}),
                json.dumps({"id": records[5]["id"], "summary": "Die Ergebnisse zeigen größere Effekte."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["evaluate", str(corpus), "-p", str(predictions), "--json", str(report)])
    assert result.exit_code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    reasons = {f["id"]: f["reason"] for f in data["failures"]}
    assert reasons == {
        records[3]["id"]: f"its prediction ({predictions}:4) was refused: needs 'summary' (a string) or 'sentences'"
        " (a list of strings or of {'text': ...})",
        records[4]["id"]: "no prediction with this id",
    }
    assert f"{predictions}: 2 predictions with no text (scored 0): {records[1]['id']}, {records[2]['id']}" in data["notes"]
    assert "1 prediction(s) in theirs have an id that is not among the documents read (not scored): 'elsewhere'" in data["notes"]
    assert f"synopsis: {predictions}: 2 predictions with no text (scored 0)" in result.stderr


def test_every_method_of_minus_m_all_has_its_own_colour_in_the_plots() -> None:
    """With `-m all` and a predictions file, colours repeated after the ninth system (centroid and
    structured drew the same blue line)."""
    methods = resolve_methods(["all"])
    colors = _colors((*methods[:-1], "theirs", methods[-1]))
    assert len(set(colors.values())) == len(colors)


@pytest.mark.slow
def test_the_json_report_and_summarize_scores_agree_on_a_document(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Where the two overlap they say the same: the chosen sentences (by index, as -o scores numbers
    them), the summary's length in words, the language and the input file."""
    corpus = _write(tmp_path / "c.jsonl", [dev_sample[0]])
    report = tmp_path / "r.json"
    evaluated = runner.invoke(app, ["evaluate", str(corpus), "-m", "textrank", "--json", str(report)])
    assert evaluated.exit_code == 0, evaluated.output
    [doc] = json.loads(report.read_text(encoding="utf-8"))["per_document"]
    summarized = runner.invoke(app, ["summarize", str(corpus), "-m", "textrank", "-o", "scores"])
    assert summarized.exit_code == 0, summarized.output
    scores = json.loads(summarized.stdout)
    summary, document = scores["summary"], scores["document"]
    assert doc["id"] == summary["id"] == document["id"]
    chosen = doc["scores"]["textrank"]
    assert chosen["indices"] == [s["index"] for s in summary["sentences"]]
    assert chosen["words"] == summary["words"]
    last = len(document["sentences"]) - 1
    assert chosen["positions"] == [round(s["index"] / last, 4) for s in summary["sentences"]]
    assert (doc["language"], doc["input"]) == (summary["language"], summary["input"])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_progress_bar_ends_at_its_total_when_records_are_skipped_or_come_as_a_json_array(
    tmp_path: Path, dev_sample: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """The bar counted 5 for a JSONL of 3 articles and 2 records without the text field and
    stopped at 3/5, and counted 1 for a JSON array of 3 articles and ran to 3/1: its ETA and its
    end said the run was not done (or done) when it was."""
    from rich.progress import Progress

    seen: list[tuple[float, float | None]] = []
    stop = Progress.stop

    def recorded(self: Progress) -> None:
        seen.extend((task.completed, task.total) for task in self.tasks)
        stop(self)

    monkeypatch.setattr(Progress, "stop", recorded)
    records = [_short(r) for r in dev_sample[:3]]
    corpus = _write(tmp_path / "c.jsonl", [records[0], {"id": "x", "body": "no text"}, records[1], {"id": "y"}, records[2]])
    array = tmp_path / "a.json"
    array.write_text(json.dumps(records), encoding="utf-8")
    for data, expected_exit, bar in ((corpus, 1, (5, 5)), (array, 0, (3, 3))):
        seen.clear()
        result = runner.invoke(app, ["evaluate", str(data), "-m", "lead", "-j", jobs])
        assert result.exit_code == expected_exit, result.stderr
        assert seen == [bar]


def _mixed_corpus(tmp_path: Path) -> Path:
    """A German article (tests/data/lang/de.txt) and an English one (the first dev sample)."""
    data = Path(__file__).resolve().parents[1] / "data"
    german = (data / "lang" / "de.txt").read_text(encoding="utf-8")
    english = json.loads((data / "dev_sample.jsonl").read_text(encoding="utf-8").splitlines()[0])
    rows = [
        {"id": "de1", "full_text": german, "abstract": german.split("\n\n")[2].split("\n", 1)[1]},
        {"id": "en1", "full_text": english["full_text"], "abstract": english["abstract"]},
    ]
    return _write(tmp_path / "mixed.jsonl", rows)


def test_the_auto_row_scores_what_summarize_gives_each_document(tmp_path: Path) -> None:
    """`auto` (evaluate's default) was `reranked` for every document, while `synopsis summarize`
    runs `supervised` outside English: the row scored a summary no user got for the German
    article. Now the row is called auto and holds, per document, summarize's own summary."""
    from synopsis.ingest import read_articles
    from synopsis.pipeline import RunOptions, run
    from synopsis.types import Budget

    corpus = _mixed_corpus(tmp_path)
    report, page = tmp_path / "r.json", tmp_path / "r.html"
    said = runner.invoke(app, ["evaluate", str(corpus), "--json", str(report), "--html", str(page)])
    assert said.exit_code == 0, said.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["methods"] == ["lead", "auto", "oracle"]
    articles = [a for a in read_articles(corpus) if not isinstance(a, InputError)]
    for doc, article in zip(data["per_document"], articles, strict=True):
        summary = run(article, RunOptions("auto", Budget(200))).summary  # what `synopsis summarize` gives
        auto = doc["scores"]["auto"]
        assert (auto["method"], auto["indices"]) == (summary.method, [s.index for s in summary.sentences])
    assert [d["scores"]["auto"]["method"] for d in data["per_document"]] == ["supervised", "reranked"]
    note = (
        "auto is what `synopsis summarize` gives by default, chosen by each document's language:"
        " reranked for 1 document in English, supervised for 1 document not in English"
    )
    assert data["notes"][0] == note
    assert "auto (summarize's default)" in said.stdout and "auto vs lead" in said.stdout
    assert 'auto <span class="ref">(summarize&#x27;s default)</span>' in page.read_text(encoding="utf-8")


def test_auto_beside_the_methods_it_stands_for_pairs_the_same_documents(tmp_path: Path) -> None:
    """`-m auto -m reranked -m supervised`: three rows; auto is reranked's summary on the English
    article and supervised's on the German one, and the paired test between auto and reranked is
    the mean of their per-document differences (the same documents paired)."""
    corpus = _mixed_corpus(tmp_path)
    report = tmp_path / "r.json"
    said = runner.invoke(
        app, ["evaluate", str(corpus), "-m", "auto", "-m", "reranked", "-m", "supervised", "--json", str(report)]
    )
    assert said.exit_code == 0, said.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["methods"] == ["lead", "auto", "reranked", "supervised", "oracle"]
    german, english = data["per_document"]
    assert german["scores"]["auto"]["indices"] == german["scores"]["supervised"]["indices"]
    assert english["scores"]["auto"]["indices"] == english["scores"]["reranked"]["indices"]
    [test] = [t for t in data["tests"] if (t["a"], t["b"], t["metric"]) == ("auto", "reranked", "R1")]
    differences = [d["scores"]["reranked"]["rouge1"]["f"] - d["scores"]["auto"]["rouge1"]["f"] for d in data["per_document"]]
    assert test["difference"] == pytest.approx(sum(differences) / 2)
    assert "auto" not in resolve_methods(["all"])  # `all` is every registered method; auto is none


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_duplicate_id_is_evaluated_once_and_said(tmp_path: Path, dev_sample: list[dict[str, str]], jobs: str) -> None:
    # A record repeated under its id was evaluated twice, silently: it counted twice in every mean
    # (batch says it and keeps the first occurrence).
    first, second = _short(dev_sample[0]), _short(dev_sample[1])
    again = {**_short(dev_sample[2]), "id": first["id"]}
    corpus = _write(tmp_path / "c.jsonl", [first, second, again])
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["evaluate", str(corpus), "-m", "lead", "-j", jobs, "--json", str(report)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"synopsis: {corpus}:3: duplicate id {first['id']!r}; only its first occurrence is evaluated"
    assert lines[-1] == "synopsis: 1 document(s) failed: 1 duplicate id (left out; listed in the report)"
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [d["id"] for d in data["per_document"]] == [first["id"], second["id"]]
    alone = runner.invoke(
        app,
        ["evaluate", str(_write(tmp_path / "two.jsonl", [first, second])), "-m", "lead", "--json", str(tmp_path / "two.json")],
    )
    assert alone.exit_code == 0
    two = json.loads((tmp_path / "two.json").read_text(encoding="utf-8"))
    assert [d["scores"] for d in data["per_document"]] == [d["scores"] for d in two["per_document"]]
    assert f"1 duplicate id left out (1 from {corpus}), only the first occurrence evaluated: {first['id']!r}" in data["notes"]


def test_a_text_file_is_scored_against_the_abstract_under_its_heading(tmp_path: Path) -> None:
    # A plain-text paper with an "Abstract" heading was "not evaluated: no reference abstract",
    # though summarize finds that abstract and its PDF would be scored against it.
    body = " ".join(
        f"The harbour survey {i} measured the tidal load on the old bridge piers and found a rise." for i in range(40)
    )
    paper = tmp_path / "paper.txt"
    paper.write_text(
        f"Tidal Loads\n\nAbstract\n\nWe measure tidal loads on old bridges. We find a steady rise.\n\n1 Introduction\n\n{body}\n",
        encoding="utf-8",
    )
    bare = tmp_path / "bare.txt"
    bare.write_text(f"Tidal Loads\n\n1 Introduction\n\n{body}\n", encoding="utf-8")
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["evaluate", str(paper), str(bare), "-m", "lead", "--json", str(report)])
    data = json.loads(report.read_text(encoding="utf-8"))
    scored = {d["id"]: d for d in data["per_document"]}
    assert scored["paper"]["reference"] == "text" and scored["paper"]["scores"]["lead"]["rouge1"]["f"] > 0
    assert [d["id"] for d in data["not_evaluated"]] == ["bare"]
    assert "1 document scored against the abstract found under its heading in the text" in " ".join(data["notes"])
    assert result.exit_code == 1  # the bare file is not evaluated
