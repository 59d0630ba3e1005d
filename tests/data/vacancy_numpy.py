"""Generates vacancy_numpy.json: the oxygen-vacancy moment model solved by an
independent NumPy/SciPy implementation, for ktao's cross-check.

The model is physics.md §7 as ktao documents it (crate/src/physics/vacancy):
Ta on the simple cubic lattice, (111) layers i + j + k = l, an L x L periodic
patch at the Gamma point, t2g orbitals (yz, zx, xy) with pi hopping -t along
the two cubic axes of their plane, one O vacancy on the x bond from Ta (0,0,0)
to layer 1 (bond cut; -V on the zx and xy orbitals of both Ta; 2 electrons),
confinement F*l, Dudarev mean field U (1/2 - n) per orbital and spin, the
chemical potential from brentq at fixed electron count (mid-gap when
E_F falls between levels), Fermi-Dirac smearing,
linear mixing, and the same fixed +-1e-4 perturbation of the starting
density (SplitMix64 of the site-orbital index) that breaks the slab's exact
symmetries, so both land on the same one of several symmetry-equivalent
solutions and can be compared Ta by Ta. Unlike ktao it builds the whole spin block at once in cubic
coordinates (no ribbon blocks) and diagonalises it with numpy.linalg.eigh.

Run: python tests/data/vacancy_numpy.py  (needs numpy and scipy)
"""
import json
import pathlib

import numpy as np
import scipy
from scipy.optimize import brentq

HERE = pathlib.Path(__file__).parent
AXES = np.eye(3, dtype=int)


MASK = (1 << 64) - 1


def jitter(c):
    """ktao's fixed pseudo-random number in [-1, 1) for index c (SplitMix64)."""
    z = (c + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    z ^= z >> 31
    return (z >> 11) / float(1 << 52) - 1.0


def soc_matrix(lam):
    """lambda L.S on one Ta, basis (yz, zx, xy) x (up, down), (L_k)_ab = i eps_kab."""
    eps = np.zeros((3, 3, 3))
    for k, a, b in [(0, 1, 2), (1, 2, 0), (2, 0, 1)]:
        eps[k, a, b], eps[k, b, a] = 1.0, -1.0
    sigma = [np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]]),
             np.array([[1, 0], [0, -1]])]
    return sum(np.kron(1j * eps[k], sigma[k]) for k in range(3)) * 0.5 * lam


