"""Generates analysis_fixtures.json: independent numbers for the analyses
of analyze.html on the three real Quantum Design files in
../shared/fixtures/quantum-design/, computed with NumPy from a plain
reading (Python's csv module), for crate/tests/analysis_fixtures.rs and
tests/e2e/analyze.test.mjs to compare ktao's page and library with.

- mpms3-vsm-mh.dat: the loop at the first temperature set point (rows
  0–373, 2 K) through magnet_numpy.numpy_process_loop, the NumPy/SciPy
  implementation of loop processing written beside ktao's (physics.md §9);
  a real loop that does not saturate, so the two agree to about 1 %, not
  to their errors.
- ppms-resistivity-tmr-hall.dat: a straight line through the Hall channel
  (Bridge 2 Resistance) against μ0H in tesla at each temperature set point
  (np.polyfit with its covariance): the slope and its standard error.
- mpms-xl-zfc.dc.dat: the temperature of the largest moment of the ZFC run.

Run: python tests/data/analysis_fixtures.py  (needs numpy and scipy)
"""
import csv
import json
import math
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).parent
FIXTURES = HERE.parents[2] / "shared" / "fixtures" / "quantum-design"
sys.path.insert(0, str(HERE))
from magnet_numpy import numpy_process_loop  # noqa: E402

E = 1.602176634e-19


def columns(name):
    lines = (FIXTURES / name).read_text(encoding="latin-1").splitlines()
    start = next(i for i, l in enumerate(lines) if l.strip() == "[Data]")
    rows = list(csv.reader(lines[start + 1:]))
    header = rows[0]

    def num(s):
        try:
            return float(s)
        except ValueError:
            return math.nan

    data = [r for r in rows[1:] if any(not math.isnan(num(v)) for v in r)]
    return {h: np.array([num(r[j]) if j < len(r) else math.nan for r in data])
            for j, h in enumerate(header) if h}


out = {}
c = columns("mpms3-vsm-mh.dat")
h, m = c["Magnetic Field (Oe)"][:374], c["Moment (emu)"][:374]
slope, ms, mr, hc, q = numpy_process_loop(h, m)
out["mpms3-vsm-mh.dat"] = {"loop": {"rows": [0, 374], "slopeEmuPerOe": float(slope),
                                    "msEmu": float(ms), "mrEmu": float(mr), "hcOe": float(hc)}}

c = columns("ppms-resistivity-tmr-hall.dat")
b, r = c["Magnetic Field (Oe)"] * 1e-4, c["Bridge 2 Resistance (Ohms)"]
hall = []
for s, e in [(0, 199), (199, 600), (600, 1001), (1001, 1401)]:
    (k, a), cov = np.polyfit(b[s:e], r[s:e], 1, cov=True)
    hall.append({"rows": [s, e], "slopeOhmPerT": float(k), "slopeError": float(math.sqrt(cov[0, 0])),
                 "offsetOhm": float(a)})
out["ppms-resistivity-tmr-hall.dat"] = {"hall": hall}

c = columns("mpms-xl-zfc.dc.dat")
t, m = c["Temperature (K)"], c["Long Moment (emu)"]
out["mpms-xl-zfc.dc.dat"] = {"zfc": {"peakK": float(t[int(np.argmax(m))]), "rows": int(t.size)}}

(HERE / "analysis_fixtures.json").write_text(json.dumps(out, indent=1) + "\n")
