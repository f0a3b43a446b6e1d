//! # leaktrace
//!
//! Find out who leaked your phone number or e-mail address, from the records
//! you already have.
//!
//! The pipeline, one module per stage; dependencies point one way, down this list:
//!
//! | stage | module | owns |
//! |---|---|---|
//! | vocabulary | [`event`], [`category`], [`error`], [`normalize`] | the types and normalisations every stage speaks |
//! | 1 ingest | [`ingest`] | call-log CSV, SMS Backup & Restore XML, mbox, Maildir, `.eml` → [`event::Event`] |
//! | 2 features | [`features`] | text and metadata → tokens (Chinese and English); pure |
//! | 3 model | [`model`] | naive Bayes (linfa-bayes) train, classify, evaluate, persist; pure |
//! | 4 contacts | [`contact`] | events → per-sender contacts with a combined category |
//! | 5 campaigns | [`campaign`] | contacts and events → campaigns, with reasons |
//! | 6 attribution | [`attribute`] | campaigns + disclosures → suspected sources, with reasons |
//! | 7 report | [`report`] | HTML, Markdown, JSON and CSV writers over `impl Write` |
//! | commands | [`cmd`] | one file per subcommand: opens files, runs the stages in order |
//!
//! The command line ([`cli`]) is the only module that knows clap; it turns
//! flags into plain configuration for [`cmd`]. Nothing here touches the network.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod attribute;
pub mod campaign;
pub mod category;
pub mod cli;
pub mod cmd;
pub mod contact;
pub mod error;
pub mod event;
pub mod features;
pub mod ingest;
pub mod model;
pub mod normalize;
pub mod report;
pub mod verdict;

pub use category::Category;
pub use error::{Error, Result};
pub use event::{Channel, Event};
