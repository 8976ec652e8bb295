#!/usr/bin/python3
"""Reference values for proportion.go, computed with statsmodels.

Run from this folder with Debian's Python (python3-statsmodels):

    /usr/bin/python3 gen_proportion.py

It writes
  proportion_confint.csv  statsmodels proportion_confint for every method over
                          a grid of (x, n, level) that includes x = 0 and x = n;
  newcombe.csv            statsmodels confint_proportions_2indep(method="newcomb")
                          (Newcombe's hybrid score interval, method 10) and the
                          pooled z test of proportions_ztest.
"""
import csv
import math

import statsmodels
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
)

METHODS = {  # our name -> statsmodels name
    "wilson": "wilson",
    "agresti-coull": "agresti_coull",
    "clopper-pearson": "beta",
    "jeffreys": "jeffreys",
    "wald": "normal",
}
LEVELS = [0.8, 0.9, 0.95, 0.99]
NS = [1, 2, 3, 5, 10, 30, 112, 1000, 100000]


def grid_x(n):
    xs = {0, 1, 2, n // 3, n // 2, n - 2, n - 1, n}
    return sorted(x for x in xs if 0 <= x <= n)


with open("proportion_confint.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["# statsmodels", statsmodels.__version__, "proportion_confint"])
    w.writerow(["method", "x", "n", "level", "lower", "upper"])
    for ours, theirs in METHODS.items():
        for n in NS:
            for x in grid_x(n):
                for level in LEVELS:
                    lo, hi = proportion_confint(x, n, alpha=1 - level, method=theirs)
                    w.writerow([ours, x, n, level, repr(float(lo)), repr(float(hi))])

PAIRS = [
    # Newcombe (1998), Table II, examples (a) to (h)
    (56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29),
    (0, 10, 0, 20), (0, 10, 0, 10), (10, 10, 0, 20), (10, 10, 0, 10),
    # more, including the CSAT seed example (80 of 112 satisfied)
    (80, 112, 60, 100), (1, 3, 2, 3), (500, 1000, 480, 1000), (0, 5, 5, 5),
    (7, 9, 9, 9), (30, 40, 25, 60),
]

with open("newcombe.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["# statsmodels", statsmodels.__version__,
                "confint_proportions_2indep newcomb + proportions_ztest"])
    w.writerow(["x1", "n1", "x2", "n2", "level", "lower", "upper", "z", "p"])
    for x1, n1, x2, n2 in PAIRS:
        for level in [0.9, 0.95, 0.99]:
            lo, hi = confint_proportions_2indep(
                x1, n1, x2, n2, method="newcomb", compare="diff", alpha=1 - level)
            pooled = (x1 + x2) / (n1 + n2)
            if 0 < pooled < 1:
                z, p = proportions_ztest([x1, x2], [n1, n2])
            else:
                z, p = math.nan, math.nan  # undefined: both proportions 0 or both 1
            w.writerow([x1, n1, x2, n2, level, repr(float(lo)), repr(float(hi)),
                        repr(float(z)), repr(float(p))])
