"""Generator copy probe: autoencode one fixed batch (target given as identity and pose), 60 steps.

    python benchmarks/probes/ae3.py   # width 1.0: L1 0.016; width 0.5: 0.026
"""
import sys, time, torch, contextlib
from synctalklip.config import make_config
from synctalklip.train_synctalklip import window_batches
from synctalklip.models_generator import Generator
torch.set_num_threads(1)
if __name__ == "__main__":
    b = window_batches(make_config("cpu"))(0)
    x = b["target"]
    for name, width, bf, lr, betas in [("w1", 1.0, True, 1e-3, (0.5, .999)), ("w.5", 0.5, True, 1e-3, (0.5, .999))]:
        torch.manual_seed(0); g = Generator(width, 64); a = torch.randn(len(x), 64)
        opt = torch.optim.Adam(g.parameters(), lr, betas=betas)
        for s in range(60):
            with (torch.autocast("cpu", dtype=torch.bfloat16) if bf else contextlib.nullcontext()):
                y = g(a, x, x).float()
            l = (y - x).abs().mean(); opt.zero_grad(); l.backward(); opt.step()
            if s % 20 == 19: print(name, s + 1, round(l.item(), 4), flush=True)
        g.eval()
        with torch.no_grad(): print(name, "eval", round((g(a, x, x) - x).abs().mean().item(), 4))
