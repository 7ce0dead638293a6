"""The trained sentence scorer: gradient-boosted trees over per-sentence features.

The model ships inside the package as plain JSON (`synopsis/data/supervised.json`): feature names,
a word lexicon, a phrase model, the trees as flat arrays and a blend weight. Loading it executes
nothing (no pickle), and prediction is dictionary lookups and a handful of numpy gathers over all
trees at once, so the method needs neither LightGBM nor scikit-learn at run time. `synopsis train`
(synopsis.train) makes the file.

A sentence's score is the trees' output plus `blend` times the `structured` score, both
standardised over the document's candidates: the trees learn what the hand-set weights miss, and
the ensemble generalises to an unseen field better than either alone (docs/model-card.md).

The same file carries the summary reranker (`scorers.summary.Reranker`) of `--method reranked`,
the default: the same sentence scores, then the best-ranked combination of the top sentences
instead of greedy selection. With its bigram model (`scorers.bigrams`) it beat `supervised` under
leave-one-source-out on ROUGE-1 and ROUGE-2 at 100, 200 and 300 words (docs/model-card.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import MethodError
from ..features import Features
from ..select import Selection
from ..types import SECTION_KINDS, Budget, Document
from .json_numbers import format_problem, read_number, read_numbers
from .phrases import PhraseModel
from .pieces import document_pieces
from .registry import METHODS, get_method, register
from .structure import STRUCTURED_WEIGHTS, graph_signal, standardise, structured_signals, weighted_sum
from .summary import Reranker
from .words import lexicon_by_column

MODEL_FORMAT = "synopsis-trees/1"
# Rows per prediction block: 2,000 rows x 300 trees is 600,000 pairs, about 5 MB per working array.
PREDICT_ROWS = 2000
# Tree levels that every (row, tree) pair steps through before only the unfinished ones do: the
# shipped trees (31 leaves, up to 16 deep) have few leaves above level 6; measured best at 6 (trees
# of an 8,000-word article: 6.0 -> 2.0 ms; 4: 3.0, 8: 2.4, all 16: 4.0).
ALL_PAIRS_LEVELS = 6
SHIPPED_MODEL = "supervised.json"


# The `structured` method's own signals, taken as they are.
_SIGNALS = ("centrality", "title", "cues", "lead", "tail", "section_start", "section_first", "citations", "digits", "length")


def all_columns() -> list[str]:
    """Every column `sentence_features` can compute, in the order the shipped model stores them.

    A model stores the names it was trained on and gets exactly those (`TreeModel.features`), so an
    older model file that reads a column the default no longer trains on still works."""
    return [
        *_SIGNALS,
        *(f"kind_{kind}" for kind in SECTION_KINDS),
        "position",
        "log_index",
        "log_sentences",
        "words",
        "has_title",
        "section_order",
        "paragraph_first",
        "centroid_raw",
        "title_raw",
        "max_similarity",
        "to_introduction",
        "to_conclusion",
        "textrank",
        "pacsum",
        "hiporank",
        "structured",
        "lexicon_mean",
        "lexicon_max",
        "phrases",
    ]


# Columns `synopsis train` no longer fits trees on: measured under leave-one-source-out to cost
# nothing (benchmarks/results/train_cv_columns31.txt; docs/model-card.md, "Columns dropped"), and
# together they took about 0.8 ms per 5,000-word article to compute.
DROPPED_COLUMNS: frozenset[str] = frozenset({"textrank", "pacsum"})


# Columns learned from English words: outside English each takes its "no evidence" value
# (`TreeModel.without_english_features`), so every model must hold them (`TreeModel.from_json`).
ENGLISH_ONLY_COLUMNS = ("lexicon_mean", "lexicon_max", "phrases")


def feature_names() -> list[str]:
    """Names of the columns a model trained by this version reads, in order (stored with every model)."""
    return [name for name in all_columns() if name not in DROPPED_COLUMNS]


def sentence_features(
    doc: Document,
    features: Features,
    lexicon: dict[str, float],
    phrases: PhraseModel | None = None,
    names: Sequence[str] | None = None,
) -> NDArray[np.float64]:
    """One row per sentence, columns `names` (default `feature_names()`); the same code serves
    training and use. Only the columns asked for are computed: the graph rankings cost most.

    Without a phrase model the `phrases` column is 0 (training fills it with out-of-fold predictions).
    """
    names = list(names) if names is not None else feature_names()
    wanted = set(names)
    n = features.n
    signals = structured_signals(doc, features)
    if wanted & {"hiporank", "structured"}:  # computed once: a feature and part of `structured`
        signals["hiporank"] = graph_signal("hiporank", doc, features)
    kinds = np.eye(len(SECTION_KINDS))[features.section_kind] if n else np.zeros((0, len(SECTION_KINDS)))
    paragraph = np.fromiter((s.paragraph for s in doc.sentences), dtype=np.int64, count=n)
    paragraph_first = np.r_[True, paragraph[1:] != paragraph[:-1]] if n else np.zeros(0, bool)
    section_rank = np.unique(features.section, return_inverse=True)[1] if n else np.zeros(0, np.int64)
    sections = max(1, int(section_rank.max()) + 1) if n else 1
    lexicon_mean, lexicon_max = _lexicon_scores(features, lexicon)
    # Columns by name, stacked in `names` order below: a column can only land where its name says.
    columns: dict[str, NDArray[np.float64]] = {
        **{name: signals[name] for name in _SIGNALS},
        **{f"kind_{kind}": kinds[:, k] for k, kind in enumerate(SECTION_KINDS)},
        "position": features.position,
        "log_index": np.log1p(np.arange(n)),
        "log_sentences": np.full(n, np.log1p(n)),
        "words": features.words.astype(np.float64),
        "has_title": np.full(n, 1.0 if doc.title else 0.0),
        "section_order": section_rank / max(1, sections - 1),
        "paragraph_first": paragraph_first.astype(np.float64),
        "centroid_raw": features.centroid_similarity,
        "title_raw": features.similarity_to(doc.title) if doc.title else np.zeros(n),
        "max_similarity": features.max_similarity,
        "to_introduction": _similarity_to_kind(features, SECTION_KINDS.index("introduction")),
        "to_conclusion": _similarity_to_kind(features, SECTION_KINDS.index("conclusion")),
        "lexicon_mean": lexicon_mean,
        "lexicon_max": lexicon_max,
        "phrases": _phrase_scores(doc, features, phrases) if phrases is not None else np.zeros(n),
    }
    # The costly ones only when asked for, with the settings their own methods are registered with.
    costly: dict[str, Callable[[], NDArray[np.float64]]] = {
        "textrank": lambda: graph_signal("textrank", doc, features),
        "pacsum": lambda: graph_signal("pacsum", doc, features),
        "hiporank": lambda: signals["hiporank"],
        "structured": lambda: weighted_sum(signals, STRUCTURED_WEIGHTS, doc, features),
    }
    columns.update({name: make() for name, make in costly.items() if name in wanted})
    if (known := set(columns) | set(costly)) != set(all_columns()):  # a column added here but not named there (or the reverse)
        raise AssertionError(f"feature columns differ from all_columns(): {sorted(known ^ set(all_columns()))}")
    if unknown := wanted - set(columns):
        raise MethodError(f"no feature column named {sorted(unknown)}")
    return np.column_stack([columns[name] for name in names]) if n else np.zeros((0, len(names)))


def _phrase_scores(doc: Document, features: Features, phrases: PhraseModel) -> NDArray[np.float64]:
    """The phrase model's prediction per sentence, from the sentences' word pieces that the bigram
    model of the reranker reads too (`scorers.pieces`: cut once per document)."""
    return phrases.predict([s.text for s in doc.sentences], features.language, document_pieces(doc, features))


def _similarity_to_kind(features: Features, kind: int) -> NDArray[np.float64]:
    """Cosine of each sentence to the centroid of the sections of one role (0 when there are none)."""
    rows = np.flatnonzero(features.section_kind == kind)
    if rows.size == 0:
        return np.zeros(features.n)
    center = np.asarray(features.tfidf[rows].sum(axis=0)).ravel()
    norm = np.linalg.norm(center)
    return np.asarray(features.tfidf @ (center / norm)).ravel() if norm > 0 else np.zeros(features.n)


def _lexicon_scores(features: Features, lexicon: dict[str, float]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Mean and max of the words' abstract-vs-body log-odds (learned in training) per sentence."""
    if not lexicon or features.n == 0:
        return np.zeros(features.n), np.zeros(features.n)
    weights = lexicon_by_column(features, lexicon)
    counts = features.counts
    lengths = np.diff(counts.indptr)
    filled = np.flatnonzero(lengths)
    totals = np.zeros(features.n)
    maximum = np.zeros(features.n)
    if filled.size:
        # Row sums of whole counts (exact in any order), and each row's largest weight, as scipy's
        # sparse max has it: with the implicit 0 of a row that lacks some term (every row but one
        # holding the whole vocabulary). In numpy over the stored entries: no sparse copies.
        starts = counts.indptr[filled]
        totals[filled] = np.add.reduceat(counts.data, starts)
        maximum[filled] = np.maximum.reduceat(weights[counts.indices], starts)
        maximum[lengths < counts.shape[1]] = np.maximum(maximum[lengths < counts.shape[1]], 0.0)
    mean = np.asarray(counts @ weights).ravel() / np.maximum(totals, 1.0)
    return mean, maximum


