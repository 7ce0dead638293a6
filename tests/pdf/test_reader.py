"""The PDF reader's errors depend on the file alone, not on what was read before it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import Page, build, zero_page_pdf
from synopsis.errors import InputError
from synopsis.ingest import read_articles


def test_an_error_message_does_not_carry_over_from_the_file_before(tmp_path: Path) -> None:
    # PDFium leaves its last error code set: after an encrypted file, an empty page tree was
    # reported as encrypted too.
    page = Page()
    page.text(72, 60, "A Title Of A Test Article")
    (tmp_path / "encrypted.pdf").write_bytes(build([page], encrypt="secret"))
    (tmp_path / "zero.pdf").write_bytes(zero_page_pdf())
    messages = {}
    for order in (("encrypted", "zero"), ("zero", "encrypted")):
        for name in order:
            (item,) = read_articles(str(tmp_path / f"{name}.pdf"))
            assert isinstance(item, InputError)
            messages.setdefault(name, set()).add(item.message)
    assert [len(found) for found in messages.values()] == [1, 1]
    assert "encrypted" in messages["encrypted"].pop() and "no pages" in messages["zero"].pop()
