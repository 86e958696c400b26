"""Precise batch norm on a trained run: reset the generator's running statistics, average them over N training batches,
then PSNR on 6 test clips in eval mode (whole face, lower half, copy lower half).

    python benchmarks/probes/bnrecal.py runs/synctalklip-cd6e70c126 30
    # recalibrated on 30 batches: psnr 27.56 lower 24.55 copy lower 24.81
"""
import torch, numpy as np, sys
from synctalklip.config import Config
from synctalklip.registry import Run
from synctalklip.train_synctalklip import *
from synctalklip.train_avsyncnet import ensure_expert
from synctalklip.metrics import psnr
if __name__ == "__main__":
    torch.set_num_threads(2)
    run = Run(sys.argv[1]); n = int(sys.argv[2])
    cfg = Config.from_dict(run.config)
    expert, er = ensure_expert(cfg, cfg.avsyncnet.alignment)
    model = load_generator(run, expert)
    recalibrate_batchnorm(model, window_batches(cfg), n, first=10_000)
    model.eval()
    clips, tok = test_clips(cfg, "test", 6)
    r = []
    for i, c in enumerate(clips):
        faces = c["faces"]; T = len(faces); ref = reference_index(T, 0, i)
        gen = generate_clip(model, faces, c["audio"], ref)
        cp = faces[ref].expand_as(faces); lo = lambda x: x[:, :, 48:]
        r.append((psnr(gen, faces, channel_axis=-3), psnr(lo(gen), lo(faces), channel_axis=-3), psnr(lo(cp), lo(faces), channel_axis=-3)))
    print("recalibrated on", n, "batches: psnr %.2f lower %.2f copy lower %.2f" % tuple(np.mean(r, 0)), flush=True)
