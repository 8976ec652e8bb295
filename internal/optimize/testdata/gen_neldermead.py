#!/usr/bin/python3
"""Reference Nelder-Mead runs from SciPy, for neldermead_test.go.

Run with Debian's Python (which has SciPy), from this directory:

    /usr/bin/python3 gen_neldermead.py > neldermead_scipy.json

scipy.optimize.minimize(method="Nelder-Mead") implements the same
formulation as our NelderMead (Lagarias et al. 1998, as in MATLAB's
fminsearch; with adaptive=True the coefficients of Gao and Han 2012). We
pass it the initial simplex our NelderMead builds (vertex i moves coordinate
i by 0.1*max(|x_i|, 1)) and absolute tolerances, which equal ours while
|f| <= 1 and |x|_inf <= 1 near the minimum, as for these problems. So the
two implementations should take the same path: the Go test compares the
final point and value, and the numbers of evaluations and iterations.
"""
import json

import numpy as np
import scipy
from scipy.optimize import minimize


def rosenbrock(x):
    x = np.asarray(x)
    return float(np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2))


def powell(x):
    # Powell's singular (quartic) function, More, Garbow and Hillstrom 1981 #13.
    a, b, c, d = x
    return (a + 10 * b) ** 2 + 5 * (c - d) ** 2 + (b - 2 * c) ** 4 + 10 * (a - d) ** 4


def simplex(x0, step=0.1):
    x0 = np.asarray(x0, dtype=float)
    sim = [x0.copy()]
    for i in range(len(x0)):
        v = x0.copy()
        v[i] += step * max(abs(v[i]), 1.0)
        sim.append(v)
    return np.array(sim)


problems = [
    ("rosenbrock2", rosenbrock, [-1.2, 1.0]),
    ("rosenbrock4", rosenbrock, [-1.2, 1.0, -1.2, 1.0]),
    ("powell4", powell, [3.0, -1.0, 0.0, 1.0]),
]
FTOL, XTOL = 1e-10, 1e-8

out = {"scipy": scipy.__version__, "ftol": FTOL, "xtol": XTOL, "runs": []}
for name, f, x0 in problems:
    for adaptive in (False, True):
        r = minimize(f, x0, method="Nelder-Mead",
                     options={"initial_simplex": simplex(x0), "xatol": XTOL,
                              "fatol": FTOL, "maxfev": 100000,
                              "maxiter": 100000, "adaptive": adaptive})
        out["runs"].append({
            "name": name, "adaptive": adaptive, "x0": x0,
            "x": [float(v) for v in r.x], "f": float(r.fun),
            "nfev": int(r.nfev), "nit": int(r.nit), "success": bool(r.success),
        })
print(json.dumps(out, indent=1))
