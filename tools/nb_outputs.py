"""Print the text that the last `n` code cells of an executed notebook printed: `make demo` ends by showing the
main job's Table-1 rows from the papermill output notebook. `python tools/nb_outputs.py OUT.ipynb [n]`."""
import sys
import nbformat

def outputs(path, n: int = 1) -> str:
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code" and c.get("outputs")][-n:]
    out = []
    for c in cells:
        for o in c.outputs:
            if o.get("output_type") == "stream" and o.get("name") == "stdout": out.append(o.get("text", ""))
            elif o.get("output_type") in ("execute_result", "display_data") and "text/plain" in o.get("data", {}):
                out.append(o["data"]["text/plain"] + "\n")
    return "".join(out)

if __name__ == "__main__":
    if len(sys.argv) < 2: sys.exit(__doc__)
    print(outputs(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1), end="")