@dataclass(frozen=True)
class TreeModel:
    """Additive trees in flat arrays: node i of all trees lives at row i of each array.

    A leaf has `feature == -1` and its output in `value`; an inner node sends a row left when
    `x[feature] <= threshold`. `roots` holds the first node of each tree. `blend` is the weight of
    the standardised `structured` feature added to the standardised tree output in `score`.
    """

    features: tuple[str, ...]
    feature: NDArray[np.int64]
    threshold: NDArray[np.float64]
    left: NDArray[np.int64]
    right: NDArray[np.int64]
    value: NDArray[np.float64]
    roots: NDArray[np.int64]
    lexicon: dict[str, float]
    phrases: PhraseModel | None
    blend: float
    info: dict[str, Any]
    reranker: Reranker | None = None  # the summary-level model of `--method reranked`

    def features_of(self, doc: Document, features: Features) -> NDArray[np.float64]:
        """The feature rows this model reads (its lexicon and phrase model applied).

        Outside English the lexicon and phrase model (learned from English words) do not apply:
        those columns take the value of an English sentence none of whose words the model knows
        (lexicon 0, phrase model its intercept), so the trees read them as "no evidence".
        """
        if features.language == "en":
            return sentence_features(doc, features, self.lexicon, self.phrases, self.features)
        return self.without_english_features(sentence_features(doc, features, {}, None, self.features))

    def without_english_features(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        """`x` with the English-only columns set to their no-evidence values (see `features_of`)."""
        out = x.copy()
        for name in ENGLISH_ONLY_COLUMNS:
            no_evidence = self.phrases.intercept if name == "phrases" and self.phrases is not None else 0.0
            out[:, self.features.index(name)] = no_evidence
        return out

    def score(self, doc: Document, features: Features) -> NDArray[np.float64]:
        """Sentence scores for selection: what `--method supervised` ranks by."""
        return self.score_rows(self.features_of(doc, features), features.candidate)

    def score_rows(self, x: NDArray[np.float64], mask: NDArray[np.bool_]) -> NDArray[np.float64]:
        """Scores from feature rows (standardised over the candidates in `mask`)."""
        predicted = self.predict(x)
        if not self.blend:
            return predicted
        return standardise(predicted, mask) + self.blend * standardise(x[:, self.features.index("structured")], mask)

    def predict(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        """Sum of all trees' leaf values for every row, `PREDICT_ROWS` rows at a time (the working
        arrays hold rows x trees entries: bounded memory for any length of text)."""
        out = np.zeros(x.shape[0])
        for start in range(0, x.shape[0], PREDICT_ROWS):
            out[start : start + PREDICT_ROWS] = self._predict_block(x[start : start + PREDICT_ROWS])
        return out

    @cached_property
    def _walk(self) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.int64]]:
        """Feature, threshold and children (`[right, left]` per node, flat) in which a leaf is its
        own child (feature 0, threshold +inf): a step over every pair leaves a finished pair in place."""
        leaf = self.feature < 0
        own = np.arange(self.feature.size, dtype=np.int64)
        children = np.stack([np.where(leaf, own, self.right), np.where(leaf, own, self.left)], axis=1).ravel()
        return np.where(leaf, 0, self.feature), np.where(leaf, np.inf, self.threshold), children

    def _predict_block(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        """Every (row, tree) pair walks down at once, one numpy step per tree level. The first
        `ALL_PAIRS_LEVELS` steps take every pair (cheaper than tracking which still walk while most
        do); after them only the pairs not yet at a leaf, so the deep tail of a few trees costs little."""
        rows, columns = x.shape
        if rows == 0:
            return np.zeros(0)
        trees = self.roots.size
        node = np.tile(self.roots, rows)  # pair k is row k // trees, tree k % trees
        flat = np.ascontiguousarray(x, dtype=np.float64).ravel()
        offset = np.repeat(np.arange(rows, dtype=np.int64) * columns, trees)
        # The child is children[2 * node + go_left] (a NaN goes right, as with `<=`).
        feature, threshold, children = self._walk
        for _ in range(ALL_PAIRS_LEVELS):
            go_left = flat.take(offset + feature.take(node)) <= threshold.take(node)
            node = children.take(node + node + go_left)
        active = np.flatnonzero(self.feature.take(node) >= 0)
        while active.size:
            here = node.take(active)
            go_left = flat.take(offset.take(active) + feature.take(here)) <= threshold.take(here)
            following = children.take(here + here + go_left)
            node[active] = following
            active = active[self.feature.take(following) >= 0]
        return self.value.take(node).reshape(rows, trees).sum(axis=1)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "features": list(self.features),
            "trees": {
                "feature": self.feature.tolist(),
                "threshold": [float(f"{t:.9g}") for t in self.threshold],
                "left": self.left.tolist(),
                "right": self.right.tolist(),
                "value": [float(f"{v:.9g}") for v in self.value],
                "roots": self.roots.tolist(),
            },
            "lexicon": {k: round(v, 4) for k, v in sorted(self.lexicon.items())},
            "phrases": self.phrases.to_json() if self.phrases is not None else None,
            "blend": self.blend,
            "info": self.info,
            **({"reranker": self.reranker.to_json()} if self.reranker is not None else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TreeModel:
        if data.get("format") != MODEL_FORMAT:
            raise MethodError(format_problem(data.get("format"), MODEL_FORMAT, "model file"))
        names = [str(name) for name in data["features"]]
        if not set(names) <= set(all_columns()) or len(set(names)) != len(names):
            raise MethodError("the model was trained on other features than this version computes; retrain it")
        # Columns scoring reads by name whatever the trees use: the English-only ones (set to "no
        # evidence" outside English) and `structured` when it is blended in.
        needed = set(ENGLISH_ONLY_COLUMNS) | ({"structured"} if data.get("blend") else set())
        if missing := sorted(needed - set(names)):
            raise MethodError(f"the model lacks the feature columns {missing} that scoring reads; retrain it")
        trees = data["trees"]
        _check_trees(trees, len(names))
        lexicon = {str(k): float(v) for k, v in data.get("lexicon", {}).items()}
        read_numbers(list(lexicon.values()), "the lexicon", len(lexicon))  # all finite
        return cls(
            features=tuple(names),
            feature=np.asarray(trees["feature"], dtype=np.int64),
            threshold=np.asarray(trees["threshold"], dtype=np.float64),
            left=np.asarray(trees["left"], dtype=np.int64),
            right=np.asarray(trees["right"], dtype=np.int64),
            value=np.asarray(trees["value"], dtype=np.float64),
            roots=np.asarray(trees["roots"], dtype=np.int64),
            lexicon=lexicon,
            phrases=PhraseModel.from_json(data["phrases"]) if data.get("phrases") else None,
            blend=read_number(data.get("blend", 0.0), "the blend"),
            info=dict(data.get("info", {})),
            reranker=Reranker.from_json(data["reranker"]) if data.get("reranker") else None,
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), separators=(",", ":")), encoding="utf-8")


