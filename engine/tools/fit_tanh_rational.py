#!/usr/bin/env python3
"""Fits the rational tanh of engine/src/main/java/org/percepnet4j/engine/nn/Activations.java.

tanh(x) ~ x * (1 + p1 s + p2 s^2 + p3 s^3 + p4 s^4) / (1 + q1 s + q2 s^2 + q3 s^3 + q4 s^4), s = x^2, on [0, 8.5],
by iteratively reweighted linear least squares (Sanathanan-Koerner weighting by the previous denominator, plus a
Lawson-style weight that pushes towards equal ripple). Prints the coefficients as float literals and the errors in
exact (double) and in float32 evaluation. Needs numpy. Usage: python3 engine/tools/fit_tanh_rational.py
"""
import numpy as np

CLAMP = 8.5
N_NUM = 5  # 1, p1..p4
N_DEN = 5  # 1, q1..q4


def fit(iterations=60):
    x = np.linspace(1e-4, CLAMP, 60000)
    t = np.tanh(x)
    s = x * x
    q_prev = np.ones_like(x)
    w = np.ones_like(x)
    for _ in range(iterations):
        # x + x*sum p_k s^k - t - t*sum q_k s^k = 0, unknowns p1.., q1..
        a = np.concatenate([x[:, None] * s[:, None] ** np.arange(1, N_NUM),
                            -(t[:, None] * s[:, None] ** np.arange(1, N_DEN))], axis=1)
        b = t - x
        weight = w / q_prev
        sol, *_ = np.linalg.lstsq(a * weight[:, None], b * weight, rcond=None)
        p = np.concatenate([[1.0], sol[:N_NUM - 1]])
        q = np.concatenate([[1.0], sol[N_NUM - 1:]])
        q_prev = np.polyval(q[::-1], s)
        err = x * np.polyval(p[::-1], s) / q_prev - t
        w = w * (np.abs(err) / np.abs(err).max() + 1e-3) ** 0.5
        w /= w.mean()
    return p, q


def tanh32(p, q, x):
    f = np.float32
    c = np.clip(x.astype(f), -f(CLAMP), f(CLAMP))
    s = c * c
    num = f(0)
    for k in reversed(range(len(p))):
        num = num * s + f(p[k])
    den = f(0)
    for k in reversed(range(len(q))):
        den = den * s + f(q[k])
    return np.clip(c * num / den, f(-1), f(1))


if __name__ == "__main__":
    p, q = fit()
    xs = np.linspace(0, CLAMP, 2000001)
    exact = xs * np.polyval(p[::-1], xs * xs) / np.polyval(q[::-1], xs * xs)
    print("P1..P4 =", ", ".join("%.8ef" % np.float32(v) for v in p[1:]))
    print("Q1..Q4 =", ", ".join("%.8ef" % np.float32(v) for v in q[1:]))
    print("max |error|, exact arithmetic on [0, %.1f]: %.2e" % (CLAMP, np.abs(exact - np.tanh(xs)).max()))
    grid = np.linspace(-20, 20, 4000001)
    print("max |error|, float32 evaluation on [-20, 20]: %.2e"
          % np.abs(tanh32(p, q, grid).astype(np.float64) - np.tanh(grid)).max())
    print("denominator coefficients all positive (no pole):", bool(np.all(q > 0)))
