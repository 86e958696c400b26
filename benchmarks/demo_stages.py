"""The main job (`make demo`) stage by stage: corpus, preprocessing cache, AV-SyncNet pre-training and fine-tuning, the
evaluators, the lip-sync expert (when `lambda_sync` > 0), the generator, generation + scoring of the test clips. Prints each stage's wall time with the CPU
capability, the precision and the thread count, so that a change of the `cpu` preset can be measured before and after
on the machine at hand (compare ratios across machines: `python ../shared/tools/cpu_probe.py`).

    python benchmarks/demo_stages.py --fresh                      # the whole job in a new temporary data/runs home
    python benchmarks/demo_stages.py --fresh --steps-scale 0.1    # a tenth of every training stage's steps; the table
                                                                  # also gives those stages' times scaled back up
    python benchmarks/demo_stages.py --set synctalklip.resolution=96 --variant conv
    python benchmarks/demo_stages.py --fresh --steps-scale 0.1 --emulate-avx2   # as on an AVX2-only CPU (fp32)

Without `--fresh` it uses the project's data and runs, so stages already done there cost (almost) nothing.
Stage 1 (the expert) pre-trains and fine-tunes in `ensure_expert`; the pre-training time is read from its run.
"""
import argparse, ast, json, os, sys, tempfile, time


def parse_overrides(items):
    def value(v):
        try: return ast.literal_eval(v)
        except (ValueError, SyntaxError): return v
    return {k: value(v) for k, v in (kv.split("=", 1) for kv in items)}


def main():
    from isa import maybe_emulate, emulating
    maybe_emulate()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", default="cpu")
    ap.add_argument("--variant", default="conv", help="as `make demo` (default conv)")
    ap.add_argument("--fresh", action="store_true", help="start from an empty temporary data and runs home")
    ap.add_argument("--steps-scale", type=float, default=1.0, help="multiply every training stage's steps by this")
    ap.add_argument("--test-limit", type=int, default=None, help="score only the first N test clips")
    ap.add_argument("--train-evaluators", action="store_true",
                    help="train the evaluators (about 30 min on two cores) instead of using those the package ships")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", help="dotted config overrides")
    ap.add_argument("--emulate-avx2", action="store_true", help="run as on an AVX2-only CPU (benchmarks/isa.py)")
    a = ap.parse_args()
    if a.fresh:
        home = tempfile.mkdtemp(prefix="synctalklip-demo-")
        os.environ["SYNCTALKLIP_DATA"] = os.path.join(home, "data"); os.environ["SYNCTALKLIP_RUNS"] = os.path.join(home, "runs")
    import torch
    from synctalklip.config import make_config
    from synctalklip import synth_corpus, data_manifests, evaluate as E, train_synctalklip as T
    from synctalklip.train_avsyncnet import ensure_expert
    o = {"synctalklip.variant": a.variant, **parse_overrides(a.set)}
    base = make_config(a.scale, **o)
    if a.steps_scale != 1.0:
        f = a.steps_scale
        for k in ("avsyncnet.pretrain_steps", "avsyncnet.finetune_steps", "avsyncnet.freeze_steps", "synctalklip.steps"):
            sec, name = k.split(".")
            o.setdefault(k, max(1, int(round(getattr(getattr(base, sec), name) * f))))
    cfg = T.generator_config(make_config(a.scale, **o))
    rows, t_all = [], time.time()

    def stage(name, fn, scaled=False):
        t = time.time(); out = fn(); s = time.time() - t
        rows.append((name, s, s / a.steps_scale if scaled and a.steps_scale != 1.0 else None)); print(f"[{name}] {s:.0f} s", flush=True)
        return out

    stage("corpus", lambda: synth_corpus.ensure_corpus(cfg.data) if cfg.data.root is None else None)
    stage("cache", lambda: data_manifests.ensure_cache(cfg.data))
    expert, erun = stage("expert (pre-training + fine-tuning)", lambda: ensure_expert(cfg, cfg.avsyncnet.alignment), scaled=True)
    ecfg = E.evaluator_config(cfg.scale); ecfg.shipped = not a.train_evaluators
    ev = stage("evaluators" + (" (trained)" if a.train_evaluators else " (shipped, or trained)"), lambda: E.ensure_evaluators(cfg, ecfg))
    if cfg.synctalklip.lambda_sync > 0:       # the generator's Wav2Lip lip-sync expert, its own run
        from synctalklip.models_wav2lip import ensure_wav2lip_expert
        stage("lip-sync expert (Wav2Lip)", lambda: ensure_wav2lip_expert(cfg))
    model, run = stage("generator", lambda: T.ensure_generator(cfg, expert, erun), scaled=True)
    stage("generation + scoring", lambda: E.evaluate_generator(model, cfg, run, ev, limit=a.test_limit))
    total = time.time() - t_all
    pre = erun.metrics.get("pretrain_seconds")
    from synctalklip.config import resolve_precision
    print(f"\ncpu capability {torch.backends.cpu.get_cpu_capability()}{' (emulated, benchmarks/isa.py)' if emulating() else ''}, precision {resolve_precision(cfg.train.precision)}, "
          f"threads {torch.get_num_threads()}, scale {a.scale}, variant {a.variant}, steps x{a.steps_scale}")
    print(f"{'stage':40s} {'seconds':>8s} {'scaled to x1':>13s}")
    for name, s, full in rows:
        print(f"{name:40s} {s:8.0f} {'' if full is None else f'{full:13.0f}'}")
    if pre: print(f"{'  of which pre-training':40s} {pre:8.0f}")
    est = sum(full if full is not None else s for _, s, full in rows)
    print(f"{'total':40s} {total:8.0f} {est:13.0f}")
    print(json.dumps({"stages": {n: round(s, 1) for n, s, _ in rows}, "total_s": round(total, 1),
                      "estimated_full_s": round(est, 1), "generator_run": run.id, "emulated_avx2": emulating()}))


if __name__ == "__main__":      # spawned workers (corpus, cache) re-import this file
    main()
