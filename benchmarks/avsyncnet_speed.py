"""AV-SyncNet training speed at `cpu` scale: utterances/s of a pre-training step and of a fine-tuning step
(lip CE + L_av), and peak memory. Uses the embedded corpus when the data pipeline has built it (or `--data`),
else random tensors of the `collate_utterances` shapes (`--random`, T frames per clip).

    .venv/bin/python benchmarks/avsyncnet_speed.py [--scale cpu] [--steps 6] [--random] [--T 75] [--set avsyncnet.resnet_width=8 train.precision=bf16]
"""
import argparse, time
import numpy as np
import torch
from synctalklip.config import make_config
from synctalklip.registry import seed_everything
from synctalklip.trainkit import make_accelerator, peak_memory_mb, count_params
from synctalklip import train_avsyncnet as T_


def random_split(n, T, vocab, seed=0):
    r = np.random.default_rng(seed)
    items = [{"id": f"s/{i}", "text": "bin blue at f two now", "mfcc": r.standard_normal((13, 4 * T)).astype(np.float32)}
             for i in range(n)]
    def collate(its):
        B = len(its); L = 22
        tokens = torch.randint(4, vocab, (B, L)); tokens[:, -1] = 2
        prev = torch.cat([torch.ones(B, 1, dtype=torch.long), tokens[:, :-1]], 1)
        return {"video": torch.randn(B, 1, T, 88, 88), "audio": torch.randn(B, T, 104),
                "padding_mask": torch.zeros(B, T, dtype=torch.bool), "tokens": tokens, "prev_tokens": prev,
                "text": [it["text"] for it in its], "ids": [it["id"] for it in its]}
    return T_.Utterances(items, collate)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="cpu"); ap.add_argument("--steps", type=int, default=6)
    ap.add_argument("--random", action="store_true"); ap.add_argument("--T", type=int, default=75)
    ap.add_argument("--set", nargs="*", default=[], help="config overrides key=value")
    a = ap.parse_args()
    import ast
    def value(v):
        try: return ast.literal_eval(v)
        except (ValueError, SyntaxError): return v
    over = {k: value(v) for k, v in (kv.split("=", 1) for kv in a.set)}  # dotted keys, as synctalklip-train --set
    cfg = make_config(a.scale, **over)
    av = cfg.avsyncnet
    vocab = 32
    if a.random: data = random_split(64, a.T, vocab); src = f"random tensors, T={a.T}"
    else:
        data = T_.load_utterances(cfg, "train"); src = f"embedded corpus train split ({len(data)} clips)"
        if data.tokenizer is not None: vocab = data.tokenizer.vocab_size
    seed_everything(0)
    acc = make_accelerator(cfg.train.precision)
    model = T_.build_model(cfg, vocab).to(acc.device)
    targets = {uid: np.random.default_rng(0).integers(0, av.n_clusters, 4000) for uid in data.ids}
    opt = T_._optimizer(model, av.lr)
    print(f"scale={a.scale} data={src} params={count_params(model)/1e6:.2f}M batch={av.batch_size} "
          f"frontend_channels={av.frontend_channels} resnet_width={av.resnet_width} d_model={av.d_model} "
          f"layers={av.n_layers}+{av.dec_layers} threads={torch.get_num_threads()} precision={cfg.train.precision}")
    res = {}
    for name, fn in [("pretrain", T_.pretrain_step_fn(model, opt, data, targets, av, 0, 1, 100, acc)),
                     ("finetune", T_.finetune_step_fn(model, opt, data, av.replace(freeze_steps=0), 0, 100, acc)),
                     ("finetune_frozen", T_.finetune_step_fn(model, opt, data, av.replace(freeze_steps=10**9), 0, 100, acc))]:
        model.train(); fn(0)  # warm-up
        t = time.time()
        for s in range(1, a.steps + 1): fn(s)
        dt = (time.time() - t) / a.steps
        res[name] = dt
        print(f"{name:16s} {dt:6.2f} s/step  {av.batch_size / dt:6.1f} utterances/s")
    it = av.n_iterations * av.pretrain_steps
    est = it * res["pretrain"] + av.freeze_steps * res["finetune_frozen"] + (av.finetune_steps - av.freeze_steps) * res["finetune"]
    print(f"extrapolated stage-1 time at this load: pre-training {it} steps + fine-tuning {av.finetune_steps} steps "
          f"(frozen {av.freeze_steps}) = {est / 60:.1f} min (k-means and evaluation not included)")
    print(f"peak memory {peak_memory_mb():.0f} MiB")


if __name__ == "__main__":
    main()
