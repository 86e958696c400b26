"""Observer probe with a viseme head attached from outside (what led to `ObserverConfig.viseme_weight`).

    python benchmarks/probes/obsv.py seq2seq 900 1e-3 1.0 "{'viseme_weight': 0.0}"   # GRID WER 58% at 300 steps, 33% at 600
"""
import sys, time, torch, numpy as np, torch.nn.functional as F
from synctalklip.config import make_config
from synctalklip.data_manifests import ensure_cache
from synctalklip.evaluate import *
from synctalklip.models_observers import observer_config, make_observer
from synctalklip.registry import seed_everything, step_rng
from synctalklip.data_datasets import pad_stack
from synctalklip import metrics as M
if __name__ == "__main__":
    arch, steps, lr, vw = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
    extra = eval(sys.argv[5]) if len(sys.argv) > 5 else {}
    torch.set_num_threads(1)
    cfg = make_config("cpu"); cache = ensure_cache(cfg.data, domain="main")
    tr = load_clips(cache, "train"); te = load_clips(cache, "test", limit=40)
    ocfg = observer_config(arch, "cpu", steps=steps, lr=lr, **extra)
    tok = char_tokenizer(); seed_everything(0)
    net = make_observer(ocfg, tok.vocab_size)
    head = torch.nn.Linear(ocfg.d_model, 16)
    enc = net.encode; store = {}
    def encode(*a, **k):
        store["m"] = enc(*a, **k); return store["m"]
    net.encode = encode
    params = list(net.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr, weight_decay=1e-2)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=steps, pct_start=0.1)
    data = [((mouth_rois(c["faces"], c["roi_theta"], out_size=ocfg.input_size) * 255).round().to(torch.uint8), c["text"], torch.from_numpy(np.asarray(c["visemes"])).long()) for c in tr]
    src = [str(c["source"]) for c in te]; texts=[c["text"] for c in te]
    rois = [mouth_rois(c["faces"], c["roi_theta"]) for c in te]
    t0 = time.time()
    for step in range(steps):
        net.train()
        idx = step_rng(0, step).integers(0, len(data), ocfg.batch_size)
        b = observer_batch(data, idx, tok)   # (rois, text, visemes); the library head is off (viseme_weight 0)
        vis, _ = pad_stack([data[i][2] for i in idx], value=-1)
        with torch.autocast("cpu", dtype=torch.bfloat16): out = net.loss(b)
        vl = F.cross_entropy(head(store["m"].float()).flatten(0, 1), vis.flatten()[: store["m"].shape[0]*store["m"].shape[1]], ignore_index=-1)
        loss = out["loss"] + vw * vl
        opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(params, 5.0); opt.step(); sched.step()
        if step % 50 == 0: print(step, f"{out['loss'].item():.3f} vis {vl.item():.3f}", f"{(time.time()-t0)/(step+1):.2f}s/step", flush=True)
        if (step+1) % max(1, steps//3) == 0 or step == steps-1:
            hyps = observer_hyps(net, rois, texts, tok)
            g=[i for i,s in enumerate(src) if s=="grid"]; o=[i for i,s in enumerate(src) if s!="grid"]
            print("EVAL", step+1, "all", M.corpus_wer(texts,hyps), "grid", M.corpus_wer([texts[i] for i in g],[hyps[i] for i in g]),
                  "open", M.corpus_wer([texts[i] for i in o],[hyps[i] for i in o]), hyps[g[0]], "|", texts[g[0]], flush=True)
