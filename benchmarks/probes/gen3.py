"""Reference-residual output vs the paper's direct sigmoid output: generator + discriminator, no audio, held-out PSNR
(full face and lower half) on 8 test clips against the identity-frame copy baseline.

    python benchmarks/probes/gen3.py reference 1e-3 300   # EVAL 0: 27.92 dB (lower half 24.96, copy 24.61 / 24.99)
                                                          # EVAL 100: 26.93 dB (lower half 23.92)
    python benchmarks/probes/gen3.py direct 1e-3 300      # EVAL 0: 13.05 dB; EVAL 100: 17.37 dB (lower half 17.39)
(both stopped after 150 steps; they ran side by side with one thread each, ~1.9 s a step)
"""
import sys, time, torch, numpy as np
from torch import nn
from synctalklip.config import make_config
from synctalklip.train_synctalklip import window_batches, test_clips, mask_lower_half, reference_index
from synctalklip.models_generator import Generator, Discriminator, lower_half
from synctalklip.losses_generator import gan_discriminator_loss, gan_generator_loss
from synctalklip.metrics import psnr

class RefGen(nn.Module):
    def __init__(self, g):
        super().__init__(); self.g = g; g.out[-1] = nn.Identity()
        nn.init.zeros_(g.out[1].weight); nn.init.zeros_(g.out[1].bias)
    def forward(self, a, identity, pose):
        h = identity.shape[2] // 2
        base = torch.cat([pose[:, :, :h], identity[:, :, h:]], 2).clamp(1e-3, 1 - 1e-3)
        return torch.sigmoid(torch.logit(base) + self.g(a, identity, pose).float())

if __name__ == "__main__":
    torch.set_num_threads(1)
    mode, lr, steps = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    cfg = make_config("cpu"); batches = window_batches(cfg)
    clips, _ = test_clips(cfg, "test", 8)
    torch.manual_seed(0); g = Generator(0.5, 64); d = Discriminator(0.5)
    if mode == "reference": g = RefGen(g)
    og = torch.optim.Adam(g.parameters(), lr, betas=(0.5, 0.999)); od = torch.optim.Adam(d.parameters(), 1e-4, betas=(0.5, 0.999))
    t0 = time.time(); acc = []
    def evaluate():
        g.eval(); r = []
        with torch.no_grad():
            for i, c in enumerate(clips):
                f = c["faces"]; T = len(f); ref = reference_index(T, 0, i)
                y = g(torch.zeros(T, 64), f[ref].expand(T, -1, -1, -1), mask_lower_half(f)).clamp(0, 1)
                cp = f[ref].expand_as(f)
                r.append((psnr(y, f, channel_axis=-3), psnr(cp, f, channel_axis=-3),
                          psnr(lower_half(y), lower_half(f), channel_axis=-3), psnr(lower_half(cp), lower_half(f), channel_axis=-3)))
        g.train(); return tuple(np.mean(r, 0))
    print("EVAL 0 psnr %.2f copy %.2f | lower %.2f copy %.2f" % evaluate(), flush=True)
    for s in range(steps):
        b = batches(s); a = torch.zeros(len(b["target"]), 64)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            gen = g(a, b["identity"], b["pose"]).float()
            l = 0.93 * (gen - b["target"]).abs().mean() + 0.07 * gan_generator_loss(d(gen))
        og.zero_grad(); l.backward(); og.step()
        with torch.autocast("cpu", dtype=torch.bfloat16):
            dl = gan_discriminator_loss(d(b["target"]), d(gen.detach()))
        od.zero_grad(); dl.backward(); od.step()
        acc.append(((gen - b["target"]).abs().mean().item(), dl.item()))
        if (s + 1) % 50 == 0:
            m = np.mean(acc[-50:], 0); print(s + 1, f"L1 {m[0]:.4f} disc {m[1]:.4f} {(time.time()-t0)/(s+1):.2f}s", flush=True)
        if (s + 1) % 100 == 0: print("EVAL", s + 1, "psnr %.2f copy %.2f | lower %.2f copy %.2f" % evaluate(), flush=True)
