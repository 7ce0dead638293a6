"""Turn a POST /api/summarize request into a `Job`, refusing bad requests before any work is queued.

JSON bodies carry pasted text; multipart bodies carry one file. Status codes: 400 for a body that
cannot be read (not JSON, broken multipart), 413 for too much text, 415 for any other content type,
422 for fields that do not validate (unknown method, words < 1, unknown field, a field given twice,
no file, more than one file).
"""

from __future__ import annotations

import codecs
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from python_multipart.multipart import parse_options_header  # what Starlette's form parser reads it with
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.types import Message, Receive

from ..checks import encoding_problem
from ..errors import InputError, MethodError
from ..ingest.jsonl import too_many_values
from ..language import check_lang_option
from ..scorers import usable_method
from ..sizes import over_limit
from .errors import ApiError, validation_message
from .job import Job
from .limits import Limits
from .schemas import MAX_BUDGET, SummarizeRequest, UploadFields

JSON_TYPES = ("application/json",)
FORM_TYPE = "multipart/form-data"
# Parsing a few kilobytes of JSON is faster than handing it to a thread; a long paper is not.
PARSE_IN_THREAD_BYTES = 256 * 1024
# A form has one file and a few fields; more is refused while parsing, before it is spooled.
MAX_FORM_FIELDS = 20
ONE_FILE = "only one file may be uploaded, in the field 'file'"


async def read_job(request: Request, limits: Limits) -> Job:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type in JSON_TYPES or media_type.endswith("+json"):
        return await _from_json(request, limits)
    if media_type == FORM_TYPE:
        return await _from_form(request, limits)
    shown = media_type or "no Content-Type"
    raise ApiError(
        415,
        f'unsupported content type ({shown}): send application/json like {{"text": ..., "method": "auto", "words": 200}}, '
        "or multipart/form-data with a file field",
    )


async def _from_json(request: Request, limits: Limits) -> Job:
    body = await request.body()
    if not body.strip():
        raise ApiError(400, 'the request body is empty; send JSON like {"text": "..."}')
    try:
        data = await run_in_threadpool(_parse_json, body) if len(body) > PARSE_IN_THREAD_BYTES else _parse_json(body)
    except _Twice as err:
        raise twice(err.name) from None
    except _TooManyValues:
        raise ApiError(
            422,
            f"the JSON body is not one request: it holds over {MAX_JSON_VALUES:,} values (commas outside its strings),"
            ' where a request is one object of a few fields like {"text": "...", "words": 200}',
        ) from None
    except UnicodeDecodeError as err:
        raise not_utf8(err, body) from None
    except ValueError as err:
        raise ApiError(400, f"the request body is not valid JSON ({err})") from None
    except RecursionError:  # json recurses once per [ or {; what a client sends must not make a 500
        raise ApiError(400, "the request body is not valid JSON (it is nested too deeply to read)") from None
    if not isinstance(data, dict):
        raise ApiError(422, f'the JSON body must be an object like {{"text": "..."}}, not {type(data).__name__}')
    if "text" not in data and isinstance(data.get("full_text"), str):
        # A corpus line sent as it is: "text: Field required; full_text: Extra inputs are not permitted" left the fix to guess.
        message = 'required: the article\'s text goes in "text" (this body has "full_text", the name of the JSONL field)'
        raise ApiError(422, f"text: {message}", details=[{"loc": ["text"], "msg": message, "type": "missing"}])
    fields = _validate(SummarizeRequest, data)
    assert isinstance(fields, SummarizeRequest)
    if len(fields.text) > limits.max_text_chars:
        raise ApiError(
            413,
            f"the text is {len(fields.text):,} characters, "
            f"over the limit of {limits.max_text_chars:,} (the server's --max-text-chars)",
        )
    _check_fields_length("the text, title and abstract are", fields.text, fields.title, fields.abstract, limits=limits)
    _check_method(fields.method)
    return Job(
        method=fields.method,
        words=fields.words,
        sentences=fields.sentences,
        max_text_chars=limits.max_text_chars,
        title=fields.title,
        abstract=fields.abstract,
        text=fields.text,
        lang=_checked_lang(fields.lang),
    )


def _check_fields_length(what: str, *parts: str, limits: Limits) -> None:
    """413 when the title and abstract fields (with a pasted text) pass --max-text-chars: they are
    summarized with the text (a title is matched against its first lines), so a title of 10 million
    characters cost 24 s and 2 GB while only the text was held to the limit."""
    total = sum(map(len, parts))
    if total > limits.max_text_chars:
        raise ApiError(
            413,
            f"{what} {total:,} characters together, over the limit of {limits.max_text_chars:,} (the server's --max-text-chars)",
        )