def _check_trees(trees: dict[str, Any], features: int) -> None:
    """Refuse flat tree arrays that would index outside themselves or loop when predicting (a
    damaged or hand-edited file), so a bad model fails on loading with a reason, not with an
    IndexError, or a summary that never ends, later. `synopsis train` stores every tree with each
    node before its children (`train.from_lightgbm`), so a child at or before its parent is a loop."""
    nodes = len(trees["feature"])
    if any(len(trees[key]) != nodes for key in ("threshold", "left", "right", "value")):
        raise ValueError("its tree arrays differ in length")
    feature = np.asarray(trees["feature"], dtype=np.int64)
    inner = np.flatnonzero(feature >= 0)
    children = np.asarray([trees["left"], trees["right"]], dtype=np.int64)[:, inner]
    roots = np.asarray(trees["roots"], dtype=np.int64)
    if (
        feature.max(initial=-1) >= features
        or (children.size and (children.min() < 0 or children.max() >= nodes))
        or roots.size == 0
        or roots.min() < 0
        or roots.max() >= nodes
    ):
        raise ValueError("a tree points outside its arrays")
    if (children <= inner).any():
        raise ValueError("a tree node points back to an earlier node (a loop, or into another tree)")
    if not np.isfinite(np.asarray(trees["value"], dtype=np.float64)).all():
        raise ValueError("a tree has a leaf value that is not a finite number")
    if not np.isfinite(np.asarray(trees["threshold"], dtype=np.float64)[inner]).all():
        raise ValueError("a tree has a threshold that is not a finite number")


