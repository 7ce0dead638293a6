"""Segmentation: golden sets of hard cases (split positions, known misses by name) and span invariants.

Sets (tests/data/):
- segmentation_golden.jsonl: 249 English cases from the dev data, built with the English repairs;
- segmentation_golden_en_untouched.jsonl: English cases from other dev articles, labelled by reading
  them before the segmenter's output was looked at;
- segmentation_golden_<lang>.jsonl (de, fr, es, pt; it, nl, ru, sv, id, then tr added later): cases written from
  scholarly patterns while the rules in src/synopsis/data/segment/ were made; da, nb, fi and ca (24 each)
  written the day they were supported, three cases known misses; pl, cs, ro and hu (26 each) written
  before their rules were run on them (Czech "2 mil. Kč." and "ve 13. stol." failed then; now none fails),
  and one Hungarian case found after ("mutatja be. 2015-ben": a verbal prefix ends the sentence);
- segmentation_heldout_<lang>.jsonl (de, fr, es, pt): 20 per language written after those rules were
  frozen (it, nl, ru, sv, id, tr, da, nb, fi, ca, pl, cs, ro and hu have none yet).
A case passes when the predicted sentences (hence every split position) equal the gold ones.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path

import nupunkt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import synopsis.segment as segment_module
from synopsis.segment import OPENERS, sentence_spans
from synopsis.segment_rules import available_languages, rules_for

DATA = Path(__file__).parent / "data"
LANGUAGES = ("de", "fr", "es", "pt")
# Supported later, with a development set only (its cases name the abbreviations of each).
NEW_LANGUAGES = ("it", "nl", "ru", "sv", "id", "tr", "da", "nb", "fi", "ca", "pl", "cs", "ro", "hu")
SETS = {
    "en": DATA / "segmentation_golden.jsonl",
    "en_untouched": DATA / "segmentation_golden_en_untouched.jsonl",
    **{lang: DATA / f"segmentation_golden_{lang}.jsonl" for lang in (*LANGUAGES, *NEW_LANGUAGES)},
    **{f"{lang}_heldout": DATA / f"segmentation_heldout_{lang}.jsonl" for lang in LANGUAGES},
}
MINIMUM = {
    "en": 200,
    "en_untouched": 30,
    **dict.fromkeys(LANGUAGES, 80),
    **dict.fromkeys(NEW_LANGUAGES, 20),
    **{f"{lang}_heldout": 20 for lang in LANGUAGES},
}
# Known misses, each with why; a fix that makes one pass turns its xfail into an error (strict).
KNOWN_FAILURES = {
    "capital_letter_end-11": "'amphotericin B. Cells': Punkt keeps a capital letter + stop with the next word",
    "lowercase_letter_end-01": "'<dig> s. swabs' in lower-cased SumPubMed text: 's.' reads as an abbreviation",
    "lowercase_letter_end-10": "'stage i. group 1' in lower-cased text: 'group' is not a sentence opener",
    "quotes-19": "'“Dear reader! Dear reader,”': an exclamation inside a quotation is split",
    "species-14": "'P.? hennigi': an uncertain genus with '?' is read as a question",
    # untouched English set (labelled before the output was seen)
    "untouched-parentheses-01": "questions inside '(i.e. Is ...? Was ...? etc.)' are split",
    "untouched-colon_question-01": "'(ie. d << n)': 'ie.' without the inner stop is not a known abbreviation",
    "untouched-country_abbrev-01": "'outlaws sth. primary': 'sth.' followed by a lower-case word is split",
    "untouched-species-02": "'bufo n.sp. exhibits' in lower-cased text: 'n.sp.' is not a known abbreviation",
    "untouched-initials-03": "bibliography 'Müller, F. Max. Buddhist ...': the author's name ends in a full word",
    # held-out sets, written after the rules were frozen (e8c29e4)
    "de-heldout-abbrev_prefix-05": "'Prof. em. Dr.': 'em.' (emeritus) is not in the German abbreviations",
    "de-heldout-abbrev_end-01": "'usw. Dramen blieben': after an abbreviation only a listed sentence starter opens",
    "pt-heldout-abbrev_prefix-06": "'Sr. Gov. Civil.': 'Gov.' is not in the Portuguese abbreviations",
    # Danish and Norwegian development sets: after a number of up to three digits only a sentence
    # starter opens a sentence (the number could be an ordinal), and a noun is none
    "da-legal_ref-01": "'§ 19. Bestemmelsen': a section number before a noun reads as an ordinal",
    "nb-legal_ref-01": "'§ 12. Bestemmelsen': a section number before a noun reads as an ordinal",
    "nb-number_end-01": "'var 24. Halvparten av dem': a count before a noun reads as an ordinal",
}


def _load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


CASES = {name: _load(path) for name, path in SETS.items()}


def segment(text: str, lang: str = "en") -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, lang=lang)]


def _params() -> list[object]:
    params = []
    for name, cases in CASES.items():
        for case in cases:
            marks = [pytest.mark.xfail(reason=KNOWN_FAILURES[case["id"]], strict=True)] if case["id"] in KNOWN_FAILURES else []
            params.append(pytest.param(case, id=f"{name}:{case['id']}", marks=marks))
    return params


@pytest.mark.parametrize("name", list(SETS))
def test_golden_sets_are_well_formed(name: str) -> None:
    cases = CASES[name]
    assert len(cases) >= MINIMUM[name]
    assert len({case["id"] for case in cases}) == len(cases)
    for case in cases:
        assert " ".join(case["sentences"]) == case["text"], case["id"]  # type: ignore[arg-type]
        assert case.get("lang", "en") in ("en", *LANGUAGES, *NEW_LANGUAGES) and case["broke"]
    assert len(Counter(case["broke"] for case in cases)) >= (15 if name == "en" else 5)


def test_known_failures_name_real_cases() -> None:
    ids = {case["id"] for cases in CASES.values() for case in cases}
    assert set(KNOWN_FAILURES) <= ids


@pytest.mark.parametrize("case", _params())
def test_golden_case(case: dict[str, object]) -> None:
    assert segment(str(case["text"]), str(case.get("lang", "en"))) == case["sentences"]


@pytest.mark.parametrize(
    "sentences, joint",
    [
        (["Mentoring grew (Newburn and Shiner, 2005).", "It is popular."], " "),
        (["As shown by Smith et al. (2004) the parser works.", "We agree."], " "),
        (["See Fig. 2 for details.", "The results, e.g. the F-score, improve."], " "),
        (["Work by A.L. Hucklesby and E. L. Wincup shows this.", "Another one."], " "),
        (["Values are given in Appendix A.", "There are four of them."], " "),
        (["this was shown earlier by lapointe et al. for example in mice."], " "),
        (["the cells were fixed at 4 °c.", "next, they were washed."], " "),
        (["Compare cf. Figure 1 with the U.S. Government data.", "It differs."], " "),
        (["We used 3.5% of the data vs. 2.1% in the U.K. sample.", "The end."], " "),
        (["Heading without a full stop", "The paragraph starts here.", "It goes on."], "\n"),
        (["E. coli was grown overnight.", "S. cerevisiae was grown too."], " "),
        (["Mentors had no explicit tasks.", "Taken together the findings suggest little contact."], " "),
        (["Selecting items by hand.", "Rather, we must employ statistics."], " "),
        (["The yield was approx. Ten percent higher in subsp. Tuberculosis strains."], " "),
        (["NE pairs (e.g. Yahoo! and Overture) co-occur.", "There are n! orders of n words."], " "),
        (["While training the LM parameters, lm! is fixed.", "Wow!", "It works."], " "),
        # Repair 8: a lone Greek letter is a symbol, never an initial (plos-journal.pone.0118238).
        (["The patterns depend on the boundedness of Φ.", "Plants having a tree-like system differ."], " "),
        (["The objectives are not convex in θ.", "To optimize them we use EM."], " "),
        (["Gradients with respect to θ and γ.", "Smith and Eisner (2006) do the same."], " "),
        (["Values grow with µ.", "Each of these is shown."], " "),
        # Repair 9: a list item's bullet after a colon or an end mark (scisummnet-D10-1048), not a
        # bullet that stands for a product or an ellipsis.
        (["The contributions of this work are the following:", "• We show that the sieve works."], " "),
        (["Base-NPs deserve special treatment for three reasons;", "• The boundaries are often strange."], " "),
        (["The sentence E = e1 • • • en is aligned with F = f1 • • • fm.", "It has two sides."], " "),
    ],
)
def test_english_hard_cases(sentences: list[str], joint: str) -> None:
    """Each case's text is its sentences joined by a space, or the first one by a line break."""
    text = sentences[0] + joint + " ".join(sentences[1:])
    assert segment(text.strip()) == sentences