def not_utf8(err: UnicodeDecodeError, body: bytes) -> ApiError:
    """A body that is not in the encoding JSON is read in (UTF-8, or UTF-16/32 that `json` tells
    by its NUL bytes), said as such with the byte and its offset in the body, not as Python's
    "'utf-8' codec can't decode" inside "not valid JSON": the client's fix is to send UTF-8."""
    offset = err.start + (len(codecs.BOM_UTF8) if body.startswith(codecs.BOM_UTF8) else 0)  # utf-8-sig counts after it
    byte = f"byte 0x{body[offset]:02x} at offset {offset}" if offset < len(body) else f"it ends inside a character ({err.reason})"
    return ApiError(400, f"the request body is not valid {err.encoding.upper()} ({byte}): JSON must be sent as UTF-8")


class _Twice(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


# A request is one object of a few fields. json builds every value of a body before any field is
# checked, in the server process, which has no memory cap (the workers have): 25 MB of `{},` took
# ~600 MB and 15 s there. So a body with more commas between values than this is refused unread;
# nesting without commas stops at json's recursion limit, so the values json may build stay few.
MAX_JSON_VALUES = 100


class _TooManyValues(ValueError):
    pass


def _too_many_values(body: str) -> bool:
    """Whether `body` has over MAX_JSON_VALUES commas outside its strings (a paper's own commas are
    inside its text): `too_many_values`, which JSONL lines go through too."""
    return too_many_values(body, MAX_JSON_VALUES)


def _parse_json(body: bytes) -> Any:
    text = body.decode(json.detect_encoding(body), "surrogatepass")  # as json.loads decodes bytes
    if _too_many_values(text):
        raise _TooManyValues()
    return json.loads(text, object_pairs_hook=_once)


def _once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different: json.loads keeps the last of a repeated key."""
    repeated = _first_repeated(key for key, _ in pairs)
    if repeated is not None:
        raise _Twice(repeated)
    return dict(pairs)


def _first_repeated(names: Iterable[str]) -> str | None:
    """The first name given more than once (a JSON key, a form field), or None."""
    return next((name for name, count in Counter(names).items() if count > 1), None)


def twice(name: str) -> ApiError:
    """A field given twice (`words=12` then `words=50`): the server would have to guess which one
    the client meant, and taking the last one silently summarized to a budget nobody checked."""
    message = "is given more than once; send each field once"
    return ApiError(422, f"{name}: {message}", details=[{"loc": [name], "msg": message, "type": "duplicate_field"}])


# Content types of file parts whose `charset` names no text encoding.
NO_TEXT_TYPES = frozenset({"application/pdf", "application/octet-stream", "application/gzip", "application/x-gzip"})


def file_charset(upload: UploadFile) -> str | None:
    """The `charset` of the file part's own Content-Type (`text/plain; charset=cp1252`), which an
    HTTP client may set instead of our encoding field; refused (422) when no codec has that name.
    Not for a part that is no text: `file --mime` and PHP's finfo label a PDF `application/pdf;
    charset=binary`, which names no encoding (the PDF, or a sniffed format, decides)."""
    kind, options = parse_options_header(upload.headers.get("content-type", ""))
    charset = options.get(b"charset", b"").decode("latin-1").strip()
    if not charset or charset.lower() == "binary" or kind.decode("latin-1").lower() in NO_TEXT_TYPES:
        return None
    try:
        codecs.lookup(charset)
    except LookupError:
        message = (
            f"the charset of its part's Content-Type ({charset}) is no encoding this server knows;"
            " name the file's encoding in the encoding field (e.g. cp1252)"
        )
        raise ApiError(422, f"file: {message}", details=[{"loc": ["file"], "msg": message, "type": "unknown_charset"}]) from None
    return charset


async def _from_form(request: Request, limits: Limits) -> Job:
    form = await _read_form(request)
    try:
        upload = form.get("file")
        repeated = _first_repeated(key for key, _ in form.multi_items())
        if repeated is not None:
            raise twice(repeated)
        # An HTML form sends a field left blank as ""; that means "not given", as in JSON.
        values = {key: value for key, value in form.multi_items() if key != "file" and value != ""}
        non_text = [key for key, value in values.items() if not isinstance(value, str)]
        if non_text:
            raise ApiError(422, f"{ONE_FILE} (got a file in {', '.join(non_text)})")
        if not isinstance(upload, UploadFile):
            raise ApiError(
                422,
                "file: a multipart request needs the article in a file field named 'file'"
                if upload is None
                else "file: must be a file upload, not a text field (send pasted text as JSON)",
            )
        fields = _validate(UploadFields, values)
        assert isinstance(fields, UploadFields)
        _check_fields_length("the title and abstract fields are", fields.title, fields.abstract, limits=limits)
        _check_method(fields.method)
        lang = _checked_lang(fields.lang)
        _check_encoding(fields.encoding)
        # A named encoding field wins over the part's charset: it is what the user typed.
        charset = None if fields.encoding else file_charset(upload)
        data = await upload.read()
    finally:
        await form.close()
    if len(data) > limits.max_upload_bytes:
        raise ApiError(
            413,
            f"the file is {over_limit(len(data), limits.max_upload_bytes)} (the server's --max-upload-mb)",
        )
    return Job(
        method=fields.method,
        words=fields.words,
        sentences=fields.sentences,
        max_text_chars=limits.max_text_chars,
        title=fields.title,
        abstract=fields.abstract,
        data=data,
        filename=upload.filename or "upload",
        encoding=fields.encoding or charset,
        charset=charset is not None,
        lang=lang,
    )


async def _read_form(request: Request) -> FormData:
    """The multipart form, parsed up to one file: a second file is a 422 in our words (Starlette
    stops at it with a 400 of its own), as for every other field that does not validate. A body
    cut short (no closing boundary: an upload interrupted, a client's bug) is a 400 saying so:
    the parser keeps the parts before the cut and drops the one cut, so it read as "no file"."""
    boundary = parse_options_header(request.headers.get("content-type", ""))[1].get(b"boundary")
    tail = _Tail(request.receive, b"--" + boundary + b"--" if boundary else None)
    try:
        form = await Request(request.scope, tail).form(max_files=1, max_fields=MAX_FORM_FIELDS)
    except StarletteHTTPException as err:
        if err.status_code == 400 and str(err.detail).startswith("Too many files"):
            message = f"{ONE_FILE} (this request has more than one)"
            details = [{"loc": ["file"], "msg": message, "type": "too_many_files"}]
            raise ApiError(422, f"file: {message}", details=details) from None
        raise
    if boundary and not tail.closed:
        await form.close()
        raise ApiError(
            400,
            f"the multipart body ends after {tail.size:,} bytes without its closing boundary (--{boundary.decode('latin-1')}--):"
            " it was cut short; send the whole form again",
        )
    return form


class _Tail:
    """A request's `receive` that watches the body for the closing boundary `marker` (seen anywhere,
    also before an epilogue and across chunks) and counts the bytes, without holding the body."""

    def __init__(self, receive: Receive, marker: bytes | None) -> None:
        self.receive = receive
        self.marker = marker
        self.closed = False
        self.window = b""  # the last bytes of the body read, fewer than the marker: one may span chunks
        self.size = 0

    async def __call__(self) -> Message:
        message = await self.receive()
        if message["type"] == "http.request":
            chunk = message.get("body", b"")
            self.size += len(chunk)
            if self.marker and not self.closed:
                seen = self.window + chunk
                self.closed = self.marker in seen
                self.window = seen[len(seen) - len(self.marker) + 1 :] if len(seen) >= len(self.marker) else seen
        return message


def _validate(model: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        found = json.loads(err.json(include_input=False, include_context=False, include_url=False))
        details = [_budget_cap_worded(item) for item in found]
        raise ApiError(422, validation_message(details), details=details) from None


# The server's cap on a budget, said as the limit per request it is (as the text's length is):
# pydantic's "Input should be less than or equal to 100000" read as if budgets had a maximum.
BUDGET_CAP = (
    f"must be at most {MAX_BUDGET:,} on the server, a limit per request (as the text's length is):"
    " a budget that takes thousands of sentences costs time with each one; the CLI has no such limit"
)


def _budget_cap_worded(item: dict[str, Any]) -> dict[str, Any]:
    if item.get("type") == "less_than_equal" and list(item.get("loc", ()))[-1:] in (["words"], ["sentences"]):
        return {**item, "msg": BUDGET_CAP}
    return item


def _checked_lang(value: str) -> str:
    try:
        return check_lang_option(value)
    except InputError as err:
        raise ApiError(
            422, f"lang: {err.message}", details=[{"loc": ["lang"], "msg": err.message, "type": "unknown_language"}]
        ) from None


def _check_method(name: str) -> None:
    try:
        usable_method(name)
    except MethodError as err:
        raise ApiError(422, f"method: {err}", details=[{"loc": ["method"], "msg": str(err), "type": "unknown_method"}]) from None


def _check_encoding(value: str | None) -> None:
    """A field that does not validate, as an unknown method or language is (422, before any work):
    it was a 400 "unknown encoding" from the worker, as if the file were wrong."""
    problem = None if value is None else encoding_problem(value)
    if problem:
        raise ApiError(422, f"encoding: {problem}", details=[{"loc": ["encoding"], "msg": problem, "type": "unknown_encoding"}])
