#!/usr/bin/python3
"""Quantile references and large-df Student t values for internal/dist,
computed with mpmath (40 significant digits; more where a complement needs
them).

Run from this directory with Debian's python3 (python3-mpmath, python3-scipy):

    /usr/bin/python3 gen_reference.py

R's quantile functions (qbeta, qf, qchisq, ...) were found to be accurate
only to 1e-5 .. 1e-10 in parts of the grid (checked with mpmath), and R's pt
uses a normal approximation for df > 4e5, so these tables come from mpmath
instead: each quantile row holds a double p and the exact root x of
F(x) = p (or of 1 - F(x) = 1 - p for p > 1/2, where 1 - p is exact), found by
Newton's method in mpmath from SciPy's estimate.

CDFs in mpmath (independent of the Go code, which uses continued fractions):
  I_x(a,b) = x^a y^b/(a B(a,b)) 2F1(a+b, 1; a+1; x)   (A&S 26.5.23), or the
             same series for I_y(b,a), whichever converges faster
  P(a,x)   = x^a e^-x/Γ(a+1) 1F1(1; a+1; x) for x < a, else
             Q(a,x) from mpmath.gammainc(a, x, inf, regularized=True)
"""
import csv
import math
import sys
import time

import mpmath as mp
import scipy.stats as st

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


def hyp_a_b_1(s, c, x):
    total, term, n = mp.mpf(1), mp.mpf(1), 0
    while True:
        term *= (s + n) / (c + n) * x
        total += term
        n += 1
        if term < total * mp.eps / 100:
            return total


def lead(x, a, b):
    return mp.exp(a * mp.log(x) + b * mp.log1p(-x) - mp.log(a) - mp.log(mp.beta(a, b)))


def series_cost(x, a, b):
    if not 0 < x < 1:
        return math.inf
    return max(0.0, ((a + b) * x - a - 1) / (1 - x)) + 100 / -math.log(x)


def ibeta(x, a, b):
    """I_x(a,b) and 1 - I_x(a,b), each to full relative precision."""
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
            extra = extra + 50 if small <= 0 else int(-mp.log10(small)) + 10


def gammapq(a, x):
    """P(a,x) and Q(a,x), each to full relative precision."""
    a, x = mp.mpf(a), mp.mpf(x)
    if x < a:
        p = mp.exp(a * mp.log(x) - x - mp.loggamma(a + 1)) * mp.hyp1f1(1, a + 1, x, maxterms=10**7)
        return p, 1 - p
    q = mp.gammainc(a, x, mp.inf, regularized=True)
    return 1 - q, q


# Each distribution: tails(x) -> (cdf, sf) and pdf(x), in mpmath.
def t_tails(nu):
    nu = mp.mpf(nu)

    def tails(t):
        t = mp.mpf(t)
        w, w1 = ibeta(nu / (nu + t * t), nu / 2, mp.mpf(1) / 2)
        lo, hi = w / 2, (1 + w1) / 2
        return (lo, hi) if t < 0 else (hi, lo)

    c = mp.exp(mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2)) / mp.sqrt(nu * mp.pi)
    return tails, lambda t: c * (1 + mp.mpf(t) ** 2 / nu) ** (-(nu + 1) / 2)


def gamma_tails(shape, scale):
    k, th = mp.mpf(shape), mp.mpf(scale)
    lg = mp.loggamma(k)
    return (lambda x: gammapq(k, mp.mpf(x) / th),
            lambda x: mp.exp((k - 1) * mp.log(mp.mpf(x) / th) - mp.mpf(x) / th - lg) / th)


def beta_tails(a, b):
    A, B = mp.mpf(a), mp.mpf(b)
    lb = mp.log(mp.beta(A, B))
    return (lambda x: ibeta(x, A, B),
            lambda x: mp.exp((A - 1) * mp.log(x) + (B - 1) * mp.log1p(-mp.mpf(x)) - lb))


