"""Generator + discriminator (disc lr 1e-4) on the real task at a width, held-out PSNR on 8 test clips against the copy baseline.

    python benchmarks/probes/gen2.py 1e-3 0.5 450 constant      # EVAL 300: 18.59 dB (copy 24.61)
    python benchmarks/probes/gen2.py 3e-4 0.5 450 constant      # EVAL 300: 19.95 dB
    python benchmarks/probes/gen2.py 3e-3 0.5 300 onecycle 2    # EVAL 300: 19.51 dB
"""
import sys, time, torch, numpy as np
from synctalklip.config import make_config
from synctalklip.train_synctalklip import window_batches, test_clips, mask_lower_half, reference_index
from synctalklip.models_generator import Generator, Discriminator
from synctalklip.losses_generator import gan_discriminator_loss, gan_generator_loss
from synctalklip.metrics import psnr
if __name__ == "__main__":
    torch.set_num_threads(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
    lr, width, steps = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    cfg = make_config("cpu"); batches = window_batches(cfg)
    clips, _ = test_clips(cfg, "test", 8)
    torch.manual_seed(0); g = Generator(width, 64); d = Discriminator(width)
    og = torch.optim.Adam(g.parameters(), lr, betas=(0.5, 0.999)); od = torch.optim.Adam(d.parameters(), 1e-4, betas=(0.5, 0.999))
    sched = torch.optim.lr_scheduler.OneCycleLR(og, lr, total_steps=steps, pct_start=0.05) if sys.argv[4] == 'onecycle' else None
    t0 = time.time(); acc = []
    def evaluate():
        g.eval(); ps, pc = [], []
        with torch.no_grad():
            for i, c in enumerate(clips):
                f = c["faces"]; T = len(f); ref = reference_index(T, 0, i)
                y = g(torch.zeros(T, 64), f[ref].expand(T, -1, -1, -1), mask_lower_half(f)).clamp(0, 1)
                ps.append(psnr(y, f, channel_axis=-3)); pc.append(psnr(f[ref].expand_as(f), f, channel_axis=-3))
        g.train(); return np.mean(ps), np.mean(pc)
    for s in range(steps):
        b = batches(s); a = torch.zeros(len(b["target"]), 64)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            gen = g(a, b["identity"], b["pose"]).float()
            l = 0.93 * (gen - b["target"]).abs().mean() + 0.07 * gan_generator_loss(d(gen))
        og.zero_grad(); l.backward(); og.step()
        if sched: sched.step()
        with torch.autocast("cpu", dtype=torch.bfloat16):
            dl = gan_discriminator_loss(d(b["target"]), d(gen.detach()))
        od.zero_grad(); dl.backward(); od.step()
        acc.append(((gen - b["target"]).abs().mean().item(), dl.item()))
        if (s + 1) % 50 == 0:
            m = np.mean(acc[-50:], 0); print(s + 1, f"L1 {m[0]:.4f} disc {m[1]:.4f} {(time.time()-t0)/(s+1):.2f}s", flush=True)
        if (s + 1) % 150 == 0: print("EVAL", s + 1, "psnr %.2f copy %.2f" % evaluate(), flush=True)
