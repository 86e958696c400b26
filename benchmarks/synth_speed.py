"""Synthetic corpus speed: clips per second on 2 worker processes for ~3-second clips, encoding included.

Writes a throw-away corpus of open-vocabulary sentences (3-12 words, about 3 s on average) into a temporary folder
with `generate_corpus(..., workers=2)` and reports wall-clock clips/s and the real-time factor, plus the CPU time
per clip (all processes: workers, espeak children, ffmpeg), from which `2 / cpu_s_per_clip` estimates the rate on
two otherwise idle cores (the wall-clock figure depends on what else runs on the machine). Target (issue 3):
>= 5 clips/s on 2 cores. Usage: `python benchmarks/synth_speed.py [n_clips] [workers]`.
"""
import json, os, resource, sys, tempfile, time
from pathlib import Path
import numpy as np
from synctalklip import synth_corpus as sc


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def main(n_clips: int = 60, workers: int = 2):
    with tempfile.TemporaryDirectory() as tmp:
        c0, t0 = _cpu(), time.time()
        root = sc.generate_corpus(Path(tmp) / "bench", n_clips, 0, 0, seed=123, workers=workers, n_speakers=8,
                                  n_test_speakers=1, open_vocab_fraction=1.0, progress=False)
        dt, cpu = time.time() - t0, _cpu() - c0
        durs = [json.loads(p.read_text())["n_frames"] / 25 for p in (root / "main").glob("*/*.json")]
    load = os.getloadavg()[0]
    print(f"clips: {n_clips}, workers: {workers}, wall: {dt:.1f} s, load average during run: {load:.1f}")
    print(f"mean clip duration: {np.mean(durs):.2f} s (min {np.min(durs):.2f}, max {np.max(durs):.2f})")
    print(f"wall-clock throughput: {n_clips / dt:.2f} clips/s, {sum(durs) / dt:.1f}x real time")
    print(f"CPU time: {cpu / n_clips * 1000:.0f} ms per clip -> estimated {2 * n_clips / cpu:.2f} clips/s on 2 idle cores "
          f"(target >= 5 clips/s)")
    return n_clips / dt


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