def f_tails(d1, d2):
    d1, d2 = mp.mpf(d1), mp.mpf(d2)
    lb = mp.log(mp.beta(d1 / 2, d2 / 2))

    def tails(x):
        # u = d1 x/(d1 x + d2) and 1 - u = d2/(d1 x + d2) are both formed
        # directly; the beta function is evaluated at the smaller of them.
        x = mp.mpf(x)
        v = d2 / (d1 * x + d2)
        if v < 0.5:
            q, p = ibeta(v, d2 / 2, d1 / 2)
            return p, q
        return ibeta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2)

    def pdf(x):
        x = mp.mpf(x)
        return mp.exp((d1 / 2) * mp.log(d1 * x / (d1 * x + d2)) + (d2 / 2) * mp.log(d2 / (d1 * x + d2)) - lb) / x
    return tails, pdf


def root(tails, pdf, p, x0, kind):
    """The x with cdf(x) = p, for a double p, to 35 digits.

    The equation is solved on the smaller tail in logarithms,
    log tail(x) = log target, by Newton's method in a logarithmic variable u
    in which power-law and exponential tails are nearly linear:
      kind "pos":  x = e^u              (support (0, inf))
      kind "unit": x = e^u, or x = 1 - e^u when the root is above 1/2
      kind "real": x = -e^u for p < 1/2, x = e^u above (Student t)
    A bracket in u is kept, and a step that leaves it is replaced by
    bisection in u.
    """
    P = mp.mpf(p)
    upper = P > mp.mpf(1) / 2
    target = 1 - P if upper else P
    # Parametrise by y = 1 - x when the root is in the upper half of (0, 1)
    # (judged from the starting value), whichever tail is solved.
    flip = (kind == "unit" and x0 > 0.5) or (kind == "real" and not upper)
    if kind == "unit" and flip:
        X = lambda u: 1 - mp.exp(u)
        dX = lambda u: -mp.exp(u)
        u = mp.log(1 - mp.mpf(x0)) if x0 < 1 else mp.mpf(-40)
    elif kind == "real" and not upper:
        X = lambda u: -mp.exp(u)
        dX = lambda u: -mp.exp(u)
        u = mp.log(-mp.mpf(x0))
    else:
        X = lambda u: mp.exp(u)
        dX = lambda u: mp.exp(u)
        u = mp.log(mp.mpf(x0))
    sign = (-1 if upper else 1) * (-1 if flip else 1)
    lo, hi = mp.mpf(-2000), mp.mpf(0 if kind == "unit" else 2000)
    for _ in range(300):
        x = X(u)
        c, s = tails(x)
        v = s if upper else c
        h = mp.log(v) - mp.log(target) if v > 0 else -mp.inf
        if h == 0:
            return x
        # dh/du: the tail's derivative in x is +pdf (lower) or -pdf (upper).
        dh = (pdf(x) * dX(u) / v) * (-1 if upper else 1) if v > 0 else mp.mpf(0)
        # h is monotone in u; g = sign·h increases with u.
        g = sign * h
        if g > 0:
            hi = u
        else:
            lo = u
        nu = u - h / dh if dh != 0 and mp.isfinite(h) else None
        if nu is None or not lo <= nu <= hi:
            nu = (lo + hi) / 2
        if abs(nu - u) <= mp.mpf(10) ** -36 * max(1, abs(u)):
            return X(nu)
        u = nu
    raise RuntimeError("no convergence at p=%r" % p)


ps = [1e-300, 1e-100, 1e-20, 1e-12, 1e-6, 1e-3, 0.025, 0.1, 0.3, 0.5, 0.7,
      0.9, 0.975, 0.999, 1 - 1e-6, 1 - 1e-12]


# Sections to generate: all by default, or those named on the command line
# (t, tbig, chisq, gamma, beta, f).
WANT = set(sys.argv[1:]) or {"t", "tbig", "chisq", "gamma", "beta", "f"}


def start(ppf, p, fallback):
    try:
        v = float(ppf(p))
    except Exception:
        v = float("nan")
    return v if math.isfinite(v) and v != 0 else fallback


# Student t quantiles, df from 1 to 1e6.
if "t" in WANT:
    rows = []
    for nu in [1, 1.5, 2, 3, 5, 10, 30, 100, 1e3, 1e4, 1e5, 1e6]:
        tails, pdf = t_tails(nu)
        for p in ps:
            if p == 0.5:
                rows.append((p, nu, 0))
                continue
            x0 = start(lambda p: st.t.ppf(p, nu), p, -1e10 if p < 0.5 else 1e10)
            rows.append((p, nu, root(tails, pdf, p, x0, "real")))
    write("studentt_quantile.csv", ["p", "df", "q"], rows)
    print("t quantiles done")

