"""Re-evaluate finished SyncTalklip runs with the current `evaluate_clips` (first 40 test clips), logging the metrics
into each run; prints the comparison table (used to add `psnr_lower_rolled_audio` to runs trained before it existed).

    python benchmarks/probes/reeval.py runs/synctalklip-<id> [runs/synctalklip-<id> ...]
"""
import sys, torch
from synctalklip.config import Config
from synctalklip.registry import Run
from synctalklip.train_avsyncnet import ensure_expert
from synctalklip.train_synctalklip import load_generator, evaluate_run

KEYS = ("psnr", "psnr_copy", "ssim", "ssim_copy", "psnr_lower", "psnr_lower_copy", "ssim_lower", "ssim_lower_copy",
        "psnr_lower_rolled_audio", "wer_generated_grid", "wer_copy_grid", "wer_real_faces_grid")
if __name__ == "__main__":
    torch.set_num_threads(2)
    print("| run | steps | lip | lambda_lip | " + " | ".join(KEYS) + " |")
    for path in sys.argv[1:]:
        run = Run(path); cfg = Config.from_dict(run.config)
        expert, _ = ensure_expert(cfg, cfg.avsyncnet.alignment)
        m, _ = evaluate_run(cfg, load_generator(run, expert), expert, run, limit=40, keep=0)
        st = cfg.synctalklip
        print(f"| {run.id} | {st.steps} | {st.lip_loss} | {st.lambda_lip:g} | " + " | ".join(f"{m[k]:.4f}" for k in KEYS) + " |", flush=True)
