"""Train the supervised sentence scorer (`synopsis train`), reproducibly, on a laptop CPU.

Labels come from the author abstracts: how many of the abstract's bigrams a sentence contains *per
word of budget it costs* (a summary has 200 words to spend, so a long sentence must earn its length),
scaled to the document's best sentence, plus a bonus for the sentences a greedy ROUGE oracle picks.
In cross-validation this density label beat each sentence's plain ROUGE-2 F1 (which favours long
sentences), ROUGE-1 + ROUGE-2, oracle-only and LambdaRank labels (docs/model-card.md). Features are
those of `scorers.learned.sentence_features`, including a word lexicon (how much more often a stem
appears in abstracts than in bodies) and a phrase model (ridge regression of the label on a
sentence's unigrams and bigrams, scikit-learn) learned from the training documents only; the trees
see the phrase model's out-of-fold predictions, so they learn how far to trust it on documents it
was not fitted to. The model is
LightGBM's gradient-boosted regression trees with a fixed seed on one thread (deterministic),
exported to the plain JSON format that `scorers.learned` reads; LightGBM and scikit-learn are
needed only here (`pip install "synopsis[train]"`).

The same file carries the summary reranker of `--method reranked` (`scorers.summary`): a ridge
regression that ranks each document's candidate summaries (`combinations`) by their mean ROUGE-1/2
F1 against the abstract, trained on sentence scores from trees fitted on the *other half* of the
documents, so that it learns how far the scores can be trusted on unseen documents.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .combinations import Candidates, candidate_summaries, filled
from .evaluate.oracle import _count as count_ngrams
from .evaluate.oracle import _f1 as rouge_f1
from .evaluate.oracle import greedy_oracle, sentence_rouge
from .evaluate.reference import NO_REFERENCE, reference_text
from .features import Features, compute_features, stem_all, tokenize
from .language import ENGLISH
from .pipeline import build_document
from .scipy_sparse import sparse
from .scorers.bigrams import BIGRAM_C, NEGATIVES_PER_POSITIVE, ExpectedBigrams, expected_bigrams, fit_bigram_model
from .scorers.json_numbers import stored
from .scorers.learned import TreeModel, feature_names, sentence_features
from .scorers.phrases import PhraseModel, phrase_grams, phrase_norm
from .scorers.summary import Reranker, reranker_scores, summary_feature_names, summary_features
from .scorers.words import NEGATIVES_PER_POSITIVE as WORD_NEGATIVES_PER_POSITIVE
from .scorers.words import WORD_C, fit_word_model, word_probabilities
from .select import REDUNDANCY_THRESHOLD, select
from .types import Article, Budget, Document

# Chosen by k-fold cross-validation on the dev corpora (benchmarks/train_cv.py); fixed seed and one
# thread make the trees identical on every run.
LIGHTGBM_PARAMS: dict[str, Any] = {
    "objective": "regression",
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "seed": 13,
    "deterministic": True,
    "num_threads": 1,
    "verbose": -1,
}
ROUNDS = 300
# Fewest candidate sentences trees are fitted on: LightGBM's bagging keeps 80% of the rows, none of
# one row, and then stops with a fatal error.
MIN_FIT_SENTENCES = 2
ORACLE_BONUS = 0.3
# Words added to every sentence's length in the density label: a prior that keeps two-word
# fragments with one lucky bigram from topping the ranking (5 beat 2, 10, 20 and 40 in CV).
LENGTH_PRIOR_WORDS = 5
# The model file tells the scorer to add this multiple of the standardised `structured` score to
# the standardised tree output: the ensemble beat either alone in leave-one-source-out CV.
STRUCTURED_BLEND = 1.0
# Phrase model: ridge penalty; an n-gram is used only when it occurs in at least PHRASE_MIN_COUNT
# training documents from at least PHRASE_SOURCE_SHARE of the training sources (so "we propose"
# stays and one field's jargon, "scrapie" or "the literary", does not: users bring fields we never
# saw); and how many of the largest weights ship (the rest are near zero; 0.4 MB of JSON).
PHRASE_ALPHA = 10.0
PHRASE_MIN_COUNT = 5
PHRASE_SOURCE_SHARE = 0.75
PHRASE_SIZE = 20_000
LEXICON_SIZE = 4000
LEXICON_MIN_COUNT = 5
# Summary reranker: candidates are the maximal combinations of the RERANK_TOP best sentences under
# `select`'s redundancy rule; trained on RERANK_BUDGETS pooled, at most RERANK_SAMPLE random
# candidates per document and budget (seeded), ridge penalty RERANK_ALPHA on standardised features.
RERANK_TOP = 12
RERANK_BUDGETS = (Budget(100), Budget(200), Budget(300))
RERANK_SAMPLE = 200
RERANK_ALPHA = 1.0
RERANK_REDUNDANCY = REDUNDANCY_THRESHOLD
# How much the bigram model's expected abstract bigrams per word add to the standardised sentence
# scores before the reranker draws candidates (`scorers.summary.with_bigram_density`); chosen under
# leave-one-source-out among 0, 0.25, 0.5 and 1 (docs/model-card.md).
RERANK_BIGRAM_WEIGHT = 0.5
# The same for the word model's expected abstract stems per word (`scorers.words`); chosen under
# leave-one-source-out among 0.25, 0.5, 0.75 and 1 (docs/model-card.md).
RERANK_WORD_WEIGHT = 0.5


@dataclass(frozen=True)
class Example:
    """One training document: its cleaned form, features and reference abstract."""

    doc: Document
    features: Features
    abstract: str
    source: str


@dataclass(frozen=True)
class TrainingSet:
    """Candidate sentences of all training documents: feature rows and labels."""

    x: NDArray[np.float64]
    y: NDArray[np.float64]


def prepare(
    articles: Iterable[Article],
    *,
    on_error: Callable[[str, Exception], None] | None = None,
    on_no_abstract: Callable[[str], None] | None = None,
    on_unusable_abstract: Callable[[str, str], None] | None = None,
) -> list[Example]:
    """Clean and segment the articles that have an abstract; skip the others, telling `on_error`
    (a document that cannot be read), `on_no_abstract` (nothing to learn from) or
    `on_unusable_abstract` (an abstract that is only a heading, or has no word ROUGE counts: the
    id and why), so that the caller can say what was left out of the model."""
    examples = []
    for article in articles:
        given = bool(article.abstract.strip())
        try:
            doc = build_document(article)
        except Exception as err:  # a bad training document must not end a long run
            if not given:  # nothing to learn from either way: said as before, with the others
                if on_no_abstract:
                    on_no_abstract(article.id)
            elif on_error:
                on_error(article.id, err)
            continue
        # Where no abstract is given, the one under an "Abstract" heading in the text, as
        # `summarize` finds it (keeping its sentences out of the candidates) and `evaluate` scores
        # against it: a plain-text paper trains as its PDF would.
        abstract = article.abstract if given else doc.abstract if doc.meta.get("abstract_from_text") else ""
        # Read as `evaluate` reads it (one function): without a heading line ("Abstract",
        # "Summary", "Résumé"), which no sentence of the body holds; one that is only a heading or
        # has no word ROUGE counts teaches nothing. Was: kept as given, heading and all.
        abstract, unusable = reference_text(abstract, str(doc.meta.get("language", ENGLISH)))
        if unusable == NO_REFERENCE:
            if on_no_abstract:
                on_no_abstract(article.id)
            continue
        if unusable:  # a reference, not the document, is what fails: skipped as a missing abstract is
            if on_unusable_abstract:
                on_unusable_abstract(article.id, unusable)
            continue
        source = str(article.meta.get("source") or article.meta.get("domain") or article.meta.get("input") or "")
        examples.append(Example(doc, compute_features(doc), abstract, source))
    return examples


def learn_lexicon(examples: Sequence[Example], size: int = LEXICON_SIZE) -> dict[str, float]:
    """Smoothed log-odds of each stem in abstracts versus bodies, the `size` most extreme kept.

    Words authors use to announce and summarise ("propose", "suggest", "novel") come out positive,
    words of methods detail and tables negative; it is field-independent enough to help on fields
    the model never saw (checked by leave-one-source-out).
    """
    in_abstracts: Counter[str] = Counter()
    in_bodies: Counter[str] = Counter()
    for example in examples:
        in_abstracts.update(set(stem_all([tokenize(example.abstract)])[0]))
        in_bodies.update(example.features.vocabulary.keys())  # the stems, once per document
    documents = max(1, len(examples))
    scores: dict[str, float] = {}
    for term in set(in_abstracts) | set(in_bodies):
        a, b = in_abstracts[term], in_bodies[term]
        if a + b < LEXICON_MIN_COUNT:
            continue
        # Share of documents whose abstract has the word, against the share whose body has it.
        scores[term] = math.log((a + 1) / (documents + 2)) - math.log((b + 1) / (documents + 2))
    kept = sorted(scores, key=lambda t: (-abs(scores[t]), t))[:size]  # ties by name: set order varies by process
    return {t: scores[t] for t in kept}


def labels(example: Example, budget: Budget) -> NDArray[np.float64]:
    """Soft label per sentence: abstract bigrams per budget word, scaled to the document's best
    sentence (so every document counts alike), plus a bonus when the greedy oracle picks it."""
    hits = sentence_rouge(example.doc, example.abstract).bigram_hits
    density = hits / (example.features.words + LENGTH_PRIOR_WORDS)
    top = density.max() if density.size else 0.0
    target = density / top if top > 0 else np.zeros_like(density)
    chosen = list(greedy_oracle(example.doc, example.abstract, budget))
    target[chosen] += ORACLE_BONUS
    return target


def fit_phrases(examples: Sequence[Example], targets: Sequence[NDArray[np.float64]]) -> PhraseModel:
    """Ridge regression of the labels on candidate sentences' normalised n-gram counts."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import Ridge

    # Each candidate sentence's n-grams, split once and shared by the vocabulary, counts and norms.
    grams = [[phrase_grams(s.text) for s in e.doc.sentences if s.candidate] for e in examples]
    y = np.concatenate([t[e.features.candidate] for e, t in zip(examples, targets, strict=True)])
    vocabulary = shared_phrases(grams, [e.source for e in examples])
    if not vocabulary:  # too few documents: the model predicts the mean label
        return PhraseModel({}, float(f"{y.mean() if y.size else 0.0:.6g}"))
    sentences = [sentence for document in grams for sentence in document]
    counts = CountVectorizer(analyzer=_already_split, vocabulary=vocabulary).fit_transform(sentences)
    norms = np.array([phrase_norm(Counter(sentence)) or 1.0 for sentence in sentences])
    ridge = Ridge(alpha=PHRASE_ALPHA, solver="sparse_cg").fit(sparse.diags(1.0 / norms) @ counts, y)
    kept = np.argsort(-np.abs(ridge.coef_), kind="stable")[:PHRASE_SIZE]
    return PhraseModel({vocabulary[j]: float(f"{ridge.coef_[j]:.5g}") for j in kept}, float(f"{ridge.intercept_:.6g}"))


