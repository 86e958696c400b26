"""Does Wav2Lip's lip-sync expert at the `cpu` preset (width 0.25, batch 32, lr 1e-3) learn sync on the synthetic
corpus? Trained on the `smoke` cache's train split (24 clips), scored on its val + test clips (10) and on train, with
fixed draws (`models_wav2lip.evaluate_expert`, 10 batches of 32; chance: loss 0.693, accuracy 0.5).

    OMP_NUM_THREADS=1 python benchmarks/probes/w2l_expert.py 300
    # 302 s (1 s/step, other jobs beside it): held-out loss 0.748, acc 0.547 | train loss 0.570, acc 0.716
    # -> it memorises 24 clips; the 600-clip `cpu` corpus is not measured yet
"""
import sys, time
from synctalklip.models_wav2lip import wav2lip_expert_config, train_wav2lip_expert, evaluate_expert, expert_data
from synctalklip.evaluate import load_clips
from synctalklip.config import make_config
from synctalklip.data_manifests import ensure_cache

if __name__ == "__main__":
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    cfg = make_config("smoke"); cache = ensure_cache(cfg.data)
    fields = ("faces", "mel")
    train = load_clips(cache, "train", fields=fields)
    held = load_clips(cache, "val", fields=fields) + load_clips(cache, "test", fields=fields)
    t = time.time()
    net = train_wav2lip_expert(None, wav2lip_expert_config("cpu", steps=steps), train, seed=0, progress=False)
    print(f"{time.time() - t:.0f} s; held-out {evaluate_expert(net, expert_data(held), 10, 32)}, "
          f"train {evaluate_expert(net, expert_data(train), 10, 32)}")
