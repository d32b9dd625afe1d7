//! What extraction knows besides the text: the publication date.

use chrono::NaiveDate;

/// The reference frame for one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Context {
    /// The article's publication date. Relative dates ("last Thursday") resolve against it;
    /// without it, month-day dates keep no year (`--02-04`) and bare weekdays give no date.
    pub published: Option<NaiveDate>,
}

impl Context {
    /// A context with a known publication date.
    pub fn published(date: NaiveDate) -> Context {
        Context {
            published: Some(date),
        }
    }
}