def _already_split(grams: list[str]) -> list[str]:
    """CountVectorizer's analyzer for sentences given as their n-grams."""
    return grams


def shared_phrases(grams: Sequence[Sequence[list[str]]], sources: Sequence[str]) -> list[str]:
    """The n-grams the phrase model may use: common enough, and not one field's own words.

    `grams` holds each document's sentences as n-gram lists, `sources` each document's source.
    """
    documents: Counter[str] = Counter()
    seen_in: dict[str, set[str]] = {}
    for document, source in zip(grams, sources, strict=True):
        present = {g for sentence in document for g in sentence}
        documents.update(present)
        for gram in present:
            seen_in.setdefault(gram, set()).add(source)
    needed = math.ceil(PHRASE_SOURCE_SHARE * len(set(sources)))
    return sorted(g for g, n in documents.items() if n >= PHRASE_MIN_COUNT and len(seen_in[g]) >= needed)


def english(example: Example) -> bool:
    """Whether the lexicon and phrase model, learned from English words, apply to `example`
    (`TreeModel.features_of` switches them off for any other language)."""
    return example.features.language == "en"


def training_set(
    examples: Sequence[Example],
    lexicon: dict[str, float],
    targets: Sequence[NDArray[np.float64]],
    phrases: Sequence[NDArray[np.float64]],
    no_phrase_evidence: float = 0.0,
) -> TrainingSet:
    """Candidate sentences of every example, as one feature matrix and label vector; `phrases`
    holds each example's out-of-fold phrase-model predictions. An article not in English gets the
    rows it gets when scored: no lexicon, and `no_phrase_evidence` (the phrase model's intercept)."""
    xs, ys = [], []
    column = feature_names().index("phrases")
    for example, target, phrase in zip(examples, targets, phrases, strict=True):
        mask = example.features.candidate
        if not mask.any():
            continue
        x = sentence_features(example.doc, example.features, lexicon if english(example) else {})
        x[:, column] = phrase if english(example) else no_phrase_evidence
        xs.append(x[mask])
        ys.append(target[mask])
    if not xs:
        raise ValueError("no training documents with candidate sentences and an abstract")
    return TrainingSet(np.vstack(xs), np.concatenate(ys))


