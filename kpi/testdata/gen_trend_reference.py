#!/usr/bin/python3
"""Reference values for the trend tests of package kpi, from SciPy.

Run from this directory with Debian's Python (scipy 1.10):

    /usr/bin/python3 gen_trend_reference.py

It writes trend_scipy.json. The Go tests read it; CI does not need Python.

What comes from where:
  * tau_b, p_asymptotic: scipy.stats.kendalltau(t, y, method="asymptotic")
    (Kendall's tau-b and the p-value of S/sqrt(Var S) without continuity
    correction);
  * sen_*: scipy.stats.theilslopes(y, x, alpha) (slope, intercept and Sen's
    interval);
  * s, var_s, z, p: the Mann-Kendall test written out over all n^2/2 pairs
    below (continuity-corrected z, as Mann-Kendall is usually reported);
  * hamed_rao_*: the modification of Hamed and Rao (1998) written out below
    from the paper (detrend by Sen's slope from theilslopes, rank with
    scipy.stats.rankdata, autocorrelation of the ranks with numpy.correlate,
    only lags significant at 5%);
  * seasonal: the seasonal Kendall test of Hirsch, Slack and Smith (1982),
    the sum of per-season Mann-Kendall statistics written out below, and
    their slope, the median of the within-season pairwise slopes.
"""
import json
import math

import numpy as np
from scipy import stats


def mk_brute(y):
    n = len(y)
    s = 0
    for i in range(n - 1):
        for j in range(i + 1, n):
            s += np.sign(y[j] - y[i])
    _, counts = np.unique(y, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in counts)) / 18.0
    return int(s), var


def zcc(s, var):
    if s > 0:
        return (s - 1) / math.sqrt(var)
    if s < 0:
        return (s + 1) / math.sqrt(var)
    return 0.0


def hamed_rao(y, max_lag=None):
    y = np.asarray(y, dtype=float)
    n = len(y)
    s, var = mk_brute(y)
    slope = stats.theilslopes(y, np.arange(n))[0]
    detr = y - np.arange(1, n + 1) * slope
    r = stats.rankdata(detr)  # average ranks
    d = r - r.mean()
    acov = np.correlate(d, d, "full")[n - 1:]
    rho = acov / acov[0]
    bound = stats.norm.ppf(0.975) / math.sqrt(n)
    L = n - 1 if max_lag is None else max_lag
    total = 0.0
    for k in range(1, L + 1):
        if abs(rho[k]) > bound:
            total += (n - k) * (n - k - 1) * (n - k - 2) * rho[k]
    corr = 1 + 2.0 / (n * (n - 1) * (n - 2)) * total
    v = var * corr
    z = zcc(s, v)
    return corr, v, z, 2 * stats.norm.sf(abs(z))


def seasonal(seasons):
    S, V = 0, 0.0
    for y in seasons:
        if len(y) < 2:
            continue
        s, v = mk_brute(np.asarray(y, dtype=float))
        S += s
        V += v
    z = zcc(S, V)
    return S, V, z, 2 * stats.norm.sf(abs(z))


def big(n):
    """A long series both Go and Python build exactly from integers."""
    i = np.arange(n, dtype=np.int64)
    return i / 1000.0 + ((i * i * 31 + i * 17 + 5) % 1009) / 10.0


rng = np.random.default_rng(20261123)
series = {
    "csat_monthly": [78.2, 79.1, 77.5, 80.3, 81.0, 79.8, 82.4, 83.1, 82.0, 84.5, 85.2, 84.9],
    "ties": [3, 3, 4, 4, 4, 2, 5, 5, 3, 6, 6, 6, 6, 7, 5],
    "falling": [12.5, 12.1, 11.8, 12.2, 11.0, 10.7, 10.9, 10.1, 9.8],
    "noise": list(np.round(rng.normal(50, 10, 60), 1)),
    "ar1": None,
    "big2000": list(big(2000)),
}
# An autocorrelated series with a weak trend, for Hamed-Rao.
e = np.zeros(120)
for k in range(1, 120):
    e[k] = 0.8 * e[k - 1] + rng.normal()
series["ar1"] = list(np.round(0.02 * np.arange(120) + e, 3))

out = {}
for name, y in series.items():
    y = np.asarray(y, dtype=float)
    n = len(y)
    t = np.arange(n, dtype=float)
    kt = stats.kendalltau(t, y, method="asymptotic")
    s, var = mk_brute(y) if n <= 2000 else (None, None)
    z = zcc(s, var)
    rec = {
        "y": [float(v) for v in y] if name != "big2000" else None,
        "big": n if name == "big2000" else 0,
        "tau_b": float(kt.statistic if hasattr(kt, "statistic") else kt.correlation),
        "p_asymptotic": float(kt.pvalue),
        "s": s, "var_s": var, "z": z, "p": 2 * stats.norm.sf(abs(z)),
    }
    for level in (0.95, 0.90):
        ts = stats.theilslopes(y, t, level)
        rec["sen_%d" % round(level * 100)] = [float(v) for v in (ts[0], ts[1], ts[2], ts[3])]
    if n <= 200:
        corr, v, zz, p = hamed_rao(y)
        rec["hamed_rao"] = {"correction": corr, "var_s": v, "z": zz, "p": p}
        corr, v, zz, p = hamed_rao(y, max_lag=3)
        rec["hamed_rao_lag3"] = {"correction": corr, "var_s": v, "z": zz, "p": p}
    out[name] = rec

# Theil-Sen with ties in x (scipy.stats.theilslopes).
x = [1, 1, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10]
y = [2.0, 2.5, 2.4, 3.9, 3.1, 3.3, 4.4, 5.0, 4.1, 6.2, 6.0, 7.7, 7.1, 8.8, 9.9]
ts = stats.theilslopes(y, x, 0.95)
out["xties"] = {"x": x, "y": y, "sen_95": [float(v) for v in ts]}

# Seasonal Kendall: three years of monthly values with a drift, one missing.
monthly = np.round(70 + 0.15 * np.arange(36) + 5 * np.sin(np.arange(36) * 2 * np.pi / 12) + rng.normal(0, 1.5, 36), 1)
seasons = [list(map(float, monthly[g::12])) for g in range(12)]
seasons[4] = seasons[4][:2]  # a missing May
S, V, z, p = seasonal(seasons)
# Seasonal Kendall slope: the median of all within-season pairwise slopes.
sl = [(y[j] - y[i]) / (j - i) for y in seasons for i in range(len(y)) for j in range(i + 1, len(y))]
out["seasonal"] = {"seasons": seasons, "s": S, "var_s": V, "z": z, "p": p, "slope": float(np.median(sl))}

with open("trend_scipy.json", "w") as f:
    json.dump(out, f, indent=1)
