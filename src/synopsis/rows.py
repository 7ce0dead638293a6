"""The output row's shape, defined once: `synopsis summarize -o json`, batch's JSONL and Parquet
rows and the API's `summary` all have these fields.

`output.summary_to_dict` fills them, batch's Parquet schema and the API's pydantic models are
derived from them (`batch/parquet.py`, `server/schemas.py`), and a test checks that a real row has
exactly these keys, so adding a field here is the one edit that reaches every front end.
"""

from __future__ import annotations

from dataclasses import dataclass

# Value kinds: "int32", "int64" (character offsets), "float", "bool", "str", "json" (any JSON
# value, stored as a JSON string in Parquet), "list[str]", or a nested tuple of fields.


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a row: its name, kind, whether it is a list of `kind`, and whether a row may lack it."""

    name: str
    kind: str | tuple[Field, ...]
    many: bool = False
    optional: bool = False
    description: str = ""


SENTENCE = (
    Field("index", "int32", description="Index of the sentence in the document (document.sentences in the API)."),
    Field("start", "int64", description="Start of the sentence in the input text (character offset)."),
    Field("end", "int64", description="End of the sentence in the input text (exclusive)."),
    Field("score", "float", description="The method's score for the sentence, rounded to 6 decimals."),
    Field("section", "int32", description="Index of the section the sentence is in."),
    Field("text", "str", description="The sentence with extraction artefacts undone."),
)
BUDGET = (Field("words", "int32", optional=True), Field("sentences", "int32", optional=True))
DOCUMENT = (
    Field("sentences", "int32", description="Sentences in the cleaned document."),
    Field("candidates", "int32", description="Sentences a method may choose."),
    Field("sections", "list[str]", description="Section titles."),
    Field(
        "removed",
        "json",
        description="What cleaning removed, counted by reason (references, email, page_number ...); "
        "`synopsis extract --output json` lists each piece.",
    ),
)
SUMMARY = (
    Field("id", "str"),
    Field("method", "str"),
    Field("version", "str", description="The synopsis version that made the summary."),
    Field("budget", BUDGET),
    Field("words", "int32"),
    Field("over_budget", "bool", description="No whole sentence fit the word budget; the shortest best one was returned."),
    Field("params", "json", description="The method's parameters."),
    Field("sentences", SENTENCE, many=True),
    Field("document", DOCUMENT, optional=True),
    Field("input", "str", optional=True, description="The input file the article came from."),
    Field("note", "str", optional=True),
    Field("language", "str", optional=True, description="The language the article was read in (detected, or --lang / lang)."),
    Field(
        "warning",
        "str",
        optional=True,
        description="Set when the language is not supported (neutral settings were used) or is not the one --lang / lang"
        " names, when most of the text's words stand in sentences too long for a summary (its sentence punctuation"
        " missing), or when pages of a PDF were not read (scanned, unreadable glyph codes); several are joined by '; '.",
    ),
)
# The row of a document that could not be summarized (batch output).
ERROR = (
    Field("id", "str"),
    Field("error", "str", description="One line: where (file:line) and what is wrong."),
    Field("input", "str", optional=True),
    Field("line", "int64", optional=True),
)


def names(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(field.name for field in fields)