def out_of_fold_phrases(examples: Sequence[Example], targets: Sequence[NDArray[np.float64]]) -> list[NDArray[np.float64]]:
    """Phrase-model predictions for every English example from a model fitted on the other half of
    the English articles (alternate ones), so the trees see it as it behaves on unseen text; other
    languages get zeros (`training_set` gives them the no-evidence value). The halves alternate over
    the English articles, not over all: in a corpus alternating English and German articles, halves
    of all would put every English article in one half, and each would get no prediction."""
    english_ones = [i for i, example in enumerate(examples) if english(example)]
    halves = [english_ones[0::2], english_ones[1::2]]
    out: list[NDArray[np.float64]] = [np.zeros(0)] * len(examples)
    for train, test in ((halves[0], halves[1]), (halves[1], halves[0])):
        if not train or not test:
            continue
        model = fit_phrases([examples[i] for i in train], [targets[i] for i in train])
        for i in test:
            out[i] = model.predict([s.text for s in examples[i].doc.sentences])
    return [p if p.size else np.zeros(e.features.n) for p, e in zip(out, examples, strict=True)]


def fit(
    examples: Sequence[Example],
    *,
    rounds: int = ROUNDS,
    params: dict[str, Any] | None = None,
    info: dict[str, Any] | None = None,
    lexicon_size: int = LEXICON_SIZE,
    progress: Callable[[str], None] | None = None,
) -> TreeModel:
    """The sentence trees and the summary reranker from `examples`; deterministic for the same input.

    BLAS runs on one thread while fitting: multithreaded sums change the last bits of the ridge
    solutions, and those bits changed summaries. `progress` hears each stage as it starts (a run on
    the dev corpora takes minutes). Overflow in a sigmoid (a logit past ±709 on a degenerate corpus)
    gives the exact 0 or 1 it should and is not worth a numpy warning line.
    """
    from threadpoolctl import threadpool_limits

    say = progress or (lambda stage: None)
    with threadpool_limits(1), np.errstate(over="ignore"):
        say(f"lexicon, phrase model and {rounds} rounds of trees on all {len(examples)} articles")
        model = fit_trees(examples, rounds=rounds, params=params, info=info, lexicon_size=lexicon_size)
        say("trees on each half of the articles, for the reranker to learn how far their scores hold")
        scores, phrases = out_of_fold_scores(examples, rounds=rounds, params=params, lexicon_size=lexicon_size)
        say("bigram and word models and the summary reranker")
        return replace(model, reranker=fit_reranker(examples, scores, phrases, model.lexicon))


