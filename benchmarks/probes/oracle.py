"""Can the cpu-size generator (reference head) learn to draw the mouth at all in a few hundred steps, given a perfect
conditioning signal? The audio embedding is replaced by the target frame's one-hot viseme from the synthetic corpus
(no expert, no lip loss; L_rec + L_gan as in training). Held-out lower-half PSNR on 8 test clips, with the right
visemes and with visemes rolled by half the clip, against the copy baseline. Evaluation uses each clip's batch
statistics (`EVAL_BN=batch`, default) or the running statistics (`EVAL_BN=running`, what the first numbers below used:
at lr 1e-3 the running statistics lag the weights and depress every number).

    python benchmarks/probes/oracle.py STEPS LR [CONDITIONING [LAMBDA_GAN]]    # defaults: bottleneck, 0.07
    python benchmarks/probes/oracle.py 600 1e-3
    THREADS=1 EVAL_EVERY=100 python benchmarks/probes/oracle.py 400 1e-3 film 0.07    # two side by side, 1.7 s/step
    # 100: visemes 24.26, rolled 24.24 | 200: 23.81, 23.83 (copy 24.99)
    THREADS=1 EVAL_EVERY=100 python benchmarks/probes/oracle.py 400 1e-3 bottleneck 0.07
    # 100: visemes 24.09, rolled 24.09 | 200: 23.84, 23.84 (copy 24.99)
    THREADS=1 EVAL_EVERY=300 python benchmarks/probes/oracle.py 1800 1e-3 film 0.07        # stopped after 1200 steps
    # 300: 24.20, 24.22 | 600: 24.05, 24.06 | 900: 24.27, 24.28 | 1200: 24.02, 24.03 (copy 24.99); ~2 s/step side by side
    THREADS=1 EVAL_EVERY=300 python benchmarks/probes/oracle.py 1800 1e-3 bottleneck 0.07  # stopped after 1200 steps
    # 300: 24.36, 24.36 | 600: 24.20, 24.20 | 900: 24.40, 24.40 | 1200: 24.29, 24.29 (copy 24.99)
    EVAL_BN=running python benchmarks/probes/oracle.py 600 1e-3    # session 3, before EVAL_BN existed
    # 150: visemes 24.63, rolled 24.61 | 300: 23.56, 23.56 | 450: 23.05, 23.04 | 600: 24.97, 24.96 (copy 24.99); 0.96 s/step
"""
import copy, os, sys, time, torch, numpy as np
import torch.nn.functional as F
from synctalklip.config import make_config
from synctalklip.registry import step_rng
from synctalklip import data_manifests, data_datasets
from synctalklip.train_synctalklip import mask_lower_half, reference_index
from synctalklip.models_generator import Generator, Discriminator, lower_half
from synctalklip.losses_generator import gan_discriminator_loss, gan_generator_loss
from synctalklip.metrics import psnr

if __name__ == "__main__":
    torch.set_num_threads(int(os.environ.get("THREADS", "2")))
    steps, lr = int(sys.argv[1]), float(sys.argv[2])
    conditioning = sys.argv[3] if len(sys.argv) > 3 else "bottleneck"
    lam_gan = float(sys.argv[4]) if len(sys.argv) > 4 else 0.07
    cfg = make_config("cpu"); cache = data_manifests.ensure_cache(cfg.data)
    ds = data_datasets.WindowDataset(cache, "train", cfg.data)
    test = data_datasets.WindowDataset(cache, "test", cfg.data)
    V = 16
    onehot = lambda v: F.one_hot(torch.as_tensor(np.asarray(v), dtype=torch.long).clamp(min=0), V).float()
    torch.manual_seed(0); g = Generator(0.5, V, "reference", conditioning); d = Discriminator(0.5)
    og = torch.optim.Adam(g.parameters(), lr, betas=(0.5, 0.999)); od = torch.optim.Adam(d.parameters(), 1e-4, betas=(0.5, 0.999))
    batch_stats = os.environ.get("EVAL_BN", "batch") == "batch"
    def evaluate():
        saved = copy.deepcopy(g.state_dict()); g.train(batch_stats); r = []
        with torch.no_grad():
            for i in range(8):
                z = test.load(i, ("faces", "visemes")); f = torch.from_numpy(z["faces"]).permute(0, 3, 1, 2).float() / 255
                T = len(f); ref = reference_index(T, 0, i); vis = onehot(z["visemes"])
                out = [g(a, f[ref].expand(T, -1, -1, -1), mask_lower_half(f)).clamp(0, 1) for a in (vis, torch.roll(vis, T // 2, 0))]
                r.append([psnr(lower_half(o), lower_half(f), channel_axis=-3) for o in out] +
                         [psnr(lower_half(f[ref].expand_as(f)), lower_half(f), channel_axis=-3)])
        g.load_state_dict(saved); g.train(); return tuple(np.mean(r, 0))
    t0 = time.time()
    for s in range(steps):
        rng = step_rng(0, 41, s); idx = rng.choice(len(ds), size=2, replace=False)
        b = data_datasets.collate_windows([ds.item(int(i), rng) for i in idx], cfg.data, rng)
        vis = [torch.as_tensor(ds.load(int(i), ("visemes",))["visemes"].astype(np.int64)) for i in idx]
        a = onehot(torch.stack([vis[c][t] for c, t in zip(b["clip_index"].tolist(), b["frame_index"].tolist())]))
        with torch.autocast("cpu", dtype=torch.bfloat16):
            gen = g(a, b["identity"], b["pose"]).float()
            l = (1 - lam_gan) * (gen - b["target"]).abs().mean() + lam_gan * gan_generator_loss(d(gen))
        og.zero_grad(); l.backward(); og.step()
        with torch.autocast("cpu", dtype=torch.bfloat16):
            dl = gan_discriminator_loss(d(b["target"]), d(gen.detach()))
        od.zero_grad(); dl.backward(); od.step()
        if (s + 1) % int(os.environ.get("EVAL_EVERY", "150")) == 0:
            print(s + 1, f"{(time.time() - t0) / (s + 1):.2f}s/step", "lower PSNR: visemes %.2f, rolled %.2f, copy %.2f" % evaluate(), flush=True)
