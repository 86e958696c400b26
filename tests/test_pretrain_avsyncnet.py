"""End-to-end: the AV-SyncNet experiment and Table 2 notebooks run under papermill at smoke scale.

Runs go to a temporary registry; the smoke corpus is reused from the data folder (`SYNCTALKLIP_DATA` or the
project's `data/`), so it is built once for all end-to-end tests."""
import json, os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
PAPERMILL = Path(sys.executable).with_name("papermill")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    runs = tmp_path_factory.mktemp("runs")
    e = dict(os.environ, SYNCTALKLIP_SMOKE="1", SYNCTALKLIP_RUNS=str(runs), SYNCTALKLIP_HOME=str(ROOT),
             OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"))
    e.setdefault("SYNCTALKLIP_DATA", str(ROOT / "data"))
    return e, runs


def _papermill(nb, out, env, *params):
    cmd = [str(PAPERMILL), str(ROOT / "nbs" / nb), str(out), "--cwd", str(ROOT / "nbs"), "-k", "python3"]
    for k, v in params: cmd += ["-p", k, str(v)]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1500)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-5000:]


def _runs(runs, kind):
    return [p for p in runs.iterdir() if (p / "meta.json").exists() and json.loads((p / "meta.json").read_text())["kind"] == kind]


def test_experiment_notebook_registers_an_evaluated_run(env, tmp_path):
    e, runs = env
    _papermill("pretrain_avsyncnet.ipynb", tmp_path / "pre.ipynb", e, ("variant", "conv"), ("seed", 0))
    experts = _runs(runs, "avsyncnet")
    assert len(experts) == 1 and len(_runs(runs, "avsyncnet_pretrain")) == 1
    meta = json.loads((experts[0] / "meta.json").read_text())
    m = json.loads((experts[0] / "metrics.json").read_text())
    assert meta["status"] == "done" and meta["tags"]["alignment"] == "conv"
    for k in ("wer_beam_all", "wer_greedy_all", "wer_chance_all", "pri_frame", "pri_utt"):
        assert k in m, k
    assert 0 < m["pri_frame"] <= 1


def test_table2_notebook_trains_the_missing_experts_and_plots(env, tmp_path):
    e, runs = env
    _papermill("paper_table2_avsyncnet.ipynb", tmp_path / "t2.ipynb", e, ("max_points", 200))
    experts = _runs(runs, "avsyncnet")
    aligns = sorted(json.loads((p / "meta.json").read_text())["tags"]["alignment"] for p in experts)
    assert aligns == ["conv", "local", "none"]                 # conv reused from the first test, not retrained
    assert len(_runs(runs, "avsyncnet_pretrain")) == 1         # one pre-training shared by all three
    for stem in ("avsyncnet_tsne", "avsyncnet_umap"):
        for ext in ("html", "png"):
            assert (runs / "figures_smoke" / f"{stem}.{ext}").stat().st_size > 0


@pytest.mark.parametrize("nb", ["pretrain_avsyncnet.ipynb", "paper_table2_avsyncnet.ipynb", "paper_metrics_groundtruth.ipynb"])
def test_misspelt_parameter_is_refused_before_any_work(env, tmp_path, nb):
    e, runs = env
    before = set(runs.iterdir())
    cmd = [str(PAPERMILL), str(ROOT / "nbs" / nb), str(tmp_path / "out.ipynb"), "--cwd", str(ROOT / "nbs"), "-k", "python3",
           "-p", "methd", "wav2lip"]
    r = subprocess.run(cmd, env=e, capture_output=True, text=True, timeout=600)
    assert r.returncode != 0
    assert "unknown notebook parameter(s) methd" in r.stdout + r.stderr, (r.stdout + r.stderr)[-3000:]
    assert set(runs.iterdir()) == before         # nothing trained or registered
