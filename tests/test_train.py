"""Training the supervised scorer: end to end, deterministic, and the JSON trees predict like LightGBM."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from synopsis.combinations import candidate_summaries
from synopsis.errors import MethodError
from synopsis.features import compute_features
from synopsis.pipeline import build_document, summarize_document
from synopsis.scorers import get_method
from synopsis.scorers.bigrams import expected_bigrams
from synopsis.scorers.learned import PhraseModel, TreeModel, feature_names, load_model
from synopsis.scorers.phrases import phrase_grams
from synopsis.scorers.summary import reranker_scores, summary_features
from synopsis.scorers.words import word_probabilities
from synopsis.select import select
from synopsis.types import Article, Budget


def training() -> Any:
    """The training module, skipping the test when the train extra (LightGBM) is missing; the
    shipped model's tests below need only numpy and do not call this."""
    pytest.importorskip("lightgbm")
    pytest.importorskip("sklearn")
    return importlib.import_module("synopsis.train")


def articles(records: list[dict[str, str]]) -> list[Article]:
    return [
        Article(r["id"], r["full_text"], (0, len(r["full_text"])), r["title"], r["abstract"], {"source": r["id"].split("-")[0]})
        for r in records
    ]


@pytest.mark.slow
def test_training_runs_end_to_end_and_is_deterministic(dev_sample: list[dict[str, str]], tmp_path: Path) -> None:
    train = training()
    examples = train.prepare(articles(dev_sample[:6]))
    first = train.fit(examples, rounds=15)
    second = train.fit(examples, rounds=15)
    assert json.dumps(first.to_json()) == json.dumps(second.to_json())
    assert first.info["documents"] == 6 and len(first.roots) == 15
    assert first.lexicon, "the word lexicon is learned from the training abstracts"
    path = tmp_path / "model.json"
    first.save(path)
    loaded = load_model(path)
    doc = examples[0].doc
    assert first.phrases is not None and loaded.phrases == first.phrases, "the phrase model is learned and saved"
    x = loaded.features_of(doc, examples[0].features)
    assert np.allclose(loaded.predict(x), first.predict(x))
    assert np.allclose(loaded.score(doc, examples[0].features), first.score(doc, examples[0].features))
    assert loaded.reranker is not None and first.reranker is not None, "the summary reranker is trained and saved"
    assert np.array_equal(loaded.reranker.weights, first.reranker.weights) and loaded.reranker.top == train.RERANK_TOP
    for budget in (Budget(150), Budget(None, 3)):
        greedy = summarize_document(doc, method="supervised", model=str(path), budget=budget)
        reranked = summarize_document(doc, method="reranked", model=str(path), budget=budget)
        # What the reranker chooses, recomputed here from its parts: its best-scored candidate.
        features = examples[0].features
        scores = loaded.score(doc, features)
        supervised_pick = select(scores, features, budget, redundancy=loaded.reranker.redundancy).indices
        assert loaded.reranker.bigrams is not None, "the bigram model is trained and saved with the reranker"
        expected = expected_bigrams(loaded.reranker.bigrams, doc, features, scores, loaded.lexicon)
        # The reranker reads the sentence scores blended with the bigram and word models' densities.
        assert loaded.reranker.bigram_weight == train.RERANK_BIGRAM_WEIGHT > 0
        assert loaded.reranker.words is not None and loaded.reranker.word_weight == train.RERANK_WORD_WEIGHT > 0
        stems = word_probabilities(loaded.reranker.words, doc, features, scores, loaded.lexicon)
        reranker = loaded.reranker
        scores = reranker_scores(scores, features, expected, reranker.bigram_weight, stems, reranker.word_weight)
        candidates = candidate_summaries(scores, features, budget, top=loaded.reranker.top, redundancy=loaded.reranker.redundancy)
        greedy_pick = select(scores, features, budget, redundancy=loaded.reranker.redundancy).indices
        x = summary_features(doc, features, scores, candidates, budget, loaded.phrases, greedy_pick, expected)
        best = candidates.indices(int(np.argmax(loaded.reranker.predict(x))))
        chosen = tuple(s.index for s in reranked.sentences)
        # Its best-scored candidate, then greedy selection's fill in what the candidate leaves.
        assert set(best) <= set(chosen)
        assert chosen == select(scores, features, budget, redundancy=loaded.reranker.redundancy, keep=best).indices
        assert [s.index for s in greedy.sentences] == list(supervised_pick)
        assert reranked.words <= (budget.words or 10**9) and len(reranked.sentences) <= (budget.sentences or 10**9)


