//! Splitting a measurement into segments: by set point (I–V curves at
//! several temperatures, R(T) at several fields) and by sweep direction
//! (the branches of a hysteresis loop).
//!
//! Segments are half-open row ranges `start..end` into the file's columns.
//! NaN values (empty fields) belong to the segment they fall in but never
//! decide where one starts or ends.

use super::ReadError;
use crate::input::{self, InputError};
use serde::Serialize;

/// Temperature tolerance for a set point, in kelvin: 0.05 K is the PPMS
/// `TEMPERATURETOLERANCE` default written in its file headers, well above a
/// stable set point's scatter (≈ 1 mK at 2 K) and below any step between
/// set points an I–V or R(H) series uses.
pub const TEMPERATURE_TOLERANCE_K: f64 = 0.05;
/// Field tolerance for a set point, in oersted: a superconducting magnet
/// holds its field to ≈ 1 Oe, and R(T) series step by ≥ 100 Oe.
pub const FIELD_TOLERANCE_OE: f64 = 10.0;
/// Fewest rows that make a set point: fewer are a ramp between two.
pub const MIN_POINTS: usize = 3;
/// Default turning-point hysteresis of a sweep, as a fraction of its span:
/// a set field's noise is far below 1 % of a loop's span, and a real
/// reversal goes much further back.
pub const SWEEP_HYSTERESIS_FRACTION: f64 = 0.01;

/// Rows held at one set point.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SetPoint {
    /// First row.
    pub start: usize,
    /// One past the last row.
    pub end: usize,
    /// Mean of the finite values, in the column's unit.
    pub mean: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
}

/// Splits rows into runs whose values stay within `tolerance` of the run's
/// mean; runs shorter than `min_points` (ramps between set points) are
/// left out.
pub fn split_by_set_point(
    values: &[f64],
    tolerance: f64,
    min_points: usize,
) -> Result<Vec<SetPoint>, ReadError> {
    check_values(values)?;
    input::positive("tolerance", tolerance, "number in the column's unit")?;
    if min_points == 0 {
        return Err(InputError::OutOfRange {
            name: "minPoints",
            min: 1.0,
            max: f64::INFINITY,
            value: 0.0,
        }
        .into());
    }
    struct Run {
        start: usize,
        last: usize,
        sum: f64,
        n: usize,
        min: f64,
        max: f64,
    }
    let mut out = Vec::new();
    let mut run: Option<Run> = None;
    let close = |r: Run, out: &mut Vec<SetPoint>| {
        if r.n >= min_points {
            out.push(SetPoint {
                start: r.start,
                end: r.last + 1,
                mean: r.sum / r.n as f64,
                min: r.min,
                max: r.max,
            });
        }
    };
    for (i, &v) in values.iter().enumerate() {
        if !v.is_finite() {
            continue;
        }
        match run.as_mut() {
            Some(r) if (v - r.sum / r.n as f64).abs() <= tolerance => {
                r.last = i;
                r.sum += v;
                r.n += 1;
                r.min = r.min.min(v);
                r.max = r.max.max(v);
            }
            _ => {
                if let Some(r) = run.take() {
                    close(r, &mut out);
                }
                run = Some(Run {
                    start: i,
                    last: i,
                    sum: v,
                    n: 1,
                    min: v,
                    max: v,
                });
            }
        }
    }
    if let Some(r) = run {
        close(r, &mut out);
    }
    Ok(out)
}

/// Which way a branch runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    Up,
    Down,
    /// No change larger than the hysteresis.
    Flat,
}

/// One monotonic branch of a sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Branch {
    /// First row (the previous branch's turning point).
    pub start: usize,
    /// One past the last row (the turning point is the last row).
    pub end: usize,
    pub direction: Direction,
    /// Value at `start`.
    pub from: f64,
    /// Value at `end − 1`.
    pub to: f64,
}

/// Splits a sweep into branches at its turning points: a turn is where the
/// value has gone back from its running extreme by more than `hysteresis`
/// (in the column's unit; `None` takes [`SWEEP_HYSTERESIS_FRACTION`] of the
/// span). The turning point ends one branch and starts the next.
pub fn split_by_sweep(values: &[f64], hysteresis: Option<f64>) -> Result<Vec<Branch>, ReadError> {
    check_values(values)?;
    let finite: Vec<(usize, f64)> = values
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .collect();
    let lo = finite.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = finite.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let h = match hysteresis {
        Some(h) => input::positive("hysteresis", h, "number in the column's unit")?,
        None => SWEEP_HYSTERESIS_FRACTION * (hi - lo),
    };
    let Some(&(first, v0)) = finite.first() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut start = first;
    let mut dir = Direction::Flat;
    let (mut ext, mut ext_i) = (v0, first);
    let (mut opp, mut opp_i) = (v0, first);
    let branch = |start: usize, end_i: usize, dir| Branch {
        start,
        end: end_i + 1,
        direction: dir,
        from: values[start],
        to: values[end_i],
    };
    for &(i, v) in &finite[1..] {
        match dir {
            Direction::Flat => {
                if v - v0 > h {
                    dir = Direction::Up;
                } else if v0 - v > h {
                    dir = Direction::Down;
                }
                if dir != Direction::Flat {
                    (ext, ext_i) = extreme(&finite, first, i, dir == Direction::Up);
                    (opp, opp_i) = extreme(&finite, ext_i, i, dir != Direction::Up);
                }
            }
            Direction::Up | Direction::Down => {
                let up = dir == Direction::Up;
                if (up && v >= ext) || (!up && v <= ext) {
                    (ext, ext_i, opp, opp_i) = (v, i, v, i);
                } else {
                    if (up && v < opp) || (!up && v > opp) {
                        (opp, opp_i) = (v, i);
                    }
                    if (ext - v).abs() > h {
                        out.push(branch(start, ext_i, dir));
                        start = ext_i;
                        dir = if up { Direction::Down } else { Direction::Up };
                        (ext, ext_i) = (opp, opp_i);
                        (opp, opp_i) = extreme(&finite, ext_i, i, up);
                    }
                }
            }
        }
    }
    let last = finite.last().map_or(first, |p| p.0);
    out.push(branch(start, last, dir));
    Ok(out)
}

/// The largest (`max`) or smallest finite value in rows `from..=to`, and
/// its row; ties go to the later row.
fn extreme(finite: &[(usize, f64)], from: usize, to: usize, max: bool) -> (f64, usize) {
    let a = finite.partition_point(|p| p.0 < from);
    let b = finite.partition_point(|p| p.0 <= to);
    finite[a..b]
        .iter()
        .fold((f64::NAN, from), |(e, ei), &(j, w)| {
            let better = e.is_nan() || if max { w >= e } else { w <= e };
            if better {
                (w, j)
            } else {
                (e, ei)
            }
        })
}

/// At least one value, and at least one that is a number.
fn check_values(values: &[f64]) -> Result<(), InputError> {
    if values.iter().all(|v| !v.is_finite()) {
        if values.is_empty() {
            return Err(InputError::Empty { name: "values" });
        }
        return Err(InputError::NotFiniteAt {
            name: "values",
            index: 0,
            value: values[0],
        });
    }
    Ok(())
}
