"""End-to-end: the supplementary-Table-1 notebook (every lip reader's WER on real test clips) under papermill at smoke
scale, in a temporary registry: it trains the missing experts and observers, stores the numbers it computes in their
runs, and writes the table with the paper's numbers beside ours."""
import json
from pathlib import Path
from paper_nb import run_smoke


def test_supp_table1_notebook_smoke(tmp_path):
    runs = run_smoke("paper_supp_table1_readers.ipynb", tmp_path)
    import pandas as pd
    t = pd.read_csv(runs / "figures_smoke" / "supp_table1_readers.csv", index_col=0)
    assert list(t.index) == ["AV-HuBERT", "AV-SyncNet", "AV-SyncNet (conv)", "observer 1: seq2seq (WER1)",
                             "observer 2: seq2seq (WER2)", "observer 3: Conformer, teacher-forced (WER3)"]
    assert t["WER (paper)"].tolist() == [25.0, 26.0, 26.1, 25.0, 28.6, 40.9]
    for c in ("WER main", "WER second", "WER (ours, paper's setting)"):
        assert (t[c] >= 0).all(), t[c]
    # the paper's setting: observer 2 (trained on the second domain) is read on the second domain, the others on main
    assert t["tested on (ours)"].tolist() == ["main"] * 4 + ["second", "main"]
    assert t.loc["observer 2: seq2seq (WER2)", "WER (ours, paper's setting)"] == t.loc["observer 2: seq2seq (WER2)", "WER second"]
    metas = {p: json.loads((p / "meta.json").read_text()) for p in runs.iterdir() if (p / "meta.json").exists()}
    experts = [p for p, m in metas.items() if m["kind"] == "avsyncnet"]
    assert sorted(metas[p]["tags"]["alignment"] for p in experts) == ["conv", "local", "none"]
    for p in experts:                           # the zero-shot second-domain numbers are stored in the expert's run
        assert "supp1/second/wer_beam_all" in json.loads((p / "metrics.json").read_text())
    obs = [p for p, m in metas.items() if m["kind"] in ("eval_seq2seq", "eval_conformer")]
    assert len(obs) == 3 and all("wer_second_test" in json.loads((p / "metrics.json").read_text()) for p in obs)
    v = pd.read_csv(runs / "figures_smoke" / "supp_table1_verdicts.csv")
    assert set(v.verdict) <= {"holds", "does not hold", "not measurable here"} and len(v) == 2
    assert (runs / "figures_smoke" / "supp_table1_readers.html").stat().st_size > 0
