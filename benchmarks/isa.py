"""Run a benchmark as on an AVX2-only CPU: `--emulate-avx2` in a benchmark re-executes it with torch's own kernels,
oneDNN's and MKL's held at AVX2 (no AVX-512, no AVX512-BF16, no AMX), before torch is imported. `precision="auto"`
then picks fp32, as it does on such a chip (`config.native_precision`).

This emulates the instruction set, not the chip: clock, caches and memory stay this machine's. To carry a time over
to the AVX2 reference machine of `../shared/tools/cpu_probe.py` (a 2-core AMD EPYC), run the probe under the same
variables (`python benchmarks/isa.py ../shared/tools/cpu_probe.py`) and scale by its `vs_avx2_reference`.
"""
import os, sys

AVX2_ENV = {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2", "MKL_ENABLE_INSTRUCTIONS": "AVX2"}


def emulating() -> bool:
    return all(os.environ.get(k) == v for k, v in AVX2_ENV.items())


def reexec_as_avx2(argv=None):
    "Replace this process by the same command under `AVX2_ENV` (a no-op when already there)."
    if emulating(): return
    argv = list(sys.argv if argv is None else argv)
    os.execve(sys.executable, [sys.executable] + argv, {**os.environ, **AVX2_ENV})


def maybe_emulate(argv=None):
    "Call first thing in a benchmark: `--emulate-avx2` anywhere in the arguments re-executes it under `AVX2_ENV`."
    argv = list(sys.argv if argv is None else argv)
    if "--emulate-avx2" in argv: reexec_as_avx2(argv)


if __name__ == "__main__":          # python benchmarks/isa.py SCRIPT [ARGS...]: any script under the AVX2 variables
    if len(sys.argv) < 2: sys.exit(__doc__)
    os.execve(sys.executable, [sys.executable] + sys.argv[1:], {**os.environ, **AVX2_ENV})
