# `pip install --no-build-isolation .` (offline, Debian's python3-skbuild): CMake builds the extension
# alueverkko._core and installs it, with the bundled data, into the pure-Python package python/alueverkko.
import re
from pathlib import Path

from skbuild import setup

version = re.search(r"project\(alueverkko VERSION (\S+)", Path(__file__).with_name("CMakeLists.txt").read_text()).group(1)

setup(
    name="alueverkko",
    version=version,
    description="Analysis and maps of inter-regional collaboration networks",
    license="MIT",
    packages=["alueverkko"],
    package_dir={"": "python"},
    package_data={"alueverkko": ["py.typed", "*.pyi"]},  # type information (PEP 561)
    cmake_install_dir="python",
    cmake_args=[
        "-DALUEVERKKO_BUILD_TESTS=OFF",
        "-DALUEVERKKO_BUILD_CLI=OFF",
        "-DALUEVERKKO_BUILD_PYTHON=ON",
        "-DCMAKE_BUILD_TYPE=Release",
    ],
    python_requires=">=3.9",
    install_requires=["numpy", "pandas"],
)
