"""Generator copy probe at width 0.25 (with/without a 16-channel minimum) and 0.5, one fixed batch, 60 steps.

    python benchmarks/probes/ae4.py   # width 0.25: L1 0.105; 0.25 with min 16 channels: 0.071; 0.5: 0.026
"""
import sys, time, torch
import synctalklip.models_generator as mg
from synctalklip.config import make_config
from synctalklip.train_synctalklip import window_batches
torch.set_num_threads(1)
if __name__ == "__main__":
    b = window_batches(make_config("cpu"))(0); x = b["target"]
    _s = mg.scaled
    for name, width, mn in [("w.25 min16", .25, 16), ("w.5", .5, 4), ("w.25", .25, 4)]:
        mg.scaled = lambda c, w, minimum=mn: _s(c, w, minimum)
        torch.manual_seed(0); g = mg.Generator(width, 64); a = torch.randn(len(x), 64)
        opt = torch.optim.Adam(g.parameters(), 1e-3, betas=(0.5, .999)); t0 = time.time()
        for s in range(60):
            with torch.autocast("cpu", dtype=torch.bfloat16): y = g(a, x, x).float()
            l = (y - x).abs().mean(); opt.zero_grad(); l.backward(); opt.step()
        print(name, round(l.item(), 4), f"{(time.time()-t0)/60:.2f}s/step", sum(p.numel() for p in g.parameters())/1e6, flush=True)
