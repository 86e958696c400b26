"""End-to-end: the perceptual-study notebook (paper Table 5) under papermill at smoke scale.

A first run builds the blinded study (two stand-in methods plus the real clips) and shows the form with no ratings
yet; the test then answers as two scripted raters (one JSON file as the form writes it, one CSV) using the study's
key map, and a second run finds the same study, aggregates the answers and writes the table, which must equal the
hand computation below. Runs go to a temporary registry; the smoke corpus and cache are reused from the data folder.
"""
import csv, json, os, shutil, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
PAPERMILL = Path(sys.executable).with_name("papermill")
DIMS = ("intelligibility", "synchronisation", "authenticity")


def _env(runs: Path) -> dict:
    e = dict(os.environ, SYNCTALKLIP_SMOKE="1", SYNCTALKLIP_RUNS=str(runs), SYNCTALKLIP_HOME=str(ROOT),
             OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"))
    e.setdefault("SYNCTALKLIP_DATA", str(ROOT / "data"))
    return e


def _papermill(out, env, params: dict):
    cmd = [str(PAPERMILL), str(ROOT / "nbs" / "paper_table5_perceptual.ipynb"), str(out), "--cwd", str(ROOT / "nbs"),
           "-k", "python3", "--start-timeout", "600", "-y", json.dumps(params)]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-5000:]
    return json.loads(Path(out).read_text())


def _stand_in_methods(tmp: Path, env: dict, monkeypatch) -> dict:
    "Two 'methods' whose videos are one short mp4 copied to every test clip id of the smoke corpus."
    for k in ("SYNCTALKLIP_DATA", "SYNCTALKLIP_SMOKE"): monkeypatch.setenv(k, env[k])
    import numpy as np
    from synctalklip.config import make_config
    from synctalklip.synth_corpus import ensure_corpus
    from synctalklip.data_io import write_clip
    ids = [l.strip() for l in (Path(ensure_corpus(make_config("smoke").data)) / "test.txt").read_text().splitlines() if l.strip()]
    one = tmp / "one.mp4"
    write_clip(one, np.full((8, 96, 96, 3), 120, np.uint8), np.zeros(8 * 640, np.float32), 25, 16000)
    out = {}
    for m in ("A", "SyncTalklip"):
        for i in ids:
            (tmp / m / i).parent.mkdir(parents=True, exist_ok=True); shutil.copy(one, tmp / m / f"{i}.mp4")
        out[m] = str(tmp / m)
    return out


def test_table5_notebook_blinds_and_aggregates(tmp_path, monkeypatch):
    runs = tmp_path / "runs"; env = _env(runs)
    params = {"methods": _stand_in_methods(tmp_path / "methods", env, monkeypatch), "n_clips": 2, "seed": 3}
    nb = _papermill(tmp_path / "t5a.ipynb", env, params)
    text = json.dumps(nb)
    assert "application/vnd.jupyter.widget-view+json" in text          # the form was built and displayed
    assert "Table 5 is not measured" in text                           # no ratings yet: no numbers
    studies = [p for p in runs.iterdir() if p.name.startswith("perceptual_study-")]
    assert len(studies) == 1
    sdir = studies[0] / "study"
    items = json.loads((sdir / "study.json").read_text())
    assert len(items["items"]) == 6 == len(list((sdir / "videos").glob("*.mp4")))     # 2 sentences x 3 methods
    blob = (sdir / "study.json").read_text()
    assert not any(s in blob for s in ("SyncTalklip", "Ground Truth", '"A"', "__")), blob   # blinded
    assert not any((studies[0] / "raters").iterdir())

    km = json.loads((sdir / "keymap.json").read_text())["keys"]
    clips = sorted({v["clip"] for v in km.values()})
    key = {(v["method"], v["clip"]): k for k, v in km.items()}
    r1 = {"Ground Truth": [(5, 5, 5), (4, 5, 5)], "A": [(1, 2, 3), (3, 2, 3)], "SyncTalklip": [(3, 3, 3), (3, 3, 3)]}
    answers = [{"key": key[m, c], **dict(zip(DIMS, s[i]))} for m, s in r1.items() for i, c in enumerate(clips)]
    (studies[0] / "raters" / "r1.json").write_text(json.dumps({"rater": "r1", "study": items["study"], "answers": answers}))
    with open(studies[0] / "raters" / "r2.csv", "w", newline="") as f:
        w = csv.writer(f); w.writerow(["rater", "key", *DIMS])
        for m, s in [("Ground Truth", (5, 4, 5)), ("A", (2, 2, 4))]:
            for c in clips: w.writerow(["r2", key[m, c], *s])

    nb = _papermill(tmp_path / "t5b.ipynb", env, params)
    assert len([p for p in runs.iterdir() if p.name.startswith("perceptual_study-")]) == 1     # the same study, found again
    import pandas as pd
    t = pd.read_csv(runs / "figures_smoke" / "table5_perceptual.csv", index_col=0)
    assert list(t.index) == ["SyncTalklip", "A", "Ground Truth"]
    # by hand: GT INTL {5,4,5,5} 4.75 +- 0.5, SYNC {5,5,4,4} 4.5 +- 0.5774, AUTH 5 +- 0; A INTL {1,3,2,2} 2 +- 0.8165,
    # SYNC 2 +- 0, AUTH {3,3,4,4} 3.5 +- 0.5774; SyncTalklip 3 +- 0 (two ratings of r1)
    hand = {"Ground Truth": (4.75, 0.5, 4.5, 0.57735, 5.0, 0.0, 4, 2), "A": (2.0, 0.8165, 2.0, 0.0, 3.5, 0.57735, 4, 2),
            "SyncTalklip": (3.0, 0.0, 3.0, 0.0, 3.0, 0.0, 2, 1)}
    cols = [f"{d}_{s}" for d in DIMS for s in ("mean", "std")] + ["n_ratings", "n_raters"]
    for m, h in hand.items():
        assert t.loc[m, cols].tolist() == pytest.approx(list(h), abs=1e-4), (m, t.loc[m].tolist())
    metrics = json.loads((studies[0] / "metrics.json").read_text())
    assert metrics["table5/A/authenticity_mean"] == pytest.approx(3.5)
    v = {r["claim"]: r["verdict"] for r in metrics["table5/verdicts"]}
    assert v == {"SyncTalklip rated best on INTL": "holds", "SyncTalklip rated best on SYNC": "holds",
                 "SyncTalklip rated best on AUTH": "does not hold"}, v
    for ext in ("html", "png"):
        assert (runs / "figures_smoke" / f"table5_perceptual.{ext}").stat().st_size > 0


def test_table5_notebook_names_a_garbled_rater_file(tmp_path, monkeypatch):
    runs = tmp_path / "runs"; env = _env(runs)
    params = {"methods": _stand_in_methods(tmp_path / "methods", env, monkeypatch), "n_clips": 1, "ground_truth": False,
              "raters": str(tmp_path / "raters")}
    (tmp_path / "raters").mkdir()
    (tmp_path / "raters" / "broken_rater.json").write_text('{"rater": "x", "answers": [')
    cmd = [str(PAPERMILL), str(ROOT / "nbs" / "paper_table5_perceptual.ipynb"), str(tmp_path / "out.ipynb"),
           "--cwd", str(ROOT / "nbs"), "-k", "python3", "--start-timeout", "600", "-y", json.dumps(params)]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200)
    assert r.returncode != 0
    assert "broken_rater.json" in r.stdout + r.stderr and "unreadable rater file" in r.stdout + r.stderr, (r.stdout + r.stderr)[-3000:]
