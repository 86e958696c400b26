"""Data pipeline speed: preprocessing frames/s on the real fixtures, and dataset samples/s.

    .venv/bin/python benchmarks/data_speed.py            # (make benchmarks runs every script here)

1. Real-video preprocessing (decode to 25 fps + 16 kHz, dlib detect/track + 68 landmarks, face crops, mouth ROIs,
   mel/fbank/MFCC): frames/s of one process per fixture, and of 2 worker processes over all fixtures (the target is
   >= 50 frames/s for 700x700 input on 2 cores, i.e. 2x real time). Needs the `real` extra; skipped without it.
2. Dataset throughput on the smoke cache: utterance batches (collate_utterances, batch 8) and generator window
   batches (collate_windows, batch 4), in clips/s, next to what one training step consumes (TOOLCHAIN.md step times).
"""
import os, sys, time
os.environ.setdefault("OMP_NUM_THREADS", "1")
import multiprocessing as mp
import numpy as np


def preprocess_video(path):
    "The real path of one video, as preprocessing runs it; returns (frames, seconds, H)."
    import cv2; cv2.setNumThreads(1)
    from synctalklip.data_io import load_clip
    from synctalklip.data_faces import real_face_crops
    from synctalklip.data_features import clip_features
    t0 = time.perf_counter()
    clip = load_clip(path)
    real_face_crops(clip.frames, path=path)
    clip_features(clip.audio, clip.n_frames)
    return clip.n_frames, time.perf_counter() - t0, clip.frames.shape[1]


def bench_real():
    from synctalklip.data_io import real_fixtures
    from synctalklip.data_faces import dlib_available, dlib_models
    fix = real_fixtures()
    if fix is None or not dlib_available():
        print("real preprocessing: SKIPPED (", "no fixtures" if fix is None else "dlib not installed: pip install 'synctalklip[real]'", ")")
        return
    dlib_models()                                                   # load once, outside the timings
    vids = [str(fix / n) for n in ("face_vfr22.mp4", "face_25fps_a.mp4", "face_25fps_b.mp4")]
    print("== real-video preprocessing, one process")
    for v in vids:
        preprocess_video(v)                                         # warm-up (codec, caches)
        runs = [preprocess_video(v) for _ in range(2)]
        n, dt, H = runs[-1][0], min(r[1] for r in runs), runs[-1][2]
        print(f"  {os.path.basename(v):18s} {H}x{H}: {n} frames in {dt:.2f} s = {n / dt:6.1f} frames/s ({n / dt / 25:.1f}x real time)")
    print("== real-video preprocessing, 2 worker processes (all fixtures x2)")
    ctx = mp.get_context("fork")
    with ctx.Pool(2, initializer=dlib_models) as pool:
        pool.map(preprocess_video, vids[:2])                        # warm the workers
        t0 = time.perf_counter(); res = pool.map(preprocess_video, vids * 2); dt = time.perf_counter() - t0
    n = sum(r[0] for r in res)
    print(f"  {n} frames in {dt:.2f} s = {n / dt:.1f} frames/s on 2 processes (target >= 50)")
    n7 = sum(r[0] for r in res if r[2] == 700); t7 = sum(r[1] for r in res if r[2] == 700)
    print(f"  700x700 (VFR) clips alone: {n7 / t7 * 2:.1f} frames/s on 2 processes (per-process {n7 / t7:.1f})")


def bench_datasets():
    import torch
    torch.set_num_threads(1)
    from synctalklip.config import make_config
    from synctalklip.data_manifests import ensure_cache
    from synctalklip.data_datasets import UtteranceDataset, WindowDataset, collate_utterances, collate_windows
    cfg = make_config("smoke").data
    cache = ensure_cache(cfg, progress=False)
    ud, wd = UtteranceDataset(cache, "train", cfg), WindowDataset(cache, "train", cfg)
    rng = np.random.default_rng(0)
    def rate(fn, B, reps=20):
        fn(); t0 = time.perf_counter()
        for _ in range(reps): fn()
        return B * reps / (time.perf_counter() - t0)
    def utt():
        idx = rng.choice(len(ud), 8, replace=False)
        return collate_utterances([ud[int(i)] for i in idx], augment=True, rng=rng)
    def win():
        idx = rng.choice(len(wd), 4, replace=False)
        return collate_windows([wd.item(int(i), rng) for i in idx], cfg, rng)
    T = np.mean([r["n_frames"] for r in ud.rows])
    print(f"== datasets (smoke cache, mean T = {T:.0f} frames, one process, from disk each time)")
    u = rate(utt, 8); w = rate(win, 4)
    # consumption: AV-SyncNet step (4 layers, d=256, batch 8 x 75 frames) 124-194 ms; generator at quarter width,
    # about 40 faces (batch 4 clips) per step 0.30-0.53 s (TOOLCHAIN.md, 2 cores)
    print(f"  utterances (collate_utterances, batch 8, augment): {u:7.1f} clips/s; an AV-SyncNet step needs 8 per 0.12-0.19 s = 41-65 clips/s")
    print(f"  windows (collate_windows, batch 4):                {w:7.1f} clips/s; a generator step needs 4 per 0.30-0.53 s = 8-13 clips/s")


if __name__ == "__main__":
    bench_real()
    bench_datasets()
