"""SciPy baselines for the benchmark table: the same data, models and
starting points as ktao, timed with the same median-of-batches rule.
Prints one JSON line per case."""
import json
import pathlib
import time

import numpy as np
from scipy.optimize import curve_fit

DATA = pathlib.Path(__file__).parents[1] / "data" / "hc2_angle_scipy.csv"


def tinkham(theta, h_perp, h_par):
    t = np.radians(theta)
    a = np.abs(np.cos(t)) / np.abs(h_perp)
    b = np.sin(t) ** 2 / h_par**2
    return 2.0 / (a + np.sqrt(a * a + 4.0 * b))


def gl3d(theta, h_perp, h_par):
    t = np.radians(theta)
    return 1.0 / np.sqrt(np.cos(t) ** 2 / h_perp**2 + np.sin(t) ** 2 / h_par**2)


def time_us(f):
    for _ in range(10):
        f()
    per_call = []
    for _ in range(7):
        t0, n = time.perf_counter(), 0
        while time.perf_counter() - t0 < 0.05:
            f()
            n += 1
        per_call.append((time.perf_counter() - t0) * 1e6 / n)
    return sorted(per_call)[3]


theta, hc2 = np.loadtxt(DATA, delimiter=",", comments="#", skiprows=2, unpack=True)
p0 = [hc2.min(), hc2.max()]


def fit_both():
    # fitHc2Angle fits both models; so does the baseline.
    curve_fit(tinkham, theta, hc2, p0=p0)
    curve_fit(gl3d, theta, hc2, p0=p0)


print(json.dumps({"case": "fitHc2Angle", "us_per_call": time_us(fit_both)}))

# The vacancy model (Fig. 3, S18) as a physicist would write it in NumPy: the
# independent implementation that made the test fixture, whole spin blocks
# through numpy.linalg.eigh, the chemical potential by brentq. Each call
# takes seconds, so the model warms up once instead of ten times.
import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location("vacancy_numpy", DATA.parent / "vacancy_numpy.py")
vacancy_numpy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(vacancy_numpy)
SCAN_U = [0.25 * i for i in range(9)]


def time_us_slow(f):
    f()
    per_call = []
    for _ in range(7):
        t0, n = time.perf_counter(), 0
        while time.perf_counter() - t0 < 0.05:
            f()
            n += 1
        per_call.append((time.perf_counter() - t0) * 1e6 / n)
    return sorted(per_call)[3]


print(json.dumps({"case": "vacancyModel", "us_per_call": time_us_slow(lambda: vacancy_numpy.model(tol=1e-9))}))
# The scan takes tens of seconds in NumPy: one timed call.
t0 = time.perf_counter()
[vacancy_numpy.model(u=u, tol=1e-9) for u in SCAN_U]
print(json.dumps({"case": "uScan9", "us_per_call": (time.perf_counter() - t0) * 1e6}))


def annealing(p_o2, n0=7.28e13, f=1.0, x=1 / 6, p_star=1e-7, mobility=40.0, m_v=2.0):
    """Fig. 5: mass-action vacancy density capped at the as-grown one."""
    with np.errstate(divide="ignore"):
        n_v = n0 / (2 * f) * np.minimum(1.0, (np.asarray(p_o2) / p_star) ** -x)
    n = 2 * f * n_v
    return n_v, n, 1 / (n * 1e4 * 1.602176634e-19 * mobility * 1e-4), n_v * np.sqrt(3) * (3.989e-8) ** 2 * m_v


PRESSURES = np.array([0.0, 2e-6, 1e-2, 1.0, 1e-4])
print(json.dumps({"case": "fig5Annealing", "us_per_call": time_us(lambda: annealing(PRESSURES))}))
