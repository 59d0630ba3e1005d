"""Writes the awkward reader fixtures in this folder, byte for byte.

They are made by hand for ktao (no instrument wrote them), shaped on the real
MultiVu files in shared/fixtures/quantum-design/ (headers, INFO orders,
column names), each with one or more of the cases a reader must survive.
crate/tests/read_awkward.rs states what each must read as.

Run: python tests/data/readers/make_fixtures.py  (standard library only)
"""
import pathlib

HERE = pathlib.Path(__file__).parent


def write(name, text, encoding="utf-8", newline="\n", bom=b""):
    data = bom + text.replace("\n", newline).encode(encoding)
    (HERE / name).write_bytes(data)


# 1. MPMS3 DC scan: Latin-1 header (°, µ), CRLF, ';' comments, blank lines,
#    `Moment (emu)` empty and the moment in the DC columns, a quoted comment
#    holding commas, rows shorter than the header, a trailing comma.
write(
    "mpms3-dc-latin1-crlf.dat",
    """[Header]
; MPMS3 Data File (default extension .dat)

TITLE,KTaO3 (111) µ-film at 50 Oe, ZFC
FILEOPENTIME,3907407619.14099,10/25/2023,3:00 pm
BYAPP,MPMS3,1.0,1.1
INFO,In plane, 5 mm × 5 mm, 25°,SAMPLE_COMMENT
INFO,0.5,SAMPLE_MASS

[Data]
Comment,Time Stamp (sec),Temperature (K),Magnetic Field (Oe),Moment (emu),M. Std. Err. (emu),DC Moment Fixed Ctr (emu),DC Moment Err Fixed Ctr (emu),DC Moment Free Ctr (emu),DC Moment Err Free Ctr (emu)
"ZFC, then 50 Oe, sweep up",3907409041.5,1.800000e+000,5.000000e+001,,,1.250000e-005,2.000000e-008,1.260000e-005,3.000000e-008,
,3907409101.5,2.000000e+000,5.000000e+001,,,1.200000e-005,2.000000e-008,1.210000e-005,3.000000e-008,
,3907409161.5,5.000000e+000,5.000000e+001,,,1.100000e-005,2.000000e-008
,3907409221.5,1.000000e+001,5.000000e+001,,,1.000000e-005,2.000000e-008,1.010000e-005,3.000000e-008,
""",
    encoding="latin-1",
    newline="\r\n",
)

# 2. PPMS ETO, two channels; UTF-8 with a BOM; INFO in both orders; and the
#    last line cut short with no newline (the file was still being written).
write(
    "eto-two-channels-bom-truncated.dat",
    """[Header]
TITLE, R(T) at 0 and 1 T
FILEOPENTIME,30422650.78,12/18/2024,10:42 AM
BYAPP, ETO, 1.0
INFO, APPNAME, PPMS MultiVu Application, 1.5.11
INFO, Rxx, Sample1 Name
INFO, Rxy, Sample2 Name
[Data]
Comment,Time Stamp (sec),Temperature (K),Magnetic Field (Oe),Resistance Ch1 (Ohms),Resistance Ch2 (Ohms),Current Ch1 (uA)
,30423000.0,3.0,0.0,1200.5,3.25,10.0
,30423010.0,2.5,0.0,1150.0,3.5,10.0
,30423020.0,2.0,10000.0,600.0,4.0,10.0
,30423030.0,1.5,10000.0,12.5,4.5,10.0
,30423040.0,1.0,10000.0,1.2""",
    bom=b"\xef\xbb\xbf",
)

# 3. TSV from a spreadsheet: µ (U+00B5) and kOe, mT, mV units, a '#' comment
#    before the header, an empty field, CRLF.
write(
    "iv-koe-ua.tsv",
    """# I-V at 1.4 K, sample B
Field (kOe)\tCurrent (µA)\tVoltage (mV)\tB (mT)
1.5\t-10\t-0.25\t150
1.5\t0\t0\t150
1.5\t10\t\t150
1.5\t20\t0.5\t150
""",
    newline="\r\n",
)

# 4. Semicolon CSV with decimal commas (a European spreadsheet), "uA" for
#    microamps, and a header repeated in the middle (two files pasted together).
write(
    "semicolon-decimal-comma.csv",
    """T (K);I (uA);R (Ohm)
1,5;10;120,5
1,6;10;130,25
T (K);I (uA);R (Ohm)
1,7;10;140
""",
)
print("wrote the reader fixtures")
