"""Eval-mode batch norm vs batch statistics on a trained run: lower-half PSNR on 6 clips of a split, with the real
audio and with zero audio features, against the copy baseline.

    python benchmarks/probes/bnmode.py runs/synctalklip-cd6e70c126 test    # 600-step lip-on run, before recalibration existed
    # test eval: gen 15.65, zero-audio 15.68, copy 24.81 | test train (batch stats): gen 23.82, zero-audio 23.79
    python benchmarks/probes/bnmode.py runs/synctalklip-cd6e70c126 train
    # train eval: gen 16.12, zero-audio 16.15, copy 25.68 | train train: gen 24.73, zero-audio 24.73
"""
import torch, numpy as np, sys
from synctalklip.config import Config
from synctalklip.registry import Run
from synctalklip.train_synctalklip import *
from synctalklip.train_avsyncnet import ensure_expert
from synctalklip.metrics import psnr
if __name__ == "__main__":
    torch.set_num_threads(2)
    run = Run(sys.argv[1]); split = sys.argv[2]
    cfg = Config.from_dict(run.config)
    expert, er = ensure_expert(cfg, cfg.avsyncnet.alignment)
    model = load_generator(run, expert)
    clips, tok = test_clips(cfg, split, 6)
    for mode in ("eval", "train"):
        r = []
        for i, c in enumerate(clips):
            model.eval()
            if mode == "train": model.generator.train()
            faces = c["faces"]; T = len(faces); ref = reference_index(T, 0, i)
            with torch.no_grad():
                feats = model.audio_features(c["audio"][None])
                fi = torch.arange(T); ci = torch.zeros_like(fi)
                gen = model(feats, ci, fi, faces[ref].expand(T, -1, -1, -1), mask_lower_half(faces)).clamp(0, 1)
                gz = model(torch.zeros_like(feats), ci, fi, faces[ref].expand(T, -1, -1, -1), mask_lower_half(faces)).clamp(0, 1)
            cp = faces[ref].expand_as(faces)
            lo = lambda x: x[:, :, 48:]
            r.append((psnr(lo(gen), lo(faces), channel_axis=-3), psnr(lo(gz), lo(faces), channel_axis=-3), psnr(lo(cp), lo(faces), channel_axis=-3)))
        print(split, mode, "lower psnr gen %.2f zero-audio %.2f copy %.2f" % tuple(np.mean(r, 0)), flush=True)
