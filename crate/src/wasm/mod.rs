//! The binding layer: every export validates its input, calls the pure-Rust
//! core and converts the result. No physics here, and nothing that can panic:
//! a panic would trap the module for every figure on the page.

#[cfg(feature = "files")]
pub mod analysis;
#[cfg(feature = "vacancy")]
pub mod annealing;
#[cfg(feature = "superconductivity")]
pub mod bkt;
pub mod canvas;
pub mod canvas_backend;
pub mod convert;
#[cfg(feature = "superconductivity")]
pub mod gl_hc2;
#[cfg(feature = "superconductivity")]
pub mod hall;
#[cfg(feature = "superconductivity")]
pub mod halperin_nelson;
#[cfg(feature = "superconductivity")]
pub mod hc2_angle;
#[cfg(feature = "magnetism")]
pub mod loop_processing;
#[cfg(feature = "magnetism")]
pub mod magnet;
pub mod object;
#[cfg(feature = "files")]
pub mod read;
pub mod surface;
#[cfg(feature = "superconductivity")]
pub mod transport;
#[cfg(feature = "vacancy")]
pub mod vacancy;
#[cfg(feature = "superconductivity")]
pub mod xmcd;
