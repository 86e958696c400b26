# The two commands of the README: `make demo` (main job) and `make test` (all tests).
# Both set up their own virtual environment on a fresh clone and are idempotent.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SCALE ?= cpu
VARIANT ?= conv

.PHONY: setup demo paper evaluators test test-nbs test-e2e export check-export benchmarks clean-runs lab outputs

setup: $(STAMP)

$(STAMP): setup.py settings.ini constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -c constraints.txt -e ".[dev,real,fast]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

## Main job: SyncTalklip (conv variant) on the embedded corpus, at `cpu` scale.
demo: setup
	mkdir -p runs
	@echo "== the stages in this terminal (synctalklip-train), then the report notebook (figures) from the registry"
	$(BIN)/synctalklip-train --variant $(VARIANT) --scale $(SCALE)
	$(BIN)/papermill nbs/train.ipynb runs/train_$(VARIANT)_$(SCALE).ipynb -p variant $(VARIANT) -p scale $(SCALE) --cwd nbs
	@echo; echo "== the main job's run and its Table-1 rows (runs/train_$(VARIANT)_$(SCALE).ipynb has everything)"
	@$(PY) tools/nb_outputs.py runs/train_$(VARIANT)_$(SCALE).ipynb

## Every paper notebook at $(SCALE) through papermill, in dependency order, executed into reports/ (tables, figures and
## verdicts; CSVs in figures/). Runs found in the registry are not retrained, so it can be stopped and restarted at any
## point, and a second run only re-renders. One line per notebook with its time, then the total.
## The seeds of the rows that carry the paper's main claims: every row of Table 1, and SyncTalklip with its w/o-lip-loss
## and w/o-contrastive rows in Table 3 (the other rows: seed 0). PAPER_SEEDS=0 for a one-seed pass.
PAPER_NBS = paper_metrics_groundtruth paper_supp_table1_readers paper_table2_avsyncnet paper_table1_main paper_table3_ablation paper_table4_variants paper_table5_perceptual
PAPER_SEEDS ?= 0, 1, 2
paper: setup
	@mkdir -p reports; t0=$$(date +%s); for nb in $(PAPER_NBS); do s=$$(date +%s); echo "== $$nb"; \
	  case $$nb in paper_table1_main) y='{"seeds": [$(PAPER_SEEDS)]}';; paper_table3_ablation) y='{"claim_seeds": [$(PAPER_SEEDS)]}';; *) y='{}';; esac; \
	  $(BIN)/papermill nbs/$$nb.ipynb reports/$$nb.ipynb --cwd nbs -k python3 -p scale $(SCALE) -y "$$y" --no-progress-bar --log-level WARNING || exit 1; \
	  echo "   $$nb: $$(( $$(date +%s) - s )) s"; done; echo "== make paper: $$(( $$(date +%s) - t0 )) s in all"

## The independent evaluators (SyncNet, lip readers, landmarks) trained here on ground truth and written into the
## package as shipped runs (about 30 min on two cores); commit synctalklip/assets/runs/ afterwards.
evaluators: setup
	$(BIN)/synctalklip-evaluators --scale $(SCALE) --train --ship

## JupyterLab on the notebooks (LAB_ARGS for more, e.g. LAB_ARGS="--no-browser --port 8899").
lab: setup
	$(BIN)/jupyter lab --notebook-dir nbs $(LAB_ARGS)

## Every test: the library notebooks (nbdev_test, smoke scale), then end-to-end tests.
test: setup test-nbs test-e2e

test-nbs: setup
	$(BIN)/nbdev_test --n_workers 2 --skip_file_re '^(train|infer|pretrain_|paper_|_)'

test-e2e: setup
	$(BIN)/pytest -q tests

## Notebook hygiene: regenerate the package from the notebooks and strip notebook noise.
export: setup
	$(BIN)/nbdev_export
	$(BIN)/nbdev_clean
	$(PY) tools/readme.py

## Keep what the house-style library notebooks print (smoke scale, as nbdev_test runs them), for readers on GitHub.
OUTPUT_NBS = nbs/00_config.ipynb nbs/02_trainkit.ipynb nbs/12_data_features.ipynb nbs/30_losses_expert.ipynb nbs/31_losses_generator.ipynb nbs/50_metrics.ipynb
outputs: setup
	$(PY) tools/nb_run.py $(OUTPUT_NBS)
	for f in $(OUTPUT_NBS); do $(BIN)/nbdev_clean --fname $$f || exit 1; done

check-export: setup
	$(PY) tools/check_export.py

benchmarks: setup
	for f in benchmarks/*.py; do echo "== $$f"; $(PY) $$f || exit 1; done
