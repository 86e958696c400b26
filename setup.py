"""Packaging driven by settings.ini (nbdev 2 convention)."""
from configparser import ConfigParser
import shlex
import setuptools

cfg = ConfigParser(delimiters=["="])
cfg.read("settings.ini", encoding="utf-8")
cfg = cfg["DEFAULT"]

requirements = shlex.split(cfg.get("requirements", ""))
dev_requirements = shlex.split(cfg.get("dev_requirements", ""))
# torch is pinned to the CPU wheel by constraints.txt and installed first by the Makefile.
requirements.append("torch>=2.4")
console_scripts = [s for s in cfg.get("console_scripts", "").split() if s]

setuptools.setup(
    name=cfg["lib_name"],
    version=cfg["version"],
    description=cfg["description"],
    author=cfg["author"],
    license="Apache-2.0",
    packages=setuptools.find_packages(include=["synctalklip", "synctalklip.*"]),
    include_package_data=True,
    package_data={"synctalklip": ["assets/*", "assets/runs/*/*"]},
    python_requires=">=" + cfg["min_python"],
    install_requires=requirements,
    extras_require={
        "dev": dev_requirements,
        # real LRS2/LRS3 video: dlib face detector + 68-point predictor
        "real": ["dlib-bin", "face-recognition-models"],
        # synctalklip-infer --runtime onnx: the generator exported to ONNX, run by onnxruntime (faster on CPU)
        "fast": ["onnxruntime", "onnx"],
    },
    entry_points={"console_scripts": console_scripts, "nbdev": [f"{cfg['lib_name']}={cfg['lib_name']}._modidx:d"]},
    zip_safe=False,
)