def test_flattened_trees_predict_like_lightgbm() -> None:
    train = training()
    import lightgbm

    rng = np.random.default_rng(0)
    x = rng.random((400, len(feature_names())))
    y = x[:, 0] * 2 + np.sin(5 * x[:, 3]) + rng.normal(0, 0.1, 400)
    booster = lightgbm.train(
        {"objective": "regression", "num_leaves": 7, "verbose": -1, "seed": 1, "deterministic": True, "num_threads": 1},
        lightgbm.Dataset(x, y),
        num_boost_round=20,
    )
    model = train.from_lightgbm(booster.dump_model(), {})
    assert np.allclose(model.predict(x), booster.predict(x))


def test_shipped_model_loads_and_scores(dev_sample: list[dict[str, str]]) -> None:
    model = load_model()
    # Trained by this version's `synopsis train` (docs/model-card.md): without the TextRank and
    # PacSum columns, which the run then never computes.
    assert isinstance(model, TreeModel) and model.features == tuple(feature_names())
    assert not {"textrank", "pacsum"} & set(model.features)
    assert model.info["documents"] > 1000 and len(model.lexicon) > 1000
    doc = build_document(articles(dev_sample[:1])[0])
    scores = model.score(doc, compute_features(doc))
    assert scores.shape == (len(doc.sentences),) and np.isfinite(scores).all() and scores.std() > 0
    assert model.blend > 0, "the shipped model is the trees + structured ensemble that cross-validation chose"


def test_blend_adds_the_structured_score(dev_sample: list[dict[str, str]]) -> None:
    """With a huge blend weight the ensemble ranks sentences as `structured` does; with none, as the trees."""
    model = load_model()
    doc = build_document(articles(dev_sample[:1])[0])
    features = compute_features(doc)
    candidates = features.candidate
    heavy = replace(model, blend=1e6).score(doc, features)
    alone = replace(model, blend=0.0).score(doc, features)
    assert np.allclose(alone, model.predict(model.features_of(doc, features)))
    top = np.argsort(-heavy[candidates])[:5]
    expected = model.features_of(doc, features)[:, model.features.index("structured")]
    assert list(top) == list(np.argsort(-expected[candidates])[:5])
    # And the whole summary: with the trees drowned out, `supervised` selects what `structured` does.
    structured = summarize_document(doc, method="structured", budget=Budget(200))
    drowned = select(heavy, features, Budget(200), **get_method("supervised").selection)
    assert drowned.indices == tuple(s.index for s in structured.sentences)


def test_density_labels_prefer_the_short_sentence_that_says_the_same() -> None:
    """Budget is in words: of two sentences with the same abstract bigrams, the short one is worth more."""
    text = (
        "Introduction\n\nWe parse syntax trees fast with a new chart parser. "
        "We parse syntax trees fast with a new chart parser, and the committee, the weather, the lunch menu and "
        "several other matters that have nothing to do with the matter at hand are discussed at great length here. "
        "Unrelated remarks about the weather follow in this sentence."
    )
    article = Article("t", text, (0, len(text)), "Fast parsing", "We parse syntax trees fast with a new chart parser.")
    train = training()
    example = train.prepare([article])[0]
    label = train.labels(example, Budget(200))
    texts = [s.text for s in example.doc.sentences]
    claim = "We parse syntax trees fast with a new chart parser"
    short, long_, other = (next(i for i, t in enumerate(texts) if t.startswith(p)) for p in (claim + ".", claim + ",", "Unrela"))
    assert label[short] > label[long_] > label[other] == 0.0


