"""synctalklip-infer speed, end to end from files to the muxed mp4, with the time of each stage.

A random-weight generator of each preset's size (speed does not depend on the weights) on a real fixture (844x844,
25 fps, 5 s) driven by the 44.1 kHz stereo speech. Each size runs twice in one process: the first run pays the
one-off start costs (librosa's resampler, dlib's models), the second is the measured one. Also the generator's
forward alone at the same batch size, for comparison with benchmarks/generator_speed.py: eager, prepared as inference
runs it (batch norm folded, channels-last or onnx) computing the whole face, and prepared computing only the rows that
are pasted back (what `synctalklip-infer` runs).

    python benchmarks/infer_speed.py                                   # cpu and paper widths, torch (and onnx) runtimes
    python benchmarks/infer_speed.py --scale cpu --device cuda --precision bf16
    python benchmarks/infer_speed.py --emulate-avx2                    # as on an AVX2-only CPU (benchmarks/isa.py)
"""
import argparse, json, os, tempfile, time
from pathlib import Path


def bench(scale: str, face, audio, device: str, precision: str, batch_size: int, repeats: int, runtime: str,
          emulated: bool = False):
    import torch
    from synctalklip.config import make_config
    from synctalklip.train_synctalklip import generator_config
    from synctalklip.models_synctalklip import SyncTalklip
    from synctalklip.train_avsyncnet import build_model
    from synctalklip import infer as I
    torch.manual_seed(0)
    cfg = generator_config(make_config(scale))
    model = SyncTalklip(cfg.synctalklip, build_model(cfg)).eval()
    opts = I.InferOptions(device=device, precision=precision, batch_size=batch_size, progress=False, runtime=runtime)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeats + 1):
            t0 = time.perf_counter()
            res = I.lipsync(face, audio, Path(tmp) / f"out{i}.mp4", model, cfg, opts)
            runs.append(dict(wall_s=round(time.perf_counter() - t0, 3), frames=res.n_frames,
                             seconds={k: round(v, 3) for k, v in res.seconds.items()}))
    dev = I.resolve_device(device)
    top = I.pasted_rows(cfg.data.face_size)         # inference computes only the rows that are pasted back
    gens = {"eager": model.generator.to(dev), runtime: I.prepare_generator(model.generator, dev, runtime),
            f"{runtime}, rows {top}:": I.prepare_generator(model.generator, dev, runtime, top=top)}
    x = torch.rand(batch_size, 3, 96, 96, device=dev); a = torch.randn(batch_size, cfg.synctalklip.audio_dim, device=dev)
    gen_fps = {}
    for name, gen in gens.items():
        with torch.inference_mode(), I.autocast_for(dev, precision):
            gen(a, x, x); t0 = time.perf_counter(); n = 5
            for _ in range(n): gen(a, x, x)
            if dev.type == "cuda": torch.cuda.synchronize()
            gen_fps[name] = round(n * batch_size / (time.perf_counter() - t0), 1)
    best = min(runs[1:], key=lambda r: r["wall_s"])
    return dict(scale=scale, width=cfg.synctalklip.width, device=str(dev), precision=precision, runtime=runtime,
                threads=torch.get_num_threads(), cpu_capability=torch.backends.cpu.get_cpu_capability(), emulated_avx2=emulated,
                batch_size=batch_size, frames=best["frames"], end_to_end_fps=round(best["frames"] / best["wall_s"], 2),
                first_run_fps=round(runs[0]["frames"] / runs[0]["wall_s"], 2),
                stage_ms_per_frame={k: round(1000 * v / best["frames"], 1) for k, v in best["seconds"].items()},
                generator_alone_fps=gen_fps, load_average=os.getloadavg()[0], runs=runs)


def main():
    from isa import maybe_emulate, emulating
    maybe_emulate()
    from synctalklip.data_io import real_fixtures
    fix = real_fixtures()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", nargs="*", default=["cpu", "paper"])
    ap.add_argument("--face", default=str(fix / "face_25fps_a.mp4") if fix else None)
    ap.add_argument("--audio", default=str(fix / "speech_44k_stereo.wav") if fix else None)
    ap.add_argument("--device", default="cpu"); ap.add_argument("--precision", default="fp32")
    ap.add_argument("--batch-size", type=int, default=32); ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--emulate-avx2", action="store_true", help="run as on an AVX2-only CPU (benchmarks/isa.py)")
    import importlib.util
    have_onnx = importlib.util.find_spec("onnxruntime") is not None
    ap.add_argument("--runtime", nargs="*", default=["torch", "onnx"] if have_onnx else ["torch"],
                    help="generator runtimes to measure (default: torch, and onnx when onnxruntime is installed)")
    a = ap.parse_args()
    for s in a.scale:
        for rt in a.runtime:
            print(json.dumps(bench(s, a.face, a.audio, a.device, a.precision, a.batch_size, a.repeats, rt, emulating())), flush=True)


if __name__ == "__main__":
    main()
