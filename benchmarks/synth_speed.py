"""Synthetic corpus speed: clips per second on 2 worker processes for ~3-second clips, encoding included.

Writes a throw-away corpus of open-vocabulary sentences (3-12 words, about 3 s on average at the speakers' rates) into a
temporary folder with `generate_corpus(..., workers=2)` and reports clips/s and the real-time factor. Target
(issue 3): >= 5 clips/s on 2 cores. Usage: `python benchmarks/synth_speed.py [n_clips] [workers]`.
"""
import json, sys, tempfile, time
from pathlib import Path
import numpy as np
from synctalklip import synth_corpus as sc


def main(n_clips: int = 40, workers: int = 2):
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.time()
        root = sc.generate_corpus(Path(tmp) / "bench", n_clips, 0, 0, seed=123, workers=workers, n_speakers=8,
                                  n_test_speakers=1, open_vocab_fraction=1.0, progress=False)
        dt = time.time() - t0
        durs = [json.loads(p.read_text())["n_frames"] / 25 for p in (root / "main").glob("*/*.json")]
    print(f"clips: {n_clips}, workers: {workers}, wall: {dt:.1f} s")
    print(f"mean clip duration: {np.mean(durs):.2f} s (min {np.min(durs):.2f}, max {np.max(durs):.2f})")
    print(f"throughput: {n_clips / dt:.2f} clips/s, {sum(durs) / dt:.1f}x real time (target >= 5 clips/s)")
    return n_clips / dt


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
