//! Incident building: to be written.

use super::context::Context;
use super::model::{Entity, Incident};

/// Groups entities into incidents.
pub fn build(_text: &str, _entities: &[Entity], _ctx: &Context) -> Vec<Incident> {
    Vec::new()
}
