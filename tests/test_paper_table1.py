"""End-to-end: the Table-1 notebook under papermill at smoke scale, in a temporary registry: it trains Wav2Lip,
TalkLip (g+c) and SyncTalklip through the one trainer, scores them with the evaluators beside ground truth and the
copy, writes the table with the paper's numbers and computes the verdicts of claims C1-C3."""
import json
from pathlib import Path
from paper_nb import run_smoke


def test_table1_notebook_smoke(tmp_path):
    runs = run_smoke("paper_table1_main.ipynb", tmp_path, "-p", "limit", "2", "-y", '{"domains": ["main"], "seeds": [0]}')
    import pandas as pd
    t = pd.read_csv(runs / "figures_smoke" / "table1_smoke.csv", index_col=[0, 1])
    assert list(t.loc["main"].index) == ["Ground Truth", "identity-frame copy", "Wav2Lip", "TalkLip (g+c)", "SyncTalklip (base)"]
    assert t.loc[("main", "SyncTalklip (base)"), "paper LSE-C"] == 9.29 and t.loc[("main", "Wav2Lip"), "paper WER"] == 82.1
    for m in ("Wav2Lip", "TalkLip (g+c)", "SyncTalklip (base)"):
        assert all(pd.notna(t.loc[("main", m), c]) for c in ("LSE-C", "LSE-D", "PSNR", "SSIM", "WER1", "WER2")), m
    v = pd.read_csv(runs / "figures_smoke" / "table1_smoke_verdicts.csv")
    assert list(v.claim) == ["C1", "C2", "C3"] and set(v.verdict) <= {"holds", "does not hold"}, v
    methods = {json.loads((p / "config.json").read_text())["synctalklip"]["method"]
               for p in runs.glob("synctalklip-*") if (p / "config.json").exists()}
    assert methods == {"wav2lip", "talklip", "synctalklip"}, methods
