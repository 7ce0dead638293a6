"""The public Python API (`synopsis.summarize`, `build_document`, `summarize_document`): a wrong
argument type is one TypeError line naming the argument, and an unsupported language is a
`LanguageWarning`, as the CLI, JSON and the server say it."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest

import synopsis
from synopsis import LanguageWarning
from synopsis.errors import InputError
from synopsis.ingest import article_from_text
from synopsis.language import resolve_language
from synopsis.pipeline import build_document, summarize_document
from synopsis.types import Budget

LANG = Path(__file__).parent / "data" / "lang"
SHORT = "Introduction\n\nTidal energy is predictable. We surveyed forty plants. Most ran at a third of their power.\n"


@pytest.mark.parametrize(
    ("text", "got"),
    [(SHORT.encode(), "bytes"), (123, "int"), (["a. b."], "list"), (None, "None")],
)
def test_summarize_a_non_string_is_a_type_error_saying_what_it_takes(text: Any, got: str) -> None:
    with pytest.raises(TypeError) as info:
        synopsis.summarize(text)
    message = str(info.value)
    assert message.startswith(f"summarize: text must be a str (the article's text, or a record), not {got}")
    assert "\n" not in message


def test_summarize_bytes_says_to_decode_them() -> None:
    with pytest.raises(TypeError, match=r"not bytes; decode it first, e\.g\. data\.decode\('utf-8'\)"):
        synopsis.summarize(SHORT.encode())


def test_summarize_a_path_says_to_read_the_file() -> None:
    with pytest.raises(TypeError, match=r"not PosixPath; to summarize a file, read it first") as info:
        synopsis.summarize(Path("paper.txt"))
    assert "read_articles" in str(info.value)


@pytest.mark.parametrize("limit", [0, -5])
def test_a_limit_below_one_character_is_a_value_error(limit: int) -> None:
    """Was: "over the limit of 0 characters", as if the text were too long."""
    with pytest.raises(ValueError, match=f"max_chars must be at least 1 .*; got {limit}"):
        synopsis.summarize(SHORT, max_chars=limit)


@pytest.mark.parametrize(
    ("method", "keywords", "fragment"),
    [
        ("textrank", {"damping": "x"}, "parameter damping must be a finite number (default 0.85), got 'x'"),
        ("textrank", {"damping": float("nan")}, "parameter damping must be a finite number (default 0.85), got nan"),
        ("sumbasic", {"top_word": 1}, "parameter top_word must be true or false (default True), got 1"),
        ("lsa", {"weighting": 2}, "parameter weighting must be a string (default 'binary'), got 2"),
        ("lsa", {"max_dimensions": 2.5}, "parameter max_dimensions must be a whole number (default 10), got 2.5"),
    ],
)
def test_a_method_parameter_of_the_wrong_kind_is_one_line(method: str, keywords: dict[str, Any], fragment: str) -> None:
    """Was: numpy's UFuncTypeError from inside the scorer, naming neither the method nor the parameter."""
    with pytest.raises(synopsis.MethodError, match=re.escape(f"method {method!r}: {fragment}")):
        synopsis.summarize(SHORT, method=method, **keywords)


def test_numpy_numbers_are_numbers_to_a_method() -> None:
    import numpy as np

    synopsis.summarize(SHORT, method="lsa", max_dimensions=np.int64(5))
    synopsis.summarize(SHORT, method="textrank", damping=np.float64(0.8))


@pytest.mark.parametrize(
    ("keywords", "fragment"),
    [
        ({"title": None}, "title must be a str, not None"),
        ({"abstract": 3}, "abstract must be a str, not int"),
        ({"lang": 5}, "lang must be a language code such as 'de', 'auto' or None, not int"),
        ({"max_chars": "1000"}, "max_chars must be an int (characters) or None for no limit, not str"),
        ({"max_chars": True}, "max_chars must be an int (characters) or None for no limit, not bool"),
    ],
)
def test_summarize_other_arguments_of_the_wrong_type(keywords: dict[str, Any], fragment: str) -> None:
    with pytest.raises(TypeError, match=re.escape(f"summarize: {fragment}")):
        synopsis.summarize(SHORT, **keywords)


@pytest.mark.parametrize("words", [0, -5, True, 200.5, "200"])
def test_bad_budgets_are_still_value_errors(words: Any) -> None:
    with pytest.raises(ValueError, match="budget words must be a whole number of at least 1"):
        synopsis.summarize(SHORT, words=words)


def test_whitespace_is_still_an_input_error() -> None:
    with pytest.raises(InputError, match="contains no text"):
        synopsis.summarize("  \n ")


@pytest.mark.parametrize("article", ["some text. more text.", None])
def test_build_document_of_a_non_article_is_a_type_error(article: Any) -> None:
    with pytest.raises(TypeError, match=r"build_document: article must be a synopsis\.Article .*synopsis\.summarize"):
        build_document(article)


@pytest.mark.parametrize(("budget", "got"), [(200, "int"), (None, "None"), ({"words": 200}, "dict")])
def test_summarize_document_budget_must_be_a_budget(budget: Any, got: str) -> None:
    doc = build_document(article_from_text(SHORT))
    with pytest.raises(TypeError, match=rf"budget must be a synopsis\.Budget such as Budget\(words=150\), not {got}$"):
        summarize_document(doc, budget=budget)
    assert summarize_document(doc, budget=Budget(sentences=1)).sentences  # the documented form


def test_summarize_document_of_a_non_document_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"summarize_document: doc must be a synopsis\.Document"):
        summarize_document(article_from_text(SHORT))  # type: ignore[arg-type]


