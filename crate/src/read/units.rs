//! Units from column headers: `Name (unit)` or `Name [unit]`, SI prefixes
//! converted to the base unit (`mT` → T × 10⁻³, `kOe` → Oe × 10³,
//! `µA` → A × 10⁻⁶, `mV` → V × 10⁻³), and conversions within a family
//! (field in Oe, G or T as μ0H).

use super::ReadError;

/// Base units recognised, each with the spellings instruments use; the
/// first spelling is the canonical one returned.
const BASE_UNITS: &[(&str, &[&str])] = &[
    ("K", &["K"]),
    ("T", &["T", "Tesla"]),
    ("Oe", &["Oe"]),
    ("G", &["G", "Gauss"]),
    ("A", &["A", "Amp", "Amps", "amps"]),
    ("V", &["V", "Volt", "Volts"]),
    (
        "\u{3A9}",
        &["\u{3A9}", "\u{2126}", "Ohm", "Ohms", "ohm", "ohms"],
    ),
    ("s", &["s", "sec"]),
    ("Hz", &["Hz"]),
    ("m", &["m"]),
    ("g", &["g", "grams"]),
    ("emu", &["emu"]),
    ("W", &["W", "watts"]),
    ("Pa", &["Pa"]),
];

/// SI prefixes and their factors (`u`, `µ` U+00B5 and `μ` U+03BC all mean
/// micro). Tera and peta are left out: `T` alone is tesla, and no
/// instrument writes either.
const PREFIXES: &[(&str, i32)] = &[
    ("p", -12),
    ("n", -9),
    ("u", -6),
    ("µ", -6),
    ("μ", -6),
    ("m", -3),
    ("c", -2),
    ("k", 3),
    ("M", 6),
    ("G", 9),
];

/// Converts a value written with a prefix of exponent `exp` to the base
/// unit. Dividing by 10^|exp| for small prefixes gives the correctly rounded
/// result (`10 µA` → exactly the double nearest 1e-5, as parsing `1e-5`
/// does), which multiplying by the inexact 10⁻⁶ would not.
#[inline]
pub fn apply_prefix(value: f64, exp: i32) -> f64 {
    if exp < 0 {
        value / 10f64.powi(-exp)
    } else {
        value * 10f64.powi(exp)
    }
}

/// The canonical base unit and the factor that converts a value written in
/// `unit` to it (`"mT"` → `("T", 1e-3)`), or `None` for a unit that is not
/// a prefixed base unit (`deg`, `Ohm-m`, `code`, `emu/g`): those are kept
/// as written with factor 1.
pub fn normalise(unit: &str) -> Option<(&'static str, f64)> {
    normalise_exp(unit).map(|(b, e)| (b, apply_prefix(1.0, e)))
}

/// Like [`normalise`], with the prefix as a power of ten (`"mT"` → `("T", -3)`).
pub fn normalise_exp(unit: &str) -> Option<(&'static str, i32)> {
    let unit = unit.trim();
    let base = |u: &str| {
        BASE_UNITS
            .iter()
            .find(|(_, spellings)| spellings.contains(&u))
            .map(|(canonical, _)| *canonical)
    };
    if let Some(b) = base(unit) {
        return Some((b, 0));
    }
    PREFIXES.iter().find_map(|(p, exp)| {
        let rest = unit.strip_prefix(p)?;
        base(rest).map(|b| (b, *exp))
    })
}

/// Splits a header `Temperature (K)` into (`Temperature`, `Some("K")`).
/// The unit is the last parenthesised group ending the header; a
/// `[bracketed]` ending counts only if it is a recognised unit (so QD's
/// `Long Scan Std Dev [w/o ABS]` keeps its bracket in the name). An empty
/// group `Pressure ()` means no unit.
pub fn split_header(header: &str) -> (&str, Option<&str>) {
    let h = header.trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(inner) = h.strip_suffix(close) {
            if let Some(i) = inner.rfind(open) {
                let unit = inner[i + open.len_utf8()..].trim();
                let name = inner[..i].trim_end();
                if name.is_empty() || (open == '[' && normalise(unit).is_none()) {
                    continue;
                }
                return (name, (!unit.is_empty()).then_some(unit));
            }
        }
    }
    (h, None)
}

/// The family a canonical unit converts within, with the factor to the
/// family's reference unit: fields to tesla (μ0H; 1 Oe ↔ 1 G ↔ 10⁻⁴ T in
/// vacuum, the Gaussian-unit convention of the instruments).
fn family(unit: &str) -> Option<(&'static str, f64)> {
    match unit {
        "T" => Some(("field", 1.0)),
        "Oe" | "G" => Some(("field", 1e-4)),
        _ => None,
    }
}

/// The factor that converts values in `from` to `to`; both may carry SI
/// prefixes (`"kOe"` → `"T"` is 0.1). Errors name the parameter: `from` or `to`.
pub fn factor(from: &str, to: &str) -> Result<f64, ReadError> {
    let parse = |name: &'static str, u: &str| {
        normalise(u).ok_or_else(|| ReadError::UnknownUnit {
            name,
            unit: u.to_string(),
        })
    };
    let (fb, ff) = parse("from", from)?;
    let (tb, tf) = parse("to", to)?;
    if fb == tb {
        return Ok(ff / tf);
    }
    match (family(fb), family(tb)) {
        (Some((a, fa)), Some((b, fb2))) if a == b => Ok(ff * fa / (tf * fb2)),
        _ => Err(ReadError::Incompatible {
            from: from.to_string(),
            to: to.to_string(),
        }),
    }
}
