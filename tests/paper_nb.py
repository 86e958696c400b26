"""Run an experiment notebook under papermill at smoke scale in a temporary registry (`<tmp>/runs`); the smoke corpus
and cache are reused from the data folder (`SYNCTALKLIP_DATA` or the project's `data/`)."""
import os, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAPERMILL = Path(sys.executable).with_name("papermill")


def smoke_env(home: Path) -> dict:
    "The environment of a smoke-scale subprocess with its own project home (`<home>/runs`, `<home>/data`; checkout untouched)."
    env = dict(os.environ, SYNCTALKLIP_SMOKE="1", SYNCTALKLIP_HOME=str(home), OMP_NUM_THREADS="1",
               SYNCTALKLIP_RUNS=str(home / "runs"), SYNCTALKLIP_DATA=str(home / "data"))
    env.pop("IN_TEST", None)
    return env


def run_smoke(notebook: str, tmp_path: Path, *args: str, timeout: int = 2400) -> Path:
    "Run `nbs/<notebook>` with `-p scale smoke` and the extra papermill `args`; assert it succeeded; return its runs folder."
    runs = tmp_path / "runs"
    env = dict(os.environ, SYNCTALKLIP_SMOKE="1", SYNCTALKLIP_RUNS=str(runs), SYNCTALKLIP_HOME=str(ROOT),
               OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"))
    env.setdefault("SYNCTALKLIP_DATA", str(ROOT / "data"))
    cmd = [str(PAPERMILL), str(ROOT / "nbs" / notebook), str(tmp_path / "out.ipynb"), "--cwd", str(ROOT / "nbs"),
           "-k", "python3", "--start-timeout", "600", "-p", "scale", "smoke", *args]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-5000:]
    return runs
