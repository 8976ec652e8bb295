#!/usr/bin/python3
"""Reference values of the Gauss hypergeometric function for internal/special,
computed with mpmath.hyp2f1 at 40 significant digits.

Run from this directory with Debian's python3 (python3-mpmath):

    /usr/bin/python3 gen_hyp2f1.py

It writes hyp2f1.csv with columns a, b, c, z, log|F|, sign(F) and F (Inf
where F exceeds the double range), each printed with %.17g. The grid holds
the argument patterns of the retention models,

  BG/NBD       2F1(r+x, b+x; a+b+x-1; z),   z = t/(alpha+t) in [0, 1)
  Pareto/NBD   2F1(r+s+x, s+1; r+s+x+1; z), z in (-inf, 1)

and a generic grid with negative and non-integer parameters.
"""
import csv
import itertools
import math

import mpmath as mp

mp.mp.dps = 40


def f17(v):
    v = float(v)
    if math.isinf(v):
        return "Inf" if v > 0 else "-Inf"
    return "%.17g" % v


rows = set()
# BG/NBD.
for r, a, b, x in itertools.product([0.25, 2.4], [0.8, 5], [2.4, 20], [0, 1, 5, 50, 300]):
    for z in [0.01, 0.3, 0.7, 0.9, 0.99, 0.999]:
        rows.add((r + x, b + x, a + b + x - 1, z))
# Pareto/NBD.
for r, s, x in itertools.product([0.5, 5], [0.1, 1, 2.5, 30], [0, 3, 100, 400]):
    for z in [-1e6, -1e3, -50, -5, -1, -0.5, -0.1, 0.1, 0.5, 0.9, 0.99, 0.9999]:
        rows.add((r + s + x, s + 1, r + s + x + 1, z))
# Generic.
for a, b, c in itertools.product([-1.5, 0.1, 1.5, 7], [-2.5, 0.3, 2, 9.5], [0.5, 3.3, 12]):
    for z in [-20, -0.9, -0.3, 0.2, 0.6, 0.95]:
        rows.add((a, b, c, z))

# c - a - b an integer (the logarithmic cases of the connection formula),
# and b - a an integer (the same for the Pfaff form at z -> -inf).
for a, b, m in itertools.product([0.3, 2.5, 40.2], [0.7, 3, 90.1], [-3, -1, 0, 1, 2, 5]):
    if a + b + m > 0:
        for z in [0.8, 0.99, 0.999999]:
            rows.add((a, b, a + b + m, z))
for a, k, c in itertools.product([0.3, 2.5, 40.2], [0, 1, 3], [1.7, 50.5]):
    for z in [-3, -100, -1e5]:
        rows.add((a, a + k, c, z))

# c - a - b within 1e-6 of an integer but not at it (the interpolated
# connection formula).
for a, b, m, eps in itertools.product([0.3, 2.5, 40.2], [0.7, 90.1], [-1, 0, 2], [1e-7, -3e-9, 4e-11]):
    if a + b + m > 0:
        for z in [0.9, 0.999999]:
            rows.add((a, b, a + b + m + eps, z))
for a, eps in itertools.product([2.5, 40.2], [1e-7, -3e-9]):
    for z in [-100, -1e5]:
        rows.add((a, a + 1 + eps, 4.5, z))

out = []
for a, b, c, z in sorted(rows):
    f = mp.hyp2f1(a, b, c, z)
    if f == 0:
        continue
    out.append((a, b, c, z, mp.log(abs(f)), mp.sign(f), f))
with open("hyp2f1.csv", "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["a", "b", "c", "z", "logabs", "sign", "value"])
    for row in out:
        w.writerow([f17(v) for v in row])
