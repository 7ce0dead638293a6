"""What a review of stop 37's paragraph rules found them doing to ordinary pages: block paragraphs
(no indent, a gap between them) glued where one ended without a stop and the next opened in lower
case, a caption taking the paragraph its float interrupted, a paragraph's last line making the
next paragraph's first a formula, and a numbered body line under an algorithm box taken as a step.
Each page is built here; each was read wrong before the mend."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfgen import BOLD, REGULAR, Page, build, sentences, wrap
from synopsis.pdf import extract

L, W = 72.0, 450.0
FILL = "moreover the harbour records of the northern coast were kept by several clerks over many years".split()


def _title(page: Page) -> None:
    page.text(L, 60, "Harbour Tables of the North Coast in the Nineteenth Century", font=BOLD, size=16)
    page.text(L, 100, "1 Introduction", font=BOLD, size=12)


def _full_last_line(tag: str, ending: str) -> list[str]:
    """A paragraph's lines, its last one (nearly) full width and ending in `ending`."""
    base = " ".join(sentences(tag, 4))
    for k in range(200):
        lines = wrap(" ".join([base, *(FILL * 10)[:k], ending]), W)
        if stringWidth(lines[-1], REGULAR, 10) > W - 25:
            return lines
    raise AssertionError("no line fits")


def _paragraphs(page: Page) -> list[str]:
    found = extract(build([page]), source="page.pdf")
    return [re.sub(r"\s+", " ", p) for p in found.body.split("\n\n")]


@pytest.mark.parametrize(
    ("ending", "opening"),
    [
        ("as described previously (Smith et al., 2019)", "e.g. the tables of the northern harbours were kept in another hand."),
        ("available at https://github.com/example/harbour-tables", "de Gaulle visited the harbour in the spring of that year."),
        ("as the earlier studies found [12, 13]", "β-blockers were given to none of the clerks in those years."),
    ],
    ids=["citation", "url", "bracket"],
)
def test_block_paragraphs_a_gap_apart_stay_two_paragraphs(ending: str, opening: str) -> None:
    # 20 pt from line top to line top at a 12 pt pitch: 1.67 pitches, the gap HTML's <p> leaves
    page = Page()
    _title(page)
    y = page.block(L, 120, _full_last_line("A", ending))
    y = page.block(L, y + 8, wrap(" ".join([opening, *sentences("B", 4)]), W))
    page.block(L, y + 8, wrap(" ".join(sentences("C", 4)), W))
    paragraphs = _paragraphs(page)
    first = next(p for p in paragraphs if p.endswith(ending))
    assert opening not in first
    assert any(p.startswith(opening) for p in paragraphs)


