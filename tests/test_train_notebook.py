"""End-to-end tests of the main job: a papermill smoke run of nbs/train.ipynb, and a SIGKILL-and-resume run of the
generator training that must end with exactly the weights of an uninterrupted run.

Both run in a scratch project home (`SYNCTALKLIP_HOME`), so runs/, data/ and figures/ of the checkout are untouched.
"""
import json, os, signal, subprocess, sys, time
from pathlib import Path
import pytest
from paper_nb import smoke_env

ROOT = Path(__file__).resolve().parents[1]


def test_train_notebook_smoke(tmp_path):
    papermill = Path(sys.executable).with_name("papermill")
    out = tmp_path / "train_out.ipynb"
    r = subprocess.run([str(papermill), str(ROOT / "nbs" / "train.ipynb"), str(out), "-p", "variant", "conv",
                        "-p", "scale", "smoke", "--cwd", str(ROOT / "nbs"), "--log-output"],
                       env=smoke_env(tmp_path), capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-4000:]
    runs = [json.loads(p.read_text()) for p in (tmp_path / "runs").glob("*/meta.json")]
    gen = [m for m in runs if m["kind"] == "synctalklip"]
    assert len(gen) == 1 and gen[0]["status"] == "done", runs
    run_dir = tmp_path / "runs" / gen[0]["run_id"]
    metrics = json.loads((run_dir / "metrics.json").read_text())
    for row in ("generated", "wrong_audio"):      # the test clips scored by the independent evaluators
        for k in ("LSE-C", "LSE-D", "offset_within1", "WER1", "WER2", "WER3", "LMD", "PSNR", "SSIM", "PSNR_lower",
                  "SSIM_lower", "IFC", "FID"):
            assert f"eval/main/{row}/{k}" in metrics, (row, k, sorted(metrics))
    n_test = metrics["eval/main/generated/n_clips"]
    for sub in ("test_clips", "test_clips_wrong_audio"):
        assert len(list((run_dir / sub).rglob("*.mp4"))) == n_test > 0, sub
    refs = {m["kind"]: m["status"] for m in runs if m["kind"] in ("eval_groundtruth", "eval_copy")}
    assert refs == {"eval_groundtruth": "done", "eval_copy": "done"}, refs
    figs = sorted(p.name for p in (tmp_path / "figures").iterdir())
    assert any(f.endswith(".mp4") for f in figs) and any(f.endswith("_losses.html") for f in figs), figs
    assert any("strip" in f and f.endswith(".png") for f in figs), figs


DRIVER = r"""
import sys
from safetensors.torch import save_file
from synctalklip.config import make_config
from synctalklip.train_synctalklip import ensure_generator
from synctalklip.train_avsyncnet import ensure_expert

def main():
    root, steps, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    cfg = make_config("smoke", **{"synctalklip.steps": steps, "train.ckpt_every": 1})
    expert, erun = ensure_expert(cfg, "conv", root=sys.argv[4])
    if out == "-":   # the run that gets killed: slow each step down so the test can kill it mid-training
        import synctalklip.train_synctalklip as T, time
        orig = T.generator_losses
        def slow(*a, **k): time.sleep(1.0); return orig(*a, **k)
        T.generator_losses = slow
    model, run = ensure_generator(cfg, expert=expert, expert_run=erun, root=root, progress=False)
    if out != "-": save_file({k: v.detach().clone().contiguous() for k, v in model.state_dict().items()}, out)

# worker pools start with spawn, which re-imports this script: everything runs under the guard
if __name__ == "__main__":
    main()
"""


def test_kill_and_resume_gives_identical_weights(tmp_path):
    env = smoke_env(tmp_path)
    steps = 6
    driver = tmp_path / "driver.py"; driver.write_text(DRIVER)
    experts = tmp_path / "experts"
    run = lambda root, out: subprocess.run([sys.executable, str(driver), str(root), str(steps), out, str(experts)],
                                           env=env, capture_output=True, text=True, timeout=900)
    r = run(tmp_path / "full", str(tmp_path / "full.safetensors"))          # uninterrupted (also trains the shared expert)
    assert r.returncode == 0, r.stderr[-4000:]
    # start the same training elsewhere and SIGKILL it once it has written a checkpoint after step 2
    p = subprocess.Popen([sys.executable, str(driver), str(tmp_path / "cut"), str(steps), "-", str(experts)], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 600
    while time.time() < deadline:
        ck = list((tmp_path / "cut").glob("*/ckpt/step_0000002"))
        if ck or p.poll() is not None: break
        time.sleep(0.2)
    assert p.poll() is None, "the training ended before it could be killed: " + p.stderr.read().decode()[-2000:]
    os.killpg(p.pid, signal.SIGKILL); p.wait()
    meta = json.loads(next((tmp_path / "cut").glob("*/meta.json")).read_text())
    assert meta["status"] == "running"
    r = run(tmp_path / "cut", str(tmp_path / "resumed.safetensors"))        # resumes from the last checkpoint
    assert r.returncode == 0, r.stderr[-4000:]
    import torch
    from safetensors.torch import load_file
    a, b = load_file(str(tmp_path / "full.safetensors")), load_file(str(tmp_path / "resumed.safetensors"))
    assert a.keys() == b.keys()
    bad = [k for k in a if not torch.equal(a[k], b[k])]
    assert not bad, bad[:5]


def test_train_notebook_refuses_a_misspelt_parameter(tmp_path):
    papermill = Path(sys.executable).with_name("papermill")
    r = subprocess.run([str(papermill), str(ROOT / "nbs" / "train.ipynb"), str(tmp_path / "out.ipynb"), "-p", "methd",
                        "wav2lip", "--cwd", str(ROOT / "nbs")], env=smoke_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert r.returncode != 0 and "unknown notebook parameter(s) methd" in r.stdout + r.stderr, (r.stdout + r.stderr)[-3000:]
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())   # nothing built or trained


def test_experiment_notebook_parameters_are_all_seen_by_papermill():
    "papermill reads every parameter of each experiment notebook (a line it cannot parse, e.g. a comment holding '=',"
    " makes it report a passed parameter as unknown)."
    import ast, nbformat, papermill
    for nb_path in sorted((ROOT / "nbs").glob("*.ipynb")):
        if not nb_path.name.startswith(("train", "infer", "pretrain_", "paper_")): continue
        cells = [c for c in nbformat.read(nb_path, 4).cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        if not cells: continue
        assigned = {t.id for n in ast.parse(cells[0].source).body if isinstance(n, ast.Assign) for t in n.targets
                    if isinstance(t, ast.Name)}
        seen = set(papermill.inspect_notebook(str(nb_path)))
        assert assigned and seen == assigned, (nb_path.name, sorted(assigned - seen))
