"""Observer learning probe: train one observer on the cpu corpus and print corpus/GRID/open WER on 40 test clips.

    python benchmarks/probes/obs.py seq2seq 1500 1e-3 "{'viseme_weight': 0.0}" 1   # no viseme loss: GRID WER 86% at 1500 steps
    python benchmarks/probes/obs.py conformer 1500 1e-3 "{'viseme_weight': 0.0}" 1 # no viseme loss: GRID WER 86%
"""
import sys, time, torch, numpy as np
from synctalklip.config import make_config
from synctalklip.data_manifests import ensure_cache
from synctalklip.evaluate import *
from synctalklip.evaluate import _observer_data
from synctalklip.models_observers import observer_config, make_observer
from synctalklip.registry import seed_everything, step_rng
from synctalklip import metrics as M
if __name__ == "__main__":
    arch, steps, lr = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    extra = eval(sys.argv[4]) if len(sys.argv) > 4 else {}
    torch.set_num_threads(int(sys.argv[5]) if len(sys.argv) > 5 else 2)
    cfg = make_config("cpu"); cache = ensure_cache(cfg.data, domain="main")
    tr = load_clips(cache, "train"); te = load_clips(cache, "test", limit=40)
    ocfg = observer_config(arch, "cpu", steps=steps, lr=lr, **extra)
    tok = char_tokenizer(); seed_everything(0)
    net = make_observer(ocfg, tok.vocab_size)
    print(sum(p.numel() for p in net.parameters())/1e6, "M params")
    opt = torch.optim.AdamW(net.parameters(), lr, weight_decay=1e-2)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=steps, pct_start=0.1)
    data = _observer_data(tr, ocfg)
    src = [str(c["source"]) for c in te]; texts=[c["text"] for c in te]
    rois = [mouth_rois(c["faces"], c["roi_theta"]) for c in te]
    t0 = time.time()
    for step in range(steps):
        net.train()
        idx = step_rng(0, step).integers(0, len(data), ocfg.batch_size)
        b = observer_batch(data, idx, tok)
        with torch.autocast("cpu", dtype=torch.bfloat16): out = net.loss(b)
        opt.zero_grad(); out["loss"].backward(); torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0); opt.step(); sched.step()
        if step % 50 == 0: print(step, f"{out['loss'].item():.3f}", f"{(time.time()-t0)/(step+1):.2f}s/step", flush=True)
        if (step+1) % max(1, steps//3) == 0 or step == steps-1:
            hyps = observer_hyps(net, rois, texts, tok)
            g=[i for i,s in enumerate(src) if s=="grid"]; o=[i for i,s in enumerate(src) if s!="grid"]
            print("EVAL", step+1, "all", M.corpus_wer(texts,hyps), "grid", M.corpus_wer([texts[i] for i in g],[hyps[i] for i in g]),
                  "open", M.corpus_wer([texts[i] for i in o],[hyps[i] for i in o]), hyps[g[0]], "|", texts[g[0]], flush=True)
