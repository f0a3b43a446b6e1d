//! campaign (being written).
