"""SciPy baselines for the benchmark table: the same data, models and
starting points as ktao, timed with the same median-of-batches rule.
Prints one JSON line per case (the same case names as crate/examples/bench.rs
and tests/bench/wasm.mjs). Fits use scipy.optimize.curve_fit; model
evaluations are vectorised NumPy versions of the same equations."""
import io
import json
import os
import pathlib
import sys
import time

import numpy as np
import pandas as pd
from scipy.optimize import curve_fit

DATA = pathlib.Path(__file__).parents[1] / "data"
MPMS3 = pathlib.Path(__file__).parents[3] / "shared" / "fixtures" / "quantum-design" / "mpms3-vsm-mh.dat"
LARGE_ROWS = 200_000
E, HBAR = 1.602176634e-19, 6.62607015e-34 / (2 * np.pi)
G_AL = E * E / (16 * HBAR)
PHI0 = 6.62607015e-34 / (2 * E)
A_NM = PHI0 / (2 * np.pi) * 1e18

# The LaAlO3/KTaO3 preset of crate/src/physics/transport.rs.
LAO = dict(rN=1568.0, r300=5 * 1568.0, p=2.0, tc0=2.0844, tBkt=1.9455, spread=0.1416,
           bHn=0.0537, i0=6.48e-3, noise=5e-9, n=7.28e13, offset=0.002 * 1568.0, hallNoise=0.05)


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


def case(name, us):
    print(json.dumps({"case": name, "us_per_call": us}), flush=True)


def load(name):
    return np.loadtxt(DATA / name, delimiter=",", comments="#", skiprows=2, unpack=True)


# fitHc2Angle: both models, as ktao fits both.
def tinkham(theta, h_perp, h_par):
    t = np.radians(theta)
    a = np.abs(np.cos(t)) / np.abs(h_perp)
    b = np.sin(t) ** 2 / h_par**2
    return 2.0 / (a + np.sqrt(a * a + 4.0 * b))


def gl3d(theta, h_perp, h_par):
    t = np.radians(theta)
    return 1.0 / np.sqrt(np.cos(t) ** 2 / h_perp**2 + np.sin(t) ** 2 / h_par**2)


theta, hc2 = load("hc2_angle_scipy.csv")
p0 = [hc2.min(), hc2.max()]
case("fitHc2Angle", time_us(lambda: (curve_fit(tinkham, theta, hc2, p0=p0), curve_fit(gl3d, theta, hc2, p0=p0))))

# fitGlHc2: the joint fit from the fixture's starting point.
gt, ghp, ghl = load("gl_hc2_scipy.csv")
gn = gt.size
gx = np.concatenate([gt, gt])
gy = np.concatenate([ghp, ghl])
gp0 = json.loads((DATA / "gl_hc2_scipy.json").read_text())["p0"]


def joint(x, tc, xi, d):
    u = np.clip(1 - x / tc, 0, None)
    return np.concatenate([A_NM / xi**2 * u[:gn], A_NM * np.sqrt(12) / (abs(xi) * abs(d)) * np.sqrt(u[gn:])])


case("fitGlHc2", time_us(lambda: curve_fit(joint, gx, gy, p0=gp0)))


# fitHalperinNelson and hnLinearized on the fixture.
def hn(t, r0, b, tb):
    tau = t / tb - 1.0
    out = np.zeros_like(t)
    ok = tau > 0
    out[ok] = r0 * np.exp(-b / np.sqrt(tau[ok]))
    return out


def hn_start(t, r):
    d = (np.log(r[2:]) - np.log(r[:-2])) / (t[2:] - t[:-2])
    ok = d > 0
    s, a = np.polyfit(t[1:-1][ok], d[ok] ** (-2 / 3), 1)
    tb = -a / s
    b = 2.0 / (s * np.cbrt(tb)) ** 1.5 if s > 0 and tb > 0 else np.nan
    if not (s > 0 and 0 < tb < t[0] and np.isfinite(b) and b > 0):
        # ktao's fallback when the line is unusable: T_BKT below the window,
        # b the slope of ln R against -(T/T_BKT - 1)^(-1/2) there.
        tb = t[0] - 0.1 * (t[-1] - t[0])
        slope, _ = np.polyfit(1.0 / np.sqrt(t / tb - 1.0), np.log(r), 1)
        b = -slope if np.isfinite(slope) and slope < 0 else 1.0
    f = hn(t, 1.0, b, tb)
    return [np.sum(f * r) / np.sum(f * f), b, tb]


