"""Generates readers_fixtures.json: an independent reading of the three real
Quantum Design files in ../shared/fixtures/quantum-design/ with Python's csv
module, for crate/tests/read_fixtures.rs to compare ktao's reader with.

For each file: the BYAPP application, the number of data rows (rows after
the column-name row with at least one number), the column headers, the first
and last values of the columns an analysis uses, the set points of the
temperature (consecutive rows rounded to 0.1 K, the step of every series in
these files; runs of fewer than 3 rows dropped) and, for the MPMS3 loop, the
rows of the largest and smallest field in the first set point.

Run: python tests/data/readers_fixtures.py  (standard library only)
"""
import csv
import json
import pathlib

HERE = pathlib.Path(__file__).parent
FIXTURES = HERE.parents[2] / "shared" / "fixtures" / "quantum-design"
FILES = {
    "mpms3-vsm-mh.dat": ["Time Stamp (sec)", "Temperature (K)", "Magnetic Field (Oe)",
                         "Moment (emu)", "M. Std. Err. (emu)"],
    "mpms-xl-zfc.dc.dat": ["Time", "Temperature (K)", "Field (Oe)", "Long Moment (emu)"],
    "ppms-resistivity-tmr-hall.dat": ["Time Stamp (sec)", "Temperature (K)",
                                      "Magnetic Field (Oe)", "Bridge 1 Resistance (Ohms)",
                                      "Bridge 2 Resistance (Ohms)", "Sample Position (deg)"],
}


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def read(path):
    lines = path.read_text(encoding="latin-1").splitlines()
    by_app = next(l.split(",")[1].strip() for l in lines if l.startswith("BYAPP"))
    start = next(i for i, l in enumerate(lines) if l.strip() == "[Data]")
    rows = list(csv.reader(lines[start + 1:]))
    header = rows[0]
    while header and not header[-1].strip():
        header.pop()
    data = [r for r in rows[1:] if any(num(v) is not None for v in r)]
    return by_app, header, data


def set_points(temps):
    runs, start = [], 0
    for i in range(1, len(temps) + 1):
        if i == len(temps) or round(temps[i], 1) != round(temps[start], 1):
            if i - start >= 3:
                runs.append([start, i, round(temps[start], 1)])
            start = i
    return runs


out = {}
for name, used in FILES.items():
    by_app, header, data = read(FIXTURES / name)
    cols = {}
    for h in used:
        j = header.index(h)
        vals = [num(r[j]) if j < len(r) else None for r in data]
        vals = [v for v in vals if v is not None]
        cols[h] = {"first": vals[0], "last": vals[-1], "count": len(vals)}
    t = header.index("Temperature (K)")
    temps = [float(r[t]) for r in data]
    entry = {"byApp": by_app, "rows": len(data), "headers": header, "columns": cols,
             "setPoints": set_points(temps)}
    if name.startswith("mpms3"):
        f = header.index("Magnetic Field (Oe)")
        s0, e0, _ = entry["setPoints"][0]
        field = [float(r[f]) for r in data[s0:e0]]
        entry["firstLoop"] = {"argmax": s0 + field.index(max(field)),
                              "argmin": s0 + field.index(min(field))}
    out[name] = entry

(HERE / "readers_fixtures.json").write_text(json.dumps(out, indent=1) + "\n")
print("wrote", HERE / "readers_fixtures.json")
