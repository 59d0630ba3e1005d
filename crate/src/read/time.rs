//! Time stamps: the instruments count seconds from different epochs.
//!
//! - MPMS3 (`Time Stamp (sec)`): seconds since 1899-12-30 00:00 of the PC's
//!   local clock — the OLE Automation / Excel date epoch. The fixture's
//!   `FILEOPENTIME,3907407619.14099,10/25/2023,3:00 pm` decodes to
//!   2023-10-25 15:00:19.
//! - MPMS-XL (`Time`): Unix seconds, UTC; the header's written time is local,
//!   so the two together give the PC's UTC offset (the fixture: UTC−08:00).
//! - PPMS (`Time Stamp (sec)`): seconds since 1 January 00:00 of the current
//!   year. This is inferred from the fixture (30422650.78 s = day 352 of 2024
//!   = 18 December, written `12/18/2024,10:42 AM`), and the hours then differ
//!   by the PC's UTC offset (+08:00): treat the PPMS date as a best reading.
//!
//! The written `FILEOPENTIME` date (month/day/year, 12-hour clock) is the
//! reference: the offset between it and the stamp is rounded to whole
//! quarter-hours, the granularity of time zones.

use serde::Serialize;

/// Days from 1899-12-30 (the MPMS3 epoch) to 1970-01-01.
const OLE_TO_UNIX_DAYS: i64 = 25_569;
const DAY_S: f64 = 86_400.0;
/// Time zones are whole quarter-hours.
const ZONE_STEP_S: f64 = 900.0;

/// The `FILEOPENTIME` header line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileOpenTime {
    /// The line after the key, as written.
    pub raw: String,
    /// The time stamp it starts with, in the instrument's seconds.
    pub seconds: Option<f64>,
    /// The written local date and time as ISO 8601 (`2023-10-25T15:00:00`).
    pub written: Option<String>,
    /// The same as seconds since 1970-01-01 00:00 of the local clock.
    #[serde(skip)]
    pub written_s: Option<f64>,
}

/// How a file's time-stamp column turns into dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeBase {
    /// The column holding the time stamps, as written in the header.
    pub column: String,
    /// The epoch, in words.
    pub epoch: &'static str,
    /// Add to a stamp to get Unix time (seconds since 1970-01-01 00:00 UTC),
    /// where the epoch is in UTC.
    pub to_unix_s: Option<f64>,
    /// Add to a stamp to get the PC's local wall-clock time, counted in
    /// seconds from 1970-01-01 00:00 (read it with `Date` in UTC).
    pub to_local_s: Option<f64>,
    /// The PC's UTC offset in minutes, where the file shows it.
    pub utc_offset_min: Option<f64>,
    /// The first and last rows' local (else UTC, with `Z`) dates, ISO 8601.
    pub first: Option<String>,
    /// See `first`.
    pub last: Option<String>,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant,
/// "chrono-Compatible Low-Level Date Algorithms", `days_from_civil`).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// ISO 8601 for seconds since 1970-01-01 00:00 (to the second), or `None`
/// outside the years 1–9999.
pub fn iso(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || seconds.abs() > 3.0e11 {
        return None;
    }
    let s = seconds.floor() as i64;
    let (days, sod) = (s.div_euclid(86_400), s.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    if !(1..=9999).contains(&y) {
        return None;
    }
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        sod / 3600,
        sod / 60 % 60,
        sod % 60
    ))
}