ht, hr = load("halperin_nelson_scipy.csv")
case("fitHalperinNelson", time_us(lambda: curve_fit(hn, ht, hr, p0=hn_start(ht, hr))))


def linearized(t, r):
    d = (np.log(r[2:]) - np.log(r[:-2])) / (t[2:] - t[:-2])
    ok = d > 0
    x, y = t[1:-1][ok], d[ok] ** (-2 / 3)
    popt, pcov = curve_fit(lambda x, a, s: a + s * x, x, y)
    return -popt[0] / popt[1]


case("hnLinearized", time_us(lambda: linearized(ht, hr)))


# rtModel: the same 256-node Gaussian film, vectorised over (T, node).
def fig1b_temperatures():
    t = [1.5 + 0.005 * k for k in range(351)]
    t += [3.25 + 0.25 * k for k in range(1, 61)]
    t += [15.0 + 15.0 * k for k in range(1, 20)]
    return np.array(t)


def nodes(p, n=256):
    s = p["spread"]
    lo = max(p["tBkt"] - 4 * s, 1e-6 * p["tc0"])
    hi = min(p["tBkt"] + 4 * s, p["tc0"] * (1 - 1e-9))
    h = (hi - lo) / n
    x = lo + h * (np.arange(n) + 0.5)
    w = np.exp(-0.5 * ((x - p["tBkt"]) / s) ** 2)
    return x, w / w.sum()


def r_normal(p, t):
    return p["rN"] + (p["r300"] - p["rN"]) * (t / 300.0) ** p["p"]


def region_r(p, t, tb):
    """R of regions with BKT temperatures tb (column) at temperatures t (row)."""
    tau = t[None, :] / tb[:, None] - 1.0
    bt = p["bHn"] * (p["tc0"] / tb - 1.0)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        z = np.sqrt(bt[:, None] / np.where(tau > 0, tau, np.nan))
        ds = G_AL * (p["tc0"] / tb)[:, None] / bt[:, None] * np.sinh(z) ** 2
        r = 1.0 / (1.0 / r_normal(p, t)[None, :] + ds)
    return np.where(tau > 0, np.nan_to_num(r), 0.0)


def rt_model(p, t):
    x, w = nodes(p)
    return w @ region_r(p, t, x)


T1B = fig1b_temperatures()
case("rtModel", time_us(lambda: rt_model(LAO, T1B)))
R1B = rt_model(LAO, T1B)


def crossing(t, r, level):
    i = np.nonzero((r[:-1] < level) & (r[1:] >= level))[0][-1]
    return t[i] + (t[i + 1] - t[i]) * (level - r[i]) / (r[i + 1] - r[i])


def transitions(t, r):
    rn = np.interp(5.0, t, r)
    return [crossing(t, r, f * rn) for f in (0.9, 0.5, 0.01)]


case("transitionTemperatures", time_us(lambda: transitions(T1B, R1B)))


def hn_preset(t, r):
    rn = np.interp(5.0, t, r)
    lo, hi = crossing(t, r, 0.3 * rn), crossing(t, r, 0.9 * rn)
    m = (t >= lo) & (t <= hi) & (r > 0)
    return curve_fit(hn, t[m], r[m], p0=hn_start(t[m], r[m]))


case("fitHalperinNelsonPreset", time_us(lambda: hn_preset(T1B, R1B)))

# ivCurves: 15 temperatures × 61 currents × 256 regions, vectorised.
TEMPS = np.array([1.4 + 0.05 * k for k in range(15)])
CURR = np.array([1e-6 * 10 ** (k / 20) for k in range(61)])
RNG = np.random.default_rng(2024)


