"""A straightforward NumPy implementation of ktao's ferromagnet model and
loop processing (physics.md §9), written independently of the Rust code:

- Stoner–Wohlfarth states by Newton's method on e'(φ) = ½ sin 2(φ − ψ) + x sin φ,
  continued from field to field along the sweep (ktao traces them
  parametrically and interpolates a table);
- the same ensemble (ktao's LOOP_RESOLUTION: 16 in-plane easy-axis angles,
  5 H_K and 5 volume classes, equal-probability log-normal classes with unit
  variance; ZFC_RESOLUTION: 6 × 3 × 21), the same barriers (Pfeiffer's
  exponent for the unfavoured state, the exact energy gap for the other),
  and the same two-state relaxation at every point of every class, with
  no skipping (ktao skips points where nothing can move);
- loop processing by np.interp, scipy.optimize.least_squares, lstsq and
  polyfit (the benchmark's baseline).

Run as a script it writes magnet_numpy_loops.csv (the noise-free
ferromagnetic loops of the LAO/KTO sample at 1.8 K and 300 K) and
magnet_numpy_zfc_fc.csv (its ZFC/FC curves), which crate/tests/magnet_numpy.rs
compares with ktao's. tests/bench/scipy_baseline.py
imports it to time the same computations.

Run: python tests/data/magnet_numpy.py  (needs numpy and scipy)
"""
import json
import pathlib

import numpy as np
import scipy
from scipy.optimize import least_squares
from scipy.stats import norm

HERE = pathlib.Path(__file__).parent
KB_ERG = 1.380649e-16
TAU0 = 1e-9
# The LAO/KTO sample (physics::magnet::options::magnet_preset).
LAO = dict(hk=300.0, hk_spread=0.3, ms=1.683e-7, magn=29.2, vol=8e5, vol_spread=0.8,
           tc=500.0, t_meas=10.0, hmax=1500.0, points=400, chi=-2.1e-8, noise=2e-9,
           field=50.0, tmin=1.8, tmax=300.0, tpoints=150)


def lognormal(median, sigma, n):
    z = norm.ppf((np.arange(n) + 0.5) / n)
    z /= np.sqrt(np.mean(z**2))
    return median * np.exp(sigma * z), np.full(n, 1.0 / n)


def ms_ratio(t, tc):
    tau = np.clip(np.asarray(t, float) / tc, 0.0, 1.0)
    return np.cbrt(1.0 - tau**1.5)


def switching_field(psi):
    return (np.cos(psi) ** (2 / 3) + np.sin(psi) ** (2 / 3)) ** -1.5


def newton(phi, psi, x, iterations):
    alive = x > -switching_field(psi)
    for _ in range(iterations):
        d1 = 0.5 * np.sin(2 * (phi - psi)) + x * np.sin(phi)
        d2 = np.cos(2 * (phi - psi)) + x * np.cos(phi)
        ok = alive & (d2 > 1e-12)
        phi = phi - np.clip(np.where(ok, d1 / np.where(ok, d2, 1.0), 0.0), -0.3, 0.3)
    return phi


def sw_states(psi, x):
    """m₊ and e₊ along the rows of x (descending fields), columns = particles."""
    phi = np.sin(2 * psi) / (2 * (x[0] + np.cos(2 * psi)))
    m, e = np.empty_like(x), np.empty_like(x)
    for i in range(x.shape[0]):
        phi = newton(phi, psi, x[i], 6)
        m[i] = np.cos(phi)
        e[i] = 0.5 * np.sin(phi - psi) ** 2 - x[i] * np.cos(phi)
    return m, e


def sw_state_at(psi, x):
    """m₊ and e₊ at one small field per particle, from the zero-field minimum φ = ψ."""
    phi = newton(psi.copy(), psi, x, 40)
    return np.cos(phi), 0.5 * np.sin(phi - psi) ** 2 - x * np.cos(phi)


