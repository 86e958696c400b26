"""The command line `synctalklip-train` (`python -m synctalklip.train_synctalklip`) at smoke scale, in two CPU processes
under `torch.distributed.run` (gloo): the run finishes and is evaluated, and both processes end with the same weights
although each trained on its own batches (the gradients are averaged every step)."""
import json, subprocess, sys
import pytest
from pathlib import Path
import torch
from safetensors.torch import load_file
from paper_nb import smoke_env, ROOT


def test_train_cli_two_processes(tmp_path):
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
           "-m", "synctalklip.train_synctalklip", "--scale", "smoke", "--steps", "4", "--runs", str(tmp_path / "runs"),
           "--export", str(tmp_path / "w_{rank}.safetensors"), "--test-limit", "2",
           "--set", "synctalklip.bn_recalibration=0"]   # keep each process's own batch-norm statistics (checked below)
    env = {k: v for k, v in smoke_env(tmp_path).items() if k not in ("WORLD_SIZE", "RANK", "LOCAL_RANK")}
    r = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-4000:]
    heads = [l for l in r.stdout.splitlines() if l.startswith("== ")]            # one header a stage, from one process
    assert [h[:8] for h in heads[:4]] == ["== [1/4]", "== [2/4]", "== [3/4]", "== [4/4]"] and "Table-1" in heads[4], heads
    gen = [json.loads(p.read_text()) for p in (tmp_path / "runs").glob("synctalklip-*/meta.json")]
    assert len(gen) == 1 and gen[0]["status"] == "done", gen
    metrics = json.loads((tmp_path / "runs" / gen[0]["run_id"] / "metrics.json").read_text())
    assert "eval/main/generated/LSE-C" in metrics and metrics["steps_done"] == 4, metrics   # scored by the evaluators
    w0, w1 = load_file(str(tmp_path / "w_0.safetensors")), load_file(str(tmp_path / "w_1.safetensors"))
    # every parameter is shared; batch-norm running statistics are per process (as with DDP without SyncBatchNorm)
    # until the final recalibration, switched off here, so they show that the processes drew different batches
    params = [k for k in w0 if not k.endswith(("running_mean", "running_var", "num_batches_tracked"))]
    assert params and all(torch.equal(w0[k], w1[k]) for k in params), [k for k in params if not torch.equal(w0[k], w1[k])][:5]
    assert any(not torch.equal(w0[k], w1[k]) for k in w0 if k.endswith("running_mean")), "both processes saw the same batches"


def test_train_cli_methods(tmp_path):
    """The peers of Table 1 are configurations of the same trainer: `--method wav2lip` (its local audio encoder on mel
    windows, no AV-SyncNet at all), `--method talklip`, `--method cals` (its Audio-to-Lip module and lip encoder, no
    AV-SyncNet) and `--method stabilized` (the seed's AVSyncNet as sync expert) train, are scored by the same evaluators, and say what they are."""
    env = smoke_env(tmp_path)
    for method in ("wav2lip", "talklip", "cals", "stabilized"):
        cmd = [sys.executable, "-m", "synctalklip.train_synctalklip", "--method", method, "--scale", "smoke", "--steps", "3",
               "--runs", str(tmp_path / "runs"), "--test-limit", "2", "--export", str(tmp_path / f"{method}.safetensors")]
        r = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
        assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-4000:]
        heads = [l for l in r.stdout.splitlines() if l.startswith("== [1/4]")]
        assert heads and (("needs no AV-SyncNet" in heads[0]) == (method != "talklip")), heads
    metas = {m["run_id"]: m for m in (json.loads(p.read_text()) for p in (tmp_path / "runs").glob("synctalklip-*/meta.json"))}
    configs = {json.loads((tmp_path / "runs" / i / "config.json").read_text())["synctalklip"]["method"]: i for i in metas}
    assert set(configs) == {"wav2lip", "talklip", "cals", "stabilized"} and all(m["status"] == "done" for m in metas.values()), metas
    for method, run_id in configs.items():
        metrics = json.loads((tmp_path / "runs" / run_id / "metrics.json").read_text())
        assert "eval/main/generated/LSE-C" in metrics and "eval/main/wrong_audio/WER1" in metrics, sorted(metrics)[:20]
        if method in ("wav2lip", "talklip"): assert "gate_open" in metrics, sorted(metrics)[:20]   # each peer's schedule (config.METHODS) ran and is recorded
    w = load_file(str(tmp_path / "wav2lip.safetensors"))
    assert any(k.startswith("audio_encoder.audio_encoder.") for k in w) and not any(".expert." in k for k in w), list(w)[:10]
    assert "gate.state" in w, list(w)[-5:]                       # the schedule's state travels with the weights
    t = load_file(str(tmp_path / "talklip.safetensors"))
    assert any(k.startswith("audio_encoder.expert.") for k in t) and any(k.startswith("cav_head.") for k in t), list(t)[:10]
    # the wav2lip run used no AV-SyncNet; talklip's supervisor is one (the expert without L_av)
    assert metas[configs["wav2lip"]]["tags"]["expert_run"] is None, metas[configs["wav2lip"]]["tags"]
    assert metas[configs["talklip"]]["tags"]["expert_run"], metas[configs["talklip"]]["tags"]
    # CALS: its lip encoder is the frozen network it trains against; its losses (a2l, d_av, d_vv) are in the history
    assert metas[configs["cals"]]["tags"]["expert_run"].startswith("cals_lip_encoder-"), metas[configs["cals"]]["tags"]
    first = json.loads((tmp_path / "runs" / configs["cals"] / "history.jsonl").read_text().splitlines()[0])
    assert {"a2l", "d_av", "d_vv"} <= set(first), first
    c = load_file(str(tmp_path / "cals.safetensors"))
    assert any(k.startswith("audio_to_lip.") for k in c) and not any(k.startswith("audio_encoder.") for k in c), list(c)[:10]
    # CALS's settings travel with its run; synctalklip-infer, which does not drive CALS's audio path, says so by name
    assert metas[configs["cals"]]["tags"]["cals"]["d_vv"] is True, metas[configs["cals"]]["tags"]
    from synctalklip.infer import load_run
    with pytest.raises(ValueError, match="CALS"): load_run(configs["cals"], tmp_path / "runs")
    # the stabilized method trains against the seed's AVSyncNet, not Wav2Lip's expert
    assert metas[configs["stabilized"]]["tags"]["sync_expert_run"].startswith("stable_avsyncnet-"), metas[configs["stabilized"]]["tags"]
