"""Write README.md from nbs/index.ipynb (its markdown cells; code cells marked `#| hide` are left out).
nbdev_readme needs quarto, which these machines lack; this does the same for a notebook of markdown."""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parents[1]

def render() -> str:
    nb = json.loads((root / "nbs" / "index.ipynb").read_text())
    parts = []
    for c in nb["cells"]:
        src = "".join(c["source"]).strip()
        if c["cell_type"] == "markdown": parts.append(src)
        elif src and not src.startswith("#| hide"): parts.append("```python\n" + src + "\n```")
    return "<!-- generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file -->\n\n" + "\n\n".join(parts) + "\n"

if __name__ == "__main__":
    text = render()
    if sys.argv[1:] == ["--check"]:
        if (root / "README.md").read_text() != text:
            sys.exit("README.md is out of date with nbs/index.ipynb; run `make export`")
    else:
        (root / "README.md").write_text(text)
