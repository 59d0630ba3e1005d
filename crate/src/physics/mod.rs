//! One module per physical model of the paper.

pub mod constants;
pub mod hc2_angle;
pub mod loop_processing;
pub mod magnet;
