#!/usr/bin/python3
"""Reference values for package csat, computed with statsmodels and SciPy
from the raw answers. Run from this folder with Debian's Python:

    /usr/bin/python3 gen_reference.py

Datasets are counts per rating (from 1 up) on a scale. It writes
  csat.csv     percent satisfied with proportion_confint for every method
               (statsmodels "wilson", "agresti_coull", "beta" = Clopper-Pearson,
               "jeffreys", "normal" = Wald), and the mean rating with its
               t interval (scipy.stats.ttest_1samp(...).confidence_interval);
  compare.csv  differences between datasets on the same scale: Newcombe's
               interval (confint_proportions_2indep, method "newcomb"), the
               pooled z test (proportions_ztest), and Welch's test of the means
               (statsmodels CompareMeans: tconfint_diff and ttest_ind with
               usevar="unequal").
"""
import csv

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
)
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

# name: (scale, lowest satisfied rating, counts per rating from 1)
DATA = {
    "seed": ("1-5", 4, [12, 10, 10, 30, 50]),    # the seed example: 80 of 112 satisfied
    "five_b": ("1-5", 4, [3, 4, 9, 20, 14]),
    "five_all": ("1-5", 4, [0, 0, 0, 3, 4]),      # everyone satisfied
    "five_none": ("1-5", 4, [2, 5, 1, 0, 0]),     # nobody satisfied
    "three": ("1-3", 3, [5, 12, 40]),
    "three_b": ("1-3", 3, [9, 9, 20]),
    "seven": ("1-7", 6, [3, 5, 8, 20, 30, 25, 9]),
    "seven_b": ("1-7", 6, [1, 1, 2, 10, 12, 30, 24]),
    "ten": ("1-10", 8, [1, 2, 2, 3, 5, 8, 15, 30, 20, 14]),
    "ten_b": ("1-10", 8, [10, 2, 2, 3, 5, 8, 15, 10, 20, 25]),
    "binary": ("binary", 2, [17, 183]),
    "binary_b": ("binary", 2, [30, 170]),
}
METHODS = {"wilson": "wilson", "agresti-coull": "agresti_coull", "clopper-pearson": "beta",
           "jeffreys": "jeffreys", "wald": "normal"}


def raw(counts):
    return np.repeat(np.arange(1, len(counts) + 1), counts).astype(float)


with open("csat.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["data", "scale", "counts", "level", "method", "satisfied", "n",
                "lower", "upper", "mean", "mean_lower", "mean_upper"])
    for name, (scale, sat, counts) in DATA.items():
        x = raw(counts)
        k, n = int((x >= sat).sum()), len(x)
        for level in [0.9, 0.95, 0.99]:
            t = stats.ttest_1samp(x, 0).confidence_interval(level) if x.std() > 0 else None
            for ours, theirs in METHODS.items():
                lo, hi = proportion_confint(k, n, alpha=1 - level, method=theirs)
                w.writerow([name, scale, " ".join(map(str, counts)), level, ours, k, n,
                            repr(float(lo)), repr(float(hi)), repr(float(x.mean())),
                            repr(float(t.low)) if t else "", repr(float(t.high)) if t else ""])

PAIRS = [("seed", "five_b"), ("three", "three_b"), ("seven", "seven_b"), ("ten", "ten_b"),
         ("binary", "binary_b"), ("five_all", "five_none"), ("five_b", "seed")]
with open("compare.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["a", "b", "level", "lower", "upper", "z", "p",
                "mean_lower", "mean_upper", "t", "t_p"])
    for a, b in PAIRS:
        (sa, sat, ca), (_, _, cb) = DATA[a], DATA[b]
        xa, xb = raw(ca), raw(cb)
        ka, kb = int((xa >= sat).sum()), int((xb >= sat).sum())
        for level in [0.9, 0.95]:
            lo, hi = confint_proportions_2indep(ka, len(xa), kb, len(xb), method="newcomb",
                                                compare="diff", alpha=1 - level)
            z, p = proportions_ztest([ka, kb], [len(xa), len(xb)])
            cm = CompareMeans(DescrStatsW(xa), DescrStatsW(xb))
            mlo, mhi = cm.tconfint_diff(alpha=1 - level, usevar="unequal")
            t, tp, _ = cm.ttest_ind(usevar="unequal")
            w.writerow([a, b, level] + [repr(float(v)) for v in (lo, hi, z, p, mlo, mhi, t, tp)])

print("statsmodels", statsmodels.__version__, "scipy", scipy.__version__)
