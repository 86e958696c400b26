"""SyncTalklip generator speed: training step time, peak memory and generation frames/s at `cpu` and `paper` sizes.

Random tensors of the `collate_windows` shapes (`data_datasets.random_window_batch`), a randomly initialised AV-SyncNet of the preset's size as the frozen
supervisor (so the step includes the hybrid-video pass, the lip loss and L_cav), in the preset's precision
(`train.precision`, "auto" = bf16 only where the CPU runs it natively). Each size runs in its own process so that
peak memory is that size's. Prints the CPU capability and precision beside the times.

    python benchmarks/generator_speed.py                 # both sizes
    python benchmarks/generator_speed.py --scale cpu --steps 5 --set synctalklip.resolution=96   # a preset change
"""
import argparse, json, os, subprocess, sys, time

def bench(scale: str, steps: int, clips: int, frames: int, faces: int, gen_batch: int, overrides: dict | None = None):
    import torch
    from synctalklip.config import make_config
    from synctalklip.models_avsyncnet import AVSyncNet
    from synctalklip.trainkit import make_accelerator, autocast, count_params, peak_memory_mb
    from synctalklip.train_synctalklip import build_models, train_step
    from synctalklip.models_synctalklip import generator_losses, lip_ce
    from synctalklip.data_datasets import random_window_batch
    torch.manual_seed(0)
    cfg = make_config(scale, **(overrides or {}))
    st = cfg.synctalklip
    acc = make_accelerator(cfg.train.precision)
    dev = acc.device
    expert = AVSyncNet(cfg.avsyncnet.replace(alignment="conv"), vocab_size=32)
    expert, model, disc, opt_g, opt_d = build_models(cfg, expert, dev)
    audio_dim = cfg.data.n_mels * cfg.data.mel_step if st.driver == "mel" else 104     # the driving input's width
    batch = random_window_batch(0, clips=clips, frames=frames, per_clip=faces // clips, tokens=40, audio_dim=audio_dim,
                                data_cfg=cfg.data)
    sync_expert = None
    if st.lambda_sync > 0:                    # Wav2Lip's lip-sync expert as a loss (the `cpu` preset), random weights
        from synctalklip.models_wav2lip import Wav2LipSyncNet, wav2lip_expert_config
        sync_expert = Wav2LipSyncNet(wav2lip_expert_config(scale).width).to(dev).eval().requires_grad_(False)
    batch = {k: v.to(dev) for k, v in batch.items() if torch.is_tensor(v)}
    sync = (lambda: torch.cuda.synchronize()) if dev.type == "cuda" else (lambda: None)

    losses = lambda b, step: generator_losses(model, disc, expert, b, st, step, None, lip_ce, sync_expert)
    def step():                               # the trainer's step: the generator's, then the discriminator's
        train_step(losses, batch, st.disc_start, model, disc, opt_g, opt_d, st, acc)

    step(); sync()                            # warm-up
    t0 = time.perf_counter()
    for _ in range(steps): step()
    sync(); step_s = (time.perf_counter() - t0) / steps
    # generation only (the generator + its audio embedding), batches of `gen_batch` frames
    model.eval()
    x = torch.rand(gen_batch, 3, 96, 96, device=dev); a = torch.randn(gen_batch, st.audio_dim, device=dev)
    with torch.no_grad(), autocast(acc):
        model.generator(a, x, x); sync(); t0 = time.perf_counter()
        for _ in range(steps): model.generator(a, x, x)
        sync(); fps = steps * gen_batch / (time.perf_counter() - t0)
    return dict(scale=scale, device=str(dev), cpu_capability=torch.backends.cpu.get_cpu_capability(),
                precision=acc.mixed_precision, lambda_sync=st.lambda_sync, lambda_gan=st.lambda_gan, threads=torch.get_num_threads(), width=st.width, resolution=st.resolution,
                generator_params_M=round(count_params(model.generator) / 1e6, 2),
                discriminator_params_M=round(count_params(disc) / 1e6, 2),
                expert_params_M=round(count_params(expert) / 1e6, 2),
                clips=clips, frames_per_clip=frames, generated_faces=len(batch["clip_index"]), step_s=round(step_s, 3),
                peak_memory_mb=round(peak_memory_mb(), 1), generation_fps=round(fps, 1), gen_batch=gen_batch)

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", choices=["cpu", "paper", "all"], default="all")
    ap.add_argument("--steps", type=int, default=None)
    ap.add_argument("--child", action="store_true")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", help="dotted config overrides")
    args = ap.parse_args()
    import ast
    def value(v):
        try: return ast.literal_eval(v)
        except (ValueError, SyntaxError): return v
    overrides = {k: value(v) for k, v in (kv.split("=", 1) for kv in args.set)}
    # clips per step: the preset's `synctalklip.batch_size` (cpu 2, paper 8), 75-frame clips; generated faces per clip:
    # at `cpu` the trainer's 3 windows of 5 (`WindowDataset`; until 2026-12-06 this row timed 4 clips / 40 faces,
    # about 1.3-2x the step), at `paper` 5
    from synctalklip.config import make_config
    per_clip = {"cpu": 15, "paper": 5}
    shapes = {s: dict(clips=(b := make_config(s, **overrides).synctalklip.batch_size), frames=75, faces=b * per_clip[s], gen_batch=32)
              for s in per_clip}
    default_steps = {"cpu": 5, "paper": 2}
    if args.child:
        print(json.dumps(bench(args.scale, args.steps or default_steps[args.scale], **shapes[args.scale], overrides=overrides)))
        sys.exit(0)
    for s in (["cpu", "paper"] if args.scale == "all" else [args.scale]):
        cmd = [sys.executable, __file__, "--child", "--scale", s] + (["--steps", str(args.steps)] if args.steps else [])
        cmd += ["--set", *args.set] if args.set else []
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode: print(r.stderr, file=sys.stderr); sys.exit(r.returncode)
        res = json.loads(r.stdout.strip().splitlines()[-1])
        print(f"{s:6s} " + "  ".join(f"{k}={v}" for k, v in res.items() if k != "scale"))
