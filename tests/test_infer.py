"""End-to-end tests of `synctalklip-infer` and `nbs/infer.ipynb` at smoke scale on the real fixtures.

A random-weight smoke generator (`infer.random_weights_run`) in a scratch registry: the plumbing (decode, detect, paste,
mux) does not depend on the weights. Everything runs in a scratch project home, so runs/ and figures/ are untouched.
"""
import json, os, subprocess, sys
from pathlib import Path
import pytest
from paper_nb import smoke_env

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _fixtures():
    from synctalklip.data_io import real_fixtures
    from synctalklip.data_faces import dlib_available
    fix = real_fixtures()
    if fix is None or not dlib_available(): pytest.skip("needs the real fixtures and dlib")
    return fix


def _probe(path):
    import av
    with av.open(str(path)) as c:
        v, a = c.streams.video[0], c.streams.audio[0]
        return sum(1 for _ in c.decode(v)), v.width, v.height, a.codec_context.name


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    from synctalklip.config import make_config
    from synctalklip.infer import random_weights_run, load_model, export_checkpoint
    h = tmp_path_factory.mktemp("infer_home")
    run = random_weights_run(make_config("smoke"), h / "runs")
    model, cfg = load_model(run.id, runs_root=h / "runs")
    export_checkpoint(model, cfg, h / "gen.safetensors")
    return h, run.id


def _onnx():
    "`--runtime onnx` when onnxruntime is installed (the `fast` extra)."
    import importlib.util
    return ["--runtime", "onnx"] if importlib.util.find_spec("onnxruntime") and importlib.util.find_spec("onnx") else []


def _cli(args, home):
    return subprocess.run([str(BIN / "synctalklip-infer"), "--no-progress", *map(str, args)], env=smoke_env(home),
                          capture_output=True, text=True, timeout=600)


def test_cli_run_and_checkpoint(home):
    fix = _fixtures(); h, run_id = home
    out = h / "out_run.mp4"
    r = _cli(["--face", fix / "face_25fps_b.mp4", "--audio", fix / "speech_44k_stereo.wav", "--out", out,
              "--run", run_id, "--runs", h / "runs", "--pads", 0, 10, 0, 0, "--batch-size", 16], h)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    res = json.loads(r.stdout.strip().splitlines()[-1])
    assert res["frames"] == 125 and res["generated"] == 125 and res["passthrough"] == 0, res
    assert set(res["seconds"]) >= {"decode", "detect", "generate", "paste", "encode"}, res
    assert _probe(out) == (125, 590, 590, "aac")
    out2 = h / "out_ckpt.mp4"     # a still image as the face, the model from a safetensors file, a longer audio
    import cv2
    from synctalklip.data_io import load_clip
    cv2.imwrite(str(h / "still.jpg"), cv2.cvtColor(load_clip(fix / "face_25fps_a.mp4").frames[5], cv2.COLOR_RGB2BGR))
    r = _cli(["--face", h / "still.jpg", "--audio", fix / "face_vfr22.mp4", "--out", out2,
              "--checkpoint", h / "gen.safetensors", "--fps", 25, *_onnx()], h)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert _probe(out2) == (153, 844, 844, "aac")


@pytest.mark.parametrize("which,content,reason", [("face", None, "missing"), ("face", b"", "empty"),
                                                  ("face", b"\x00garbage" * 500, "corrupt"),
                                                  ("audio", b"", "empty"), ("audio", b"RIFF....WAVEjunk" * 100, "corrupt")])
def test_cli_bad_input(home, which, content, reason):
    fix = _fixtures(); h, run_id = home
    bad = h / f"bad_{which}_{reason}.{'mp4' if which == 'face' else 'wav'}"
    if content is not None: bad.write_bytes(content)
    face, audio = (bad, fix / "speech_44k_stereo.wav") if which == "face" else (fix / "face_25fps_b.mp4", bad)
    out = h / f"out_bad_{which}_{reason}.mp4"
    r = _cli(["--face", face, "--audio", audio, "--out", out, "--run", run_id, "--runs", h / "runs"], h)
    assert r.returncode == 2, r.stdout[-2000:] + r.stderr[-2000:]
    assert f"{bad}: {reason}" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not out.exists() and not list(h.glob(".out_bad_*")), list(h.iterdir())


def test_infer_notebook_smoke(home, tmp_path):
    fix = _fixtures(); h, run_id = home
    papermill = BIN / "papermill"
    out = tmp_path / "infer_out.ipynb"
    r = subprocess.run([str(papermill), str(ROOT / "nbs" / "infer.ipynb"), str(out), "-p", "run", run_id,
                        "-p", "run_dir", str(h / "runs"), "-p", "face", str(fix / "face_vfr22.mp4"),
                        "-p", "audio", str(fix / "speech_44k_stereo.wav"), "--cwd", str(ROOT / "nbs"), "--log-output"],
                       env=smoke_env(h), capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-4000:]
    figs = sorted(p.name for p in (h / "figures").iterdir())
    assert f"infer_face_vfr22_{run_id}.mp4" in figs and f"infer_face_vfr22_{run_id}_strip.png" in figs, figs
    n, W, H, codec = _probe(h / "figures" / f"infer_face_vfr22_{run_id}.mp4")
    assert (n, W, H, codec) == (111, 700, 700, "aac")
    nb = json.loads(out.read_text())
    mimes = {m for c in nb["cells"] for o in c.get("outputs", []) for m in o.get("data", {})}
    assert "text/html" in mimes and "image/png" in mimes, mimes       # the video and the strip are shown


def test_infer_notebook_refuses_a_misspelt_parameter(tmp_path):
    papermill = BIN / "papermill"
    r = subprocess.run([str(papermill), str(ROOT / "nbs" / "infer.ipynb"), str(tmp_path / "out.ipynb"), "-p", "chekpoint",
                        "gen.safetensors", "--cwd", str(ROOT / "nbs")], env=smoke_env(tmp_path), capture_output=True, text=True,
                       timeout=300)
    assert r.returncode != 0 and "unknown notebook parameter(s) chekpoint" in r.stdout + r.stderr, (r.stdout + r.stderr)[-3000:]
    assert not (tmp_path / "runs").exists() and not (tmp_path / "figures").exists()   # nothing found, trained or written
