"""How strong is each generator loss where it acts? Norms of the weighted gradients of L_rec, L_gan, L_lip and L_cav
with respect to the generated pixels, on a few `cpu` training batches, with the trained conv expert as supervisor
and a freshly initialised generator (reference head).

    python benchmarks/probes/gradmix.py
"""
import torch, numpy as np
from synctalklip.config import make_config
from synctalklip.train_avsyncnet import ensure_expert
from synctalklip.train_synctalklip import (build_models, window_batches, hybrid_video, supervise, lip_ce, expert_alignment,
                                           generator_config)
from synctalklip.losses_generator import rec_loss, gan_generator_loss, cav_loss

if __name__ == "__main__":
    torch.set_num_threads(1)
    cfg = generator_config(make_config("cpu"))
    st = cfg.synctalklip
    expert, _ = ensure_expert(cfg, expert_alignment(st))
    expert, model, disc, _, _ = build_models(cfg, expert)
    batches = window_batches(cfg)
    rows = []
    for s in range(4):
        b = batches(5000 + s)
        ci, fi, pm = b["clip_index"], b["frame_index"], b["padding_mask"]
        feats, gen = model.generate_batch(b); gen = gen.detach().requires_grad_(True)
        hybrid = hybrid_video(b["rois"], gen, b["roi_theta"], ci, fi)
        logits, v = supervise(expert, hybrid, pm, b["prev_tokens"])
        terms = {"rec": st.rec_weight * rec_loss(gen, b["target"]), "gan": st.lambda_gan * gan_generator_loss(disc(gen)),
                 "lip": st.lambda_lip * lip_ce(logits.float(), b["tokens"]),
                 "cav": st.lambda_cav * cav_loss(model.cav_head(feats[ci, fi].float()), v[ci, fi].float(), st.cav_form, st.cav_tau)}
        row = {}
        for k, t in terms.items():
            g, = torch.autograd.grad(t, gen, retain_graph=True)
            row[k] = g.norm().item(); row[k + "_mouth"] = g[:, :, 48:].norm().item()
        rows.append(row)
    m = {k: np.mean([r[k] for r in rows]) for k in rows[0]}
    print("gradient norm w.r.t. generated pixels (mean of 4 batches):")
    for k in ("rec", "gan", "lip", "cav"): print(f"  {k:4s} {m[k]:.3e}  (lower half {m[k + '_mouth']:.3e})")
