"""Step 1 of screening reranker variants under leave-one-source-out: each fold's candidates,
summary features and candidate ROUGE for every document and budget, cached per fold and top K.

Reads what `benchmarks/train_cv.py --protocol loso --cache DIR` leaves in DIR (each fold's
sentence scores and phrase models) and `examples.pkl` (the prepared dev documents, pickled list
from `train_cv.load(data, None, 0)`); DIR is $RERANK_SCREEN_DIR. Training documents keep 200
random candidates per budget (seeded by document and budget), as `synopsis train` does.

    RERANK_SCREEN_DIR=/tmp/cv python benchmarks/rerank_screen_cache.py 12   # top K, then sources
    RERANK_SCREEN_DIR=/tmp/cv python benchmarks/rerank_screen.py 12 mean:ridge:1 r2:pair:1 ...
"""

import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).parent))
from train_cv import SOURCES, load

from synopsis.combinations import Candidates, candidate_summaries
from synopsis.scorers.summary import summary_features
from synopsis.select import select
from synopsis.train import candidate_rouge
from synopsis.types import Budget

if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):  # the screens read positional numbers
    print((getattr(sys.modules["__main__"], "__doc__", None) or __doc__ or "").strip())
    raise SystemExit(0)
OUT = Path(os.environ.get("RERANK_SCREEN_DIR", "/tmp/rerank_screen"))
BUDGETS = (Budget(100), Budget(200), Budget(300))
TOP = int(sys.argv[1]) if len(sys.argv) > 1 else 12


def prepared() -> list:
    """The dev documents in `train_cv`'s order (its fold caches index them), prepared once."""
    path = OUT / "examples.pkl"
    if not path.exists():
        path.write_bytes(pickle.dumps(load(Path(os.environ.get("DATA", "../shared/data/dev")), None, 0)))
    return pickle.loads(path.read_bytes())


examples = prepared() if __name__ == "__main__" else []


def groups(source):
    path = OUT / f"groups_{source}_k{TOP}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    scores = pickle.loads((OUT / f"scores_loso_{source}.pkl").read_bytes())
    phrases = pickle.loads((OUT / f"phrases_loso_{source}.pkl").read_bytes())
    out = {}
    for i, e in enumerate(examples):
        s = scores[i]
        for b, budget in enumerate(BUDGETS):
            greedy = select(s, e.features, budget, redundancy=0.5).indices
            c = candidate_summaries(s, e.features, budget, top=TOP, redundancy=0.5)
            if len(c.members) < 2:
                out[i, b] = (greedy, None, None, None, None)
                continue
            if e.source != source and len(c.members) > 200:
                keep = np.sort(np.random.default_rng(i * 3 + b).choice(len(c.members), 200, replace=False))
                c = Candidates(c.sentences, c.members[keep])
            x = summary_features(e.doc, e.features, s, c, budget, phrases[i], greedy)
            r1, r2 = candidate_rouge(e, c)
            out[i, b] = (greedy, c, x, r1, r2)
    path.write_bytes(pickle.dumps(out))
    return out


if __name__ == "__main__":
    t = time.time()
    with threadpool_limits(1):
        for source in sys.argv[2:] or SOURCES:
            groups(source)
            print(source, time.time() - t, flush=True)
