//! Input checks shared by every model: each refuses bad input once, with a
//! message that names the parameter (by its JavaScript name) and the problem.

use thiserror::Error;

/// Why an input was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum InputError {
    /// An array that must hold data is empty.
    #[error("{name} must not be empty")]
    Empty { name: &'static str },
    /// Two arrays that pair up point by point differ in length.
    #[error("{name} has {len} values but {other} has {other_len}: they must have the same length")]
    LengthMismatch {
        name: &'static str,
        len: usize,
        other: &'static str,
        other_len: usize,
    },
    /// An array element is NaN or infinite.
    #[error("{name}[{index}] must be a finite number, got {value}")]
    NotFiniteAt {
        name: &'static str,
        index: usize,
        value: f64,
    },
    /// An array element must be positive and is not.
    #[error("{name}[{index}] must be positive, got {value}")]
    NotPositiveAt {
        name: &'static str,
        index: usize,
        value: f64,
    },
    /// An array element is finite but beyond what can be computed or drawn.
    #[error("{name}[{index}] must be at most {limit:e} in magnitude, got {value:e}")]
    TooLargeAt {
        name: &'static str,
        index: usize,
        value: f64,
        limit: f64,
    },
    /// A scalar is NaN or infinite.
    #[error("{name} must be a finite number, got {value}")]
    NotFinite { name: &'static str, value: f64 },
    /// A scalar must be positive and finite (a field, a temperature, a size).
    #[error("{name} must be a positive finite {what}, got {value}")]
    NotPositive {
        name: &'static str,
        what: &'static str,
        value: f64,
    },
    /// A scalar lies outside its allowed range.
    #[error("{name} must lie between {min} and {max}, got {value}")]
    OutOfRange {
        name: &'static str,
        min: f64,
        max: f64,
        value: f64,
    },
    /// An array element lies outside its allowed range.
    #[error("{name}[{index}] must lie between {min} and {max}, got {value}")]
    OutOfRangeAt {
        name: &'static str,
        index: usize,
        min: f64,
        max: f64,
        value: f64,
    },
    /// Too few points for what was asked.
    #[error("{name} has {len} points but at least {min} are needed")]
    TooShort {
        name: &'static str,
        len: usize,
        min: usize,
    },
    /// A count or a seed that must be a whole number is not.
    #[error("{name} must be a whole number, got {value}")]
    NotWhole { name: &'static str, value: f64 },
    /// Values that must rise strictly (temperatures of a sweep) do not:
    /// they are unsorted or repeat a value.
    #[error(
        "{name} must be strictly increasing, but {name}[{index}] = {value} follows {previous}"
    )]
    NotIncreasing {
        name: &'static str,
        index: usize,
        value: f64,
        previous: f64,
    },
    /// A name (a model, a preset) that is not known.
    #[error("{name} must be one of {allowed}, got \"{value}\"")]
    Unknown {
        name: &'static str,
        allowed: &'static str,
        value: String,
    },
}

/// Every element within [min, max] (NaN is not).
pub fn in_range_slice(
    name: &'static str,
    values: &[f64],
    min: f64,
    max: f64,
) -> Result<(), InputError> {
    match values.iter().position(|v| !(min..=max).contains(v)) {
        Some(index) => Err(InputError::OutOfRangeAt {
            name,
            index,
            min,
            max,
            value: values[index],
        }),
        None => Ok(()),
    }
}

/// Every element finite, and at least one element.
pub fn finite_slice(name: &'static str, values: &[f64]) -> Result<(), InputError> {
    if values.is_empty() {
        return Err(InputError::Empty { name });
    }
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(InputError::NotFiniteAt {
            name,
            index,
            value: values[index],
        }),
        None => Ok(()),
    }
}

/// Every element finite and strictly positive, and at least one element.
pub fn positive_slice(name: &'static str, values: &[f64]) -> Result<(), InputError> {
    finite_slice(name, values)?;
    match values.iter().position(|&v| v <= 0.0) {
        Some(index) => Err(InputError::NotPositiveAt {
            name,
            index,
            value: values[index],
        }),
        None => Ok(()),
    }
}

/// Every element finite and strictly larger than the one before it (no
/// repeats), and at least one element.
pub fn increasing(name: &'static str, values: &[f64]) -> Result<(), InputError> {
    finite_slice(name, values)?;
    match values.windows(2).position(|w| w[1] <= w[0]) {
        Some(i) => Err(InputError::NotIncreasing {
            name,
            index: i + 1,
            value: values[i + 1],
            previous: values[i],
        }),
        None => Ok(()),
    }
}

/// Two paired arrays of equal length.
pub fn same_len(
    name: &'static str,
    a: &[f64],
    other: &'static str,
    b: &[f64],
) -> Result<(), InputError> {
    if a.len() == b.len() {
        Ok(())
    } else {
        Err(InputError::LengthMismatch {
            name,
            len: a.len(),
            other,
            other_len: b.len(),
        })
    }
}

/// A finite scalar.
pub fn finite(name: &'static str, value: f64) -> Result<f64, InputError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(InputError::NotFinite { name, value })
    }
}

/// A strictly positive finite scalar; `what` names its kind and unit.
pub fn positive(name: &'static str, value: f64, what: &'static str) -> Result<f64, InputError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(InputError::NotPositive { name, what, value })
    }
}

/// A finite scalar within `[min, max]`.
pub fn in_range(name: &'static str, value: f64, min: f64, max: f64) -> Result<f64, InputError> {
    if value.is_finite() && (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(InputError::OutOfRange {
            name,
            min,
            max,
            value,
        })
    }
}