def fit_trees(
    examples: Sequence[Example],
    *,
    rounds: int = ROUNDS,
    params: dict[str, Any] | None = None,
    info: dict[str, Any] | None = None,
    lexicon_size: int = LEXICON_SIZE,
    targets: Sequence[NDArray[np.float64]] | None = None,
) -> TreeModel:
    """Learn the lexicon, the phrase model and the trees (the `supervised` sentence scorer).

    The lexicon and phrase model are learned from the English articles only: they are used on
    English text only, so another language's words in them would be dead weight, and the trees see
    the other articles' rows as those are scored (`training_set`). `targets` replaces `labels` (one
    array per example), for experiments with other labels (benchmarks/oreo_labels.py)."""
    import lightgbm

    if targets is None:
        targets = [labels(example, Budget()) for example in examples]
    kept = [i for i, example in enumerate(examples) if english(example)]
    lexicon = learn_lexicon([examples[i] for i in kept], lexicon_size)
    phrases = fit_phrases([examples[i] for i in kept], [targets[i] for i in kept]) if kept else PhraseModel({}, 0.0)
    oof = out_of_fold_phrases(examples, targets)
    data = training_set(examples, lexicon, targets, oof, no_phrase_evidence=phrases.intercept)
    settings = {**LIGHTGBM_PARAMS, **(params or {})}
    booster = lightgbm.train(settings, lightgbm.Dataset(data.x, data.y, feature_name=feature_names()), num_boost_round=rounds)
    model = replace(from_lightgbm(booster.dump_model(), lexicon), phrases=phrases, blend=STRUCTURED_BLEND)
    details = {
        "documents": len(examples),
        "sentences": int(data.x.shape[0]),
        "sources": dict(Counter(e.source for e in examples)),
        "rounds": rounds,
        "params": settings,
        "phrases": {
            "alpha": PHRASE_ALPHA,
            "min_documents": PHRASE_MIN_COUNT,
            "source_share": PHRASE_SOURCE_SHARE,
            "kept": PHRASE_SIZE,
        },
        "labels": (
            f"abstract bigrams per (words + {LENGTH_PRIOR_WORDS}) of each sentence, scaled to the document's best,"
            f" +{ORACLE_BONUS} if in the greedy oracle"
        ),
    }
    return replace(model, info={**details, **(info or {})})