def test_text_features_agree_for_structured_and_flattened_text(dev_sample: list[dict[str, str]]) -> None:
    record = dev_sample[2]
    model = load_model()
    columns = [model.features.index(name) for name in ("cues", "citations", "words", "lexicon_mean", "lexicon_max", "phrases")]
    rows = []
    for text in (record["full_text"], record["full_text"].replace("\n", " ")):
        doc = build_document(Article("x", text, (0, len(text)), record["title"], record["abstract"]))
        x = model.features_of(doc, compute_features(doc))
        rows.append({s.text: x[s.index, columns] for s in doc.sentences})
    shared = set(rows[0]) & set(rows[1])
    assert len(shared) > 0.7 * len(rows[0])
    for text in shared:
        assert np.allclose(rows[0][text], rows[1][text]), text


def test_phrase_model_normalises_over_all_ngrams() -> None:
    """Unknown n-grams dilute the known ones, as the training matrix did; empty text gives the intercept."""
    model = PhraseModel({"we": 1.0, "we propose": 2.0}, 0.5)
    short, long_ = model.predict(["We propose", "We propose a parser today"])
    assert short == pytest.approx(0.5 + (1.0 + 2.0) / np.sqrt(3))  # we, propose, "we propose"
    assert 0.5 < long_ < short
    assert model.predict(["", "!!"]).tolist() == [0.5, 0.5]
    assert PhraseModel.from_json(json.loads(json.dumps(model.to_json()))) == model


def test_phrase_model_reads_a_candidate_summary_as_one_text_without_the_joins() -> None:
    """`predict_combined` gives each candidate what one text holding its members' n-grams would get
    (the n-grams summed over the members, none across a join), for every candidate at once."""
    model = PhraseModel({"we": 1.0, "we propose": 2.0, "parser": -0.5, "propose parser": 4.0}, 0.5)
    texts = ["We propose", "a parser", "", "we propose a parser we"]
    members = np.array([[1, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0], [0, 0, 0, 0], [1, 1, 1, 1]], dtype=bool)

    def by_hand(row: np.ndarray) -> float:
        counts: dict[str, int] = {}
        for text in np.array(texts)[row]:
            for gram in phrase_grams(str(text)):
                counts[gram] = counts.get(gram, 0) + 1
        norm = np.sqrt(sum(c * c for c in counts.values()))
        return 0.5 + sum(c * model.weights.get(g, 0.0) for g, c in counts.items()) / norm if norm else 0.5

    combined = model.predict_combined(texts, members)
    assert combined.tolist() == pytest.approx([by_hand(row) for row in members], rel=1e-12)
    assert combined[0] != model.predict(["We propose a parser"])[0]  # "propose parser" spans the join: not counted
    assert model.predict_combined(["", "!!"], np.array([[1, 1]], dtype=bool)).tolist() == [0.5]


def test_shipped_phrase_model_knows_how_abstracts_talk() -> None:
    phrases = load_model().phrases
    assert phrases is not None and len(phrases.weights) > 1000
    announce, method = phrases.predict(
        ["In this paper we propose a new method and show that it improves accuracy.", "Samples were incubated at 37 C for 2 h."]
    )
    assert announce > method


