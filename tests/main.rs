//! The integration tests, one module per area, built as a single test
//! binary (one link instead of fourteen). `autotests = false` in Cargo.toml:
//! a new file in `tests/` needs its `mod` line here (`.ci/run` checks).

mod common;

mod architecture;
mod cache;
mod check_all;
mod cli;
mod config;
mod diff;
mod export;
mod flow;
mod hostile;
mod hostile_cache;
mod hostile_config;
mod hostile_export;
mod hostile_marks;
mod hostile_search;
mod layers;
mod loader;
mod loader_limits;
mod props;
mod schema;
mod schema_agree;
mod search_eval;
mod suggest;
mod surfaces;
mod terminal;
mod tui_pty;
mod watch;