def out_of_fold_scores(
    examples: Sequence[Example], *, rounds: int = ROUNDS, params: dict[str, Any] | None = None, lexicon_size: int = LEXICON_SIZE
) -> tuple[list[NDArray[np.float64]], list[PhraseModel | None]]:
    """Every example's sentence scores and phrase model from trees fitted on the other half of the
    examples (alternate documents): the reranker must learn how far to trust the scores on
    documents the trees never saw, not on their own training documents. A half with fewer than
    MIN_FIT_SENTENCES candidate sentences (articles of one sentence, or whose every sentence copies
    their abstract) fits no trees: a degenerate corpus makes a poor reranker, not a crash."""
    scores: list[NDArray[np.float64]] = [np.zeros(e.features.n) for e in examples]
    phrases: list[PhraseModel | None] = [None] * len(examples)
    halves = [list(range(0, len(examples), 2)), list(range(1, len(examples), 2))]
    for train, test in ((halves[0], halves[1]), (halves[1], halves[0])):
        if not train or not test or sum(int(examples[i].features.candidate.sum()) for i in train) < MIN_FIT_SENTENCES:
            continue  # too few training sentences for trees: the other half keeps scores of 0
        model = fit_trees([examples[i] for i in train], rounds=rounds, params=params, lexicon_size=lexicon_size)
        for i in test:
            scores[i] = model.score(examples[i].doc, examples[i].features)
            phrases[i] = model.phrases
    return scores, phrases


