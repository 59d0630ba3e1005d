//! exp(x) from a table of 2^(i/32) and a polynomial, for the hot loops of
//! the Halperin–Nelson fit (`physics::halperin_nelson`), the thermal
//! relaxation of the Stoner–Wohlfarth sweep (`physics::magnet::thermal`) and
//! the BKT I–V curves (`physics::bkt`).
//!
//! In WebAssembly `f64::exp` is software (FreeBSD's, from the `libm` crate:
//! a rational approximation with a division, then `scalbn`); this one
//! needs no division and no branch but the range check, and takes a third
//! less time in Chromium (5.7 ns a call where `f64::exp` took 8.4, over an
//! array of arguments). Error: within 0.52 ulp
//! of exp(x) (the final rounding, plus 3·10⁻¹⁸ relative from the
//! polynomial), so within 1.1·10⁻¹⁶ relative of the true value, and within
//! one ulp of `f64::exp` (`crate/tests/fast_exp.rs` checks 10⁻¹⁵ over the
//! whole range, and the ulps on the ranges the fit uses).
//!
//! # Method
//! x = (32m + i)·ln2/32 + r with |r| ≤ ln2/64, so exp(x) = 2^m · 2^(i/32) ·
//! eʳ. The integer k = 32m + i is x·32/ln2 rounded (by adding 1.5·2⁵², which
//! leaves k in the low bits); r = x − k·ln2/32 with ln2/32 split in two so
//! that k·hi is exact for |k| < 2¹⁶. 2^(i/32) is a double s_i and a tail
//! t_i (2^(i/32) = s_i(1 + t_i)); eʳ − 1 is its Taylor series to r⁶/720
//! (the next term is below 3.2·10⁻¹⁸). exp(x) = s(1 + t + eʳ − 1) with s
//! = 2^m s_i assembled in the exponent bits (the tail's product with eʳ − 1
//! is below 10⁻¹⁸). Outside |x| ≤ 708, where 2^m or the result would not be
//! a normal number, and for NaN: `f64::exp`.
//!
//! The table: s_i and t_i of 2^(i/32) to 60 digits (Python's `decimal`,
//! `tests/data/fast_exp_table.py` prints it), s_i stored as its bits less
//! i·2⁴⁷ — the bits k·2⁴⁷ adds back along with 2^m. (The same scheme, with 128 entries and a fitted polynomial, as
//! Arm's optimized-routines exp, the one glibc and musl use.)

/// 32/ln 2.
const INV_LN2_N: f64 = 46.16624130844683;
/// ln2/32 to 37 bits (0x3f962e42fefa0000): k·hi is exact for |k| < 2¹⁶.
const LN2_HI_N: f64 = 0.021660849392446835;
/// ln2/32 − `LN2_HI_N`.
const LN2_LO_N: f64 = 5.145609244655338e-14;
/// 1.5·2⁵²: x·32/ln2 + SHIFT rounds to an integer held in the low bits.
const SHIFT: f64 = 6755399441055744.0;

/// (t_i, bits of s_i − i·2⁴⁷) for 2^(i/32) = s_i(1 + t_i).
const TABLE: [(f64, u64); 32] = [
    (0.0, 0x3ff0000000000000),
    (4.9997448722726326e-17, 0x3fefd9b0d3158574),
    (8.189317638195515e-17, 0x3fefb5586cf9890f),
    (-7.402825309426177e-17, 0x3fef9301d0125b51),
    (-2.7939114859515733e-17, 0x3fef72b83c7d517b),
    (9.341710609905046e-17, 0x3fef54873168b9aa),
    (7.826573258636076e-17, 0x3fef387a6e756238),
    (3.2904726646008416e-17, 0x3fef1e9df51fdee1),
    (3.3484623336251524e-17, 0x3fef06fe0a31b715),
    (-6.346552106729483e-17, 0x3feef1a7373aa9cb),
    (3.750854201303127e-17, 0x3feedea64c123422),
    (2.1023049675215714e-18, 0x3feece086061892d),
    (1.9572585293112036e-17, 0x3feebfdad5362a27),
    (-2.1571477251208752e-17, 0x3feeb42b569d4f82),
    (5.68648095791174e-17, 0x3feeab07dd485429),
    (-4.8923067513522756e-17, 0x3feea47eb03a5585),
    (-6.835808657661922e-17, 0x3feea09e667f3bcd),
    (-2.092304381843353e-17, 0x3fee9f75e8ec5f74),
    (-2.3591094770850053e-17, 0x3feea11473eb0187),
    (-6.735219232374683e-17, 0x3feea589994cce13),
    (5.1548301170786783e-17, 0x3feeace5422aa0db),
    (-6.432131775424189e-18, 0x3feeb737b0cdc5e5),
    (1.5341410053603723e-17, 0x3feec49182a3f090),
    (-6.152602891550265e-17, 0x3feed503b23e255d),
    (4.875160526227062e-17, 0x3feee89f995ad3ad),
    (-1.0772487078934056e-17, 0x3feeff76f2fb5e47),
    (1.685487290628973e-17, 0x3fef199bdd85529c),
    (1.01562190116415e-17, 0x3fef3720dcef9069),
    (1.790126907604513e-17, 0x3fef5818dcfba487),
    (-3.266924100901318e-17, 0x3fef7c97337b9b5f),
    (-5.545065618639427e-17, 0x3fefa4afa2a490da),
    (4.5784915277060095e-17, 0x3fefd0765b6e4540),
];

/// eˣ, within 0.52 ulp (see the module doc).
#[inline]
pub fn exp(x: f64) -> f64 {
    if x.is_nan() || x.abs() > 708.0 {
        return x.exp();
    }
    let kd = x * INV_LN2_N + SHIFT;
    let ki = kd.to_bits();
    let kd = kd - SHIFT;
    let r = x - kd * LN2_HI_N - kd * LN2_LO_N;
    let (tail, bits) = TABLE[(ki % 32) as usize];
    let scale = f64::from_bits(bits.wrapping_add(ki << 47));
    let r2 = r * r;
    let poly = tail
        + r
        + r2 * (0.5 + r * (1.0 / 6.0))
        + r2 * r2 * (1.0 / 24.0 + r * (1.0 / 120.0) + r2 * (1.0 / 720.0));
    scale + scale * poly
}

/// baseᵉ for base ≥ 0, as exp(e·ln base) with [`exp`]: the barriers
/// KV(1 − |H|/H_sw)ⁿ of the Stoner–Wohlfarth sweep, where `f64::powf` (in
/// WebAssembly a software pow with extended-precision ln and exp) was
/// about 8 % of a Fig. 2 update in Chromium's profile. The error of ln base (half an ulp, absolute
/// |ln base|·1.1·10⁻¹⁶) becomes |e ln base|·1.1·10⁻¹⁶ relative, below
/// 10⁻¹³ wherever the result is a normal number (`crate/tests/fast_exp.rs`).
/// 0ᵉ is 0 for e > 0; a negative or NaN base, or e ≤ 0 at base 0, take `f64::powf`.
#[inline]
pub fn pow(base: f64, e: f64) -> f64 {
    if base > 0.0 && base.is_finite() {
        exp(e * base.ln())
    } else if base == 0.0 && e > 0.0 {
        0.0
    } else {
        base.powf(e)
    }
}

/// The table's entry i as the double nearest 2^(i/32) (for the tests).
pub fn table_power(i: usize) -> f64 {
    f64::from_bits(TABLE[i % 32].1.wrapping_add((i as u64 % 32) << 47))
}
