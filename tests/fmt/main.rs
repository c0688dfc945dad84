//! Tests of `planc::fmt`: the layout (insta snapshots and exact cases), the
//! paste-artefact fixes, and properties over the bundled plans, mutations of
//! them and generated plans: fmt(fmt(x)) == fmt(x), model(fmt(x)) == model(x),
//! and every comment kept, in order.

mod fix;
mod generate;
mod layout;
mod props;
mod support;