def reranker_rows(
    example: Example,
    scores: NDArray[np.float64],
    phrases: PhraseModel | None,
    budget: Budget,
    *,
    top: int,
    seed: int,
    bigrams: ExpectedBigrams | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]] | None:
    """Summary features and labels of (at most RERANK_SAMPLE of) one document's candidates under
    one budget; None when it has fewer than two candidates. The label is the candidate's mean of
    ROUGE-1 and ROUGE-2 F1 against the abstract (the evaluate protocol's metrics), once greedy
    selection has filled the words it leaves, as `Reranker.choose` does."""
    greedy = select(scores, example.features, budget, redundancy=RERANK_REDUNDANCY)
    candidates = candidate_summaries(scores, example.features, budget, top=top, redundancy=RERANK_REDUNDANCY)
    if len(candidates.members) < 2:
        return None
    if len(candidates.members) > RERANK_SAMPLE:
        keep = np.sort(np.random.default_rng(seed).choice(len(candidates.members), RERANK_SAMPLE, replace=False))
        candidates = Candidates(candidates.sentences, candidates.members[keep])
    x = summary_features(example.doc, example.features, scores, candidates, budget, phrases, greedy.indices, bigrams)
    # Labelled by what `reranked` outputs for the candidate: it filled up by greedy selection.
    r1, r2 = candidate_rouge(example, filled(candidates, scores, example.features, budget, redundancy=RERANK_REDUNDANCY))
    return x, (r1 + r2) / 2


def candidate_rouge(example: Example, candidates: Candidates) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """ROUGE-1 and ROUGE-2 F1 of every candidate against the abstract, vectorised over candidates
    (bigrams counted within sentences, as the oracle counts them: docs/evaluation.md)."""
    texts = [example.doc.sentences[i].text for i in candidates.sentences]
    members = candidates.members.astype(np.float64)
    out = []
    for counts in count_ngrams(texts, example.abstract):
        overlap = np.minimum(members @ counts.matrix.toarray(), counts.reference).sum(axis=1)
        out.append(rouge_f1(overlap, members @ counts.totals, counts.reference_total))
    return out[0], out[1]


