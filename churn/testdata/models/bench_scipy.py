#!/usr/bin/python3
"""Times a SciPy maximum-likelihood fit of BG/NBD, the same likelihood
(Fader, Hardie and Lee 2005, equation 6) on the same data as the Go
benchmark BenchmarkFitBGNBD: the 39-week calibration summaries of the CDNOW
sample (2,357 customers) and master file (23,570 customers), made with
pandas from the raw transactions (gen_reference.cdnow_summary).

Three variants, each from the start r = alpha = a = b = 1 on the log scale:
  nm       Nelder-Mead, one row per customer (the approach of the Python
           package lifetimes);
  bfgs     BFGS with SciPy's finite-difference gradient, one row per customer;
  lbfgs-ag L-BFGS-B with the analytic gradient on the distinct (x, t_x, T)
           rows with weights, which is what the Go code does.
Each time is the median of 7 runs of the optimisation alone (the summary is
prepared beforehand). Usage: /usr/bin/python3 bench_scipy.py
"""
import gzip
import shutil
import statistics
import tempfile
import time

import numpy as np
from scipy import optimize, special

from gen_reference import bgnbd_negll, cdnow_summary


def aggregated(x, tx, T):
    rows, w = np.unique(np.stack([x, tx, T], axis=1), axis=0, return_counts=True)
    return rows[:, 0], rows[:, 1], rows[:, 2], w.astype(float)


def negll_grad(lp, x, tx, T, w):
    r, al, a, b = np.exp(lp)
    psi = special.digamma
    C = (special.gammaln(r + x) - special.gammaln(r) + r * np.log(al) + special.gammaln(a + b)
         + special.gammaln(b + x) - special.gammaln(b) - special.gammaln(a + b + x))
    LT, Lx = np.log(al + T), np.log(al + tx)
    A3 = -(r + x) * LT
    pos = x > 0
    A4 = np.where(pos, np.log(a) - np.log(np.where(pos, b + x - 1, 1.0)) - (r + x) * Lx, -np.inf)
    h = np.logaddexp(A3, A4)
    f = np.exp(A4 - h)
    ll = np.sum(w * (C + h))
    gr = np.sum(w * (psi(r + x) - psi(r) + np.log(al) - (1 - f) * LT - f * Lx))
    ga = np.sum(w * (r / al - (r + x) * ((1 - f) / (al + T) + f / (al + tx))))
    gA = np.sum(w * (psi(a + b) - psi(a + b + x) + f / a))
    gB = np.sum(w * (psi(a + b) + psi(b + x) - psi(b) - psi(a + b + x) - f / np.where(pos, b + x - 1, 1.0)))
    g = np.array([gr * r, ga * al, gA * a, gB * b])
    return -ll, -g


def timeit(fn, runs=7):
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        res = fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts), res


def main():
    with tempfile.NamedTemporaryFile(suffix='.txt') as tmp:
        with gzip.open('CDNOW_master.txt.gz', 'rb') as z:
            shutil.copyfileobj(z, tmp)
        tmp.flush()
        master = cdnow_summary(tmp.name, header=True)
    sample = cdnow_summary('CDNOW_sample.txt', header=False)
    x0 = np.zeros(4)
    for name, s in (('sample', sample), ('master', master)):
        x, tx, T = s['x'].to_numpy(float), s['tx'].to_numpy(float), s['T'].to_numpy(float)
        xa, txa, Ta, w = aggregated(x, tx, T)
        variants = {
            'nm': lambda: optimize.minimize(bgnbd_negll, x0, args=(x, tx, T), method='Nelder-Mead',
                                            options={'xatol': 1e-6, 'fatol': 1e-6, 'maxiter': 5000}),
            'bfgs': lambda: optimize.minimize(bgnbd_negll, x0, args=(x, tx, T), method='BFGS'),
            'lbfgs-ag': lambda: optimize.minimize(negll_grad, x0, args=(xa, txa, Ta, w), jac=True, method='L-BFGS-B',
                                                  options={'ftol': 1e-15, 'gtol': 1e-8}),
        }
        for v, fn in variants.items():
            t, res = timeit(fn)
            print(f'{name:7s} {len(x):6d} customers {v:9s} {t * 1000:8.1f} ms  '
                  f'params {np.round(np.exp(res.x), 4)}  LL {-res.fun:.2f}  nfev {res.nfev}')


if __name__ == '__main__':
    main()