def test_a_long_bulleted_list_costs_linear_time() -> None:
    """Before: each sentence scanned every bullet's cut, so a list of 15,000 items took 16 s (a
    review of repair 9); four times the items now cost about four times as much, not sixteen."""

    def best_of_three(items: int) -> float:
        text = "x. • Y " * items
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            sentence_spans(text)
            runs.append(time.perf_counter() - started)
        return min(runs)

    assert best_of_three(8000) < 9 * best_of_three(2000)


def test_issue_16_german_report() -> None:
    """The sentence the issue saw cut in half, and the other splits it names."""
    text = (
        "Die Briefeditionen des 19. Jahrhunderts wurden von der Forschung lange übersehen. "
        "Die Belege bzw. ihre Abschriften stehen in Tab. 2, vgl. Kap. 3. Sie stammen aus dem 19. Jh. und sind datiert."
    )
    assert segment(text, "de") == [
        "Die Briefeditionen des 19. Jahrhunderts wurden von der Forschung lange übersehen.",
        "Die Belege bzw. ihre Abschriften stehen in Tab. 2, vgl. Kap. 3.",
        "Sie stammen aus dem 19. Jh. und sind datiert.",
    ]


def test_region_and_case_of_the_language_code_do_not_matter() -> None:
    german = "Die Briefe des 19. Jahrhunderts sind erhalten. Sie sind datiert."
    assert segment(german, "de-AT") == segment(german, "DE") == segment(german, "de") != segment(german, "xx")
    english = "Values are given in Appendix A. There are four of them."
    assert segment(english, "en-GB") == segment(english, "en") != segment(english, "xx")


