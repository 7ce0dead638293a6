"""Test PDFs that imitate publishers' first pages (Hindawi, Elsevier, Springer, MDPI, Frontiers,
PLOS, Emerald, SAGE) and articles in German, French, Spanish and Portuguese.

Each `Layout` says what a reader sees (banner lines, title, authors, boilerplate blocks, an
abstract with or without a heading, in labelled parts or plain, boxed or not, keywords, a body in
one or two columns, small print at the foot of page 1, references) and knows the exact abstract
and first body sentence extraction must find. `render` draws it with reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfgen import BOLD, HEIGHT, REGULAR, WIDTH, Page, build, wrap

MARGIN = 56.0
TEXT_WIDTH = WIDTH - 2 * MARGIN
GUTTER = 18.0
TOP = 48.0
BOTTOM = HEIGHT - 60.0


@dataclass(frozen=True)
class Layout:
    """One test article's layout and content; `parts` are (label with its separator, text)."""

    name: str
    language: str
    title: str
    authors: tuple[str, ...]
    abstract: tuple[tuple[str, str], ...]
    body: tuple[str, ...]
    banner: tuple[str, ...] = ()
    before_abstract: tuple[str, ...] = ()
    abstract_heading: str = "Abstract"
    run_in: bool = False  # "Abstract: text ..." on one line
    boxed: bool = False
    abstract_size: float = 10.0
    keywords: str = ""
    after_abstract: tuple[str, ...] = ()
    foot: tuple[str, ...] = ()  # small print at the foot of page 1
    columns: int = 1
    headings: tuple[str, str] = ("1. Introduction", "2. Methods")
    references: tuple[str, ...] = ("References", "Smith, J. (2019). A study of studies. Journal of Tests, 4, 1-9.")
    running_header: str = "Journal of Test Layouts 2024, 12, 345"

    @property
    def expected_abstract(self) -> str:
        return " ".join(f"{label} {text}".strip() for label, text in self.abstract)

    @property
    def first_sentence(self) -> str:
        return self.body[0].split(". ")[0] + "."