def test_a_caption_does_not_take_the_paragraph_its_float_interrupted() -> None:
    page = Page()
    _title(page)
    lines = wrap(" ".join(sentences("A", 4)) + " The clerks of the harbour wrote the tables of the northern coast", W)
    y = page.block(L, 120, lines)
    page.images.append((L + 100, y + 6, 250, 120))
    y += 134
    for k in range(60):  # a caption whose last line runs (nearly) full width and ends in no stop
        caption = wrap(
            "Figure 1. The tables of the harbours of the northern coast by year and by clerk, as read by the team "
            + " ".join((FILL * 3)[:k])
            + " in the three harbours (n = 412)",
            W,
        )
        if stringWidth(caption[-1], REGULAR, 10) > W - 25:
            break
    y = page.block(L, y, caption)
    page.block(L, y + 8, wrap("in a careful hand that we could read with ease. " + " ".join(sentences("B", 4)), W))
    found = extract(build([page]), source="float.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert "in a careful hand that we could read with ease." in body
    assert all(sentence in body for sentence in sentences("B", 4))
    assert "careful hand" not in " ".join(item.text for item in found.removed_text if item.reason == "caption")


def test_a_line_under_a_paragraphs_last_line_that_ends_its_sentence_is_no_formula() -> None:
    # A short last line that ends its sentence leads into no display: the next paragraph's first
    # line of statistics, ending in a citation number "(12)", is text (it was set aside as a formula).
    page = Page()
    _title(page)
    y = page.block(L, 120, wrap(" ".join(sentences("A", 4)) + " We read them twice.", W))
    first = "Overall, N = 412 (M = 41.2, SD = 9.6; 58% women; range 18–80; 12% smokers) (12)"
    page.text(L + 36, y, first)
    page.block(L, y + 12, wrap("were enrolled from the harbour towns of the northern coast. " + " ".join(sentences("B", 5)), W))
    found = extract(build([page]), source="apa.pdf")
    assert "Overall, N = 412" in re.sub(r"\s+", " ", found.body)
    assert not any("Overall" in item.text for item in found.removed_text if item.reason == "formula")


def test_a_numbered_body_line_under_an_algorithm_box_is_no_step() -> None:
    page = Page()
    _title(page)
    y = page.block(L, 120, wrap(" ".join(sentences("A", 5)), W)) + 10
    page.text(L, y, "Algorithm 1", font=BOLD)
    page.text(L + stringWidth("Algorithm 1 ", BOLD, 10), y, "Greedy selection of the harbour tables")
    for k, step in enumerate(["for each table t do", "end for", "return s"], start=1):
        page.text(L + 6, y + 12 * k, f"{k}: {step}", size=9)
    y += 12 * 4 + 10
    page.text(L, y - 4, "4: the clerks then kept the tables of the harbour in the same hand for years.")
    page.block(L, y + 10, wrap(" ".join(sentences("B", 5)), W))
    found = extract(build([page]), source="algorithm.pdf")
    captions = " ".join(item.text for item in found.removed_text if item.reason == "caption")
    assert "end for" in captions  # the box's steps are set aside
    assert "the clerks then kept the tables" not in captions
    assert "the clerks then kept the tables of the harbour in the same hand for years." in re.sub(r"\s+", " ", found.body)


PULL_QUOTE = "“The clerks kept the harbour tables in the same hand for forty years, and nobody asked them why.”"


@pytest.mark.parametrize("font", ["Times-Italic", BOLD])
def test_a_pull_quote_inside_a_sentence_is_set_aside_and_the_sentence_kept_whole(font: str) -> None:
    # A magazine's pull quote in large type between two lines of a running paragraph, the sentence
    # going on after it: it was read as a paragraph of its own, cutting the sentence in two.
    page = Page()
    _title(page)
    unfinished = "The old registers show that the tables were copied every spring by the same clerks,"
    text = " ".join([*sentences("A", 5), unfinished, *sentences("B", 5)])
    lines = wrap(text, W)
    k = next(i for i, line in enumerate(lines) if "copied" in line) + 1
    assert not lines[k - 1].endswith(".") and lines[k][:1].islower()
    y = page.block(L, 120, lines[:k]) + 10
    y = page.block(L + 36, y + 15, wrap(PULL_QUOTE, W - 72, font=font, size=15), font=font, size=15, leading=18) + 10
    page.block(L, y, lines[k:])
    found = extract(build([page]), source="pull.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert "nobody asked them why" not in body
    assert text in body  # one paragraph, its sentence whole
    assert [item.text for item in found.removed_text if item.reason == "pull_quote"] == [PULL_QUOTE]


LISTING = [
    "def count_tables(registers):",
    "    total = 0",
    "    for register in registers:",
    "        total += len(register.tables)",
    "    return total",
]


@pytest.mark.parametrize("caption", [False, True])
def test_a_code_listing_at_the_body_size_is_set_aside(caption: bool) -> None:
    # A listing in Courier at the body's size between two parts of a sentence: it was read as body
    # paragraphs ("total = 0 for register in registers:"), cutting the sentence around it in two;
    # a wholly bold "Listing 1: ..." caption over it went into the body too.
    page = Page()
    _title(page)
    lead = " ".join(sentences("A", 5)) + " The count is computed by the function"
    y = page.block(L, 120, wrap(lead, W)) + 8
    if caption:
        page.text(L, y, "Listing 1: Counting the tables of each register.", font=BOLD)
        y += 16
    y = page.block(L + 18, y, LISTING, font="Courier") + 8
    rest = "which the clerks ran by hand. " + " ".join(sentences("B", 5))
    page.block(L, y, wrap(rest, W))
    found = extract(build([page]), source="listing.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert "total" not in body and "Listing" not in body
    assert f"{lead} {rest}" in body  # the sentence whole, in one paragraph
    code = [item.text for item in found.removed_text if item.reason == "code"]
    assert code == [" ".join(line.strip() for line in LISTING)]
    assert ("Listing 1: Counting the tables of each register." in [item.text for item in found.removed_text]) == caption


def test_a_link_wrapped_over_lines_of_typewriter_type_stays_in_the_sentence() -> None:
    # TeX sets \url in typewriter type: a long link on lines of its own is no code listing.
    page = Page()
    _title(page)
    lead = " ".join(sentences("A", 5)) + " The registers are kept at"
    y = page.block(L, 120, wrap(lead, W))
    link = ["https://archives.example.org/harbour/registers/northern-coast/", "volumes/1851-1860/index.html"]
    y = page.block(L, y, link, font="Courier")
    page.block(L, y, wrap("for anyone to read. " + " ".join(sentences("B", 5)), W))
    found = extract(build([page]), source="url.pdf")
    assert "volumes/1851-1860/index.html" in found.body
    assert not [item for item in found.removed_text if item.reason == "code"]


SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


@pytest.mark.parametrize("font", ["fixed_pitch_flag", "monotype_name"])
def test_prose_in_a_font_only_named_or_flagged_fixed_pitch_is_no_code_listing(font: str) -> None:
    # A quotation in a proportional serif whose font descriptor sets the fixed-pitch flag (as some
    # converters write it), or whose name holds "Monotype" ("MonotypeCorsiva"): it was listed as
    # `code`, its sentences gone from the body.
    if not SERIF.exists():
        pytest.skip("no DejaVu Serif font")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DVSerif", str(SERIF)))
    page = Page()
    _title(page)
    y = page.block(L, 120, wrap(" ".join(sentences("A", 8)), W)) + 12
    quoted = wrap(" ".join(sentences("Q", 3)), W - 60, font="DVSerif", size=9.5)
    y = page.block(L + 30, y, quoted, font="DVSerif", size=9.5) + 12
    page.block(L, y, wrap(" ".join(sentences("B", 8)), W))
    data = build([page])
    if font == "fixed_pitch_flag":
        assert b"/Flags 4" in data
        data = data.replace(b"/Flags 4", b"/Flags 5")  # the fixed-pitch bit, the file's length kept
    else:
        data = data.replace(b"DejaVuSerif", b"MonotypeCor")
    found = extract(data, source="quote.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert all(sentence in body for sentence in sentences("Q", 3))
    assert not [item for item in found.removed_text if item.reason == "code"]


def test_a_long_inline_command_filling_whole_lines_stays_in_its_sentence() -> None:
    # A command in typewriter type run into a sentence, long enough to fill two whole lines of the
    # column at the text's pitch: it was cut out of its sentence as `code`.
    page = Page()
    _title(page)
    lead = _full_last_line("A", "to read one register the clerks now run the command")
    command = "harbour-read --register north-coast --from 1851 --to 1860 --format json --out tables.json --report missing.txt"
    typed = wrap(command, W, font="Courier")
    assert len(typed) == 2
    y = page.block(L, 120, lead)
    y = page.block(L, y, typed, font="Courier")
    rest = "which writes every table of the register to one file. " + " ".join(sentences("B", 5))
    page.block(L, y, wrap(rest, W))
    found = extract(build([page]), source="command.pdf")
    assert f"the command {command} which writes every table" in re.sub(r"\s+", " ", found.body)
    assert not [item for item in found.removed_text if item.reason == "code"]


def test_a_larger_bold_heading_after_an_unfinished_line_is_no_pull_quote() -> None:
    # A paragraph broken off by a small table ("... as the counts in the table below show"), then a
    # section heading of five words or more set 1.2 times larger at the column's left edge, its
    # paragraph opening in lower case ("k-means ..."): the heading was listed as a pull quote and the
    # two sections read as one paragraph.
    page = Page()
    _title(page)
    y = page.block(L, 120, _full_last_line("A", "as the counts in the table below show for each clerk")) + 10
    for k, (name, count) in enumerate([("Moss", "12"), ("Hale", "15"), ("Price", "18")]):
        page.text(L + 40, y + 12 * k, name)
        page.text(L + 240, y + 12 * k, count)
    y += 12 * 3 + 14
    heading = "Why the clerks kept the harbour tables by hand"
    page.text(L, y, heading, font=BOLD, size=12)
    opening = "k-means clustering of the registers groups the clerks by their hands."
    page.block(L, y + 20, wrap(" ".join([opening, *sentences("B", 5)]), W))
    found = extract(build([page]), source="heading.pdf")
    assert heading in [found.text[start:end] for start, end in found.headings]
    assert not [item for item in found.removed_text if item.reason == "pull_quote"]
    assert "for each clerk k-means" not in re.sub(r"\s+", " ", found.body)
