//! Finding the column that holds a quantity by its name, tolerant of the
//! names different instruments write, with an explicit override.
//!
//! Names are compared without the unit and ignoring case. A candidate whose
//! column is present but empty is passed over: an MPMS3 in DC mode writes a
//! `Moment (emu)` column with nothing in it, and the moment is in
//! `DC Moment Fixed Ctr (emu)` (preferred: the fixed-centre fit is MultiVu's
//! default for a centred sample) or `DC Moment Free Ctr (emu)`.

use super::{Column, DataFile, ReadError};
use crate::input::InputError;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The quantities an analysis asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    Time,
    Temperature,
    Field,
    Moment,
    MomentError,
    Angle,
    Current,
    Voltage,
    Resistance,
    Hall,
}

const ALLOWED: &str = "\"time\", \"temperature\", \"field\", \"moment\", \"momentError\", \
                       \"angle\", \"current\", \"voltage\", \"resistance\" or \"hall\"";

impl FromStr for Quantity {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, InputError> {
        Ok(match s {
            "time" => Self::Time,
            "temperature" => Self::Temperature,
            "field" => Self::Field,
            "moment" => Self::Moment,
            "momentError" => Self::MomentError,
            "angle" => Self::Angle,
            "current" => Self::Current,
            "voltage" => Self::Voltage,
            "resistance" => Self::Resistance,
            "hall" => Self::Hall,
            other => {
                return Err(InputError::Unknown {
                    name: "quantity",
                    allowed: ALLOWED,
                    value: other.to_string(),
                })
            }
        })
    }
}

impl Quantity {
    /// The JavaScript name.
    pub fn js_name(self) -> &'static str {
        match self {
            Self::Time => "time",
            Self::Temperature => "temperature",
            Self::Field => "field",
            Self::Moment => "moment",
            Self::MomentError => "momentError",
            Self::Angle => "angle",
            Self::Current => "current",
            Self::Voltage => "voltage",
            Self::Resistance => "resistance",
            Self::Hall => "hall",
        }
    }

    /// Column names (without unit) tried in order; `channel` (1, 2, …)
    /// picks a resistance channel.
    pub fn candidates(self, channel: usize) -> Vec<String> {
        let fixed: &[&str] = match self {
            Self::Time => &["Time Stamp", "Time", "t"],
            Self::Temperature => &[
                "Temperature",
                "Sample Temperature",
                "Sample Temp",
                "Average Temp",
                "Temp",
                "T",
            ],
            Self::Field => &[
                "Magnetic Field",
                "Field",
                "Applied Field",
                "μ0H",
                "µ0H",
                "mu0H",
                "B",
                "H",
            ],
            Self::Moment => &[
                "Moment",
                "Long Moment",
                "DC Moment Fixed Ctr",
                "DC Moment Free Ctr",
                "Magnetic Moment",
                "m",
            ],
            Self::MomentError => &[
                "M. Std. Err.",
                "DC Moment Err Fixed Ctr",
                "DC Moment Err Free Ctr",
                "Moment Error",
                "Moment Err",
                "dm",
            ],
            Self::Angle => &[
                "Sample Position",
                "Rotation Angle",
                "Angle",
                "theta",
                "θ",
                "Position",
            ],
            Self::Current => &["Current", "I", "Source Current", "Bias Current"],
            Self::Voltage => &["Voltage", "V", "Vxx"],
            Self::Hall => &["Rxy", "R_xy", "Hall Resistance", "Hall"],
            Self::Resistance => {
                let n = channel;
                let mut c = vec![
                    format!("Bridge {n} Resistance"),
                    format!("Resistance Ch{n}"),
                    format!("Resistance Ch {n}"),
                    format!("Bridge {n} Resistivity"),
                    format!("Resistivity Ch{n}"),
                ];
                if n == 1 {
                    for g in ["Resistance", "Rxx", "R_xx", "Sheet Resistance", "Rs", "R"] {
                        c.push(g.to_string());
                    }
                }
                return c;
            }
        };
        fixed.iter().map(|s| s.to_string()).collect()
    }
}

