#!/usr/bin/python3
"""Times SciPy's kendalltau and theilslopes on the series that the Go
benchmarks BenchmarkMannKendall and BenchmarkSensSlope use (bigSeries in
mannkendall_test.go), for the benchmark report. Run:

    /usr/bin/python3 bench_scipy.py

theilslopes lists all n(n-1)/2 slopes in memory (two n-by-n float arrays),
so it is timed only up to n = 10,000; at n = 100,000 it would need some
160 GB.
"""
import time

import numpy as np
from scipy import stats


def big(n):
    i = np.arange(n, dtype=np.int64)
    return i / 1000.0 + ((i * i * 31 + i * 17 + 5) % 1009) / 10.0


def best(f, repeat):
    t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - t0)
    return t


for n in (1000, 10000, 100000):
    y = big(n)
    x = np.arange(n, dtype=float)
    t = best(lambda: stats.kendalltau(x, y, method="asymptotic"), 5)
    print("kendalltau  n=%6d  %10.3f ms" % (n, t * 1e3))
for n in (1000, 5000, 10000):
    y = big(n)
    x = np.arange(n, dtype=float)
    t = best(lambda: stats.theilslopes(y, x, 0.95), 3 if n < 10000 else 1)
    print("theilslopes n=%6d  %10.3f ms" % (n, t * 1e3))
