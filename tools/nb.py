"""Author notebooks as jupytext percent scripts: `python tools/nb.py to-nb src.py nbs/NAME.ipynb` and back with
`python tools/nb.py to-py nbs/NAME.ipynb out.py`. Keeps the kernelspec papermill needs."""
import sys
import jupytext

def to_nb(src, dst):
    nb = jupytext.read(src, fmt="py:percent")
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    jupytext.write(nb, dst, fmt="ipynb")

def to_py(src, dst):
    jupytext.write(jupytext.read(src), dst, fmt="py:percent")

if __name__ == "__main__":
    cmd, src, dst = sys.argv[1:4]
    {"to-nb": to_nb, "to-py": to_py}[cmd](src, dst)