def test_every_rules_file_loads_and_english_is_not_one() -> None:
    assert {*LANGUAGES, *NEW_LANGUAGES} <= set(available_languages())
    assert "en" not in available_languages()  # English is nupunkt plus the repairs in segment.py
    for lang in available_languages():
        assert rules_for(lang).language == lang


def test_unsupported_language_gets_the_neutral_rules() -> None:
    """Bulgarian has no rules file: generic abbreviations hold (the Cyrillic and Greek ones among
    them), stops before capitals split."""
    assert rules_for("bg").language == "common"
    text = "Това е първото изречение. Второто (Fig. 3) е по-кратко. Третото et al. (2004) цитира. Вж. фиг. 4 и фиг. 5."
    assert segment(text, "bg") == [
        "Това е първото изречение.",
        "Второто (Fig. 3) е по-кратко.",
        "Третото et al. (2004) цитира.",
        "Вж. фиг. 4 и фиг. 5.",  # was split after "Вж." (see): Cyrillic abbreviations were not listed
    ]


@pytest.mark.parametrize(
    "lang, sentences",
    [
        ("de", ["Die Werte stehen in Anhang B.", "Die Daten sind frei zugänglich."]),  # German nouns: no name test
        ("de", ["Die Studie von J. Schmidt ist neu.", "Sie fehlt."]),
        ("fr", ["L'édition de J. Le Goff reste une référence.", "Elle a marqué une génération."]),
        ("es", ["El índice fue de 0,82 en el grupo B.", "La diferencia es significativa."]),
    ],
)
def test_initials_and_single_capitals(lang: str, sentences: list[str]) -> None:
    assert segment(" ".join(sentences), lang) == sentences


