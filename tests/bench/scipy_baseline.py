"""SciPy and pandas baselines for the benchmark table: the same data, models
and starting points as ktao, timed with the same median-of-batches rule.
Prints one JSON line per case."""
import io
import json
import pathlib
import time

import numpy as np
import pandas as pd
from scipy.optimize import curve_fit

DATA = pathlib.Path(__file__).parents[1] / "data" / "hc2_angle_scipy.csv"
MPMS3 = pathlib.Path(__file__).parents[3] / "shared" / "fixtures" / "quantum-design" / "mpms3-vsm-mh.dat"
LARGE_ROWS = 200_000


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


def time_us_large(f):
    """One warm-up, then the median of 5 single calls (calls of 0.1 s and more)."""
    f()
    per_call = []
    for _ in range(5):
        t0 = time.perf_counter()
        f()
        per_call.append((time.perf_counter() - t0) * 1e6)
    return sorted(per_call)[2]


def large_mpms3_data_section():
    """The benchmark's 200,000-row MPMS3 file (the fixture's header and column
    names, then its data rows repeated in order, each ended by a newline), as
    the bytes of its data section: the column-name row and the rows."""
    lines = MPMS3.read_text(encoding="latin-1").split("\n")
    names = next(i for i, l in enumerate(lines) if l.strip() == "[Data]") + 1
    rows = [l for l in lines[names + 1:] if l]
    body = [rows[i % len(rows)] for i in range(LARGE_ROWS)]
    return ("\n".join([lines[names]] + body) + "\n").encode("latin-1")


theta, hc2 = np.loadtxt(DATA, delimiter=",", comments="#", skiprows=2, unpack=True)
p0 = [hc2.min(), hc2.max()]


def fit_both():
    # fitHc2Angle fits both models; so does the baseline.
    curve_fit(tinkham, theta, hc2, p0=p0)
    curve_fit(gl3d, theta, hc2, p0=p0)


print(json.dumps({"case": "fitHc2Angle", "us_per_call": time_us(fit_both)}))


# pandas' C parser on the same rows, from memory as ktao reads them.
section = large_mpms3_data_section()
print(json.dumps({"case": "readDataFile200k",
                  "us_per_call": time_us_large(lambda: pd.read_csv(io.BytesIO(section)))}))