def load_model(path: str | Path | None = None) -> TreeModel:
    """A model file, or the one shipped in the package when `path` is None. Any file that is not a
    whole model of this version is a `MethodError` naming it: a user's model is an input like any other."""
    if path is None:
        return _shipped_model()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as err:  # RecursionError: nested deeper than json reads
        raise MethodError(f"cannot read model {path}: {getattr(err, 'strerror', None) or err}") from None
    if not isinstance(data, dict):
        raise MethodError(f"{path} is not a synopsis model file (JSON {type(data).__name__}, not an object)")
    try:
        return TreeModel.from_json(data)
    except MethodError as err:
        raise MethodError(f"{path}: {err}") from None
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as err:
        raise MethodError(f"{path} is not a whole synopsis model file ({type(err).__name__}: {err})") from None


def _resolved(method: str) -> set[str]:
    """The registered methods `method` stands for: `auto` stands for one in English, another elsewhere."""
    return {get_method(method, language=language).name for language in ("en", "")}


def takes_model(method: str) -> bool:
    """Whether `method` scores with a trained model file (every method it stands for does); False
    for names that are no registered method (evaluate's oracle)."""
    try:
        return all("model" in METHODS[name].params for name in _resolved(method))
    except MethodError:
        return False


def params_for(method: str, model: str) -> tuple[tuple[str, str], ...]:
    """The scorer parameters that give `method` a model file already checked (`model_params`), for
    a front end that runs several methods with one model: none for a method that uses no model, or
    when `model` is "" (the shipped one)."""
    return (("model", model),) if model and takes_model(method) else ()


