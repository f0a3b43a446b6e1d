//! Features: an event's text and metadata turned into tokens the model counts.
//!
//! Pure functions, no I/O. Chinese is read as character unigrams and bigrams
//! rather than segmented words: on the public Chinese corpora the two are
//! within 0.002 F1 of each other (see `../shared/PEERS.md`, jieba vs bigram
//! rows) while bigrams need no dictionary and are 3–12× faster. English is read
//! as words. Links keep their domain, phone numbers their type, digits their
//! shape, and SMS signatures (【某某地产】) and opt-out phrases become tokens
//! of their own. Metadata (sender domain, number type, call tag, call type,
//! duration, hour of day) becomes typed tokens with a `prefix:`.

pub mod meta;
pub mod tags;
pub mod text;

pub use meta::event_tokens;
pub use text::{normalize, tokenize};