def numpy_loop(p, t, rng_seed=1):
    """(h, measured m, ferromagnetic m) of the loop at temperature t."""
    nb = p["points"] // 2
    f_down = np.linspace(p["hmax"], -p["hmax"], nb)
    psi = np.pi / 2 * (np.arange(16) + 0.5) / 16
    hk, w_hk = lognormal(p["hk"], p["hk_spread"], 5)
    vol, w_v = lognormal(p["vol"], p["vol_spread"], 5)
    P, K = (g.ravel() for g in np.meshgrid(psi, hk, indexing="ij"))
    w_c = np.repeat(np.full(16, 1 / 16), 5) * np.tile(w_hk, 16)
    x = f_down[:, None] / K[None, :]
    mp, ep = sw_states(P, x)  # row nb−1−i holds the field −F_i
    mm, em = -mp[::-1], ep[::-1]  # the "−" state at the same fields
    hsw = switching_field(P)
    n_exp = (0.86 + 1.14 * hsw)[:, None]
    msr = ms_ratio(t, p["tc"])
    a = 0.5 * p["magn"] * msr * K[:, None] * vol[None, :] * 1e-21 / (KB_ERG * t)
    ln_f0t = np.log(p["t_meas"] / TAU0)
    pp = np.ones_like(a)  # population of "+", every class from +H_max
    out = []
    for branch in (range(nb), range(nb - 1, -1, -1)):
        for i in branch:
            xi = x[i]
            gap = np.where(xi > 0, em[i] - ep[i], ep[i] - em[i]).clip(0)[:, None]
            fav_plus = (xi > 0)[:, None]
            y = (np.abs(xi) / hsw)[:, None]
            au = a * np.clip(1 - y, 0, None) ** n_exp
            back = np.exp(-np.minimum(2 * a * gap, 700))
            lam = np.exp(np.minimum(ln_f0t - au, 700)) * (1 + back)
            peq = 1 / (1 + back)
            pf = np.where(fav_plus, pp, 1 - pp)
            pf = np.where(y >= 1, 1.0, peq + (pf - peq) * np.exp(-lam))
            pp = np.where(fav_plus, pf, 1 - pf)
            out.append(w_c @ (mm[i] + (pp @ w_v) * (mp[i] - mm[i])))
    h = np.concatenate([f_down, f_down[::-1]])
    ferro = p["ms"] * msr * np.array(out)
    noise = p["noise"] * np.random.default_rng(rng_seed).standard_normal(h.size)
    return h, ferro + p["chi"] * h + noise, ferro


def numpy_zfc_fc(p):
    """(T, ZFC, FC) ferromagnetic moments: ZFC from p = ½ on warming, FC on
    cooling from T_c (p = ½) through T_c − (T_c − T_max)·0.8^k, k large to
    small (down to 1e-6 T_c below T_c), and then down the measured grid."""
    temps = np.linspace(p["tmin"], p["tmax"], p["tpoints"])
    psi = np.pi / 2 * (np.arange(6) + 0.5) / 6
    hk, w_hk = lognormal(p["hk"], p["hk_spread"], 3)
    vol, w_v = lognormal(p["vol"], p["vol_spread"], 21)
    P, K, V = (g.ravel() for g in np.meshgrid(psi, hk, vol, indexing="ij"))
    w = (np.full(6, 1 / 6)[:, None, None] * w_hk[None, :, None] * w_v[None, None, :]).ravel()
    x = p["field"] / K
    mp, ep = sw_state_at(P, x)
    mneg, em = sw_state_at(P, -x)
    mm = -mneg
    hsw = switching_field(P)
    cu = np.clip(1 - np.abs(x) / hsw, 0, None) ** (0.86 + 1.14 * hsw)
    gap = np.clip(em - ep, 0, None)
    c = 0.5 * p["magn"] * K * V * 1e-21 / KB_ERG
    ln_f0t = np.log(p["t_meas"] / TAU0)

    def relax(pf, t):
        a = c * ms_ratio(t, p["tc"]) / t
        back = np.exp(-np.minimum(2 * a * gap, 700))
        lam = np.exp(np.minimum(ln_f0t - a * cu, 700)) * (1 + back)
        peq = 1 / (1 + back)
        return peq + (pf - peq) * np.exp(-lam)

    def moment(pf, t):
        return p["ms"] * ms_ratio(t, p["tc"]) * (w @ (mm + pf * (mp - mm)))

    pf = np.full_like(c, 0.5)
    zfc = []
    for t in temps:
        pf = relax(pf, t)
        zfc.append(moment(pf, t))
    precool, below = [], (p["tc"] - p["tmax"]) * 0.8
    while below > 1e-6 * p["tc"]:
        precool.append(p["tc"] - below)
        below *= 0.8
    pf = np.full_like(c, 0.5)
    for t in reversed(precool):
        pf = relax(pf, t)
    fc = []
    for t in temps[::-1]:
        pf = relax(pf, t)
        fc.append(moment(pf, t))
    return temps, np.array(zfc), np.array(fc[::-1])


