#!/usr/bin/env bash
# Installs the tools the benchmark report compares satmetrics with, from
# Debian's packages: R with the survival, psych and survey packages, and
# Python 3 with NumPy, SciPy, pandas and statsmodels. Run as root (or with
# sudo) once per machine; the benchmark runs without them, leaving their
# columns empty.
set -euo pipefail
apt-get update -q
apt-get install -y -q r-base-core r-cran-survival r-cran-psych r-cran-survey \
	python3-numpy python3-scipy python3-pandas python3-statsmodels
