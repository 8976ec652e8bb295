#!/usr/bin/python3
"""Reference values for internal/special, computed with mpmath at 40 digits.

Run from this directory with Debian's python3 (python3-mpmath, python3-scipy):

    /usr/bin/python3 gen_reference.py

It writes the CSV files read by the Go tests. Every number is printed with
%.17g (the value of the mpmath result rounded to the nearest double). SciPy
is used only to find starting points for the inverse functions; the values
written are mpmath's.

Formulas used (independent of the Go implementation, which uses continued
fractions and series in double precision):
  log Γ, ψ, ψ₁          mpmath.loggamma, digamma, polygamma(1, .)
  log B(a,b)            loggamma(a)+loggamma(b)-loggamma(a+b) at 40 digits
  P(a,x), Q(a,x)        x^a e^-x/Γ(a+1) 1F1(1; a+1; x) for x < a, else
                        mpmath.gammainc(a, x, inf, regularized=True)
  I_x(a,b)              x^a y^b/(a B(a,b)) 2F1(a+b, 1; a+1; x)  (A&S 26.5.23)
                        for x < a/(a+b), else the same for I_y(b,a)
  inverses              rows (p, x) where p is a double and x is the exact
                        root of I_x(a,b) = p (resp. P or Q), by Newton's
                        method in mpmath started at SciPy's estimate
  2F1(a,b;c;z)          mpmath.hyp2f1
"""
import csv
import math

import mpmath as mp
import scipy.special as sc

mp.mp.dps = 40


def f17(v):
    v = float(v)
    if math.isinf(v):
        return "Inf" if v > 0 else "-Inf"
    return "%.17g" % v


