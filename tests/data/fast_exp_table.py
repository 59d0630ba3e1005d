"""Prints the table and constants of crate/src/fast_exp.rs: 2^(i/32) as a
double s_i and a tail t_i (2^(i/32) = s_i (1 + t_i)), s_i stored as its
bits less i * 2^47, and ln2/32 split so that k * hi is exact for |k| < 2^16.
Computed with 60 significant digits (the standard library's decimal).

Run: python3 tests/data/fast_exp_table.py
"""
import struct
from decimal import Decimal, getcontext

getcontext().prec = 60
N = 32


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def double(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


ln2 = Decimal(2).ln()
print(f"INV_LN2_N = {float(N / ln2)!r}")
hi = double(bits(float(ln2 / N)) & ~0xFFFF)  # 53 - 16 = 37 significant bits
print(f"LN2_HI_N = {hi!r} (0x{bits(hi):016x})")
print(f"LN2_LO_N = {float(ln2 / N - Decimal(hi))!r}")
print("TABLE:")
for i in range(N):
    v = Decimal(2) ** (Decimal(i) / N)
    s = float(v)
    tail = float((v - Decimal(s)) / Decimal(s))
    print(f"    ({tail!r}, 0x{(bits(s) - (i << 47)) % 2**64:016x}),")
