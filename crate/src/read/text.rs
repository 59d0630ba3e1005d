//! From bytes to text: the byte-order mark, the encoding (UTF-8, UTF-16 with
//! a BOM, else Windows-1252/Latin-1), binary files, line endings, and fields
//! split on a delimiter with `"quoted, fields"`.

use super::ReadError;
use std::borrow::Cow;

/// How many leading bytes are inspected to tell a binary file from text.
/// 4 KiB covers the header of every instrument file seen and costs nothing.
const SNIFF_BYTES: usize = 4096;

/// Text decoded from a file, and how it was encoded.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, borrowed from the bytes when they were valid UTF-8.
    pub text: Cow<'a, str>,
    /// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" or "Windows-1252".
    pub encoding: &'static str,
}

/// Windows-1252's characters for the bytes 0x80–0x9F (Latin-1 has control
/// codes there); the five undefined bytes keep their Latin-1 meaning.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decodes `bytes`, refusing what is not text.
///
/// UTF-16 is recognised only by its byte-order mark (Excel's "Unicode text"
/// writes one). Bytes that are not valid UTF-8 are read as Windows-1252, the
/// superset of Latin-1 that Windows instrument PCs write (`°` is 0xB0 and
/// `µ` is 0xB5 in both).
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(Decoded {
            text: Cow::Owned(utf16(rest, u16::from_le_bytes)),
            encoding: "UTF-16LE",
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(Decoded {
            text: Cow::Owned(utf16(rest, u16::from_be_bytes)),
            encoding: "UTF-16BE",
        });
    }
    let (body, bom) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    check_not_binary(body)?;
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: if bom { "UTF-8 with BOM" } else { "UTF-8" },
        }),
        Err(_) => Ok(Decoded {
            text: Cow::Owned(body.iter().map(|&b| cp1252(b)).collect()),
            encoding: "Windows-1252",
        }),
    }
}

fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// A NUL byte, or more than 1 in 10 control bytes other than tab, line feed,
/// form feed and carriage return, in the first [`SNIFF_BYTES`]: no text file
/// an instrument writes looks like that, and every image, zip or xlsx does.
fn check_not_binary(bytes: &[u8]) -> Result<(), ReadError> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r'))
        .count();
    if head.contains(&0) || control * 10 > head.len() {
        Err(ReadError::Binary)
    } else {
        Ok(())
    }
}

/// The line ending a text uses: "CRLF", "LF", "CR" or "none" (one line).
pub fn line_ending(text: &str) -> &'static str {
    match text.find(['\n', '\r']) {
        None => "none",
        Some(i) => match (text.as_bytes()[i], text.as_bytes().get(i + 1)) {
            (b'\r', Some(b'\n')) => "CRLF",
            (b'\r', _) => "CR",
            _ => "LF",
        },
    }
}

/// The lines of `text` split at `\n`, with a `\r` before it removed
/// (files with lone-CR line ends are converted before they get here).
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let sep = '\n';
    let body = text.strip_suffix(sep).unwrap_or(text);
    let mut it = if text.is_empty() {
        None
    } else {
        Some(body.split(sep))
    };
    std::iter::from_fn(move || it.as_mut()?.next()).map(|l| l.strip_suffix('\r').unwrap_or(l))
}

/// Whether the text ends with a line terminator (a file cut off while being
/// written does not).
pub fn ends_with_newline(text: &str) -> bool {
    text.ends_with(['\n', '\r'])
}

/// The fields of `line` split on `delim`, with surrounding spaces trimmed and
/// `"quoted fields"` (which may hold the delimiter, and `""` for a quote)
/// unquoted. An unclosed quote runs to the end of the line.
pub fn fields(line: &str, delim: char) -> Vec<Cow<'_, str>> {
    if !line.contains('"') {
        return line.split(delim).map(|f| Cow::Borrowed(f.trim())).collect();
    }
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start();
        if let Some(quoted) = trimmed.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let mut after = "";
            while let Some((i, c)) = chars.next() {
                if c == '"' {
                    if quoted[i + 1..].starts_with('"') {
                        value.push('"');
                        chars.next();
                    } else {
                        after = &quoted[i + 1..];
                        break;
                    }
                } else {
                    value.push(c);
                }
            }
            // Anything between the closing quote and the delimiter is kept.
            match after.find(delim) {
                Some(j) => {
                    value.push_str(after[..j].trim_end());
                    out.push(Cow::Owned(value));
                    rest = &after[j + delim.len_utf8()..];
                }
                None => {
                    value.push_str(after.trim_end());
                    out.push(Cow::Owned(value));
                    return out;
                }
            }
        } else {
            match rest.find(delim) {
                Some(j) => {
                    out.push(Cow::Borrowed(rest[..j].trim()));
                    rest = &rest[j + delim.len_utf8()..];
                }
                None => {
                    out.push(Cow::Borrowed(rest.trim()));
                    return out;
                }
            }
        }
    }
}