def numpy_process_loop(h, m):
    """Split, centre by symmetry (least squares), high-field slope with a
    linearity term, M_s, M_r, H_c, noise and Q: the steps of processLoop."""
    i_max, i_min = int(np.argmax(h)), int(np.argmin(h))
    down = (h[i_max:i_min + 1][::-1], m[i_max:i_min + 1][::-1])
    up = (h[i_min:], m[i_min:])
    lo, hi = max(down[0][0], up[0][0]), min(down[0][-1], up[0][-1])
    c, half = 0.5 * (lo + hi), 0.5 * (hi - lo)
    n = min(down[0].size, up[0].size, 400)
    us = np.linspace(-0.8 * half, 0.8 * half, n)

    def sym(h0):
        return np.interp(h0 + us, *down) + np.interp(h0 - us, *up)

    scan = [(np.var(sym(h0)), h0) for h0 in np.linspace(c - 0.2 * half, c + 0.2 * half, 21)]
    h0 = min(scan)[1]
    fit = least_squares(lambda q: sym(q[0]) - 2 * q[1], [h0, np.mean(sym(h0)) / 2])
    h0, m0 = fit.x
    u = np.concatenate([down[0], up[0]]) - h0
    y = np.concatenate([down[1], up[1]]) - m0
    b = np.concatenate([np.full(down[0].size, 0.5), np.full(up[0].size, -0.5)])
    sel = np.abs(u) >= 0.7 * min(hi - h0, h0 - lo)
    cols = [u, u > 0, u <= 0, b, np.linspace(-0.5, 0.5, u.size)]
    A = np.column_stack([col[sel].astype(float) for col in cols])
    coef, *_ = np.linalg.lstsq(A, y[sel], rcond=None)
    bend = np.sign(u[sel]) * (np.abs(u[sel]) - np.abs(u[sel]).mean()) ** 2
    np.linalg.lstsq(np.column_stack([A, bend]), y[sel], rcond=None)
    slope, ms = coef[0], 0.5 * (coef[1] - coef[2])
    corr = y - slope * u
    nd = down[0].size
    mr, hc = [], []
    for uu, yy, first in ((u[:nd], corr[:nd], -1), (u[nd:], corr[nd:], 0)):
        near = np.argsort(np.abs(uu))[:8]
        mr.append(np.polyfit(uu[near], yy[near], 2)[-1])
        # The first crossing in sweep order: from the top going down, from
        # the bottom going up.
        k = np.nonzero(np.diff(np.sign(yy)))[0][first]
        s = slice(max(k - 1, 0), k + 3)
        a1, a0 = np.polyfit(uu[s], yy[s], 1)
        hc.append(-a0 / a1)
    err = sym(h0) - 2 * m0
    q = np.log10(np.mean(corr**2) / np.mean(err**2))
    return slope, ms, 0.5 * (mr[0] - mr[1]), 0.5 * (hc[1] - hc[0]), q


if __name__ == "__main__":
    clean = dict(LAO, chi=0.0, noise=0.0)
    versions = f"numpy {np.__version__}, scipy {scipy.__version__}"
    with open(HERE / "magnet_numpy_loops.csv", "w") as fh:
        fh.write(f"# generated by magnet_numpy.py ({versions}): LAO/KTO ferromagnetic loops, no noise\n")
        fh.write("temperature_k,h_oe,m_ferro_emu\n")
        for t in (1.8, 300.0):
            h, _, ferro = numpy_loop(clean, t)
            for hi, mi in zip(h, ferro):
                fh.write(f"{t!r},{float(hi)!r},{float(mi)!r}\n")
    temps, zfc, fc = numpy_zfc_fc(clean)
    with open(HERE / "magnet_numpy_zfc_fc.csv", "w") as fh:
        fh.write(f"# generated by magnet_numpy.py ({versions}): LAO/KTO ZFC/FC at 50 Oe, no noise\n")
        fh.write("temperature_k,zfc_emu,fc_emu\n")
        for t, z, f in zip(temps, zfc, fc):
            fh.write(f"{float(t)!r},{float(z)!r},{float(f)!r}\n")