# Student t CDF for df beyond R's exact range.
if "tbig" in WANT:
    rows = []
    for nu in [4e5, 1e6, 1e8]:
        tails, _ = t_tails(nu)
        for t in [-1e3, -38, -10, -5, -2.5, -1.96, -1, -0.1, 0.1, 1, 1.96, 2.5, 5, 10, 38]:
            c, s = tails(t)
            if min(c, s) > 1e-300:
                rows.append((t, nu, c, s))
    write("studentt_bigdf_cdf.csv", ["t", "df", "cdf", "sf"], rows)
    print("t big df done")

# Chi-square quantiles (= 2 × gamma(k/2) quantiles).
if "chisq" in WANT:
    rows = []
    for k in [0.1, 0.5, 1, 2, 3, 5, 10, 30, 100, 1e3, 1e4, 1e5, 1e6]:
        tails, pdf = gamma_tails(k / 2, 2)
        for p in ps:
            if tails(1e-300)[0] >= p:
                continue  # the quantile is below the double range
            x0 = start(lambda p: st.chi2.ppf(p, k), p, 1e-300)
            rows.append((p, k, root(tails, pdf, p, x0, "pos")))
    write("chisquare_quantile.csv", ["p", "k", "q"], rows)
    print("chi-square done")

# Gamma quantiles.
if "gamma" in WANT:
    rows = []
    for shape in [0.01, 0.1, 0.5, 1, 2.5, 10, 100, 1e3, 1e4, 1e5]:
        for scale in [0.5, 3]:
            tails, pdf = gamma_tails(shape, scale)
            for p in ps:
                if tails(1e-300)[0] >= p:
                    continue  # the quantile is below the double range
                x0 = start(lambda p: st.gamma.ppf(p, shape, scale=scale), p, 1e-300)
                x = root(tails, pdf, p, x0, "pos")
                if x > 1e-300:
                    rows.append((p, shape, scale, x))
    write("gamma_quantile.csv", ["p", "shape", "scale", "q"], rows)
    print("gamma done")

# Beta quantiles.
if "beta" in WANT:
    rows = []
    sh = [0.01, 0.1, 0.5, 1, 2, 5, 30, 200, 1e3, 1e5]
    for a in sh:
        for b in sh:
            tails, pdf = beta_tails(a, b)
            for p in ps:
                if tails(1e-300)[0] >= p:
                    continue  # the quantile is below the double range
                c53, s53 = tails(1 - mp.mpf(2) ** -53)
                if (p > 0.5 and s53 >= 1 - mp.mpf(p)) or (p <= 0.5 and c53 <= p):
                    continue  # the quantile rounds to 1
                t0 = time.time()
                x0 = start(lambda p: st.beta.ppf(p, a, b), p, 0.5)
                x0 = min(max(x0, 1e-300), 1 - 1e-17)
                x = root(tails, pdf, p, x0, "unit")
                if 1e-300 < x and float(x) < 1:
                    rows.append((p, a, b, x))
                if time.time() - t0 > 5:
                    print("slow: beta", a, b, p, round(time.time() - t0, 2), file=sys.stderr, flush=True)
    write("beta_quantile.csv", ["p", "a", "b", "q"], rows)
    print("beta done")

# F quantiles.
if "f" in WANT:
    rows = []
    ds = [0.5, 1, 2, 5, 10, 30, 100, 1e3, 1e5]
    for d1 in ds:
        for d2 in ds:
            tails, pdf = f_tails(d1, d2)
            for p in ps:
                if tails(1e-300)[0] >= p:
                    continue  # the quantile is below the double range
                x0 = start(lambda p: st.f.ppf(p, d1, d2), p, 1.0)
                x = root(tails, pdf, p, x0, "pos")
                if 1e-300 < x < 1e300:
                    rows.append((p, d1, d2, x))

    write("f_quantile.csv", ["p", "d1", "d2", "q"], rows)
    print("F done")
