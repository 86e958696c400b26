"""Seconds per 100 test clips for the full evaluation suite (LSE, WER1-3, LMD, PSNR, SSIM, IFC) on this machine,
with the evaluators of a scale (found or trained through the registry), on ground-truth test clips of the embedded
corpus (repeated when there are fewer than `--clips`).

    .venv/bin/python benchmarks/eval_speed.py [--scale cpu] [--clips 100] [--threads 2]
"""
import argparse, time
import numpy as np
import torch
from synctalklip.config import make_config
from synctalklip.data_manifests import ensure_cache
from synctalklip import evaluate as E, metrics as M


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="cpu"); ap.add_argument("--clips", type=int, default=100)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    cfg = make_config(a.scale)
    ev = E.ensure_evaluators(cfg, progress=False)
    cache = ensure_cache(cfg.data, domain="main")
    clips = E.load_clips(cache, "test")
    clips = (clips * (a.clips // len(clips) + 1))[:a.clips]
    frames = sum(len(c["faces"]) for c in clips)
    t = {}
    s = time.perf_counter(); E.sync_scores(ev.syncnet, [(c["faces"], c["mfcc"]) for c in clips]); t["LSE"] = time.perf_counter() - s
    s = time.perf_counter(); rois = [E.mouth_rois(c["faces"], c["roi_theta"]) for c in clips]; t["ROIs"] = time.perf_counter() - s
    texts = [c["text"] for c in clips]
    for k, net in [("WER1 (beam)", ev.observer1), ("WER2 (beam)", ev.observer2), ("WER3 (teacher-forced)", ev.observer3)]:
        s = time.perf_counter(); M.corpus_wer(texts, E.observer_hyps(net, rois, texts, ev.tokenizer)); t[k] = time.perf_counter() - s
    s = time.perf_counter()
    for c in clips: M.lmd(ev.landmarks.predict(c["faces"]), ev.landmarks.predict(c["faces"]))
    t["LMD"] = time.perf_counter() - s
    s = time.perf_counter()
    for c in clips: M.psnr(c["faces"], c["faces"]); M.ssim(c["faces"], c["faces"]); M.ifc(c["faces"], c["faces"])
    t["PSNR+SSIM+IFC"] = time.perf_counter() - s
    total = sum(t.values())
    scale = 100.0 / len(clips)
    print(f"eval_speed scale={a.scale} clips={len(clips)} frames={frames} threads={a.threads}")
    for k, v in t.items(): print(f"  {k:24s} {v * scale:8.2f} s / 100 clips")
    print(f"  {'full suite':24s} {total * scale:8.2f} s / 100 clips")


if __name__ == "__main__":
    main()