def fit_reranker(
    examples: Sequence[Example],
    scores: Sequence[NDArray[np.float64]],
    phrases: Sequence[PhraseModel | None],
    lexicon: dict[str, float],
) -> Reranker:
    """Ridge regression of candidates' labels on their summary features, both centred per document
    and budget, so the model learns which of one document's candidates is better (a ranking), over
    the budgets in RERANK_BUDGETS pooled so that one model serves any budget.

    First the bigram model (`scorers.bigrams`) and the word model (`scorers.words`) are fitted on
    the same documents and scores (the out-of-half ones, as the reranker sees at run time); their
    expectations per word blend into the sentence scores (`reranker_scores`), and the bigram
    model's feed four columns."""
    documents = [(e.doc, e.features, s, e.abstract) for e, s in zip(examples, scores, strict=True)]
    bigram_model = fit_bigram_model(documents, lexicon)
    word_model = fit_word_model(documents, lexicon)
    xs, ys, raw = [], [], []
    for d, (example, score, phrase) in enumerate(zip(examples, scores, phrases, strict=True)):
        expected = expected_bigrams(bigram_model, example.doc, example.features, score, lexicon)
        stems = word_probabilities(word_model, example.doc, example.features, score, lexicon)
        score = reranker_scores(score, example.features, expected, RERANK_BIGRAM_WEIGHT, stems, RERANK_WORD_WEIGHT)
        for b, budget in enumerate(RERANK_BUDGETS):
            seed = d * len(RERANK_BUDGETS) + b
            rows = reranker_rows(example, score, phrase, budget, top=RERANK_TOP, seed=seed, bigrams=expected)
            if rows is None:
                continue
            x, y = rows
            raw.append(x)
            xs.append(x - x.mean(axis=0))
            ys.append(y - y.mean())
    names = tuple(summary_feature_names())
    if not xs:
        zero, one = np.zeros(len(names)), np.ones(len(names))
        return Reranker(
            names,
            zero,
            one,
            zero,
            RERANK_TOP,
            RERANK_REDUNDANCY,
            {},
            bigrams=bigram_model,
            bigram_weight=RERANK_BIGRAM_WEIGHT,
            words=word_model,
            word_weight=RERANK_WORD_WEIGHT,
        )
    everything = np.vstack(raw)
    mean = everything.mean(axis=0)
    scale = everything.std(axis=0)
    scale[scale == 0] = 1.0
    x = np.vstack(xs) / scale
    y = np.concatenate(ys)
    weights = np.linalg.solve(x.T @ x + RERANK_ALPHA * np.eye(x.shape[1]), x.T @ y)
    info = {
        "candidates": int(x.shape[0]),
        "budgets": [b.words for b in RERANK_BUDGETS],
        "alpha": RERANK_ALPHA,
        "sample": RERANK_SAMPLE,
        "labels": "mean of ROUGE-1/2 F1 of the candidate filled up by greedy selection, centred per document and budget",
        "sentence_scores": (
            f"standardised scores + {RERANK_BIGRAM_WEIGHT} x standardised expected abstract bigram types per word"
            f" + {RERANK_WORD_WEIGHT} x standardised expected abstract stems per word"
        ),
        "bigram_model": {
            "labels": "the bigram type occurs in the abstract (ROUGE tokens)",
            "negatives_per_positive": NEGATIVES_PER_POSITIVE,
            "C": BIGRAM_C,
        },
        "word_model": {
            "labels": "the stem occurs in the abstract (the features' stems)",
            "negatives_per_positive": WORD_NEGATIVES_PER_POSITIVE,
            "C": WORD_C,
        },
    }
    return Reranker(
        names,
        stored(mean),
        stored(scale),
        stored(weights),
        RERANK_TOP,
        RERANK_REDUNDANCY,
        info,
        bigrams=bigram_model,
        bigram_weight=RERANK_BIGRAM_WEIGHT,
        words=word_model,
        word_weight=RERANK_WORD_WEIGHT,
    )


def from_lightgbm(dump: dict[str, Any], lexicon: dict[str, float]) -> TreeModel:
    """Flatten LightGBM's JSON dump into the arrays `TreeModel.predict` walks."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []

    def add(node: dict[str, Any]) -> int:
        index = len(feature)
        feature.append(-1)
        threshold.append(0.0)
        left.append(-1)
        right.append(-1)
        value.append(0.0)
        if "leaf_value" in node:
            value[index] = float(node["leaf_value"])
            return index
        if node.get("decision_type", "<=") != "<=" or node.get("num_cat", 0):
            raise ValueError("only numeric '<=' splits are supported")
        feature[index] = int(node["split_feature"])
        threshold[index] = float(node["threshold"])
        left[index] = add(node["left_child"])
        right[index] = add(node["right_child"])
        return index

    for tree in dump["tree_info"]:
        roots.append(add(tree["tree_structure"]))
    return TreeModel(
        features=tuple(dump.get("feature_names") or feature_names()),
        feature=np.asarray(feature, dtype=np.int64),
        threshold=np.asarray(threshold, dtype=np.float64),
        left=np.asarray(left, dtype=np.int64),
        right=np.asarray(right, dtype=np.int64),
        value=np.asarray(value, dtype=np.float64),
        roots=np.asarray(roots, dtype=np.int64),
        lexicon=lexicon,
        phrases=None,
        blend=0.0,
        info={},
    )
