import subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_package_matches_notebooks():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "check_export.py")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_version_importable():
    r = subprocess.run([sys.executable, "-c", "import synctalklip; print(synctalklip.__version__)"],
                       capture_output=True, text=True, cwd="/")
    assert r.returncode == 0 and r.stdout.strip(), r.stderr


def test_readme_matches_index_notebook():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "readme.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
