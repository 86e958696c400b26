"""Run library notebooks in place as `nbdev_test` runs them (`IN_TEST`: smoke scale; `#| eval: false` cells skipped)
and keep what their cells print and plot, so a reader on GitHub sees each notebook's tables and figures without running
it. Outputs over `MAX_KB` and stderr (warnings, progress bars) are dropped and execution counts cleared, so the diffs stay small; `make outputs` runs it on
`OUTPUT_NBS` and then `nbdev_clean`. `python tools/nb_run.py nbs/00_config.ipynb [...]`."""
import json, os, re, sys
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell

MAX_KB = 150

def skipped(cell) -> bool:
    "nbdev_test's rule: markdown, `#| eval: false` and `nbdev_export()` cells do not run."
    return (cell.cell_type != "code" or bool(re.search(r"^#\|\s*eval:\s*false", cell.source, re.M))
            or "nbdev_export(" in cell.source)

def run(path) -> None:
    p = Path(path).resolve()
    nb, here = read_nb(p), os.getcwd()
    os.environ["IN_TEST"] = "1"
    os.chdir(p.parent)
    try: CaptureShell(p).run_all(nb, exc_stop=True, preproc=skipped)
    finally: os.chdir(here)
    for c in nb.cells:
        if c.cell_type != "code": continue
        c.outputs = [o for o in c.get("outputs", []) if len(json.dumps(o)) <= MAX_KB * 1024       # no warnings, no big blobs
                     and not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        c.execution_count = None
    write_nb(nb, p)

if __name__ == "__main__":
    if len(sys.argv) < 2: sys.exit(__doc__)
    for f in sys.argv[1:]:
        print(f"running {f}", flush=True); run(f)
