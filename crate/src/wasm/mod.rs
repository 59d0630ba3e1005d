//! The binding layer: every export validates its input, calls the pure-Rust
//! core and converts the result. No physics here, and nothing that can panic:
//! a panic would trap the module for every figure on the page.

pub mod analysis;
pub mod annealing;
pub mod bkt;
pub mod canvas;
pub mod convert;
pub mod gl_hc2;
pub mod hall;
pub mod halperin_nelson;
pub mod hc2_angle;
pub mod loop_processing;
pub mod magnet;
pub mod read;
pub mod transport;
pub mod vacancy;
pub mod xmcd;
