"""Exact resume of SyncTalklip training at any scale: an uninterrupted run against one stopped after `--stop-after`
steps (checkpoint written, process state dropped) and resumed in fresh objects. Prints whether every weight is
bit-identical. The expert comes from the project's registry (trained there if absent); the two generator runs go
to a scratch registry.

    python benchmarks/resume_check.py --scale cpu --steps 6 --stop-after 3 --threads 1
    # cpu/conv: 502 tensors, 0 differ after resume (301 differ between the stopped and the finished model); identical: True; 95 s
"""
import argparse, tempfile, time
from pathlib import Path
import torch
from synctalklip.config import make_config
from synctalklip.train_avsyncnet import ensure_expert
from synctalklip.train_synctalklip import ensure_generator
from synctalklip.models_synctalklip import expert_alignment

if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", default="cpu"); ap.add_argument("--variant", default="conv")
    ap.add_argument("--steps", type=int, default=6); ap.add_argument("--stop-after", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    cfg = make_config(a.scale, **{"synctalklip.variant": a.variant, "synctalklip.steps": a.steps, "train.ckpt_every": 1,
                                  "train.progress": False})
    expert, erun = ensure_expert(cfg, expert_alignment(cfg.synctalklip))
    tmp = Path(tempfile.mkdtemp())
    t0 = time.time()
    full, _ = ensure_generator(cfg, expert=expert, expert_run=erun, root=tmp / "full")
    cut, run = ensure_generator(cfg, expert=expert, expert_run=erun, root=tmp / "cut", stop_after=a.stop_after)
    print(f"stopped at step {run.metrics['steps_done']} of {a.steps} (status {run.meta['status']})")
    resumed, run = ensure_generator(cfg, expert=expert, expert_run=erun, root=tmp / "cut")
    A, B = full.state_dict(), resumed.state_dict()
    diff = [k for k in A if not torch.equal(A[k], B[k])]
    moved = sum(not torch.equal(A[k], cut.state_dict()[k]) for k in A)
    print(f"{a.scale}/{a.variant}: {len(A)} tensors, {len(diff)} differ after resume "
          f"({moved} differ between the stopped and the finished model); identical: {not diff}; {time.time() - t0:.0f} s")
