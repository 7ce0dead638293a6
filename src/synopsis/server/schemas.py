"""The shapes of the HTTP API, as pydantic models: they validate requests and document /docs.

The summary part of a response is exactly what `synopsis summarize --output json` prints
(`synopsis.output.summary_to_dict`), so a client can switch between the CLI and the API.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from .. import rows
from ..language import supported_codes

MAX_BUDGET = 100_000
LANG_DESCRIPTION = (
    f"ISO 639-1 or 639-2 code (de, deu), any case, region ignored ({', '.join(supported_codes())}; others: neutral settings and a"
    " summary.warning)"
    " or auto: detect it. Chinese, Japanese and Thai texts are refused (400)."
)


class SummarizeRequest(BaseModel):
    """A pasted article: plain text, or a record with ABSTRACT:/FULL TEXT: sections."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article: plain text or a record (TITLE:/ABSTRACT:/FULL TEXT:).")
    method: str = Field("auto", description="A method from GET /api/methods, or auto for the default.")
    # strict: JSON has integers, so true, "200" or 200.0 is a client mistake (true would be a 1-word
    # budget), refused with 422 like the Python API refuses it. Form fields are text: UploadFields.
    words: int | None = Field(
        None,
        ge=1,
        le=MAX_BUDGET,
        strict=True,
        description="Word budget (whole sentences only); 200 unless sentences is given.",
    )
    sentences: int | None = Field(
        None, ge=1, le=MAX_BUDGET, strict=True, description="Sentence budget, instead of or with words."
    )
    title: str = Field("", description="The title, when the text does not carry one.")
    abstract: str = Field("", description="The author abstract, when the text does not carry one (kept out of the summary).")
    lang: str = Field("auto", description=LANG_DESCRIPTION)


_SCALARS: dict[str, Any] = {
    "int32": int,
    "int64": int,
    "float": float,
    "bool": bool,
    "str": str,
    "json": dict[str, Any],
    "list[str]": list[str],
}


def _model(
    name: str, fields: tuple[rows.Field, ...], *, doc: str = "", extra: Literal["allow", "ignore"] = "ignore"
) -> type[BaseModel]:
    """A pydantic model of output-row fields, from their one definition (`synopsis.rows`)."""
    annotations: dict[str, Any] = {}
    for field in fields:
        kind = _model(_title(field.name), field.kind) if isinstance(field.kind, tuple) else _SCALARS[field.kind]
        kind = list[kind] if field.many else kind  # type: ignore[valid-type]
        if field.optional:
            annotations[field.name] = (kind | None, Field(None, description=field.description or None))
        else:
            annotations[field.name] = (kind, Field(description=field.description or None))
    model: type[BaseModel] = create_model(name, __config__=ConfigDict(extra=extra), **annotations)
    model.__doc__ = doc or None
    return model


def _title(name: str) -> str:
    return {"sentences": "SummarySentence", "document": "DocumentCounts", "budget": "Budget"}.get(name, name.title())


SummaryOut = _model("SummaryOut", rows.SUMMARY, doc="Identical to `synopsis summarize --output json`.", extra="allow")


class DocumentSentence(BaseModel):
    index: int
    start: int
    end: int
    text: str = Field(description="The sentence with extraction artefacts undone (hyphenation, line breaks, markers).")
    section: int = Field(description="Index into document.sections.")
    paragraph: int
    candidate: bool = Field(description="False for sentences no method may choose (captions, reference-like lines ...).")
    not_candidate: str | None = Field(
        description="Why the sentence is no candidate (too_short, caption, copies_abstract ...: docs/methods.md); "
        "null for a candidate."
    )
    score: float | None = Field(description="The method's score for the sentence (null where not finite).")


class DocumentSection(BaseModel):
    index: int
    title: str
    kind: Literal["introduction", "methods", "results", "discussion", "conclusion", "other"]
    first: int = Field(description="First sentence index; a section without sentences has last < first.")
    last: int


class DocumentOut(BaseModel):
    """The cleaned document the summary was chosen from, so a page can show it with highlights."""

    id: str
    title: str
    abstract: str
    format: str = Field(description="text, record or pdf.")
    source: str = Field(description="The uploaded file's name, or 'pasted text'.")
    characters: int = Field(description="Length of the input text that start/end offsets refer to.")
    sentences: list[DocumentSentence]
    sections: list[DocumentSection]


class SummarizeResponse(BaseModel):
    summary: SummaryOut  # type: ignore[valid-type]
    document: DocumentOut
    seconds: float = Field(description="Time spent reading and summarizing, in seconds.")


class MethodOut(BaseModel):
    name: str
    description: str
    params: dict[str, Any]


class MethodsResponse(BaseModel):
    default: str = Field(description="The method auto stands for.")
    methods: list[MethodOut]


class HealthResponse(BaseModel):
    status: Literal["ok"]
    version: str


class ErrorResponse(BaseModel):
    status: int
    error: str = Field(
        description="A stable short name: bad_input, too_large, unsupported_type, invalid_request, busy, timeout ..."
    )
    message: str = Field(description="What is wrong, in one line.")
    details: list[Any] | None = None


# The multipart form of POST /api/summarize, for the OpenAPI document (FastAPI cannot declare a
# JSON body and a form on one route, so the route reads the body itself and these describe it).
UPLOAD_FORM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary", "description": "A .txt, record or .pdf file (PDF needs synopsis[pdf])."},
        "method": {"type": "string", "default": "auto"},
        "words": {"type": "integer", "minimum": 1},
        "sentences": {"type": "integer", "minimum": 1},
        "title": {"type": "string"},
        "abstract": {"type": "string"},
        "encoding": {"type": "string", "description": "The text file's encoding when not UTF-8 (e.g. cp1252); never guessed."},
        "lang": {"type": "string", "default": "auto", "description": LANG_DESCRIPTION},
    },
}


class UploadFields(BaseModel):
    """The form fields that may come with an uploaded file (validated like the JSON body)."""

    model_config = ConfigDict(extra="forbid")

    method: str = "auto"
    words: int | None = Field(None, ge=1, le=MAX_BUDGET)
    sentences: int | None = Field(None, ge=1, le=MAX_BUDGET)
    title: str = ""
    abstract: str = ""
    encoding: str | None = None
    lang: str = "auto"