@pytest.mark.parametrize(
    "sentences",
    [
        ["Skor tertinggi terdapat pada kelompok B.", "Kelompok lain lebih rendah."],
        ["Ketuntasan belajar baru tercapai pada siklus I.", "Siklus berikutnya memperbaiki kelemahan itu."],
        ["Sampel diambil dari sekolah A.", "Sekolah ini terletak di pinggiran kota."],
        ["Buku karya A. Wibowo sering dikutip."],  # a name: "karya" (work) is no label noun
        ["Metode ini dikembangkan oleh J. Smith dan rekan-rekannya."],
        ["Nilai kelompok A dan B. Santoso menganalisisnya."],  # "dan" (and) is no label noun
        ["Pengumpulan data dipimpin oleh Kelompok A. Wibowo dan timnya."],  # a capitalised noun: a name
    ],
)
def test_a_capital_after_a_label_noun_is_a_label(sentences: list[str]) -> None:
    """Before: "kelompok B. Kelompok lain ..." was one sentence, the capital read as an initial and
    "Kelompok" (group) no sentence starter; Indonesian has no article to open the next sentence."""
    assert segment(" ".join(sentences), "id") == sentences


@pytest.mark.parametrize(
    "lang, sentences",
    [
        ("ru", ["Как писал Л.Н. Толстой, все семьи похожи.", "Это верно."]),
        ("ru", ["Л.Н. Толстой родился в 1828 г.", "Он умер в 1910 г."]),
        ("nl", ["Zoals J.H. Jansen schreef, is dit waar.", "Dat klopt."]),
        ("nl", ["Volgens J.H. De Vries is dit waar."]),  # "De" is a starter, but a name goes on
        ("it", ["Come scrisse G.B. Vico, la storia si ripete.", "È vero."]),
        ("sv", ["Enligt J.H. Jansen är detta sant.", "Det stämmer."]),
        ("id", ["Menurut J.H. Jansen hal ini benar.", "Itu jelas."]),
        ("es", ["Como escribió J.L. Borges, el tiempo es circular.", "Es cierto."]),
        ("fr", ["Comme l'écrit J.P. Sartre, l'existence précède l'essence.", "C'est connu."]),
        ("pt", ["Segundo A.B.C. Silva, isto é verdade.", "Está claro."]),
        # An acronym at a sentence's end still ends it before a sentence starter.
        ("nl", ["Het onderzoek werd gedaan in de V.S.", "De resultaten waren duidelijk."]),
        ("fr", ["Les données viennent des U.S.A.", "Les résultats sont clairs."]),
        ("de", ["Die Daten stammen aus den U.S.A.", "Die Ergebnisse sind klar."]),
        ("de", ["Wie J.H. Jansen schrieb, ist das wahr.", "Das stimmt."]),
    ],
)
def test_initials_written_without_spaces_stay_with_the_name(lang: str, sentences: list[str]) -> None:
    """Before: outside German "J.H." and "Л.Н." before a capitalised word ended a sentence ("Как
    писал Л.Н." + "Толстой, все семьи похожи."), a summary could hold half a sentence."""
    assert segment(" ".join(sentences), lang) == sentences


@pytest.mark.parametrize(
    "lang, sentences",
    [
        ("ru", ["В 1917 г. Ленин вернулся в Россию.", "Это известно."]),
        ("ru", ["Это известно.", "В 1991 г. Советский Союз распался."]),
        ("ru", ["В XIX в. Россия быстро росла.", "Города тоже."]),
        ("ru", ["В 1990-х гг. Экономика упала.", "Потом она выросла."]),
        ("ru", ["С 1 сентября 2015 г. Министерство ввело новые правила."]),
        ("ru", ["С 1917 по 1921 г. Страна воевала."]),
        ("uk", ["У 1991 р. Україна стала незалежною."]),
        ("bg", ["През 1944 г. България смени режима."]),
        # After a clause the abbreviation still ends the sentence; without a preposition too.
        ("ru", ["Он родился в 1917 г.", "Его отец был врачом."]),
        ("ru", ["Это случилось в 2015 г.", "Далее всё изменилось."]),
        ("ru", ["Реформы 1860-х гг.", "Они изменили жизнь провинции."]),
    ],
)
def test_a_date_phrase_that_opens_a_sentence_is_no_sentence(lang: str, sentences: list[str]) -> None:
    """Before: "В 1917 г." was a sentence of three words and "Ленин вернулся в Россию." another."""
    assert segment(" ".join(sentences), lang) == sentences


