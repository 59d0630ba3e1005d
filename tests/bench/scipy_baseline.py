"""SciPy/NumPy baselines for the benchmark table: the same data, models and
starting points as ktao, timed with the same median-of-batches rule.
Prints one JSON line per case."""
import json
import pathlib
import sys
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


# Fig. 2 and Fig. S5: the same computations as ktao, vectorised in NumPy
# (tests/data/magnet_numpy.py, also the source of ktao's cross-check fixture).
sys.path.insert(0, str(DATA.parent))
from magnet_numpy import LAO, numpy_loop, numpy_process_loop, numpy_zfc_fc  # noqa: E402

h1000, m1000, _ = numpy_loop({**LAO, "points": 1000}, 1.8)
print(json.dumps({"case": "swLoop1p8K", "us_per_call": time_us(lambda: numpy_loop(LAO, 1.8))}))
print(json.dumps({"case": "swLoop300K", "us_per_call": time_us(lambda: numpy_loop(LAO, 300.0))}))
print(json.dumps({"case": "zfcFc", "us_per_call": time_us(lambda: numpy_zfc_fc(LAO))}))
print(json.dumps({"case": "processLoop1000",
                  "us_per_call": time_us(lambda: numpy_process_loop(h1000, m1000))}))
