"""Seconds to score N test clips with every metric of a results-table row (`evaluate.score_clips`: LSE-C/D and the
SyncNet offsets, WER1-3, LMD, PSNR/SSIM of the face and its lower half on every frame, IFC, FID), per part, on this
machine. The clips are ground-truth test clips of the embedded corpus of `--data-scale` (repeated up to `--clips`),
scored against themselves shifted by one frame so that no metric short-cuts on identical input.

The evaluators are those of `--scale`, found or trained through the registry; `--random-weights` builds them at that
scale without training (for timing the cpu/paper-size networks where they are not trained yet: the networks' cost is
the same, but beam search stops where untrained decoders stop, so WER1/WER2 times are indicative only).

    OMP_NUM_THREADS=2 .venv/bin/python benchmarks/eval_speed.py [--scale cpu] [--data-scale cpu] [--random-weights] [--clips 80] [--threads 2]
"""
import argparse, time
import numpy as np
import torch
from synctalklip.config import make_config
from synctalklip.data_manifests import ensure_cache
from synctalklip import evaluate as E


def random_evaluators(scale: str) -> E.Evaluators:
    "The evaluators of `scale`, untrained (timing only)."
    from synctalklip.models_syncnet import SyncNet
    from synctalklip.models_observers import make_observer
    ecfg = E.evaluator_config(scale); tok = E.char_tokenizer()
    torch.manual_seed(0)
    nets = dict(syncnet=SyncNet(ecfg.syncnet), observer1=make_observer(ecfg.observer1, tok.vocab_size),
                observer2=make_observer(ecfg.observer1, tok.vocab_size), observer3=make_observer(ecfg.observer3, tok.vocab_size),
                landmarks=E.LandmarkRegressor(ecfg.landmarks))
    return E.Evaluators(tokenizer=tok, runs={}, cfg=ecfg, **{k: v.eval() for k, v in nets.items()})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="cpu", help="evaluator scale")
    ap.add_argument("--data-scale", default="cpu", help="corpus whose test clips are scored")
    ap.add_argument("--random-weights", action="store_true")
    ap.add_argument("--clips", type=int, default=80); ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    ev = random_evaluators(a.scale) if a.random_weights else E.ensure_evaluators(make_config(a.scale), progress=False)
    cache = ensure_cache(make_config(a.data_scale).data, domain="main")
    real = E.load_clips(cache, "test")
    real = (real * (a.clips // len(real) + 1))[:a.clips]
    gen = [{**c, "faces": np.concatenate([c["faces"][:1], c["faces"][:-1]])} for c in real]   # one frame late
    frames = sum(len(c["faces"]) for c in real)
    t = {}
    s, c = time.perf_counter(), time.process_time()
    E.score_clips(gen, ev, real, timings=t)
    total, cpu = time.perf_counter() - s, time.process_time() - c
    print(f"eval_speed: {len(real)} clips, {frames} frames; evaluators {a.scale}{' (random weights)' if a.random_weights else ''}; "
          f"threads {torch.get_num_threads()}; CPU capability {torch.backends.cpu.get_cpu_capability()}; "
          f"precision fp32 (scoring runs without autocast); torch {torch.__version__}")
    for k, v in t.items(): print(f"  {k:12s} {v:8.2f} s")
    print(f"  {'one row':12s} {total:8.2f} s for {len(real)} clips ({total / len(real) * 80:.1f} s per 80 clips); "
          f"CPU time of this process {cpu:.1f} s ({cpu / total:.1f} cores busy on average)")


if __name__ == "__main__":
    main()
