#!/usr/bin/python3
"""The Python side of satmetrics' benchmark report.

Usage: bench.py TASK DIR REPEATS

Reads the data that examples/bench wrote into DIR (raw little-endian
arrays), times only the computation (not the loading), REPEATS times, and
prints the median in seconds as JSON. The computations are what an analyst
would write with pandas, SciPy and statsmodels for the same result.
"""
import json
import sys
import time

import numpy as np


def median_time(fn, repeats):
    times = []
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2], result


def nps(d):
    import pandas as pd
    s = pd.Series(np.fromfile(d + "/nps_scores.i8", dtype=np.int8))

    def run():
        vc = s.value_counts()
        n = len(s)
        prom = vc.reindex([9, 10], fill_value=0).sum()
        det = vc.reindex(range(0, 7), fill_value=0).sum()
        return 100.0 * (prom - det) / n
    return run


def km(d):
    from statsmodels.duration.survfunc import SurvfuncRight
    t = np.fromfile(d + "/km_time.f64", dtype="<f8")
    e = np.fromfile(d + "/km_event.i8", dtype=np.int8).astype(np.float64)

    def run():
        sf = SurvfuncRight(t, e)
        return float(sf.surv_prob[-1])
    return run


def kendall(d):
    from scipy.stats import kendalltau
    x = np.fromfile(d + "/mk_series.f64", dtype="<f8")
    t = np.arange(len(x), dtype=np.float64)

    def run():
        return float(kendalltau(t, x).statistic)
    return run


def theil(d):
    from scipy.stats import theilslopes
    x = np.fromfile(d + "/mk_series.f64", dtype="<f8")
    t = np.arange(len(x), dtype=np.float64)

    def run():
        return float(theilslopes(x, t).slope)
    return run


def bgnbd(d):
    from scipy.optimize import minimize
    from scipy.special import gammaln
    a = np.fromfile(d + "/bgnbd.f64", dtype="<f8").reshape(-1, 3)
    x, tx, T = a[:, 0], a[:, 1], a[:, 2]

    def nll(logp):
        r, alpha, aa, b = np.exp(logp)
        A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
        A2 = gammaln(aa + b) + gammaln(b + x) - gammaln(b) - gammaln(aa + b + x)
        A3 = -(r + x) * np.log(alpha + T)
        A4 = np.where(x > 0, np.log(aa) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
        ll = A1 + A2 + np.logaddexp(A3, A4)
        return -ll.sum()

    def run():
        res = minimize(nll, np.zeros(4), method="Nelder-Mead", options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 10000})
        return float(np.exp(res.x[0]))
    return run


TASKS = {"nps": nps, "km": km, "kendall": kendall, "theil": theil, "bgnbd": bgnbd}

if __name__ == "__main__":
    task, d, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    secs, result = median_time(TASKS[task](d), repeats)
    print(json.dumps({"task": task, "tool": "python", "seconds": secs, "result": result}))
