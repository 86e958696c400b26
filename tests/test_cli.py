"""The command line `synctalklip-train` (`python -m synctalklip.train_synctalklip`) at smoke scale, in two CPU processes
under `torch.distributed.run` (gloo): the run finishes and is evaluated, and both processes end with the same weights
although each trained on its own batches (the gradients are averaged every step)."""
import json, subprocess, sys
from pathlib import Path
import torch
from safetensors.torch import load_file
from test_train_notebook import _env, ROOT


def test_train_cli_two_processes(tmp_path):
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
           "-m", "synctalklip.train_synctalklip", "--scale", "smoke", "--steps", "4", "--runs", str(tmp_path / "runs"),
           "--export", str(tmp_path / "w_{rank}.safetensors"), "--test-limit", "2",
           "--set", "synctalklip.bn_recalibration=0"]   # keep each process's own batch-norm statistics (checked below)
    env = {k: v for k, v in _env(tmp_path).items() if k not in ("WORLD_SIZE", "RANK", "LOCAL_RANK")}
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
