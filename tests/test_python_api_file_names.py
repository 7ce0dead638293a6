"""`synopsis.summarize("paper.txt")` is a path passed where the text goes: it summarized the
nine characters of the name (a one-"sentence" summary and a LanguageWarning)."""

from __future__ import annotations

from pathlib import Path

import pytest

import synopsis


@pytest.mark.parametrize("name", ["paper.txt", "examples/000_9c8af2bd0370aa32.txt", " corpus.JSONL\n", "x.pdf"])
def test_a_file_name_as_the_text_is_one_input_error_naming_it(name: str) -> None:
    with pytest.raises(synopsis.InputError) as caught:
        synopsis.summarize(name)
    assert str(caught.value) == (
        f"<text>: is a file name ({name.strip()!r}), not an article's text: pass the text the file holds"
    )


def test_a_url_as_the_text_is_named_a_url() -> None:
    """Was: "is a file name" for https://arxiv.org/pdf/2101.00001.pdf."""
    with pytest.raises(synopsis.InputError, match=r"is a URL \('https://arxiv.org/pdf/2101.00001.pdf'\), not an"):
        synopsis.summarize("https://arxiv.org/pdf/2101.00001.pdf")


def test_the_text_of_the_file_is_summarized(example_path: Path) -> None:
    summary = synopsis.summarize(example_path.read_text(encoding="utf-8"), words=60)
    assert summary.sentences and 0 < summary.words <= 60


@pytest.mark.filterwarnings("ignore::synopsis.LanguageWarning")  # too few words to tell the language
@pytest.mark.parametrize("text", ["See notes.txt for the data. It has two sentences.", "e.g."])
def test_a_text_that_mentions_a_file_is_a_text(text: str) -> None:
    assert synopsis.summarize(text, sentences=1).sentences