def write(name, header, rows):
    with open(name, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([f17(v) for v in r])


# ---------------------------------------------------------------- log Γ
xs = [1e-300, 1e-100, 1e-10, 1e-5, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999999, 1,
      1.000001, 1.01, 1.5, 1.9, 1.9999, 2, 2.0001, 2.1, 2.5, 3, 4.5, 7.25, 10,
      12.5, 33.3, 100, 171.5, 1000, 12345.678, 1e5, 1e7, 1e10, 1e15, 1e50,
      1e100, 1e300]
write("loggamma.csv", ["x", "lgamma"], [(x, mp.loggamma(x)) for x in xs])

# ---------------------------------------------------------------- log B
vals = [1e-8, 0.01, 0.3, 1, 2.5, 9.5, 10, 10.5, 33, 150, 1e4, 1e5, 1e6, 1e10,
        1e15]
rows = []
for a in vals:
    for b in vals:
        if b < a:
            continue
        A, B = mp.mpf(a), mp.mpf(b)
        rows.append((a, b, mp.loggamma(A) + mp.loggamma(B) - mp.loggamma(A + B)))
write("logbeta.csv", ["a", "b", "lbeta"], rows)

# ---------------------------------------------------------------- ψ, ψ₁
xs = [-1e5 - 0.5, -100.25, -10.5, -2.3, -1.5, -0.5, -1e-5, 1e-10, 1e-5, 0.01,
      0.1, 0.5, 1, 1.3, 1.4, 1.46, 1.4616, 1.4616321449683622, 1.4617, 1.5,
      1.56, 1.6, 2, 3.5, 9.99, 10, 10.01, 30, 123.4, 1e5, 1e10, 1e15, 1e100]
write("digamma.csv", ["x", "digamma", "trigamma"],
      [(x, mp.digamma(x), mp.polygamma(1, x)) for x in xs])

# ---------------------------------------------------------------- P, Q
def gammapq(a, x):
    """Return P(a,x) and Q(a,x), each to full relative precision.

    For x < a, P = x^a e^-x / Γ(a+1) 1F1(1; a+1; x) (A&S 6.5.29, positive
    terms) and Q = 1 - P; otherwise Q from mpmath's upper incomplete gamma
    and P = 1 - Q.
    """
    a, x = mp.mpf(a), mp.mpf(x)
    if x < a:
        p = mp.exp(a * mp.log(x) - x - mp.loggamma(a + 1)) * mp.hyp1f1(1, a + 1, x, maxterms=10**7)
        return p, 1 - p
    q = mp.gammainc(a, x, mp.inf, regularized=True)
    return 1 - q, q


shapes = [0.01, 0.1, 0.5, 1, 2.5, 10, 30.5, 100, 1e3, 1e4, 1e5, 5e5]
rows = []
for a in shapes:
    xs = {1e-10, 1e-3, 0.1, 0.5, 1, 1.05, 1.5, 3, 10, 50, 200, 700}
    for k in (-30, -10, -8, -4, -2, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 2, 4, 8,
              10, 30):
        xs.add(a + k * math.sqrt(a))
    for f in (1e-3, 0.1, 0.5, 0.9, 1.1, 2, 10):
        xs.add(a * f)
    for x in sorted(xs):
        if x <= 0:
            continue
        p, q = gammapq(a, x)
        if min(p, q) < 1e-300:
            continue
        rows.append((a, x, p, q))
write("incgamma.csv", ["a", "x", "p", "q"], rows)

print("gamma done")
# ---------------------------------------------------------------- I_x(a,b)
def lead(x, a, b):
    return mp.exp(a * mp.log(x) + b * mp.log1p(-x) - mp.log(a) - mp.log(mp.beta(a, b)))


def hyp_a_b_1(s, c, x):
    """2F1(s, 1; c; x) = Σ (s)_n/(c)_n x^n, summed term by term; the terms
    are positive and, for the arguments used here, their ratio is below
    max(x, (c-1)/c) < 1."""
    total, term, n = mp.mpf(1), mp.mpf(1), 0
    while True:
        term *= (s + n) / (c + n) * x
        total += term
        n += 1
        if term < total * mp.eps / 100:
            return total


def series_cost(x, a, b):
    """Rough number of terms of hyp_a_b_1(a+b, a+1, x): the terms grow until
    n ≈ ((a+b)x - a - 1)/(1-x) and then shrink like x^n."""
    if not 0 < x < 1:
        return math.inf
    return max(0.0, ((a + b) * x - a - 1) / (1 - x)) + 100 / -math.log(x)


def ibeta(x, a, b):
    """Return I_x(a,b) and 1 - I_x(a,b), each to full relative precision.

    The cheaper of the two series (for I_x(a,b) or for I_y(b,a)) is summed;
    when the wanted value is then a small difference 1 - s, it is
    recomputed with enough extra digits to keep 40 significant ones.
    """
    fx = float(x)
    swap = series_cost(1 - fx, float(b), float(a)) < series_cost(fx, float(a), float(b))
    extra = 0
    while True:
        with mp.workdps(40 + extra):
            X, A, B = mp.mpf(x), mp.mpf(a), mp.mpf(b)
            Y = 1 - X
            if swap:
                q = lead(Y, B, A) * hyp_a_b_1(A + B, B + 1, Y)
                p = 1 - q
            else:
                p = lead(X, A, B) * hyp_a_b_1(A + B, A + 1, X)
                q = 1 - p
            small = p if swap else q
            if small > mp.mpf(10) ** (-(extra + 5)) or extra > 400:
                return +p, +q
            if small <= 0:
                extra += 50
            else:
                extra = int(-mp.log10(small)) + 10


shapes = [0.01, 0.1, 0.5, 1, 2, 7.5, 30, 200, 1e4, 1e5, 5e5]
rows = []
for a in shapes:
    for b in shapes:
        mean = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        xs = {1e-10, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9999}
        for k in (-8, -3, -1, 0, 1, 3, 8):
            xs.add(mean + k * sd)
        for x in sorted(xs):
            if not 0 < x < 1:
                continue
            p, q = ibeta(x, a, b)
            if min(p, q) < 1e-300:
                continue
            rows.append((x, a, b, p, q))
write("incbeta.csv", ["x", "a", "b", "p", "q"], rows)

print("beta done")
# ---------------------------------------------------------------- inverses
targets = [1e-300, 1e-100, 1e-20, 1e-12, 1e-6, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9,
           0.99, 1 - 1e-6]


def newton(f, df, x, lo, hi):
    """Newton's method in mpmath from x, kept inside (lo, hi)."""
    for _ in range(100):
        fx = f(x)
        step = fx / df(x)
        nx = x - step
        if not lo < nx < hi:
            nx = (x + (lo if nx <= lo else hi)) / 2
        if abs(nx - x) <= abs(x) * mp.mpf(10) ** -35:
            return nx
        x = nx
    raise RuntimeError("no convergence")


rows = []
for a in shapes:
    for b in shapes:
        for t in targets:
            x0 = float(sc.betaincinv(a, b, t))
            if not 0 < x0 < 1:
                # SciPy underflowed: x ≈ (p a B(a,b))^(1/a).
                x0 = math.exp((math.log(t) + math.log(a) + float(mp.log(mp.beta(a, b)))) / a)
                if not 0 < x0 < 1:
                    continue
            p = float(ibeta(x0, a, b)[0])
            if not 1e-300 < p < 1:
                continue
            A, B = mp.mpf(a), mp.mpf(b)
            lb = mp.log(mp.beta(A, B))
            f = lambda x: ibeta(x, A, B)[0] - p
            df = lambda x: mp.exp((A - 1) * mp.log(x) + (B - 1) * mp.log1p(-x) - lb)
            x = newton(f, df, mp.mpf(x0), mp.mpf(0), mp.mpf(1))
            rows.append((p, a, b, x))
write("incbetainv.csv", ["p", "a", "b", "x"], rows)

shapes = [0.01, 0.1, 0.5, 1, 2.5, 10, 30.5, 100, 1e3, 1e4, 1e5, 5e5]
prows, qrows = [], []
for a in shapes:
    A = mp.mpf(a)
    lg = mp.loggamma(A)
    df = lambda x: mp.exp((A - 1) * mp.log(x) - x - lg)
    for t in targets:
        x0 = float(sc.gammaincinv(a, t))
        if not x0 > 0:
            x0 = math.exp((math.log(t) + math.lgamma(a + 1)) / a)
        if x0 > 0:
            p = float(gammapq(a, x0)[0])
            if 1e-300 < p < 1:
                x = newton(lambda x: gammapq(A, x)[0] - p, df, mp.mpf(x0), mp.mpf(0), mp.inf)
                prows.append((p, a, x))
        x0 = float(sc.gammainccinv(a, t))
        if x0 > 0:
            q = float(gammapq(a, x0)[1])
            if 1e-300 < q < 1:
                x = newton(lambda x: -(gammapq(A, x)[1] - q), df, mp.mpf(x0), mp.mpf(0), mp.inf)
                qrows.append((q, a, x))
write("incgammapinv.csv", ["p", "a", "x"], prows)
write("incgammaqinv.csv", ["q", "a", "x"], qrows)
