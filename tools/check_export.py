"""Fail when the committed package differs from what the notebooks export.

Exports the notebooks into a scratch copy of the project and compares every file of
`synctalklip/` byte for byte, so it works in a dirty tree and on a clean clone alike.
"""
import filecmp, shutil, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parents[1]
with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    shutil.copy(root / "settings.ini", tmp / "settings.ini")
    shutil.copytree(root / "nbs", tmp / "nbs", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(root / "synctalklip", tmp / "synctalklip", ignore=shutil.ignore_patterns("__pycache__"))
    exe = Path(sys.executable).with_name("nbdev_export")
    subprocess.run([str(exe)], cwd=tmp, check=True, capture_output=True)
    diffs = []
    for f in sorted((tmp / "synctalklip").rglob("*.py")):
        rel = f.relative_to(tmp)
        mine = root / rel
        if not mine.exists() or not filecmp.cmp(f, mine, shallow=False):
            diffs.append(str(rel))
    for f in sorted((root / "synctalklip").rglob("*.py")):
        rel = f.relative_to(root)
        if not (tmp / rel).exists():
            diffs.append(f"{rel} (not produced by any notebook)")
if diffs:
    print("synctalklip/ differs from what the notebooks export; run `make export`:\n  " + "\n  ".join(diffs))
    sys.exit(1)
print("package matches the notebooks")