/// The column for `quantity` (resistance channel `channel`): the one named
/// `explicit` if given — an error if there is none — else the first
/// non-empty candidate.
pub fn find<'a>(
    file: &'a DataFile,
    quantity: Quantity,
    channel: usize,
    explicit: Option<&str>,
) -> Result<&'a Column, ReadError> {
    if let Some(name) = explicit {
        return file.column(name);
    }
    let tried = quantity.candidates(channel);
    tried
        .iter()
        .find_map(|c| {
            file.columns
                .iter()
                .find(|col| col.count > 0 && col.name.eq_ignore_ascii_case(c))
        })
        .ok_or_else(|| ReadError::NoColumn {
            quantity: quantity.js_name(),
            tried: tried.join(", "),
        })
}

/// The columns (headers as written) found for each quantity; also the
/// shape of the overrides a caller may pass.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Quantities {
    pub time: Option<String>,
    pub temperature: Option<String>,
    pub field: Option<String>,
    pub moment: Option<String>,
    pub moment_error: Option<String>,
    pub angle: Option<String>,
    pub current: Option<String>,
    pub voltage: Option<String>,
    /// Resistance channels 1, 2, … that hold data, in order.
    pub resistance: Vec<String>,
    pub hall: Option<String>,
}

/// Channels looked for: the PPMS has 4 bridge channels, an ETO 2, and no
/// instrument more than 8.
const MAX_CHANNELS: usize = 8;

impl Quantities {
    fn slots(&mut self) -> [(Quantity, &mut Option<String>); 9] {
        [
            (Quantity::Time, &mut self.time),
            (Quantity::Temperature, &mut self.temperature),
            (Quantity::Field, &mut self.field),
            (Quantity::Moment, &mut self.moment),
            (Quantity::MomentError, &mut self.moment_error),
            (Quantity::Angle, &mut self.angle),
            (Quantity::Current, &mut self.current),
            (Quantity::Voltage, &mut self.voltage),
            (Quantity::Hall, &mut self.hall),
        ]
    }

    /// Replaces guesses by the columns named in `overrides`; a name that is
    /// not a column of `file` is an error.
    pub fn apply(&mut self, file: &DataFile, overrides: &Quantities) -> Result<(), ReadError> {
        let mut o = overrides.clone();
        for ((_, mine), (_, theirs)) in self.slots().into_iter().zip(o.slots()) {
            if let Some(name) = theirs.as_deref() {
                *mine = Some(file.column(name)?.header.clone());
            }
        }
        if !overrides.resistance.is_empty() {
            self.resistance = overrides
                .resistance
                .iter()
                .map(|n| file.column(n).map(|c| c.header.clone()))
                .collect::<Result<_, _>>()?;
        }
        Ok(())
    }
}

/// Every quantity's column, found by name, and notes on choices a reader
/// should know of (an empty column passed over).
pub fn guess(file: &DataFile) -> (Quantities, Vec<String>) {
    let mut q = Quantities::default();
    let mut notes = Vec::new();
    for (quantity, slot) in q.slots() {
        let Ok(col) = find(file, quantity, 1, None) else {
            continue;
        };
        let skipped: Vec<&str> = quantity
            .candidates(1)
            .iter()
            .take_while(|c| !col.name.eq_ignore_ascii_case(c))
            .filter_map(|c| file.columns.iter().find(|x| x.name.eq_ignore_ascii_case(c)))
            .filter(|x| x.count == 0)
            .map(|x| x.header.as_str())
            .collect();
        if !skipped.is_empty() {
            notes.push(format!(
                "{} is empty: the {} is read from {}",
                skipped.join(" and "),
                quantity.js_name(),
                col.header
            ));
        }
        *slot = Some(col.header.clone());
    }
    for n in 1..=MAX_CHANNELS {
        if let Ok(col) = find(file, Quantity::Resistance, n, None) {
            if !q.resistance.contains(&col.header) {
                q.resistance.push(col.header.clone());
            }
        }
    }
    (q, notes)
}