/// A number as instruments write it (`1.000000e+003`, `-0.5`, `+2`, `NaN`),
/// or `None` for an empty or non-numeric field. With `decimal_comma`, a
/// field such as `1,5` (from a `;`-separated European export) reads as 1.5.
#[inline]
pub fn number(field: &str, decimal_comma: bool) -> Option<f64> {
    let f = field.trim_ascii();
    if f.is_empty() {
        return None;
    }
    if let Some(v) = fast_number(f.as_bytes()) {
        return Some(v);
    }
    match f.parse::<f64>() {
        Ok(v) => Some(v),
        Err(_) if f.len() != f.trim().len() => number(f.trim(), decimal_comma),
        Err(_) if decimal_comma && f.matches(',').count() == 1 => f.replace(',', ".").parse().ok(),
        Err(_) => None,
    }
}

/// The powers of ten that are exact in `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The common case of [`number`] without the general parser: a decimal
/// `[+-]digits[.digits][(e|E)[+-]digits]` of at most 19 digits that make an
/// integer m ≤ 2⁵³, whose value is m × 10^e with |e| ≤ 22. Both m and 10^e
/// are then exact doubles, so one multiplication or division rounds the
/// value correctly (Clinger's fast path), bit for bit what `str::parse`
/// gives. Anything else (more digits, larger exponents, `NaN`, `inf`, stray
/// characters) is `None`, and the caller asks `str::parse`.
///
/// Instrument files write 6 to 16 significant digits and exponents of a few
/// units, so nearly every field of a large file takes this path.
///
/// # References
/// W. D. Clinger, *How to read floating point numbers accurately*, PLDI
/// 1990, pp. 92–101.
#[inline]
fn fast_number(b: &[u8]) -> Option<f64> {
    match scan_number(b, 0) {
        (end, Some(v)) if end == b.len() => Some(v),
        _ => None,
    }
}

/// Whether the 8 bytes of `v` are all ASCII digits.
#[inline]
fn eight_digits(v: u64) -> bool {
    let a = v.wrapping_add(0x4646_4646_4646_4646);
    let b = v.wrapping_sub(0x3030_3030_3030_3030);
    (a | b) & 0x8080_8080_8080_8080 == 0
}

/// The value of 8 ASCII digits loaded little-endian (the first digit in
/// the lowest byte): three multiplications instead of eight (the SWAR
/// method of Lemire's fast_float).
#[inline]
fn parse_eight(v: u64) -> u64 {
    const MASK: u64 = 0x0000_00FF_0000_00FF;
    const MUL1: u64 = 0x000F_4240_0000_0064;
    const MUL2: u64 = 0x0000_2710_0000_0001;
    let v = v.wrapping_sub(0x3030_3030_3030_3030);
    let v = v.wrapping_mul(10).wrapping_add(v >> 8);
    (v & MASK)
        .wrapping_mul(MUL1)
        .wrapping_add(((v >> 16) & MASK).wrapping_mul(MUL2))
        >> 32
}

/// Digits of `b` from `i` added to `m`; `count` counts them. Returns the
/// index after the last digit.
#[inline]
fn digits(b: &[u8], mut i: usize, m: &mut u64, count: &mut u32) -> usize {
    // Eight at a time while the total stays within the 19 that fit a u64.
    while *count <= 11 {
        let Some(chunk) = b.get(i..i + 8) else { break };
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        if !eight_digits(v) {
            break;
        }
        *m = m.wrapping_mul(100_000_000).wrapping_add(parse_eight(v));
        *count += 8;
        i += 8;
    }
    while let Some(d) = b.get(i).map(|c| c.wrapping_sub(b'0')).filter(|d| *d <= 9) {
        // Past 19 digits the value is refused below; wrapping keeps the
        // arithmetic defined until then.
        *m = m.wrapping_mul(10).wrapping_add(u64::from(d));
        *count += 1;
        i += 1;
    }
    i
}

/// The longest prefix of `b[start..]` shaped like a decimal number
/// (`[+-]digits[.digits][(e|E)[+-]digits]`): the index after it, and its
/// value when the fast path of [`fast_number`] applies (else `None`, and
/// the field goes to [`number`]). An `e` without digits after it is not
/// part of the prefix.
#[inline]
pub fn scan_number(b: &[u8], start: usize) -> (usize, Option<f64>) {
    let mut i = start;
    let negative = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let (mut m, mut count) = (0u64, 0u32);
    i = digits(b, i, &mut m, &mut count);
    let mut frac = 0i32;
    if b.get(i) == Some(&b'.') {
        let before = count;
        i = digits(b, i + 1, &mut m, &mut count);
        frac = (count - before) as i32;
    }
    if count == 0 {
        return (i, None);
    }
    let mut exp = 0i32;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut k = i + 1;
        let minus = match b.get(k) {
            Some(b'-') => {
                k += 1;
                true
            }
            Some(b'+') => {
                k += 1;
                false
            }
            _ => false,
        };
        let first = k;
        while let Some(d) = b.get(k).map(|c| c.wrapping_sub(b'0')).filter(|d| *d <= 9) {
            exp = (exp * 10 + i32::from(d)).min(100_000);
            k += 1;
        }
        if k == first {
            return (i, None);
        }
        i = k;
        if minus {
            exp = -exp;
        }
    }
    if count > 19 || m > 1 << 53 {
        return (i, None);
    }
    let e = exp - frac;
    let v = m as f64;
    let v = if e >= 0 {
        POW10.get(e as usize).map(|p| v * p)
    } else {
        POW10.get(e.unsigned_abs() as usize).map(|p| v / p)
    };
    (i, v.map(|v| if negative { -v } else { v }))
}
