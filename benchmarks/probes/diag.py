"""Generator probe on fresh batches, width 0.5, lr 1e-3, 150 steps: `ae` (target as both inputs) or `upper` (L1 on the upper half only).

    python benchmarks/probes/diag.py ae      # L1 0.087 (upper) / 0.083 (lower) at 150 steps
    python benchmarks/probes/diag.py upper   # upper-half L1 0.080 at 150 steps
"""
import sys, time, torch, numpy as np
from synctalklip.config import make_config
from synctalklip.train_synctalklip import window_batches
from synctalklip.models_generator import Generator
if __name__ == "__main__":
    torch.set_num_threads(1)
    mode = sys.argv[1]
    batches = window_batches(make_config("cpu"))
    torch.manual_seed(0); g = Generator(0.5, 64)
    og = torch.optim.Adam(g.parameters(), 1e-3, betas=(0.5, 0.999)); acc = []; t0 = time.time()
    for s in range(150):
        b = batches(s); a = torch.zeros(len(b["target"]), 64); x = b["target"]
        ident, pose = (x, x) if mode == "ae" else (b["identity"], b["pose"])
        with torch.autocast("cpu", dtype=torch.bfloat16): y = g(a, ident, pose).float()
        err = (y - x).abs()
        l = err[:, :, :48].mean() if mode == "upper" else err.mean()
        og.zero_grad(); l.backward(); og.step()
        acc.append((err[:, :, :48].mean().item(), err[:, :, 48:].mean().item(), (ident - x).abs()[:, :, 48:].mean().item()))
        if (s + 1) % 25 == 0:
            m = np.mean(acc[-25:], 0); print(mode, s + 1, f"upper {m[0]:.4f} lower {m[1]:.4f} (copy lower {m[2]:.4f}) {(time.time()-t0)/(s+1):.2f}s", flush=True)