@pytest.mark.slow
def test_training_does_not_depend_on_the_process_hash_seed(tmp_path: Path) -> None:
    """Same data, same model in two processes: set iteration order (hash-seeded) must not leak
    into the lexicon, the phrase vocabulary, the trees or the reranker."""
    training()
    script = tmp_path / "fit.py"
    script.write_text(
        "import json, sys\n"
        "from synopsis.train import fit, prepare\n"
        "from synopsis.types import Article\n"
        "rows = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')][:6]\n"
        "articles = [Article(r['id'], r['full_text'], (0, len(r['full_text'])), r['title'], r['abstract'],"
        " {'source': r['id'].split('-')[0]}) for r in rows]\n"
        "# lexicon_size: a cut through many tied scores, as on the full data\n"
        "model = fit(prepare(articles), rounds=5, lexicon_size=50)\n"
        "assert len(model.lexicon) == 50 and model.reranker is not None\n"
        "print(json.dumps(model.to_json(), sort_keys=True))\n",
        encoding="utf-8",
    )
    sample = Path(__file__).parent / "data" / "dev_sample.jsonl"
    outputs = [
        subprocess.run(
            [sys.executable, str(script), str(sample)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] and outputs[0] == outputs[1]


def test_lexicon_counts_documents(dev_sample: list[dict[str, str]]) -> None:
    """Log-odds of document frequencies: with N documents no stem can be more than log(N + 1)
    apart between abstracts and bodies (counting anything but documents breaks this bound)."""
    train = training()
    examples = train.prepare(articles(dev_sample[:6]))
    lexicon = train.learn_lexicon(examples)
    assert lexicon and max(abs(v) for v in lexicon.values()) <= np.log(len(examples) + 1) + 1e-9
    # Stems in all six bodies and no abstract sit exactly at the bound: log(1/8) - log(7/8).
    for term in ("follow", "number", "time"):
        assert lexicon.get(term) == pytest.approx(-np.log(len(examples) + 1)), term


def test_feature_columns_are_the_named_signals(dev_sample: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each column holds what its name says, and the graph columns use the settings their methods are
    registered with (change TextRank's settings, `graph.TEXTRANK_PARAMS`, and the feature follows)."""
    from synopsis.scorers import graph, registry
    from synopsis.scorers.learned import all_columns, sentence_features
    from synopsis.scorers.structure import graph_signal

    doc = build_document(articles(dev_sample[:1])[0])
    features = compute_features(doc)
    model = load_model()
    names = list(model.features)
    x = model.features_of(doc, features)
    assert np.array_equal(x[:, names.index("words")], features.words)
    assert np.array_equal(x[:, names.index("position")], features.position)
    every = all_columns()
    full = sentence_features(doc, features, model.lexicon, model.phrases, every)
    assert np.array_equal(full[:, every.index("pacsum")], graph_signal("pacsum", doc, features))
    assert np.array_equal(full[:, [every.index(name) for name in names]], x)  # a column is the same wherever asked for
    assert registry.METHODS["textrank"].params == graph.TEXTRANK_PARAMS  # the registered defaults are these
    monkeypatch.setitem(graph.TEXTRANK_PARAMS, "damping", 0.3)
    changed = sentence_features(doc, features, model.lexicon, model.phrases, every)[:, every.index("textrank")]
    assert np.array_equal(changed, graph_signal("textrank", doc, features))
    assert not np.allclose(changed, full[:, every.index("textrank")])


@pytest.mark.slow
def test_a_model_trained_now_computes_no_column_it_was_not_trained_on(
    dev_sample: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """TextRank and PacSum are no longer trained on (leave-one-source-out: no loss, ~0.8 ms less per
    5,000-word article): a summary with a model trained by this version must not compute them."""
    from synopsis.scorers import learned, structure

    train = training()
    examples = train.prepare(articles(dev_sample[:4]))
    model = train.fit(examples, rounds=5)
    assert model.features == tuple(feature_names())
    assert not {"textrank", "pacsum"} & set(model.features)
    path = tmp_path / "model.json"
    model.save(path)
    real = structure.graph_signal

    def only_hiporank(name: str, *args: Any) -> Any:
        assert name == "hiporank", f"{name} computed for a model that does not read it"
        return real(name, *args)

    monkeypatch.setattr(learned, "graph_signal", only_hiporank)
    assert summarize_document(examples[0].doc, method="reranked", model=str(path)).sentences


def test_a_model_file_is_given_exactly_its_columns(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """A model names its features, and gets exactly those columns in its order, whichever of
    `all_columns()` they are (a file trained before TextRank and PacSum were dropped reads them too;
    the shipped one no longer does): the same trees over the same columns score alike however the
    file orders them and whatever unused columns it names; an unknown name is refused."""
    from synopsis.scorers.learned import all_columns

    data = json.loads(json.dumps(load_model().to_json()))
    assert "textrank" not in data["features"]
    data["features"] = [*data["features"], "textrank", "pacsum"]  # an older file's columns, no tree reads them
    reordered = list(reversed(data["features"]))
    remap = np.array([reordered.index(name) for name in data["features"]])
    data["features"] = reordered
    data["trees"]["feature"] = [int(remap[f]) if f >= 0 else f for f in data["trees"]["feature"]]
    path = tmp_path / "reordered.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    other = load_model(path)
    doc = build_document(articles(dev_sample[:1])[0])
    features = compute_features(doc)
    assert other.features == tuple(reordered) and set(other.features) == set(all_columns())
    assert np.array_equal(other.score(doc, features), load_model().score(doc, features))
    data["features"] = [*reordered[:-1], "no_such_column"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MethodError, match="other features"):
        load_model(path)


def test_shipped_reranker_summarises_within_every_budget(dev_sample: list[dict[str, str]]) -> None:
    """`reranked` with the shipped model: whole sentences in document order within each budget,
    and a different choice from greedy selection somewhere (else it would be a no-op)."""
    model = load_model()
    assert model.reranker is not None and model.reranker.features == tuple(model.reranker.features)
    differs = 0
    for record in dev_sample[:4]:
        doc = build_document(articles([record])[0])
        for budget in (Budget(100), Budget(200), Budget(300), Budget(None, 4)):
            summary = summarize_document(doc, method="reranked", budget=budget)
            indices = [s.index for s in summary.sentences]
            assert indices == sorted(set(indices)) and summary.sentences
            assert summary.words <= (budget.words or 10**9) and len(indices) <= (budget.sentences or 10**9)
            if budget.words is not None:
                # Filled like greedy selection: no candidate sentence that is not too similar to a
                # chosen one would still fit in the words left.
                features = compute_features(doc)
                left = budget.words - summary.words
                rest = [i for i in np.flatnonzero(features.candidate) if i not in indices]
                similar = features.similarity_block(slice(None))[np.ix_(rest, indices)].max(axis=1) > model.reranker.redundancy
                assert all(features.words[i] > left or close for i, close in zip(rest, similar, strict=True))
            differs += indices != [s.index for s in summarize_document(doc, method="supervised", budget=budget).sentences]
    assert differs > 0


def test_reranker_round_trips_through_json() -> None:
    from synopsis.scorers.summary import Reranker, summary_feature_names

    names = tuple(summary_feature_names())
    rng = np.random.default_rng(3)
    size = len(names)
    weights = rng.normal(size=size)
    reranker = Reranker(names, rng.random(size), rng.random(size) + 0.5, weights, 12, 0.5, {"a": 1}, bigram_weight=0.25)
    again = Reranker.from_json(json.loads(json.dumps(reranker.to_json())))
    x = rng.random((50, len(names)))
    assert np.allclose(again.predict(x), reranker.predict(x), rtol=1e-8) and again.top == 12 and again.redundancy == 0.5
    assert again.bigram_weight == 0.25
    # A file written before the weight existed ranks as it did then: no bigram density.
    older = {key: value for key, value in reranker.to_json().items() if key != "bigram_weight"}
    assert Reranker.from_json(older).bigram_weight == 0.0
    assert np.argmax(again.predict(x)) == np.argmax(reranker.predict(x))
    broken = {**reranker.to_json(), "features": list(reversed(names))}
    with pytest.raises(Exception, match="other summary features"):
        Reranker.from_json(broken)


def test_trees_learn_the_targets_they_are_given(dev_sample: list[dict[str, str]]) -> None:
    """`fit_trees(targets=...)` (label experiments, benchmarks/oreo_labels.py) trains on exactly
    those labels: today's labels passed in give today's trees, other labels other trees."""
    train = training()
    examples = train.prepare(articles(dev_sample[:4]))
    today = [train.labels(e, Budget()) for e in examples]
    default = train.fit_trees(examples, rounds=5)
    given = train.fit_trees(examples, rounds=5, targets=today)
    other = train.fit_trees(examples, rounds=5, targets=[1.0 - t for t in today])
    doc, features = examples[0].doc, examples[0].features
    assert np.array_equal(default.score(doc, features), given.score(doc, features))
    assert not np.allclose(default.predict(default.features_of(doc, features)), other.predict(other.features_of(doc, features)))


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        ("loop", "a tree node points back to an earlier node (a loop, or into another tree)"),
        ("into another tree", "a tree node points back to an earlier node"),
        ("nan leaf", "a tree has a leaf value that is not a finite number"),
    ],
)
def test_a_tree_that_loops_is_refused_on_loading(tmp_path: Path, damage: str, says: str) -> None:
    """A hand-edited child pointing back up its tree passed the checks and then made every summary
    with that model run forever."""
    data = load_model().to_json()
    trees = data["trees"]
    root = trees["roots"][1]
    if damage == "loop":
        trees["right"][root] = root
    elif damage == "into another tree":
        trees["left"][root] = trees["roots"][0]
    else:
        trees["value"][trees["feature"].index(-1)] = float("nan")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MethodError, match=says.replace("(", r"\(").replace(")", r"\)")):
        load_model(path)


@pytest.mark.slow
def test_a_half_without_candidate_sentences_trains_and_the_stages_are_told(dev_sample: list[dict[str, str]]) -> None:
    """The reranker's trees are fitted on alternate halves of the articles; a half whose articles
    have no candidate sentence (each copies its abstract) made `fit` end in a ValueError."""
    train = training()
    records = [dict(r, full_text=r["full_text"][:20000]) for r in dev_sample[:3]]
    records[1]["abstract"] = records[1]["full_text"]  # every sentence copies the abstract: no candidate
    examples = train.prepare(articles(records))
    assert not examples[1].features.candidate.any() and all(examples[i].features.candidate.any() for i in (0, 2))
    stages: list[str] = []
    model = train.fit(examples, rounds=2, progress=stages.append)
    assert model.reranker is not None and model.info["documents"] == 3
    assert stages == [
        "lexicon, phrase model and 2 rounds of trees on all 3 articles",
        "trees on each half of the articles, for the reranker to learn how far their scores hold",
        "bigram and word models and the summary reranker",
    ]


def test_every_english_article_of_a_mixed_corpus_gets_out_of_fold_phrase_scores(dev_sample: list[dict[str, str]]) -> None:
    """Was: the halves alternated over all articles, so in a corpus alternating English and German
    articles every English one fell in one half and got no phrase prediction (0), while at run time
    it gets a real one: the trees learned the phrase feature from rows it never has."""
    train = training()
    german = (Path(__file__).parent / "data" / "lang" / "de.txt").read_text(encoding="utf-8")
    mixed: list[Article] = []
    for k, english in enumerate(articles(dev_sample[:4])):
        mixed.append(english)
        abstract = "Diese Studie untersucht Briefe des 19. Jahrhunderts und ihre digitale Edition."
        mixed.append(Article(f"de-{k}", german, (0, len(german)), "Briefe", abstract, {"source": "de"}))
    examples = train.prepare(mixed)
    assert [e.features.language for e in examples] == ["en", "de"] * 4
    phrases = train.out_of_fold_phrases(examples, [train.labels(e, Budget()) for e in examples])
    assert all(np.any(p != 0) for p, e in zip(phrases, examples, strict=True) if e.features.language == "en")


@pytest.mark.parametrize("dropped", ["phrases", "structured"])
def test_a_model_file_without_a_column_scoring_reads_is_refused_on_loading(tmp_path: Path, dropped: str) -> None:
    """Was: it loaded, then every German document (the English-only columns) or every document (the
    blended `structured` column) failed with an internal ValueError."""
    data = json.loads(json.dumps(load_model().to_json()))
    at = data["features"].index(dropped)
    data["features"] = [name for name in data["features"] if name != dropped]
    data["trees"]["feature"] = [f - (f > at) if f != at else 0 for f in data["trees"]["feature"]]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MethodError, match=f"lacks the feature columns \\['{dropped}'\\]"):
        load_model(path)
