"""PSNR of a trained SyncTalklip run on 8 test clips, generator in eval mode vs batch statistics.

    python benchmarks/probes/bn.py runs/<synctalklip run>   # lip-off 1000-step run: eval 12.68 dB, batch stats 17.67 dB
"""
import torch, numpy as np
from synctalklip.config import make_config
from synctalklip.registry import Run
from synctalklip.train_synctalklip import *
from synctalklip.train_avsyncnet import ensure_expert
from synctalklip.metrics import psnr
if __name__ == "__main__":
    torch.set_num_threads(2)
    import sys; run = Run(sys.argv[1])
    cfg = generator_config(make_config("cpu", variant="conv")) if False else None
    from synctalklip.config import Config
    cfg = Config.from_dict(run.config)
    expert, er = ensure_expert(cfg, cfg.avsyncnet.alignment)
    model = load_generator(run, expert)
    clips, tok = test_clips(cfg, "test", 8)
    for mode in ("eval", "train"):
        ps, pc, l1 = [], [], []
        for i, c in enumerate(clips):
            model.eval()
            if mode == "train": model.generator.train()
            faces = c["faces"]; T = len(faces); ref = reference_index(T, 0, i)
            with torch.no_grad():
                feats = model.audio_features(c["audio"][None])
                fi = torch.arange(T); ci = torch.zeros_like(fi)
                gen = model(feats, ci, fi, faces[ref].expand(T, -1, -1, -1), mask_lower_half(faces)).clamp(0, 1)
            ps.append(psnr(gen, faces, channel_axis=-3)); pc.append(psnr(faces[ref].expand_as(faces), faces, channel_axis=-3))
            l1.append((gen - faces).abs().mean().item())
            up = psnr(gen[:, :, :48], faces[:, :, :48], channel_axis=-3); lo = psnr(gen[:, :, 48:], faces[:, :, 48:], channel_axis=-3)
            print(mode, i, f"psnr {ps[-1]:.2f} up {up:.2f} low {lo:.2f} copy {pc[-1]:.2f} l1 {l1[-1]:.4f}", flush=True)
        print(mode, "MEAN", np.mean(ps), np.mean(pc), np.mean(l1))
