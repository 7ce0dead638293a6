"""Article styles of medicine and mathematics: a structured abstract whose part labels are set in
bold with no stop after them (JAMA), an algorithm box and a line pushed down by inline math in a LaTeX-like paper."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfgen import BOLD, Page, build, sentences, wrap
from synopsis.pdf import extract

L, W = 72.0, 450.0
PARTS = ("Background", "Methods", "Results", "Conclusions")


def _bold_labelled(page: Page, y: float, label: str, text: str) -> float:
    """A paragraph that opens with a bold label and a space, then the text (no stop after the label)."""
    indent = stringWidth(f"{label} ", BOLD, 10)
    lines = wrap(text, W - indent)
    page.text(L, y, label, font=BOLD)
    page.text(L + indent, y, lines[0])
    rest = wrap(" ".join(lines[1:]), W)
    return page.block(L, y + 13, rest, leading=13) + 5 if rest else y + 18


def test_bold_part_labels_without_a_stop_make_a_structured_abstract() -> None:
    page = Page()
    page.text(L, 60, "Mitochondrial Copy Number and Telomere Length in Older Women", font=BOLD, size=18)
    page.text(L, 110, "Abstract", font=BOLD, size=12)
    y = 130.0
    for k, label in enumerate(PARTS):
        y = _bold_labelled(page, y, label, " ".join(sentences(f"A{k}X", 3)))
    page.text(L, y + 15, "Introduction", font=BOLD, size=12)
    page.block(L, y + 35, wrap(" ".join(sentences("PA", 8)), W), leading=13)
    found = extract(build([page]), source="jama.pdf")
    assert [label for label, _ in found.abstract_parts] == list(PARTS)
    assert found.abstract_parts[1][1].startswith("In part A1X0 ")
    assert "Background In part A0X0" in found.abstract  # the labels stay in the abstract's text
    assert "In part PA0" in found.body and "A3X" not in found.body


@pytest.mark.parametrize("count", [5, 9])  # 9: the abstract and the body together pass ABSTRACT_MAX_WORDS
def test_bold_run_in_headings_after_a_plain_abstract_stay_in_the_body(count: int) -> None:
    # A plain abstract, then body paragraphs that open with bold run-in headings (LaTeX
    # `\paragraph{Results}`) and no section heading: the labels make no structured abstract.
    pages = [Page()]
    pages[0].text(L, 60, "Copy Number and Telomere Length in Older Women", font=BOLD, size=18)
    pages[0].text(L, 110, "Abstract", font=BOLD, size=12)
    y = pages[0].block(L, 130, wrap(" ".join(sentences("AB", 4)), W), leading=13) + 15
    labels = ("Introduction", "Methods", "Results", "Discussion", "Conclusions")
    for k, label in enumerate(labels):
        if y > 650:
            pages.append(Page())
            y = 60.0
        y = _bold_labelled(pages[-1], y, label, " ".join(sentences(f"P{k}X", count))) + 3
    found = extract(build(pages), source="runin.pdf")
    assert found.abstract_parts == ()
    assert re.sub(r"\s+", " ", found.abstract) == " ".join(sentences("AB", 4))
    body = re.sub(r"\s+", " ", found.body)
    assert all(f"{label} In part P{k}X0 " in body for k, label in enumerate(labels))
    assert all(sentence in body for k in range(len(labels)) for sentence in sentences(f"P{k}X", count))


@pytest.mark.parametrize("step_size", [10.0, 9.0])  # 9: `algorithmic` in \small, under a caption in the body's size
def test_an_algorithm_box_is_set_aside_and_its_steps_are_no_headings(step_size: float) -> None:
    # A review found a two-column paper's steps, set a point smaller than the caption, read into the
    # body as "3: for i = 1 to k do 4: s ← argmax gain(s)": the change of size ended the caption.
    page = Page()
    page.text(L, 60, "Estimating the Decline of Telomere Length with Age", font=BOLD, size=18)
    page.text(L, 110, "Abstract", font=BOLD, size=12)
    y = page.block(L, 130, wrap(" ".join(sentences("AB", 4)), W), leading=13) + 15
    page.text(L, y, "1 Model", font=BOLD, size=12)
    y = page.block(L, y + 20, wrap(" ".join(sentences("PA", 6)), W), leading=13) + 10
    page.text(L, y, "Algorithm 1", font=BOLD)
    page.text(L + stringWidth("Algorithm 1 ", BOLD, 10), y, "Estimate the decline rate")
    steps = [("1:", "for", "each sample i measure its length"), ("2:", "end for", ""), ("3:", "return", "the slope")]
    for k, (number, keyword, rest) in enumerate(steps):
        x = L + 6 + stringWidth(f"{number} ", "Times-Roman", step_size)
        page.text(L + 6, y + 13 * (k + 1), number, size=step_size)
        page.text(x, y + 13 * (k + 1), keyword, font=BOLD, size=step_size)
        if rest:
            page.text(x + stringWidth(f"{keyword} ", BOLD, step_size), y + 13 * (k + 1), rest, size=step_size)
    y += 13 * (len(steps) + 1) + 12
    page.block(L, y, wrap(" ".join(sentences("PB", 6)), W), leading=13)
    found = extract(build([page]), source="algorithm.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert [found.text[start:end] for start, end in found.headings] == ["1 Model"]
    assert "end for" not in body and "Estimate the decline" not in body
    assert all(sentence in body for sentence in [*sentences("PA", 6), *sentences("PB", 6)])
    assert "end for" in " ".join(item.text for item in found.removed_text if item.reason == "caption")


def test_an_algorithm_box_with_require_and_ensure_lines_is_set_aside() -> None:
    # algorithmic's "Require:" and "Ensure:" between the caption and the first step, the steps set a
    # point smaller than the caption (`\\small`): the box was read into the body from "Require:" on.
    page = Page()
    page.text(L, 60, "Estimating the Decline of Telomere Length with Age", font=BOLD, size=18)
    page.text(L, 110, "Abstract", font=BOLD, size=12)
    y = page.block(L, 130, wrap(" ".join(sentences("AB", 4)), W), leading=13) + 15
    page.text(L, y, "1 Model", font=BOLD, size=12)
    y = page.block(L, y + 20, wrap(" ".join(sentences("PA", 6)), W), leading=13) + 10
    page.text(L, y, "Algorithm 1", font=BOLD)
    page.text(L + stringWidth("Algorithm 1 ", BOLD, 10), y, "Estimate the decline rate")
    rows = [
        ("Require:", "samples x of the women and their ages a"),
        ("Ensure:", "the slope b of length on age"),
        ("1: for", "each sample i measure its length"),
        ("2: end for", ""),
        ("3: return", "the slope"),
    ]
    for k, (lead, rest) in enumerate(rows, start=1):
        page.text(L + 6, y + 13 * k, lead, font=BOLD, size=9)
        if rest:
            page.text(L + 6 + stringWidth(f"{lead} ", BOLD, 9), y + 13 * k, rest, size=9)
    page.block(L, y + 13 * (len(rows) + 1) + 12, wrap(" ".join(sentences("PB", 6)), W), leading=13)
    found = extract(build([page]), source="algorithm.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert "Require" not in body and "Ensure" not in body and "end for" not in body
    assert all(sentence in body for sentence in [*sentences("PA", 6), *sentences("PB", 6)])
    captions = " ".join(item.text for item in found.removed_text if item.reason == "caption")
    assert "Require: samples x" in captions and "Ensure: the slope" in captions and "3: return the slope" in captions


def test_a_plain_result_paragraph_after_an_algorithm_sentence_stays_in_the_body() -> None:
    # A one-line paragraph opening with a bold "Algorithm 1" (a sentence, set aside as a caption),
    # then a paragraph run in under a plain "Result:" in the body's size: the box's rule for its
    # Require/Ensure lines took it into the caption, and every line after it.
    page = Page()
    page.text(L, 60, "Harbour Tables of the North Coast in the Nineteenth Century", font=BOLD, size=16)
    page.text(L, 100, "1 Introduction", font=BOLD, size=12)
    y = page.block(L, 120, wrap(" ".join(sentences("A", 6)), W)) + 4
    page.text(L, y, "Algorithm 1", font=BOLD)
    page.text(L + stringWidth("Algorithm 1 ", BOLD, 10), y, "gives the procedure the clerks followed.")
    result = "Result: the clerks copied four hundred tables in ten years, more than any office of the coast."
    y = page.block(L, y + 12, wrap(" ".join([result, *sentences("R", 4)]), W)) + 4
    page.block(L, y, wrap(" ".join(sentences("B", 6)), W))
    found = extract(build([page]), source="result.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert all(sentence in body for sentence in [result, *sentences("R", 4), *sentences("B", 6)])
    captions = " ".join(item.text for item in found.removed_text if item.reason == "caption")
    assert "Result" not in captions


MATH = "Let the value of each sample be written as the sum of x_i and y^2, where x runs over the samples of the cohort"


def test_a_line_pushed_down_by_inline_math_goes_on_with_its_paragraph() -> None:
    # Chromium (and TeX, for a fraction or a sum's limits) makes room for "xᵢ" and "y²" on one line:
    # it stood 1.4 line pitches under the line above, and the sentence was cut into two paragraphs.
    page = Page()
    page.text(L, 60, "Estimating the Decline of Telomere Length with Age", font=BOLD, size=18)
    page.text(L, 100, "1 Model", font=BOLD, size=12)
    text = " ".join([*sentences("PA", 4), MATH, "and y over the lengths of the same women.", *sentences("PB", 4)])
    lines = wrap(text, W)
    k = next(i for i, line in enumerate(lines) if "x_i" in line)
    assert lines[k][:1].islower() and not lines[k - 1].endswith(".")  # the sentence goes on over the break
    y = page.block(L, 120, lines[:k], leading=12)
    x, top = L, y + 5  # the line pushed down by 5 pt, its subscript and superscript set small
    for piece in re.split(r"([_^]\w)", lines[k]):
        rise, size = {"_": (3, 7), "^": (-3, 7)}.get(piece[:1], (0, 10))
        piece = piece.lstrip("_^")
        page.text(x, top + rise, piece, size=size)
        x += stringWidth(piece, "Times-Roman", size)
    page.block(L, top + 12, lines[k + 1 :], leading=12)
    found = extract(build([page]), source="inline.pdf")
    paragraphs = [paragraph for paragraph in found.body.split("\n\n") if "In part" in paragraph]
    assert len(paragraphs) == 1 and "be written as the sum of xi and y2" in paragraphs[0], paragraphs
