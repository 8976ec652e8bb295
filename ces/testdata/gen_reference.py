#!/usr/bin/python3
"""Reference values for package ces, computed with SciPy and statsmodels from
the raw answers. Run from this folder with Debian's Python:

    /usr/bin/python3 gen_reference.py

Datasets are counts per rating (from 1 up) on a scale. It writes
  ces.csv      the mean with its t interval (scipy.stats.ttest_1samp(...)
               .confidence_interval), percent easy and difficult with
               proportion_confint (Wilson and Clopper-Pearson), and the net
               ease from the answers coded +1 (easy), 0, -1 (difficult): mean,
               population standard deviation / sqrt(n), and the Wald interval
               mean ± norm.ppf(1 - a/2) se clipped to [-1, 1];
  compare.csv  Welch's test of the means (statsmodels CompareMeans with
               usevar="unequal") and Newcombe's interval for the difference in
               percent easy (confint_proportions_2indep, method "newcomb")
               with the pooled z test (proportions_ztest).
"""
import csv

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
)
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

EASY = {"agree7": (5, 7), "effort5": (1, 2)}
DIFFICULT = {"agree7": (1, 3), "effort5": (4, 5)}
DATA = {
    "agree": ("agree7", [3, 5, 8, 20, 30, 25, 9]),
    "agree_b": ("agree7", [10, 12, 15, 20, 18, 15, 10]),
    "agree_easy": ("agree7", [0, 0, 0, 0, 3, 5, 12]),
    "agree_small": ("agree7", [1, 0, 0, 1, 0, 0, 1]),
    "effort": ("effort5", [40, 30, 15, 10, 5]),
    "effort_b": ("effort5", [20, 25, 25, 20, 10]),
    "effort_hard": ("effort5", [0, 0, 0, 4, 6]),
}


def raw(counts):
    return np.repeat(np.arange(1, len(counts) + 1), counts).astype(float)


def within(x, lim):
    return (x >= lim[0]) & (x <= lim[1])


with open("ces.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["data", "scale", "counts", "level", "mean", "mean_lower", "mean_upper",
                "easy", "difficult", "n", "easy_wilson_lower", "easy_wilson_upper",
                "difficult_cp_lower", "difficult_cp_upper", "net", "net_se", "net_lower", "net_upper"])
    for name, (scale, counts) in DATA.items():
        x = raw(counts)
        n = len(x)
        e, d = int(within(x, EASY[scale]).sum()), int(within(x, DIFFICULT[scale]).sum())
        code = within(x, EASY[scale]).astype(float) - within(x, DIFFICULT[scale]).astype(float)
        net, se = code.mean(), code.std(ddof=0) / np.sqrt(n)
        for level in [0.9, 0.95, 0.99]:
            t = stats.ttest_1samp(x, 0).confidence_interval(level)
            el, eh = proportion_confint(e, n, alpha=1 - level, method="wilson")
            dl, dh = proportion_confint(d, n, alpha=1 - level, method="beta")
            z = stats.norm.ppf(1 - (1 - level) / 2)
            w.writerow([name, scale, " ".join(map(str, counts)), level] + [repr(float(v)) for v in (
                x.mean(), t.low, t.high)] + [e, d, n] + [repr(float(v)) for v in (
                    el, eh, dl, dh, net, se, max(-1, net - z * se), min(1, net + z * se))])

PAIRS = [("agree", "agree_b"), ("agree_b", "agree_easy"), ("effort", "effort_b"), ("effort_hard", "effort")]
with open("compare.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["a", "b", "level", "mean_lower", "mean_upper", "t", "t_p", "lower", "upper", "z", "p"])
    for a, b in PAIRS:
        (scale, ca), (_, cb) = DATA[a], DATA[b]
        xa, xb = raw(ca), raw(cb)
        ea, eb = int(within(xa, EASY[scale]).sum()), int(within(xb, EASY[scale]).sum())
        for level in [0.9, 0.95]:
            cm = CompareMeans(DescrStatsW(xa), DescrStatsW(xb))
            ml, mh = cm.tconfint_diff(alpha=1 - level, usevar="unequal")
            t, tp, _ = cm.ttest_ind(usevar="unequal")
            lo, hi = confint_proportions_2indep(ea, len(xa), eb, len(xb), method="newcomb",
                                                compare="diff", alpha=1 - level)
            z, p = proportions_ztest([ea, eb], [len(xa), len(xb)])
            w.writerow([a, b, level] + [repr(float(v)) for v in (ml, mh, t, tp, lo, hi, z, p)])
