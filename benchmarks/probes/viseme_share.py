"""How much of the mouth's pixel variance does the frame's viseme label explain? Mouth box rows 62-80, columns 30-66 of
the 96x96 face crops, on the first 40 training clips of the `cpu` corpus, each clip's mean mouth removed; the share of
the remaining variance between viseme classes (an R^2), with the labels shifted by k frames.

    python benchmarks/probes/viseme_share.py
    # k=-3 0.036 | -2 0.056 | -1 0.107 | 0 0.176 | 1 0.112 | 2 0.060 | 3 0.039
"""
import numpy as np
from synctalklip.config import make_config
from synctalklip import data_manifests, data_datasets

def explained(m, v):
    "R^2 of the class means of `v` for the rows of `m`."
    within = sum(((m[v == c] - m[v == c].mean(0)) ** 2).sum() for c in np.unique(v))
    return 1 - within / (m ** 2).sum()

if __name__ == "__main__":
    cfg = make_config("cpu"); ds = data_datasets.WindowDataset(data_manifests.ensure_cache(cfg.data), "train", cfg.data)
    mouths, labels = [], []
    for i in range(40):
        z = ds.load(i, ("faces", "visemes"))
        m = (z["faces"].astype(np.float32) / 255)[:, 62:80, 30:66].reshape(len(z["faces"]), -1)
        mouths.append(m - m.mean(0, keepdims=True)); labels.append(np.asarray(z["visemes"]))
    for k in range(-3, 4):
        m = np.concatenate([x[max(0, k):len(x) + min(0, k)] for x in mouths])
        v = np.concatenate([y[max(0, -k):len(y) - max(0, k)] for y in labels])
        print(f"k={k:+d} R^2 {explained(m, v):.3f}")
