"""End-to-end: the metrics notebook (evaluators trained on ground truth, the ground-truth row, LSE of shifted clips)
runs under papermill at smoke scale, registers its runs and writes its figure.

Runs go to a temporary registry; the smoke corpus and cache are reused from the data folder (`SYNCTALKLIP_DATA` or
the project's `data/`)."""
import json
from pathlib import Path
from paper_nb import run_smoke


def _kinds(runs: Path) -> dict:
    out = {}
    for p in runs.iterdir():
        if (p / "meta.json").exists():
            m = json.loads((p / "meta.json").read_text()); out.setdefault(m["kind"], []).append((p, m))
    return out


def test_metrics_notebook_smoke(tmp_path):
    runs = run_smoke("paper_metrics_groundtruth.ipynb", tmp_path, timeout=1200)
    kinds = _kinds(runs)
    for k in ("eval_syncnet", "eval_seq2seq", "eval_conformer", "eval_landmarks", "eval_groundtruth"):
        assert k in kinds, (k, sorted(kinds))
        assert all(m["status"] == "done" for _, m in kinds[k]), k
    assert len(kinds["eval_seq2seq"]) == 2                    # main and second domain observers
    gt = json.loads((kinds["eval_groundtruth"][0][0] / "metrics.json").read_text())
    for k in ("LSE-C", "LSE-D", "WER1", "WER2", "WER3", "LMD", "PSNR", "SSIM", "IFC"):
        assert k in gt, k
    assert gt["SSIM"] == 1.0 and gt["LMD"] == 0.0
    sync = json.loads((kinds["eval_syncnet"][0][0] / "metrics.json").read_text())
    assert 0.0 <= sync["offset_acc"] <= 1.0 and len(sync["shift_table"]) > 0
    for ext in ("html", "png"):
        assert (runs / "figures_smoke" / f"metrics_lse_shift.{ext}").stat().st_size > 0