def model(layers=6, size=4, t=0.5, v_vac=0.3, f_conf=0.7, u=1.0, kt=0.005,
          mixing=0.8, p0=0.5, tol=1e-12, max_iter=5000, soc=0.0):
    L = size
    # Sites by cubic coordinates; the patch is periodic under L(1,-1,0), L(0,1,-1).
    sites = []
    for l in range(layers):
        for m in range(L):
            for n in range(L):
                sites.append((l + m, n - m, -n))
    index = {}

    def key(r):
        l = sum(r)
        m, n = r[0] - l, -r[2]
        return (l, m % L, n % L)

    for s, r in enumerate(sites):
        index[key(r)] = s
    ns = len(sites)
    # Hopping per orbital o: along the axes a != o; the vacancy cuts site 0's +x bond.
    h0 = np.zeros((3 * ns, 3 * ns))
    onsite = np.zeros(3 * ns)
    for s, r in enumerate(sites):
        onsite[3 * s:3 * s + 3] = f_conf * sum(r)
    for s, r in enumerate(sites):
        l = sum(r)
        if l == layers - 1:
            continue
        for a in range(3):
            nb = index[key(tuple(np.array(r) + AXES[a]))]
            if s == 0 and a == 0:
                for o in (1, 2):
                    onsite[3 * s + o] -= v_vac
                    onsite[3 * nb + o] -= v_vac
                continue
            for o in range(3):
                if o != a:
                    h0[3 * s + o, 3 * nb + o] -= t
                    h0[3 * nb + o, 3 * s + o] -= t
    h0 += np.diag(onsite)
    electrons = 2.0

    def fermi(x):
        return 0.5 * (1.0 - np.tanh(0.5 * x))

    def solve(n_up, n_dn):
        if soc == 0.0:
            levels, vectors = [], []
            for n_spin in (n_up, n_dn):
                e, w = np.linalg.eigh(h0 + np.diag(u * (0.5 - n_spin)))
                levels.append(e)
                vectors.append(w)
            allv = np.concatenate(levels)
        else:
            # Whole slab: basis (site, orbital, spin), spin fastest.
            h = np.kron(h0, np.eye(2)).astype(complex)
            h += np.kron(np.eye(ns), soc_matrix(soc))
            mf = np.empty(6 * ns)
            mf[0::2], mf[1::2] = u * (0.5 - n_up), u * (0.5 - n_dn)
            allv, w = np.linalg.eigh(h + np.diag(mf))
        # Mid-point of the interval where the count is within 1e-10 of its
        # target (E_F mid-gap when the levels leave a gap at E_F).
        ends = [brentq(lambda x: fermi((allv - x) / kt).sum() - electrons - d,
                       allv.min() - 2.0, allv.max() + 2.0, xtol=1e-14, maxiter=1000)
                for d in (-1e-10, 1e-10)]
        mu = 0.5 * (ends[0] + ends[1])
        if soc == 0.0:
            dens = [(w**2) @ fermi((e - mu) / kt) for e, w in zip(levels, vectors)]
            return dens[0], dens[1], mu
        occ = (np.abs(w)**2) @ fermi((allv - mu) / kt)
        return occ[0::2], occ[1::2], mu

    # Start: the U = 0 density, spin-averaged, polarised by p0.
    u_run = u
    u = 0.0
    a, b, _ = solve(np.zeros(3 * ns), np.zeros(3 * ns))
    u = u_run
    mean = 0.5 * (a + b) * (1.0 + 1e-4 * np.array([jitter(c) for c in range(3 * ns)]))
    n_up = np.clip(mean * (1 + p0), 0, 1)
    n_dn = np.clip(mean * (1 - p0), 0, 1)
    for it in range(1, max_iter + 1):
        o_up, o_dn, mu = solve(n_up, n_dn)
        res = max(abs(o_up - n_up).max(), abs(o_dn - n_dn).max())
        if res < tol or u == 0.0:
            break
        n_up += mixing * (o_up - n_up)
        n_dn += mixing * (o_dn - n_dn)
    m_site = (o_up - o_dn).reshape(ns, 3).sum(axis=1)
    # ktao orders sites (l, m, n); so does `sites` above.
    return {
        "params": {"layers": layers, "size": size, "hopping": t, "soc": soc, "vacancyPotential": v_vac,
                   "confinement": f_conf, "uEff": u, "smearing": kt, "mixing": mixing,
                   "initialPolarization": p0, "tolerance": tol},
        "siteMoments": m_site.tolist(),
        "siteCharges": (o_up + o_dn).reshape(ns, 3).sum(axis=1).tolist(),
        "layerMoments": m_site.reshape(layers, L * L).sum(axis=1).tolist(),
        "electrons": float(o_up.sum() + o_dn.sum()),
        "fermiEnergy": float(mu),
        "iterations": it,
        "residual": float(res),
    }


def main():
    cases = [model(), model(u=0.75), model(u=2.0),
             model(size=3, layers=4, u=1.2, v_vac=0.2, f_conf=0.4, kt=0.01),
             model(size=2, layers=4, u=0.0, soc=0.4)]
    out = {"generator": "tests/data/vacancy_numpy.py", "numpy": np.__version__,
           "scipy": scipy.__version__, "cases": cases}
    (HERE / "vacancy_numpy.json").write_text(json.dumps(out, indent=1) + "\n")
    for c in cases:
        print(c["params"]["uEff"], max(map(abs, c["siteMoments"])), c["iterations"], c["residual"])


if __name__ == "__main__":
    main()