/// Parses `FILEOPENTIME`'s value: a stamp, then `m/d/yyyy` and `h:mm[:ss]
/// [AM|PM]` in any order, separated by commas or spaces.
pub fn parse_file_open_time(raw: &str) -> FileOpenTime {
    let mut seconds = None;
    let (mut date, mut clock, mut pm) = (None, None, None);
    for token in raw.split([',', ' ']).filter(|t| !t.is_empty()) {
        let lower = token.to_ascii_lowercase();
        let (body, suffix) = match lower.strip_suffix("pm") {
            Some(b) => (b.to_string(), Some(true)),
            None => match lower.strip_suffix("am") {
                Some(b) => (b.to_string(), Some(false)),
                None => (lower.clone(), None),
            },
        };
        if suffix.is_some() {
            pm = suffix;
        }
        let parts = |sep| -> Option<Vec<i64>> {
            body.split(sep)
                .map(|p| p.trim().parse::<f64>().ok().map(|v| v as i64))
                .collect()
        };
        if body.contains('/') {
            date = parts('/').filter(|p| p.len() == 3);
        } else if body.contains(':') {
            clock = parts(':').filter(|p| {
                (p.len() == 2 || p.len() == 3)
                    && (0..=24).contains(&p[0])
                    && p[1..].iter().all(|v| (0..=60).contains(v))
            });
        } else if seconds.is_none() && !body.is_empty() {
            seconds = body.parse::<f64>().ok().filter(|v| v.is_finite());
        }
    }
    let written_s = date.and_then(|d| {
        let (m, day, y) = (d[0], d[1], d[2]);
        if !(1..=12).contains(&m) || !(1..=31).contains(&day) || !(1..=9999).contains(&y) {
            return None;
        }
        let mut t = days_from_civil(y, m, day) as f64 * DAY_S;
        if let Some(c) = &clock {
            let mut h = c[0] % 24;
            match pm {
                Some(true) if h < 12 => h += 12,
                Some(false) if h == 12 => h = 0,
                _ => {}
            }
            t += (h * 3600 + c[1] * 60 + c.get(2).copied().unwrap_or(0)) as f64;
        }
        Some(t)
    });
    FileOpenTime {
        raw: raw.to_string(),
        seconds,
        written: written_s.and_then(iso),
        written_s,
    }
}

/// The epoch of an instrument's stamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Epoch {
    /// 1899-12-30 00:00 local (MPMS3).
    Ole,
    /// 1970-01-01 00:00 UTC (MPMS-XL).
    Unix,
    /// 1 January 00:00 of the year the file was opened, UTC (PPMS).
    YearStart,
}

/// The time base of a file whose stamps are in `column` (first and last
/// values `first`, `last`), for an instrument counting from `epoch`.
pub fn time_base(
    epoch: Epoch,
    column: &str,
    open: Option<&FileOpenTime>,
    first: Option<f64>,
    last: Option<f64>,
) -> TimeBase {
    let written = open.and_then(|o| Some((o.seconds?, o.written_s?)));
    // Whole quarter-hours between the written clock and a UTC reading.
    let zone = |to_unix: f64| {
        written.map(|(s, w)| ((w - (s + to_unix)) / ZONE_STEP_S).round() * ZONE_STEP_S)
    };
    let (description, to_unix, to_local) = match epoch {
        Epoch::Ole => (
            "seconds since 1899-12-30 00:00, local time (MPMS3)",
            None,
            Some(-(OLE_TO_UNIX_DAYS as f64) * DAY_S),
        ),
        Epoch::Unix => {
            let z = zone(0.0);
            ("seconds since 1970-01-01 00:00 UTC (MPMS-XL)", Some(0.0), z)
        }
        Epoch::YearStart => {
            let year = written.map(|(_, w)| civil_from_days((w / DAY_S).floor() as i64).0);
            let base = year.map(|y| days_from_civil(y, 1, 1) as f64 * DAY_S);
            let local = base.and_then(|b| Some(b + zone(b)?));
            (
                "seconds since 1 January 00:00 UTC of the year written in FILEOPENTIME (PPMS; inferred)",
                base,
                local,
            )
        }
    };
    let utc_offset_min = match (to_unix, to_local) {
        (Some(u), Some(l)) => Some((l - u) / 60.0),
        _ => None,
    };
    let date = |v: Option<f64>| {
        let v = v?;
        match (to_local, to_unix) {
            (Some(l), _) => iso(v + l),
            (None, Some(u)) => iso(v + u).map(|s| s + "Z"),
            _ => None,
        }
    };
    TimeBase {
        column: column.to_string(),
        epoch: description,
        to_unix_s: to_unix,
        to_local_s: to_local,
        utc_offset_min,
        first: date(first),
        last: date(last),
    }
}
