"""Author notebooks as jupytext percent scripts: `python tools/nb.py to-nb src.py nbs/NAME.ipynb` and back with
`python tools/nb.py to-py nbs/NAME.ipynb out.py`. Keeps the kernelspec papermill needs (the notebook's own metadata
when it exists), and keeps the ids and committed outputs of cells whose source did not change (so the exported modules
do not churn and a notebook's shown results survive an edit elsewhere)."""
import os, sys, tempfile
import jupytext

def to_nb(src, dst):
    nb = jupytext.read(src, fmt="py:percent")
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    if os.path.exists(dst):
        prev = jupytext.read(dst)
        nb.metadata = prev.metadata or nb.metadata
        old = {}
        for c in prev.cells: old.setdefault(c.source, c)
        for c in nb.cells:
            o = old.pop(c.source, None)
            if o is None: continue
            if o.get("id"): c["id"] = o["id"]
            if c.cell_type == "code" and o.cell_type == "code":
                c.outputs, c.execution_count = o.get("outputs", []), o.get("execution_count")
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(dst)), prefix=".nbtmp-", suffix=".ipynb"); os.close(fd)
    jupytext.write(nb, tmp, fmt="ipynb")
    os.replace(tmp, dst)

def to_py(src, dst):
    jupytext.write(jupytext.read(src), dst, fmt="py:percent")

if __name__ == "__main__":
    cmd, src, dst = sys.argv[1:4]
    {"to-nb": to_nb, "to-py": to_py}[cmd](src, dst)
