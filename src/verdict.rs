//! The classifier's answer for one event or contact, as every later stage sees it.

use crate::category::Category;

/// What the model says about one event or contact.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Verdict {
    /// The most probable category.
    pub category: Category,
    /// Its calibrated probability, in [0, 1].
    pub confidence: f64,
    /// True when the evidence is too thin to say (few known tokens, or a flat posterior).
    pub unsure: bool,
}

impl Verdict {
    /// A verdict for `category` with `confidence`, not unsure.
    pub fn new(category: Category, confidence: f64) -> Self {
        Verdict { category, confidence, unsure: false }
    }
}
