"""End-to-end: the notebooks of Tables 1, 3 and 4 under papermill at smoke scale, in one temporary registry (so the
rows they share, SyncTalklip (base) and TalkLip, are trained once and found by the later tables): each trains its rows
through the one trainer, scores them with the evaluators beside ground truth and the copy, writes the table with the
paper's numbers and computes its claims' verdicts (C1-C3, C4-C7, C8-C9)."""
import json
from pathlib import Path
from paper_nb import run_smoke


def test_paper_tables_smoke(tmp_path):
    runs = run_smoke("paper_table1_main.ipynb", tmp_path, "-p", "limit", "2", "-y", '{"domains": ["main"], "seeds": [0]}')
    import pandas as pd
    t = pd.read_csv(runs / "figures_smoke" / "table1_smoke.csv", index_col=[0, 1])
    assert list(t.loc["main"].index) == ["Ground Truth", "identity-frame copy", "Wav2Lip", "TalkLip (g+c)", "SyncTalklip (base)"]
    assert t.loc[("main", "SyncTalklip (base)"), "paper LSE-C"] == 9.29 and t.loc[("main", "Wav2Lip"), "paper WER"] == 82.1
    for m in ("Wav2Lip", "TalkLip (g+c)", "SyncTalklip (base)"):
        assert all(pd.notna(t.loc[("main", m), c]) for c in ("LSE-C", "LSE-D", "PSNR", "SSIM", "WER1", "WER2")), m
    v = pd.read_csv(runs / "figures_smoke" / "table1_smoke_verdicts.csv")
    assert list(v.claim) == ["C1", "C2", "C3"] and set(v.verdict) <= {"holds", "does not hold"}, v
    assert all((runs / "figures_smoke" / f"fig3_smoke_{i}.png").stat().st_size > 0 for i in (0, 1))   # Fig. 3, two sentences
    methods = {json.loads((p / "config.json").read_text())["synctalklip"]["method"]
               for p in runs.glob("synctalklip-*") if (p / "config.json").exists()}
    assert methods == {"wav2lip", "talklip", "synctalklip"}, methods
    # Table 3: the ablation rows, each a configuration of the same trainer; the base row is Table 1's run, found again
    run_smoke("paper_table3_ablation.ipynb", tmp_path, "-p", "limit", "2", "-y", '{"seeds": [0]}')
    t3 = pd.read_csv(runs / "figures_smoke" / "table3_smoke.csv", index_col=[0, 1])
    assert list(t3.loc["main"].index) == ["Ground Truth", "identity-frame copy", "SyncTalklip", "w/o novel-contrastive learning",
                                         "w/o AV-SyncNet", "w/o contrastive loss module", "w/o lip-reading loss module"]
    assert t3.loc[("main", "w/o lip-reading loss module"), "paper WER"] == 73.9
    v3 = pd.read_csv(runs / "figures_smoke" / "table3_smoke_verdicts.csv")
    assert list(v3.claim) == ["C4", "C5", "C6", "C7"] and set(v3.verdict) <= {"holds", "does not hold"}, v3
    configs = [json.loads((p / "config.json").read_text())["synctalklip"] for p in runs.glob("synctalklip-*")]
    assert sum(c["method"] == "synctalklip" and c["variant"] == "base" and c["lip_loss"] and c["contrastive"] == "novel"
               and c["supervisor"] == "avsyncnet" for c in configs) == 1, "the base row was trained twice"
    # Table 4: the variants, on the main domain only here, so the zero-shot claim C9 is not measurable
    run_smoke("paper_table4_variants.ipynb", tmp_path, "-p", "limit", "2", "-y", '{"seeds": [0], "domains": ["main"]}')
    t4 = pd.read_csv(runs / "figures_smoke" / "table4_smoke.csv", index_col=[0, 1])
    assert list(t4.loc["main"].index)[2:] == ["TalkLip", "SyncTalklip", "SyncTalklip (conv)", "SyncTalklip (freeze)"]
    assert t4.loc[("main", "SyncTalklip (freeze)"), "paper WER3"] == 25.6
    v4 = pd.read_csv(runs / "figures_smoke" / "table4_smoke_verdicts.csv")
    assert list(v4.claim) == ["C8", "C9"] and v4.verdict[1] == "not measurable here", v4