class _Writer:
    """Draws blocks top to bottom, breaking pages (and columns) when the space runs out."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.pages: list[Page] = []
        self.y = TOP
        self.bottom = BOTTOM
        self.column = 0
        self.columns = 1
        self.column_top = TOP
        self.new_page()

    def new_page(self) -> None:
        page = Page()
        number = len(self.pages) + 1
        if number > 1:
            page.text(MARGIN, 24, self.layout.running_header, size=8)
        page.text(WIDTH / 2 - 4, HEIGHT - 30, str(number), size=8)
        self.pages.append(page)
        self.y = self.column_top = TOP
        self.column = 0
        self.bottom = BOTTOM

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def x_width(self) -> tuple[float, float]:
        if self.columns == 1:
            return MARGIN, TEXT_WIDTH
        width = (TEXT_WIDTH - GUTTER) / 2
        return MARGIN + self.column * (width + GUTTER), width

    def advance(self, leading: float) -> None:
        if self.y + leading > self.bottom:
            if self.columns == 2 and self.column == 0:
                self.column = 1
                self.y = self.column_top
            else:
                self.new_page()

    def paragraph(
        self, text: str, *, size: float = 10, font: str = REGULAR, lead: str = "", gap: float = 6, inset: float = 0
    ) -> None:
        """Draw a paragraph, `lead` set bold before the text (a run-in label)."""
        leading = size * 1.2
        x, width = self.x_width()
        lines = wrap(f"{lead} {text}".strip(), width - 2 * inset, font=font, size=size)
        lead_words = len(lead.split())
        for i, line in enumerate(lines):
            self.advance(leading)
            x, width = self.x_width()
            fonts = [BOLD if i == 0 and k < lead_words else font for k in range(len(line.split()))]
            last = i == len(lines) - 1
            _draw_line(self.page, x + inset, self.y, line.split(), fonts, size, None if last else width - 2 * inset)
            self.y += leading
        self.y += gap


def _draw_line(page: Page, x: float, y: float, words: list[str], fonts: list[str], size: float, width: float | None) -> None:
    """One line, justified to `width` (None: set ragged, as a paragraph's last line is)."""
    widths = [stringWidth(word, f, size) for word, f in zip(words, fonts, strict=True)]
    space = stringWidth(" ", REGULAR, size)
    if width is not None and len(words) > 1:
        space = max(space, (width - sum(widths)) / (len(words) - 1))
    for word, f, w in zip(words, fonts, widths, strict=True):
        page.text(x, y, word, font=f, size=size)
        x += w + space


def render(layout: Layout) -> bytes:
    """The layout drawn as a PDF."""
    w = _Writer(layout)
    if layout.foot:  # drawn first: the text of page 1 stops above it
        y = BOTTOM - 12
        for block in reversed(layout.foot):
            lines = wrap(block, TEXT_WIDTH, size=7)
            y -= len(lines) * 8.4
            for i, line in enumerate(lines):
                w.page.text(MARGIN, y + i * 8.4, line, size=7)
            y -= 3
        w.bottom = y - 10
    for line in layout.banner:
        w.paragraph(line, size=8, gap=2)
    w.y += 10
    w.paragraph(layout.title, size=17, font=BOLD, gap=8)
    for line in layout.authors:
        w.paragraph(line, size=10, gap=2)
    w.y += 8
    for block in layout.before_abstract:
        w.paragraph(block, size=8, gap=5)
    w.y += 6
    size = layout.abstract_size
    inset = 8.0 if layout.boxed else 0.0
    box_top = w.y
    if layout.boxed:
        w.y += 6
    if layout.abstract_heading and not layout.run_in:
        w.paragraph(layout.abstract_heading, size=size + 1, font=BOLD, gap=3, inset=inset)
    for k, (label, text) in enumerate(layout.abstract):
        lead = label
        if k == 0 and layout.run_in:
            lead = f"{layout.abstract_heading} {label}".strip()
        w.paragraph(text, size=size, lead=lead, gap=2 if label else 4, inset=inset)
    if layout.keywords:
        label, _, words = layout.keywords.partition(" ")
        w.paragraph(words, size=size, lead=label, gap=4, inset=inset)
    if layout.boxed:
        w.page.boxes.append((MARGIN, box_top, TEXT_WIDTH, w.y - box_top + 2))
        w.y += 8
    for block in layout.after_abstract:
        w.paragraph(block, size=8, gap=5)
    w.y += 10
    w.columns = layout.columns
    w.column_top = w.y
    heading_at = {0: layout.headings[0], len(layout.body) // 2: layout.headings[1]}
    for k, paragraph in enumerate(layout.body):
        if k in heading_at:
            w.paragraph(heading_at[k], size=11, font=BOLD, gap=4)
        w.paragraph(paragraph)
    w.paragraph(layout.references[0], size=11, font=BOLD, gap=4)
    for entry in layout.references[1:]:
        w.paragraph(entry, size=9, gap=3)
    return build(w.pages)


_EN = (
    "Hospital readmissions within thirty days remain a costly problem for health systems in many countries. "
    "Earlier studies examined single wards and rarely followed patients after discharge. "
    "We therefore collected records from four regional hospitals over three years. "
    "Each record describes the admission, the treatment received and the follow-up visits. "
    "Nurses coded the reasons for readmission with a checklist agreed before the study began.",
    "The checklist separated avoidable from unavoidable readmissions using published criteria. "
    "Two reviewers coded a random tenth of the records independently to measure their agreement. "
    "Disagreements were discussed and resolved before the remaining records were coded. "
    "Agreement between the reviewers was high for every category of the checklist.",
    "We fitted mixed models with the hospital as a random effect and age, sex and diagnosis as fixed effects. "
    "Missing follow-up data were handled by multiple imputation with twenty imputed data sets. "
    "Sensitivity analyses repeated the models on complete cases only and gave similar estimates.",
    "Patients discharged on a Friday were readmitted more often than those discharged earlier in the week. "
    "The difference was largest for patients who lived alone and had no scheduled follow-up visit. "
    "Medication errors explained a third of the avoidable readmissions in every hospital.",
    "Telephone follow-up within two days of discharge halved the rate of avoidable readmissions. "
    "The effect did not depend on the hospital or on the diagnosis at admission. "
    "Costs of the calls were small compared with the costs of a single readmission.",
    "Our findings agree with trials that tested structured discharge planning in other settings. "
    "They suggest that the day of discharge matters less than what happens in the days after it. "
    "Hospitals could schedule calls for every patient who lives alone without new staff.",
    "Several limitations apply to this study. The hospitals were all in one region, and their patients may "
    "differ from those elsewhere. Readmissions to hospitals outside the region were not recorded, so the true "
    "rate may be higher than the one we report.",
    "The checklist has not been validated outside this study. Other teams may code some readmissions "
    "differently, especially those that follow a fall at home. We publish the checklist so that others can "
    "test it on their own records.",
    "Calls were made by experienced nurses who knew the hospitals well. Whether calls by less experienced staff "
    "or by automated systems have the same effect is not known. A randomised trial comparing the two is now "
    "being planned.",
    "Despite these limitations, the size of the effect and its consistency across hospitals are encouraging. "
    "The calls are simple to organise and cheap to run. They address the days after discharge, when patients "
    "are most vulnerable and support is often missing.",
)


def _en(name: str, **kwargs: object) -> Layout:
    return Layout(name=name, language="en", body=_EN, **kwargs)  # type: ignore[arg-type]


_CITIES = (
    "Leeds",
    "Accra",
    "Kumasi",
    "Nairobi",
    "Kampala",
    "Lusaka",
    "Harare",
    "Durban",
    "Maputo",
    "Lilongwe",
    "Dodoma",
    "Kigali",
    "Addis Ababa",
    "Khartoum",
)
_AFFILIATIONS = tuple(
    f"{i + 3} Department of {field}, University of {city}, {city}"
    for i, (field, city) in enumerate((f, c) for f in ("Public Health", "Nursing") for c in _CITIES)
)
_TITLE = "Telephone Follow-Up and Avoidable Hospital Readmissions: A Multicentre Cohort Study"

LAYOUTS: tuple[Layout, ...] = (
    _en(
        "hindawi",
        banner=(
            "Hindawi",
            "Journal of Healthcare Engineering",
            "Volume 2024, Article ID 8845123, 9 pages",
            "https://doi.org/10.1155/2024/8845123",
        ),
        title=_TITLE,
        authors=(
            "Amara Okafor,1 Liam Chen,2 and Sofia Rossi1",
            "1Department of Public Health, University of Lagos, Lagos, Nigeria",
            "2School of Nursing, University of Toronto, Toronto, Canada",
        ),
        before_abstract=(
            "Correspondence should be addressed to Amara Okafor; aokafor@unilag.edu.ng",
            "Received 12 March 2024; Revised 2 May 2024; Accepted 20 May 2024; Published 3 June 2024",
            "Academic Editor: Hugo Martins",
            "Copyright © 2024 Amara Okafor et al. This is an open access article distributed under the Creative "
            "Commons Attribution License, which permits unrestricted use, distribution, and reproduction in any "
            "medium, provided the original work is properly cited.",
        ),
        abstract_heading="",
        abstract=(
            ("Objectives.", "We asked whether telephone follow-up after discharge prevents avoidable readmissions."),
            (
                "Methods.",
                "We followed 4,210 adults discharged from four hospitals and coded every readmission within "
                "thirty days with a checklist.",
            ),
            (
                "Results.",
                "Calls within two days of discharge halved avoidable readmissions, and medication errors "
                "explained a third of them.",
            ),
            ("Conclusion.", "Short calls after discharge are a cheap way to prevent readmissions of patients who live alone."),
        ),
        columns=2,
    ),
    _en(
        "elsevier",
        banner=(
            "Contents lists available at ScienceDirect",
            "International Journal of Nursing Studies",
            "journal homepage: www.elsevier.com/locate/ijns",
        ),
        title=_TITLE,
        authors=(
            "Hannah Schmidt a,*, Peter Novak b",
            "a Institute of Nursing Science, University of Basel, Switzerland",
            "b Faculty of Medicine, Charles University, Prague, Czech Republic",
        ),
        before_abstract=("Article history: Received 4 January 2024 Received in revised form 1 March 2024 Accepted 9 March 2024",),
        abstract_heading="A B S T R A C T",
        boxed=True,
        abstract=(
            (
                "",
                "Avoidable readmissions burden patients and hospitals alike. We studied 4,210 discharges "
                "from four hospitals and found that a telephone call within two days of discharge halved "
                "avoidable readmissions. Medication errors were the most common avoidable cause. Calls cost "
                "little and need no new staff.",
            ),
        ),
        keywords="Keywords: Readmission; Discharge planning; Telephone follow-up; Nursing",
        foot=(
            "* Corresponding author. E-mail address: h.schmidt@unibas.ch (H. Schmidt).",
            "https://doi.org/10.1016/j.ijnurstu.2024.104712",
            "0020-7489/© 2024 The Authors. Published by Elsevier Ltd. This is an open access article under the CC BY license.",
        ),
        columns=2,
    ),
    _en(
        "springer",
        banner=("BMC Health Services Research", "https://doi.org/10.1186/s12913-024-10987-2"),
        title=_TITLE,
        authors=("Julia Weber1*, Tomas Lindqvist2 and Mei Tanaka1",),
        abstract_heading="Abstract",
        abstract=(
            ("Background:", "Readmissions soon after discharge are frequent and often avoidable."),
            ("Methods:", "A cohort of 4,210 adults from four hospitals was followed for thirty days after discharge."),
            ("Results:", "Telephone follow-up within two days halved the rate of avoidable readmissions."),
            ("Conclusions:", "Hospitals should call patients who live alone soon after discharge."),
        ),
        keywords="Keywords: Readmission, Follow-up, Discharge, Cohort study",
        foot=(
            "* Correspondence: julia.weber@charite.de 1 Charité – Universitätsmedizin Berlin, Berlin, Germany",
            "© The Author(s) 2024. Open Access This article is licensed under a Creative Commons Attribution 4.0 "
            "International License.",
        ),
    ),
    _en(
        "mdpi",
        banner=("healthcare", "Article"),
        title=_TITLE,
        authors=(
            "Ana Silva 1,*, Marco Bianchi 2 and Eva Horváth 1",
            "1 Department of Nursing, University of Porto, 4200-450 Porto, Portugal",
            "2 Department of Medicine, University of Milan, 20122 Milan, Italy",
            "* Correspondence: ana.silva@up.pt",
        ),
        abstract_heading="Abstract:",
        run_in=True,
        abstract=(
            (
                "",
                "Readmissions within thirty days of discharge are common and costly. We followed 4,210 adults "
                "discharged from four hospitals and coded each readmission as avoidable or not. A telephone call "
                "within two days of discharge halved avoidable readmissions, and the effect held in every "
                "hospital. Calls to patients who live alone are a cheap way to prevent readmissions.",
            ),
        ),
        keywords="Keywords: readmission; telephone follow-up; discharge; nursing",
        after_abstract=(
            "Citation: Silva, A.; Bianchi, M.; Horváth, E. Telephone Follow-Up and Avoidable Hospital Readmissions. "
            "Healthcare 2024, 12, 345. https://doi.org/10.3390/healthcare12030345",
            "Academic Editor: Paolo Conti",
            "Received: 5 January 2024 Revised: 2 February 2024 Accepted: 10 February 2024 Published: 14 February 2024",
            "Copyright: © 2024 by the authors. Licensee MDPI, Basel, Switzerland. This article is an open access "
            "article distributed under the terms and conditions of the Creative Commons Attribution (CC BY) license.",
        ),
        headings=("1. Introduction", "2. Materials and Methods"),
    ),
    _en(
        "frontiers",
        banner=("ORIGINAL RESEARCH", "published: 14 February 2024", "doi: 10.3389/fpubh.2024.1234567"),
        title=_TITLE,
        authors=(
            "Lucas Martin 1*, Aiko Sato 2 and Daniel Brown 1",
            "1 Department of Epidemiology, University of Bordeaux, Bordeaux, France",
            "2 Graduate School of Medicine, Kyoto University, Kyoto, Japan",
        ),
        before_abstract=(
            "Edited by: Maria Gonzalez, University of Chile, Chile",
            "Reviewed by: John Smith, University of Oxford, United Kingdom",
            "*Correspondence: Lucas Martin lucas.martin@u-bordeaux.fr",
            "Specialty section: This article was submitted to Public Health Policy, a section of the journal "
            "Frontiers in Public Health",
            "Received: 2 December 2023 Accepted: 30 January 2024 Published: 14 February 2024",
            "Citation: Martin L, Sato A and Brown D (2024) Telephone Follow-Up and Avoidable Hospital Readmissions. "
            "Front. Public Health 12:1234567.",
        ),
        abstract_heading="",  # Frontiers sets its abstract with no heading
        abstract=(
            (
                "",
                "Many readmissions after discharge could be prevented. In a cohort of 4,210 adults from four "
                "hospitals, a telephone call within two days of discharge halved avoidable readmissions. The "
                "effect was largest for patients living alone, and medication errors explained a third of "
                "avoidable readmissions. The calls took a few minutes of a nurse's time, cost far less than the "
                "readmissions they prevented and need no new staff.",
            ),
        ),
        keywords="Keywords: readmission, discharge, telephone, cohort, nursing",
        columns=2,
    ),
    _en(
        "plos",
        banner=("RESEARCH ARTICLE",),
        title=_TITLE,
        authors=(
            "Grace Mensah ID 1*, Oliver Hughes 2",
            "1 School of Public Health, University of Ghana, Accra, Ghana",
            "2 Centre for Health Services Research, University of Leeds, Leeds, United Kingdom",
            "* gmensah@ug.edu.gh",
        ),
        abstract_heading="Abstract",
        abstract=(
            (
                "",
                "Readmission within thirty days of discharge is a common outcome measure of hospital care. We "
                "asked whether a telephone call soon after discharge prevents avoidable readmissions in routine care.",
            ),
            (
                "",
                "We followed 4,210 adults discharged from four hospitals over three years and coded every "
                "readmission with a checklist agreed in advance. Calls within two days of discharge halved avoidable "
                "readmissions. The effect was largest for patients who lived alone and did not differ between "
                "hospitals or diagnoses. Medication errors explained a third of the avoidable readmissions in every "
                "hospital. Two reviewers agreed on the coding of nearly every record, and the results held in "
                "analyses of complete cases. The calls took a few minutes of a nurse's time and cost far less than "
                "the readmissions they prevented. We conclude that hospitals should call every patient who lives "
                "alone within two days of discharge, and that this can be done with the staff they already have. "
                "Future trials should test whether the same calls also reduce visits to emergency departments and "
                "improve how patients take their medicines at home.",
            ),
        ),
        after_abstract=(
            "Citation: Mensah G, Hughes O (2024) Telephone Follow-Up and Avoidable Hospital Readmissions. "
            "PLoS ONE 19(2): e0298765. https://doi.org/10.1371/journal.pone.0298765",
            "Editor: Ahmed Khan, Aga Khan University, PAKISTAN",
            "Received: October 3, 2023 Accepted: January 20, 2024 Published: February 14, 2024",
            "Copyright: © 2024 Mensah, Hughes. This is an open access article distributed under the terms of the "
            "Creative Commons Attribution License.",
            "ORCID: https://orcid.org/0000-0002-1825-0097",
        ),
        before_abstract=_AFFILIATIONS[:20],
    ),
    _en(
        "emerald",
        banner=(
            "Journal of Health Organization and Management",
            "Vol. 38 No. 2, 2024 pp. 145-162",
            "© Emerald Publishing Limited",
            "ISSN 1477-7266",
        ),
        title=_TITLE,
        authors=("Rachel Evans", "Business School, University of Cardiff, Cardiff, UK"),
        abstract_heading="Abstract",
        abstract=(
            ("Purpose –", "The purpose of this paper is to test whether telephone follow-up prevents readmissions."),
            ("Design/methodology/approach –", "A cohort of 4,210 adults discharged from four hospitals was followed."),
            ("Findings –", "Calls within two days of discharge halved avoidable readmissions."),
            ("Originality/value –", "The study shows that the days after discharge matter more than the day itself."),
        ),
        keywords="Keywords Readmission, Discharge planning, Nursing",
        after_abstract=("Paper type Research paper", "This article is part of a special issue on care transitions."),
    ),
    _en(
        "sage",
        banner=(
            "Original Research Article",
            "Health Services Insights",
            "Volume 17: 1-12",
            "© The Author(s) 2024",
            "Article reuse guidelines: sagepub.com/journals-permissions",
            "DOI: 10.1177/11786329241234567",
        ),
        title=_TITLE,
        authors=(
            "Ines Moreau1, Karl Jensen2 and Nadia Haddad1",
            "1Faculty of Nursing, University of Montreal, Montreal, Canada",
            "2Department of Public Health, University of Copenhagen, Copenhagen, Denmark",
        ),
        before_abstract=_AFFILIATIONS,
        abstract_heading="Abstract",
        abstract_size=9.0,
        abstract=(
            (
                "",
                "Readmissions soon after discharge are frequent, costly and often avoidable. We followed 4,210 "
                "adults discharged from four regional hospitals over three years and coded every readmission "
                "within thirty days as avoidable or unavoidable with a checklist agreed in advance. Two reviewers "
                "coded a random tenth of the records independently and agreed on nearly all of them. A telephone "
                "call by a nurse within two days of discharge halved the rate of avoidable readmissions, and the "
                "effect was largest for patients who lived alone. Medication errors explained a third of the "
                "avoidable readmissions in every hospital, and patients discharged on a Friday were readmitted "
                "more often than others. The calls took a few minutes each and cost much less than the "
                "readmissions they prevented. Hospitals can introduce such calls without new staff, and trials "
                "should now test them in other health systems and for other outcomes such as emergency visits "
                "and the use of medicines at home after discharge from hospital care.",
            ),
        ),
        keywords="Keywords: readmission, discharge, telephone follow-up",
        foot=(
            "Corresponding author: Ines Moreau, Faculty of Nursing, University of Montreal, Montreal, Canada. "
            "Email: ines.moreau@umontreal.ca",
            "Creative Commons Non Commercial CC BY-NC: This article is distributed under the terms of the Creative "
            "Commons Attribution-NonCommercial 4.0 License.",
        ),
    ),
    Layout(
        name="german",
        language="de",
        banner=("Zeitschrift für Pflegewissenschaft", "Originalarbeit"),
        title="Telefonische Nachsorge und vermeidbare Wiederaufnahmen im Krankenhaus",
        authors=("Jürgen Müller · Käthe Schäfer", "Institut für Pflegewissenschaft, Universität Köln, Köln, Deutschland"),
        before_abstract=("Eingegangen: 3. Januar 2024 / Angenommen: 2. März 2024 / Online publiziert: 20. März 2024",),
        abstract_heading="Zusammenfassung",
        abstract=(
            (
                "",
                "Wiederaufnahmen kurz nach der Entlassung sind häufig und oft vermeidbar. Wir begleiteten "
                "4210 Erwachsene aus vier Krankenhäusern über drei Jahre. Ein Anruf innerhalb von zwei Tagen "
                "nach der Entlassung halbierte die vermeidbaren Wiederaufnahmen. Fehler bei der Medikation "
                "erklärten ein Drittel der vermeidbaren Fälle.",
            ),
        ),
        keywords="Schlüsselwörter: Wiederaufnahme · Entlassung · Nachsorge · Pflege",
        headings=("1 Einleitung", "2 Methoden"),
        body=(
            "Wiederaufnahmen innerhalb von dreißig Tagen belasten Patientinnen, Patienten und Krankenhäuser "
            "gleichermaßen. Frühere Studien untersuchten meist einzelne Stationen. Wir haben deshalb Daten aus vier "
            "Krankenhäusern über drei Jahre gesammelt.",
            "Pflegekräfte kodierten die Gründe jeder Wiederaufnahme mit einer vorab abgestimmten Checkliste. Zwei "
            "Gutachter prüften unabhängig voneinander ein Zehntel der Fälle. Die Übereinstimmung war in allen "
            "Kategorien hoch.",
            "Wir schätzten gemischte Modelle mit dem Krankenhaus als zufälligem Effekt. Fehlende Werte wurden "
            "mehrfach imputiert. Die Ergebnisse blieben in allen Sensitivitätsanalysen stabil.",
            "Der Anruf wirkte bei allein lebenden Menschen am stärksten. Die Kosten der Anrufe waren gering im "
            "Vergleich zu den Kosten einer einzigen Wiederaufnahme. Krankenhäuser können solche Anrufe ohne "
            "zusätzliches Personal einführen.",
        ),
        references=("Literatur", "Schmidt B, Weber C (2021) Entlassmanagement im Krankenhaus. Pflege 34:12–19"),
        running_header="Zeitschrift für Pflegewissenschaft 2024 · 12 · 345",
    ),
    Layout(
        name="french",
        language="fr",
        banner=("Revue française de santé publique", "Article original"),
        title="Suivi téléphonique et réhospitalisations évitables : une étude de cohorte",
        authors=("Élodie Lefèvre, François Dubois", "Université de Lyon, Laboratoire de santé publique, Lyon, France"),
        before_abstract=("Reçu le 3 janvier 2024 ; accepté le 2 mars 2024",),
        abstract_heading="Résumé",
        abstract=(
            ("Objectif.", "Nous avons étudié si un appel après la sortie évite des réhospitalisations."),
            ("Méthodes.", "Nous avons suivi 4210 adultes sortis de quatre hôpitaux pendant trente jours."),
            ("Résultats.", "Un appel dans les deux jours a réduit de moitié les réhospitalisations évitables."),
            ("Conclusion.", "Les hôpitaux devraient appeler les patients qui vivent seuls."),
        ),
        keywords="Mots-clés : réhospitalisation ; sortie ; suivi téléphonique",
        headings=("1. Introduction", "2. Méthodes"),
        body=(
            "Les réhospitalisations dans les trente jours pèsent sur les patients et sur les hôpitaux. Les études "
            "antérieures portaient souvent sur un seul service. Nous avons donc réuni les dossiers de quatre "
            "hôpitaux régionaux.",
            "Les infirmières ont codé les motifs de chaque réhospitalisation à l'aide d'une grille commune. Deux "
            "relecteurs ont codé un dixième des dossiers de façon indépendante. Leur accord était élevé.",
            "Nous avons ajusté des modèles mixtes avec l'hôpital comme effet aléatoire. Les données manquantes ont "
            "été imputées. Les résultats étaient stables dans toutes les analyses de sensibilité.",
            "L'effet de l'appel était le plus fort chez les personnes vivant seules. Le coût des appels était "
            "faible par rapport à celui d'une seule réhospitalisation. Les hôpitaux peuvent les organiser sans "
            "personnel supplémentaire.",
        ),
        references=("Références", "Martin P, Durand L (2020) La sortie de l'hôpital. Santé publique 32:45–52."),
        running_header="Revue française de santé publique 2024 ; 12 : 345",
        columns=2,
    ),
    Layout(
        name="spanish",
        language="es",
        banner=("Revista Española de Salud Pública", "Artículo original"),
        title="Seguimiento telefónico y reingresos hospitalarios evitables: estudio de cohortes",
        authors=("José Martínez, Lucía Gómez", "Departamento de Enfermería, Universidad de Sevilla, Sevilla, España"),
        before_abstract=(
            "Recibido: 3 de enero de 2024 / Aceptado: 2 de marzo de 2024",
            "Correspondencia: José Martínez, jmartinez@us.es",
        ),
        abstract_heading="Resumen",
        boxed=True,
        abstract=(
            (
                "",
                "Los reingresos poco después del alta son frecuentes y a menudo evitables. Seguimos a 4210 "
                "adultos dados de alta en cuatro hospitales. Una llamada en los dos días siguientes al alta redujo "
                "a la mitad los reingresos evitables. Los errores de medicación explicaron un tercio de ellos.",
            ),
        ),
        keywords="Palabras clave: reingreso; alta hospitalaria; seguimiento telefónico",
        headings=("1. Introducción", "2. Métodos"),
        body=(
            "Los reingresos en los treinta días siguientes al alta suponen una carga para pacientes y hospitales. "
            "Los estudios previos analizaban sobre todo servicios aislados. Por eso reunimos los datos de cuatro "
            "hospitales regionales.",
            "Las enfermeras codificaron el motivo de cada reingreso con una lista acordada de antemano. Dos "
            "revisores codificaron de forma independiente una décima parte de los casos. El acuerdo fue alto.",
            "Ajustamos modelos mixtos con el hospital como efecto aleatorio. Los datos faltantes se imputaron. "
            "Los resultados fueron estables en todos los análisis de sensibilidad.",
            "La llamada tuvo más efecto en las personas que viven solas. El coste de las llamadas fue pequeño "
            "frente al de un solo reingreso. Los hospitales pueden organizarlas sin personal adicional.",
        ),
        references=("Referencias", "García A, López M (2019) El alta hospitalaria. Gac Sanit 33:101–108."),
        running_header="Rev Esp Salud Pública 2024; 12: 345",
    ),
    Layout(
        name="portuguese",
        language="pt",
        banner=("Revista de Saúde Pública", "Artigo original"),
        title="Acompanhamento telefônico e reinternações hospitalares evitáveis",
        authors=("João Gonçalves, Conceição Araújo", "Faculdade de Enfermagem, Universidade de São Paulo, São Paulo, Brasil"),
        before_abstract=("Recebido: 3 jan 2024 • Aceito: 2 mar 2024", "Autor correspondente: João Gonçalves"),
        abstract_heading="",
        abstract=(
            ("Objetivo:", "Avaliar se uma ligação após a alta evita reinternações."),
            ("Métodos:", "Acompanhamos 4210 adultos que receberam alta de quatro hospitais."),
            ("Resultados:", "Uma ligação nos dois dias seguintes à alta reduziu à metade as reinternações evitáveis."),
            ("Conclusão:", "Os hospitais devem ligar para os pacientes que moram sozinhos."),
        ),
        keywords="Palavras-chave: reinternação; alta hospitalar; acompanhamento",
        headings=("1. Introdução", "2. Métodos"),
        body=(
            "As reinternações em até trinta dias após a alta são um problema caro para os sistemas de saúde. Os "
            "estudos anteriores examinaram sobretudo enfermarias isoladas. Por isso reunimos dados de quatro "
            "hospitais regionais.",
            "As enfermeiras codificaram o motivo de cada reinternação com uma lista combinada previamente. Dois "
            "revisores codificaram um décimo dos casos de forma independente. A concordância foi alta.",
            "Ajustamos modelos mistos com o hospital como efeito aleatório. Os dados ausentes foram imputados. Os "
            "resultados foram estáveis em todas as análises de sensibilidade.",
            "A ligação teve mais efeito nas pessoas que moram sozinhas. O custo das ligações foi pequeno diante do "
            "custo de uma única reinternação. Os hospitais podem organizá-las sem pessoal adicional.",
        ),
        references=("Referências", "Souza R, Lima T (2018) A alta hospitalar. Rev Saude Publica 52:1–9."),
        running_header="Rev Saúde Pública 2024;12:345",
        columns=2,
    ),
)