def model_params(path: str | None, method: str) -> tuple[tuple[str, str], ...]:
    """The scorer parameters that make `method` use the model file at `path` instead of the shipped
    one: checked now (readable, of this version, holding the reranker the method needs), so a run
    fails before its first document, not on each. The path is made absolute so that workers of any
    front end (batch processes, Dask, the server) read the same file. No path: no parameters."""
    if not path:
        return ()
    names = _resolved(method)
    if not takes_model(method):
        takes = sorted(name for name, known in METHODS.items() if "model" in known.params)
        raise MethodError(f"method {method!r} uses no trained model; a model file is for: auto, {', '.join(takes)}")
    resolved = str(Path(path).resolve())
    trees = _model_at(resolved)
    if trees.reranker is None and any(METHODS[name].choose is not None for name in names):
        raise MethodError(
            f"{path} has no summary reranker, which method {method!r} needs (for English); use method supervised, "
            "or retrain it with this version's `synopsis train`"
        )
    return (("model", resolved),)


def has_reranker(path: str) -> bool:
    """Whether the model file at `path` (checked by `model_params`) holds the summary reranker that
    `reranked`, and `auto` in English, need: a front end serving every method with one model (the
    server) checks it once, at start, and serves the others with a model that lacks it."""
    return _model_at(path).reranker is not None


@cache
def _shipped_model() -> TreeModel:
    resource = resources.files("synopsis") / "data" / SHIPPED_MODEL
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MethodError("the supervised model is missing from this installation; run `synopsis train`") from None
    return TreeModel.from_json(data)


def _model_at(path: str) -> TreeModel:
    """The model file at `path`, loaded once per file: a relative path is taken from the current
    folder at each call, so a later `chdir` reads the file it now names, not the one cached."""
    return _model_file(str(Path(path).resolve()))


@cache
def _model_file(path: str) -> TreeModel:
    return load_model(path)


@register(
    "supervised",
    description="Trees trained on abstracts + the structured score, greedy selection; model shipped in the package.",
    selection={"redundancy": 0.5},
    params={"model": ""},
)
def supervised(doc: Document, features: Features, /, *, model: str) -> NDArray[np.float64]:
    trees = _model_at(model) if model else _shipped_model()
    return trees.score(doc, features)


def _rerank(doc: Document, features: Features, scores: NDArray[np.float64], budget: Budget, /, *, model: str) -> Selection:
    """`reranked`'s selection: the model's summary-level reranker over candidate combinations."""
    trees = _model_at(model) if model else _shipped_model()
    if trees.reranker is None:
        raise MethodError("this model has no summary reranker; retrain it with this version's `synopsis train`")
    lexicon = trees.lexicon if features.language == "en" else {}  # English words: no evidence elsewhere
    return trees.reranker.choose(doc, features, scores, budget, trees.phrases, lexicon)


@register(
    "reranked",
    description=(
        "Default: the supervised scores, then a trained reranker picks the best combination of the top sentences"
        " (the budget it leaves filled greedily)."
    ),
    selection={"redundancy": 0.5},
    params={"model": ""},
    choose=_rerank,
)
def reranked(doc: Document, features: Features, /, *, model: str) -> NDArray[np.float64]:
    trees = _model_at(model) if model else _shipped_model()
    return trees.score(doc, features)