def test_an_unsupported_language_is_a_language_warning(capsys: pytest.CaptureFixture[str]) -> None:
    text = (LANG / "uk.txt").read_text(encoding="utf-8")
    _, expected = resolve_language(None, text)  # the line the CLI, the JSON and the server give
    assert expected and "the language is uk (Ukrainian), which is not supported" in expected
    with pytest.warns(LanguageWarning) as caught:
        summary = synopsis.summarize(text, words=80)
    assert [str(w.message) for w in caught if w.category is LanguageWarning] == [expected]
    assert caught[0].filename == __file__  # it points at the caller's line, not into synopsis
    assert summary.sentences
    assert capsys.readouterr().err == ""  # said through `warnings` only, never printed


def test_a_supported_language_gives_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", LanguageWarning)
        synopsis.summarize((LANG / "de.txt").read_text(encoding="utf-8"), words=80)
        synopsis.summarize(SHORT)


def test_the_warning_can_be_an_error() -> None:
    text = (LANG / "uk.txt").read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", LanguageWarning)
        with pytest.raises(LanguageWarning, match="not supported"):
            synopsis.summarize(text)


def test_a_summary_over_its_word_budget_is_a_budget_warning() -> None:
    """Was: `summarize(text, words=3)` returned the shortest sentence, over the budget, with no
    word (the CLI prints a warning line; the library said nothing but `over_budget`)."""
    text = "This long first sentence is about floods in the rivers of Wales and their causes. A second one follows."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        summary = synopsis.summarize(text, words=3)
    assert summary.over_budget
    assert [w.category for w in caught] == [synopsis.BudgetWarning]
    assert str(caught[0].message).startswith("summary is over the 3-word budget")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert not synopsis.summarize(text, words=50).over_budget  # within it: no warning


def test_a_text_that_opens_like_a_record_can_be_read_as_text() -> None:
    """Was: a string opening with "ABSTRACT:" but holding no FULL TEXT was refused with "use format
    text", a setting `summarize` did not have; it has `format` now, as the CLI's --format."""
    text = (
        "ABSTRACT:\nFloods rose in Wales.\n\nIntroduction\n\nThe rivers of Wales flooded more often after the woods"
        " were cut. The gauges show it for forty years. Farmers saw the same in their fields.\n"
    )
    with pytest.raises(InputError, match="use format text"):
        synopsis.summarize(text)
    summary = synopsis.summarize(text, format="text")
    assert "The rivers of Wales flooded more often" in summary.text
    with pytest.raises(TypeError, match="format must be"):
        synopsis.summarize(text, format=None)  # type: ignore[arg-type]


def test_a_numpy_integer_is_a_budget() -> None:
    """Was: "budget words must be a whole number of at least 1, got np.int64(100)" for a budget read
    from a data frame's column, which method parameters (above) already took."""
    import json

    import numpy as np

    summary = synopsis.summarize(SHORT, words=np.int64(100))
    assert summary.budget == Budget(words=100)
    assert type(summary.budget.words) is int
    json.dumps(summary.budget.as_dict())
    assert Budget(sentences=np.uint8(2), words=None).sentences == 2
    with pytest.raises(ValueError, match="budget words must be a whole number of at least 1, got 0"):
        Budget(words=np.int64(0))
    with pytest.raises(ValueError, match="budget words must be a whole number of at least 1"):
        Budget(words=np.bool_(True))  # type: ignore[arg-type]


def test_a_model_given_as_a_path_is_that_file() -> None:
    """Was: "parameter model must be a string (default ''), got PosixPath(...)"."""
    model = Path(synopsis.__file__).parent / "data" / "supervised.json"
    by_path = synopsis.summarize(SHORT, method="supervised", model=model)
    assert by_path == synopsis.summarize(SHORT, method="supervised", model=str(model))
    assert by_path.params["model"] == str(model)
    doc = build_document(article_from_text(SHORT))
    assert summarize_document(doc, method="supervised", model=model) == by_path


def test_features_of_another_document_are_one_line() -> None:
    """Was: numpy's "operands could not be broadcast together with shapes (3,) (5,)" from a scorer."""
    from synopsis.features import compute_features

    doc = build_document(article_from_text(SHORT))
    other = build_document(article_from_text(SHORT + "Tides turn twice a day. Waves do not. Currents vary.\n"))
    assert summarize_document(doc, features=compute_features(doc)) == summarize_document(doc)
    another = r"^summarize_document: features are of another document \(6 sentences; this document has 3\)"
    with pytest.raises(ValueError, match=another):
        summarize_document(doc, features=compute_features(other))
    with pytest.raises(TypeError, match=r"^summarize_document: features must be the document's Features .*, not str$"):
        summarize_document(doc, features="x")  # type: ignore[arg-type]


def test_errors_cross_a_process_boundary_whole() -> None:
    """An error raised in a worker process comes back pickled. MissingExtra unpickled as
    MissingExtra(message) and raised TypeError, which broke a ProcessPoolExecutor ("terminated
    abruptly") and hung a multiprocessing.Pool; InputError keeps its file, line and limit."""
    import pickle

    from synopsis.errors import MissingExtra

    missing = MissingExtra("PDF input", "pdf", "No module named 'pypdfium2'")
    back = pickle.loads(pickle.dumps(missing))
    assert type(back) is MissingExtra
    assert (str(back), back.feature, back.extra, back.detail) == (str(missing), "PDF input", "pdf", missing.detail)
    missing.add_note("while reading a.pdf")  # a review: notes set on it were lost on the way
    assert pickle.loads(pickle.dumps(missing)).__notes__ == ["while reading a.pdf"]
    error = InputError("is too long", source="a.jsonl", line=3, setting="max_chars", hint=" (raise it with {name})", limit=9)
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.line, again.limit) == ("a.jsonl:3: is too long (raise it with max_chars)", 3, 9)
