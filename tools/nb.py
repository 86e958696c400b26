"""Author notebooks as jupytext percent scripts: `python tools/nb.py to-nb src.py nbs/NAME.ipynb` and back with
`python tools/nb.py to-py nbs/NAME.ipynb out.py`. Keeps the kernelspec papermill needs, and keeps the ids of cells
whose source did not change (so the exported modules do not churn)."""
import os, sys, tempfile
import jupytext

def to_nb(src, dst):
    nb = jupytext.read(src, fmt="py:percent")
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    if os.path.exists(dst):
        old = {}
        for c in jupytext.read(dst).cells: old.setdefault(c.source, c.get("id"))
        for c in nb.cells:
            if old.get(c.source): c["id"] = old.pop(c.source)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(dst)), prefix=".nbtmp-", suffix=".ipynb"); os.close(fd)
    jupytext.write(nb, tmp, fmt="ipynb")
    os.replace(tmp, dst)

def to_py(src, dst):
    jupytext.write(jupytext.read(src), dst, fmt="py:percent")

if __name__ == "__main__":
    cmd, src, dst = sys.argv[1:4]
    {"to-nb": to_nb, "to-py": to_py}[cmd](src, dst)