def iv_curves(p, temps, curr):
    x, w = nodes(p)
    out = []
    for t in temps:
        rn = r_normal(p, np.array([t]))[0]
        i0 = p["i0"] * max(0.0, 1 - t / p["tc0"]) ** 1.5
        rr = region_r(p, np.array([t]), x)[:, 0]
        bound = (t < x) & (i0 > 0)
        ohmic = np.sum(w[~bound] * rr[~bound])
        e = 2.0 * (x[bound] / t) * (p["tc0"] - t) / (p["tc0"] - x[bound])
        with np.errstate(over="ignore", divide="ignore"):
            v = ohmic * curr + (w[bound] * rn) @ (curr[None, :] / (1 + np.exp(e[:, None] * np.log(i0 / curr)[None, :])))
        out.append(v + p["noise"] * RNG.standard_normal(curr.size))
    return out


case("ivCurves", time_us(lambda: iv_curves(LAO, TEMPS, CURR)))
CURVES = iv_curves(LAO, TEMPS, CURR)


def bkt_alpha(curves):
    rn = max(v[-1] / CURR[-1] for v in curves)
    alpha = []
    for v in curves:
        above = v > 1e-7
        i, vv = CURR[above], v[above]
        r0 = vv[0] / i[0]
        m = (vv > 2 * r0 * i) & (vv < 0.5 * rn * i)
        if m.sum() < 3:
            m = np.ones_like(vv, bool)
        popt, _ = curve_fit(lambda x, a, s: a + s * x, np.log(i[m]), np.log(vv[m]))
        alpha.append(popt[1])
    alpha = np.array(alpha)
    k = np.nonzero((alpha[:-1] >= 3) & (alpha[1:] < 3))[0][0]
    return TEMPS[k] + (TEMPS[k + 1] - TEMPS[k]) * (alpha[k] - 3) / (alpha[k] - alpha[k + 1])


case("bktAlpha", time_us(lambda: bkt_alpha(CURVES)))

# Hall.
B = np.array([-9.0 + 0.25 * k for k in range(73)])


def hall_curve(p, b):
    return p["offset"] - b / (E * p["n"] * 1e4) + p["hallNoise"] * RNG.standard_normal(b.size)


case("hallCurve", time_us(lambda: hall_curve(LAO, B)))
RXY = hall_curve(LAO, B)


def hall_density(b, rxy, rs):
    popt, pcov = curve_fit(lambda x, a, s: a + s * x, b, rxy)
    n = 1 / (E * abs(popt[1])) * 1e-4
    return n, 1 / (n * 1e4 * E * rs) * 1e4


case("hallDensity", time_us(lambda: hall_density(B, RXY, 1568.0)))
if os.environ.get("KTAO_BENCH_ONLY") == "fits":
    sys.exit(0)


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


# pandas' C parser on the same rows, from memory as ktao reads them.
section = large_mpms3_data_section()
print(json.dumps({"case": "readDataFile200k",
                  "us_per_call": time_us_large(lambda: pd.read_csv(io.BytesIO(section)))}))

# The vacancy model (Fig. 3, S18) as a physicist would write it in NumPy: the
# independent implementation that made the test fixture, whole spin blocks
# through numpy.linalg.eigh, the chemical potential by brentq. Each call
# takes seconds, so the model warms up once instead of ten times.
import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location("vacancy_numpy", DATA / "vacancy_numpy.py")
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


# Fig. 2 and Fig. S5: the same computations as ktao, vectorised in NumPy
# (tests/data/magnet_numpy.py, also the source of ktao's cross-check fixture).
sys.path.insert(0, str(DATA))
from magnet_numpy import LAO, numpy_loop, numpy_process_loop, numpy_zfc_fc  # noqa: E402

h1000, m1000, _ = numpy_loop({**LAO, "points": 1000}, 1.8)
print(json.dumps({"case": "swLoop1p8K", "us_per_call": time_us(lambda: numpy_loop(LAO, 1.8))}))
print(json.dumps({"case": "swLoop300K", "us_per_call": time_us(lambda: numpy_loop(LAO, 300.0))}))
print(json.dumps({"case": "zfcFc", "us_per_call": time_us(lambda: numpy_zfc_fc(LAO))}))
print(json.dumps({"case": "processLoop1000",
                  "us_per_call": time_us(lambda: numpy_process_loop(h1000, m1000))}))