@pytest.mark.parametrize(
    "lang, sentences",
    [
        ("fr", ["La durée moyenne des entretiens était de 65 min.", "Les entretiens ont été transcrits."]),
        ("de", ["Die Interviews dauerten im Durchschnitt 54 Min.", "Die Daten wurden anonymisiert."]),
        ("de", ["Die Interviews, die im Durchschnitt 54 Min. dauerten, hatten max. 5 Teilnehmende."]),
        ("fr", ["Chaque groupe comptait au max. 5 personnes et durait 30 min. environ."]),
    ],
)
def test_a_unit_abbreviation_ends_a_sentence_before_a_sentence_starter(lang: str, sentences: list[str]) -> None:
    # "min." and "max." were prefix abbreviations (never a sentence end): "65 min. Les ..." was one sentence.
    assert segment(" ".join(sentences), lang) == sentences


def _rules_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Path:
    """A copy of the shipped rules plus `files`, served as the package's data folder."""
    import synopsis.segment_rules as rules

    shipped = Path(rules.__file__).parent / "data" / "segment"
    folder = tmp_path / "synopsis" / "data" / "segment"
    folder.mkdir(parents=True)
    for path in shipped.glob("*.json"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    monkeypatch.setattr(rules.resources, "files", lambda package: tmp_path / package)
    rules.rules_for.cache_clear()
    return folder


def test_a_new_language_is_one_data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Faroese, added as fo.json only: its abbreviations hold, its sentence starters open sentences
    (Danish, Norwegian and then Icelandic, the languages of this test before, have their own files
    now)."""
    faroese = {
        "language": "fo",
        "prefix_abbreviations": ["m.a.", "t.d."],
        "abbreviations": ["o.s.fr."],
        "sentence_starters": ["tað", "tey", "hesi", "vit"],
        "nouns_capitalised": False,
    }
    text = "Tað er m.a. galdandi fyri Føroyar og t.d. Landsstýrið, o.s.fr. Tey brøvini eru goymd."
    expected = ["Tað er m.a. galdandi fyri Føroyar og t.d. Landsstýrið, o.s.fr.", "Tey brøvini eru goymd."]
    assert segment(text, "fo") != expected
    _rules_folder(tmp_path, monkeypatch, {"fo.json": json.dumps(faroese)})
    try:
        assert "fo" in available_languages()
        assert segment(text, "fo") == expected
    finally:
        monkeypatch.undo()
        rules_for.cache_clear()


@pytest.mark.parametrize(
    "lang, sentences",
    [
        ("zh", ["本文研究了十九世纪的书信。", "我们使用了412封信（见图3）。", "结果表明，“书信很重要。”", "后来证实了！"]),
        ("ar", ["هذه الدراسة جديدة.", "هل هي مهمة؟", "نعم، إنها مهمة."]),
        ("hi", ["यह अध्ययन नया है।", "परिणाम स्पष्ट हैं।"]),
    ],
)
def test_scripts_without_case_or_spaces_are_split(lang: str, sentences: list[str]) -> None:
    """The neutral rules still find sentences in Chinese (no spaces), Arabic and Hindi (no case)."""
    joint = "" if lang == "zh" else " "
    assert segment(joint.join(sentences), lang) == sentences


@pytest.mark.parametrize(
    "lang, sentences",
    [
        # QA h29: each was split wrongly before; the summary of a Russian article ended "(см. табл."
        ("ru", ["Данные взяты из сборников Росстата (см. табл. 1).", "Они охватывают все регионы."]),
        ("ru", ["Проф. И. И. Иванов руководил проектом.", "Он умер в 2015 г."]),  # Cyrillic initials
        ("uk", ["Дані наведено в таблиці (див. табл. 2).", "Вони охоплюють усі області."]),
        ("el", ["Τα δεδομένα προέρχονται από την ΕΛΣΤΑΤ (βλ. Πίνακα 1).", "Καλύπτουν όλη τη χώρα."]),
        ("el", ["Ποιες περιοχές πλήττονται περισσότερο;", "Η απάντηση είναι σημαντική."]),  # Greek question mark
        ("el", ["Ποιες περιοχές πλήττονται περισσότερο\u037e", "Η απάντηση είναι σημαντική."]),
        ("hy", ["Այս հետազոտությունը կարևոր է։", "Մենք ցույց ենք տալիս դա։"]),  # Armenian full stop
        ("ur", ["یہ مطالعہ اہم ہے۔", "ہم اسے دکھاتے ہیں۔"]),  # Urdu full stop
        ("am", ["ይህ ጥናት አስፈላጊ ነው።", "እኛ እናሳያለን።"]),  # Ethiopic full stop
        ("it", ["I dati sono riportati nel testo (cfr. Tabella 2).", "Coprono tutte le province."]),
        ("es", ["Usamos el programa R, vers. 4.2, para el análisis.", "Todo el código está disponible."]),
        ("ar", ["قال د. أحمد إن النتائج مهمة.", "ثم غادر."]),  # an initial in a script without case
        ("vi", ["TS. Nguyễn Văn An đã chỉ ra điều này.", "Kết quả rất rõ."]),
        ("pl", ["Badanie prowadził prof. dr hab. Jan Kowalski.", "Wyniki są jasne."]),
        ("it", ["Lo ha detto il prof. Rossi.", "Tutti erano d'accordo."]),
        # The year and century abbreviations of Cyrillic languages end a sentence after a number
        # only; before a name (a city, a river) or as an initial they were split from it.
        ("uk", ["Це сталося у 2015 р.", "Потім усе змінилося."]),
        ("uk", ["Місто стоїть на р. Дніпро з XII ст. і росте.", "Воно велике."]),
        ("bg", ["Той е роден в гр. София през 1950 г.", "По-късно се мести."]),
        ("bg", ["Авторът В. Петров описва това.", "Това е важно."]),
        # A caption label and its number that open a sentence end none ("Abbildung 1. Anteil ...").
        ("de", ["Abbildung 1. Anteil der verknüpften Namen je Edition.", "Die Werte schwanken stark."]),
        ("fr", ["Tableau 2. Normes de description des services.", "Elles varient beaucoup."]),
        ("xx", ["Figure 3. Share of linked names per edition.", "The values vary."]),
    ],
)
def test_other_languages_abbreviations_and_sentence_marks(lang: str, sentences: list[str]) -> None:
    assert segment(" ".join(sentences), lang) == sentences


@pytest.mark.parametrize(
    "sentences",
    [
        [
            "In a letter of 1794 Goethe writes: „Sie haben mir eine zweite Jugend verschafft. Ich danke Ihnen.“",
            "This is often quoted.",
        ],
        ["Schiller answers: „Unsere Freundschaft ist mir das Wichtigste!“", "The tone is warm."],
    ],
)
def test_a_german_quotation_in_english_text(sentences: list[str]) -> None:
    """Not split inside a short „...“ quotation; split after its closing “ (nupunkt read it as an
    opening quote and glued "... allein.“ This passage is often quoted" into one sentence)."""
    assert segment(" ".join(sentences)) == sentences


def test_a_broken_rules_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _rules_folder(tmp_path, monkeypatch, {"nl.json": '{"language": "nl", "abreviations": ["bijv."]}'})
    try:
        with pytest.raises(ValueError, match=rf"{re.escape(str(folder / 'nl.json'))}.*abreviations"):
            rules_for("nl")
    finally:
        monkeypatch.undo()
        rules_for.cache_clear()


@pytest.mark.parametrize("lang", ["en", *LANGUAGES, *NEW_LANGUAGES, "bg"])
@given(text=st.text(alphabet="ab. \nAB?!„“«»¿0", max_size=80))
def test_spans_are_ordered_trimmed_and_cover_the_text(lang: str, text: str) -> None:
    spans = sentence_spans(text, lang=lang)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(text.split()) == "".join(covered.split())


@pytest.mark.parametrize(
    "text",
    [
        "The Polish term „dobro wspólne” appears in the preamble. Later commentators wrote about “the common good” as one thing.",
        "The Hungarian word „haza” means home. Another author calls it “the nation” instead.",
    ],
)
def test_a_low_quote_closed_by_a_right_quote_is_no_german_quotation(text: str) -> None:
    """Before: „...” (Polish, Hungarian, Romanian, Dutch) and a later “ were read as one German
    quotation „...“, and the sentence end between them was lost."""
    assert len(segment(text)) == 2


@pytest.mark.parametrize(
    ("lang", "text", "first"),
    [
        (
            "de",
            "Wir untersuchten 40 Kinder mit TS. Die Tics wurden mit der YGTSS gemessen.",
            "Wir untersuchten 40 Kinder mit TS.",
        ),
        (
            "fr",
            "Nous avons suivi 40 enfants atteints de TS. Les tics ont été mesurés.",
            "Nous avons suivi 40 enfants atteints de TS.",
        ),
        ("es", "Se usó la prueba de GS. Los resultados fueron claros.", "Se usó la prueba de GS."),
        ("pt", "Os pacientes tinham PGS. Os resultados foram claros.", "Os pacientes tinham PGS."),
        ("es", "El municipio tenía 3.000 hab. El alcalde fue elegido en 1990.", "El municipio tenía 3.000 hab."),
    ],
)
def test_acronyms_and_words_that_end_sentences_are_no_prefix_abbreviations(lang: str, text: str, first: str) -> None:
    """Before: the Vietnamese titles TS., GS., PGS. and the Polish "hab." were prefix abbreviations
    of every language ("never a sentence end"): "mit TS. Die Tics ..." was one German sentence."""
    assert segment(text, lang)[0] == first


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("vi", "Bài viết của TS. Nguyễn Văn An và GS. Trần Văn Bình được công bố năm 2020. Kết quả cho thấy điều đó."),
        ("pl", "Wykład prowadził dr hab. Jan Kowalski z Krakowa. Następnie głos zabrał prof. Nowak."),
    ],
)
def test_titles_before_a_name_still_hold_in_their_language(lang: str, text: str) -> None:
    assert len(segment(text, lang)) == 2


# The English path as it read before its speed-ups (commit 4c2b5b2): `nupunkt.sent_spans` per line,
# every rule tried at every full stop, both joining tests at every sentence end. The fast paths
# (`_punkt_spans`, the stops nupunkt split at passed over, the end mark choosing the joining test)
# must give the same sentences.
def _reference_english_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for a, b in nupunkt.sent_spans(line):
                a, b = segment_module._trim(text, offset + a, offset + b)
                if b > a:
                    spans.append((a, b))
        offset += len(line) + 1
    cuts = _reference_missed_boundaries(text, {a for a, _ in spans})
    if cuts:
        spans = segment_module._split_at(text, spans, cuts)
    spans = _reference_glue(text, spans, cuts)
    return segment_module._german_quotations(text, spans) if "„" in text else spans


def _reference_missed_boundaries(text: str, starts: set[int]) -> set[int]:
    head = text[:2000]
    lower_cased = head == head.lower()
    cuts: set[int] = set()
    for stop in re.finditer(r"\.\s", text):
        p = stop.start()
        if p == 0:
            continue
        if text[p - 1] in "θΦγµ" and (p < 2 or not (text[p - 2].isalnum() or text[p - 2] in "._")):
            after = stop.end() + len(text[stop.end() :]) - len(text[stop.end() :].lstrip())
            if after < len(text) and after not in starts and "A" <= text[after] <= "Z":
                cuts.add(after)
            continue
        single = segment_module._SINGLE_LETTER_END.match(text, p - 1)
        if single:
            word = single.group(2)
            if single.start(2) not in starts and word.lower() in OPENERS and (word[0].isupper() or lower_cased):
                cuts.add(single.start(2))
            continue
        if text.endswith(("et al", "No", "no"), 0, p):
            abbreviation = segment_module._ET_AL_OR_NO_END.match(text, p - (5 if text.endswith("et al", 0, p) else 2))
            if abbreviation and abbreviation.group(1).lower() in OPENERS:
                cuts.add(abbreviation.start(1))
            continue
        q = p
        while q > 0 and "a" <= text[q - 1] <= "z":
            q -= 1
        if p - q >= 4:
            word_end = segment_module._WORD_END.match(text, q)
            if word_end and word_end.start(2) not in starts and word_end.group(1) not in segment_module._LOWER_ABBREVIATIONS:
                cuts.add(word_end.start(2))
    return cuts


def _reference_glue(text: str, spans: list[tuple[int, int]], cuts: set[int]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start not in cuts:
            previous_start, previous_end = merged[-1]
            word = segment_module._FIRST_WORD.match(text, start)
            opener = word is not None and word.group(0).lower() in OPENERS
            tail = text[max(previous_start, previous_end - 12) : previous_end]
            if "\n" not in text[previous_end:start] and (
                (not opener and segment_module._ABBREVIATION_END.search(tail))
                or (segment_module._WORD_BANG.search(tail) and text[start].islower())
            ):
                merged[-1] = (previous_start, end)
                continue
        merged.append((start, end))
    return merged


# Words and marks the repairs turn on: single letters, "et al.", "No." and words ending in "no",
# abbreviations, openers, lower-case words of four letters or more, "!" glued to a name, quotes.
_PIECES = (
    "A. |a. |k. |et al. |No. |no. |piano. |Bruno. |cf. |e.g. |Fig. |U.S. |approx. |Dr. |St. |The |There |the "
    "|however |results. |tasks. |Taken |Smith |Bikel |Yahoo! |and |n! |is |Why? |1. |(see |Table |2). "
    "|„Ich reise ab. Niemand weiß davon.“ |Er |θ. |Φ. |aθ. |µ|\n|  |.\t|. |\u00a0"
).split("|")
_ENGLISH_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_ENGLISH_TEXT)
def test_english_sentences_are_those_of_the_repairs_tried_everywhere(text: str) -> None:
    assert sentence_spans(text) == _reference_english_spans(text)


@settings(max_examples=300, deadline=None)
@given(_ENGLISH_TEXT, st.data())
def test_missed_boundaries_at_any_known_starts_are_the_reference_ones(text: str, data: st.DataObject) -> None:
    """Whatever nupunkt split at (any word after white space): the stops passed over are exactly
    those where no rule could cut."""
    words = [match.end() for match in re.finditer(r"\s+", text)]
    starts = data.draw(st.sets(st.sampled_from(words))) if words else set()
    assert segment_module._missed_boundaries(text, starts) == _reference_missed_boundaries(text, starts)


@given(_ENGLISH_TEXT)
def test_punkt_spans_are_nupunkts_sentence_spans(text: str) -> None:
    for line in text.split("\n"):
        if line.strip():
            assert segment_module._punkt_spans(line) == nupunkt.sent_spans(line)


def test_punkt_spans_on_the_golden_sentences() -> None:
    lines = [str(case["text"]) for name in ("en", "en_untouched") for case in CASES[name]]
    assert lines and all(segment_module._punkt_spans(line) == nupunkt.sent_spans(line) for line in lines if line.strip())


def test_a_cut_after_no_where_nupunkt_split_still_keeps_the_sentences_apart() -> None:
    """Why the stops after "No." are tried even where nupunkt split: the cut there is what keeps
    the abbreviation repair from joining "No." to a word that only starts like an opener."""
    text = "It was No. ThenX two were fine."
    split = [(0, 10), (11, len(text))]  # nupunkt's split before "ThenX"
    cuts = segment_module._missed_boundaries(text, {11})
    assert cuts == {11}
    assert segment_module._glue_abbreviations(text, split, cuts) == split
    assert segment_module._glue_abbreviations(text, split, set()) == [(0, len(text))]


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c", "\u202c", "\u2069", "\u200d", "\u2067\u2069"])
@pytest.mark.parametrize("lang", ["en", "fr", "xx"])
def test_an_invisible_mark_between_a_stop_and_a_space_ends_the_sentence(mark: str, lang: str) -> None:
    """Was: a left-to-right mark, or the mark that closes a right-to-left run, after a stop hid the
    stop from nupunkt and the rules, and a text copied with them was one sentence (the CLI warned
    "few sentence ends" and chose among sentences of hundreds of words)."""
    sentences = {
        "fr": ["La cohorte a été suivie pendant dix ans.", "Chaque visite a été notée.", "Le nom \u2067שלום\u2069 est resté."],
    }.get(lang, ["The cohort was followed for ten years.", "Every visit was recorded.", "The name \u2067שלום\u2069 was kept."])
    text = (mark + " ").join(sentences) + mark
    spans = sentence_spans(text, lang=lang)
    assert [text[a:b] for a, b in spans] == sentences
