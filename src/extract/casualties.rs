//! casualties: rules to be written.

use std::sync::LazyLock;

use super::context::Context;
use super::rule::{Found, Rule, RuleSet};

/// The casualties rules.
pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::new(LIST, &[]));

const LIST: &[Rule] = &[];

/// Finds casualties in `text`.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    RULES.run(text, ctx)
}
