//! Contacts: all events from one sender across channels, classified together
//! (an SMS from a number labels the calls from it; the phone's tag and the
//! person's note count), and the final per-event verdicts.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::category::Category;
use crate::event::{Channel, Direction, Event};
use crate::features::meta::FeatureOptions;
use crate::features::tags;
use crate::model::Model;
use crate::verdict::Verdict;

/// One sender and everything it sent.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Contact {
    /// The normalised number or address.
    pub id: String,
    /// Names it used or the person gave it.
    pub names: Vec<String>,
    /// Channels it used.
    pub channels: Vec<Channel>,
    /// Tags the phone showed for it.
    pub tags: Vec<String>,
    /// Indices of its events.
    pub events: Vec<usize>,
    /// First contact.
    pub first_seen: Option<DateTime<Utc>>,
    /// Last contact.
    pub last_seen: Option<DateTime<Utc>>,
    /// The combined verdict.
    pub verdict: Verdict,
}

/// Per-event and per-contact verdicts of one run.
#[derive(Debug, Clone)]
pub struct Classification {
    /// The verdict each event got on its own evidence.
    pub own: Vec<Verdict>,
    /// The final verdict: the event's own, or its contact's when the event
    /// alone was unsure and the contact is not.
    pub events: Vec<Verdict>,
    /// The contacts, in the order first seen.
    pub contacts: Vec<Contact>,
    /// For each event, the index of its contact.
    pub contact_of: Vec<usize>,
}

/// Classifies every event, then every contact, then settles each event.
pub fn classify(events: &[Event], model: &Model, opts: &FeatureOptions) -> Classification {
    let scored = score_events(events, model, opts);
    let mut book = ContactBook::default();
    let contact_of: Vec<usize> = events
        .iter()
        .zip(&scored)
        .enumerate()
        .map(|(i, (e, (jll, k)))| book.add(e, i, jll, *k, model))
        .collect();
    let own: Vec<Verdict> =
        scored.iter().map(|(jll, k)| model.score_jll(jll, *k).verdict).collect();
    let contacts = book.finish(model);
    let events_final = settle(&own, &contact_of, &contacts);
    Classification { own, events: events_final, contacts, contact_of }
}

/// Joint log-likelihoods and known-token counts of `events`, in parallel.
pub fn score_events(
    events: &[Event],
    model: &Model,
    opts: &FeatureOptions,
) -> Vec<(Vec<f64>, usize)> {
    use rayon::prelude::*;
    events
        .par_iter()
        .map(|e| {
            let doc = model.event_features(e, opts);
            let mut jll = model.joint_log_likelihood(&doc);
            let mut known = model.evidence(&doc);
            // A caller-ID tag the phone showed adds its evidence, on the scale
            // the softmax temperature divides away.
            if let Some(r) = e.tag.as_deref().and_then(tags::log_ratios) {
                let t = model.meta().temperature;
                for (acc, c) in jll.iter_mut().zip(model.categories()) {
                    *acc += r[c.index()] * t;
                }
                // A tag that names a category (房产中介) is enough to be sure
                // of a bare call; one that only says "unsolicited" (骚扰电话,
                // Spam Risk) is not: which category is still the metadata's
                // guess, and a hundred such calls would otherwise turn that
                // guess into a confident one.
                let names_category = e
                    .tag
                    .as_deref()
                    .and_then(tags::meaning)
                    .is_some_and(|m| matches!(m, tags::TagMeaning::Categories(_)));
                if names_category {
                    known = known.max(crate::model::classify::MIN_KNOWN_TOKENS);
                }
            }
            (jll, known)
        })
        .collect()
}

/// Each event's final verdict: its own, or its contact's when the event
/// alone was unsure and the contact is not.
pub fn settle(own: &[Verdict], contact_of: &[usize], contacts: &[Contact]) -> Vec<Verdict> {
    own.iter()
        .zip(contact_of)
        .map(|(v, &c)| match contacts.get(c) {
            Some(c) if v.unsure && !c.verdict.unsure => c.verdict,
            _ => *v,
        })
        .collect()
}

/// Contacts built one event at a time, keeping only sums, so a stream of any
/// length needs memory per sender, not per event.
#[derive(Debug, Default)]
pub struct ContactBook {
    index: HashMap<String, usize>,
    acc: Vec<Acc>,
}

#[derive(Debug)]
struct Acc {
    contact: Contact,
    llr_sum: Vec<f64>,
    known: usize,
    /// The phone's contact book names the number (a call or SMS with a name).
    saved: bool,
    /// The person called or texted it.
    answered: bool,
}

/// How much more likely a number saved in the person's phone book is to be
/// someone they deal with (family, work, their own agent) than a stranger.
/// Not learnt (no labelled call log exists): a conservative rule, strong
/// enough to outweigh a bare call's metadata but not a clear marketing text.
pub const SAVED_CONTACT_LR: f64 = 20.0;
/// The same for a number the person called or texted themselves.
pub const ANSWERED_CONTACT_LR: f64 = 4.0;

impl ContactBook {
    /// Adds event number `i` with its joint log-likelihood; returns its contact's index.
    pub fn add(&mut self, e: &Event, i: usize, jll: &[f64], known: usize, model: &Model) -> usize {
        let key = contact_key(e);
        let k = match self.index.get(key) {
            Some(&k) => k,
            None => {
                let k = self.acc.len();
                self.index.insert(key.to_string(), k);
                self.acc.push(Acc {
                    contact: Contact {
                        id: key.to_string(),
                        names: Vec::new(),
                        channels: Vec::new(),
                        tags: Vec::new(),
                        events: Vec::new(),
                        first_seen: None,
                        last_seen: None,
                        verdict: Verdict::new(Category::Legit, 0.0),
                    },
                    llr_sum: vec![0.0; jll.len()],
                    known: 0,
                    saved: false,
                    answered: false,
                });
                k
            }
        };
        let a = &mut self.acc[k];
        for ((s, x), p) in a.llr_sum.iter_mut().zip(jll).zip(model.log_priors()) {
            *s += x - p;
        }
        a.known += known;
        // E-mail display names are the sender's choice; call and SMS names come
        // from the phone's contact book.
        a.saved |=
            e.channel != Some(Channel::Email) && e.from_name.as_deref().is_some_and(is_saved_name);
        a.answered |= e.direction == Direction::Outgoing;
        let c = &mut a.contact;
        c.events.push(i);
        push_unique(&mut c.names, e.from_name.as_deref());
        push_unique(&mut c.tags, e.tag.as_deref());
        if let Some(ch) = e.channel
            && !c.channels.contains(&ch)
        {
            c.channels.push(ch);
        }
        if let Some(at) = e.at {
            c.first_seen = Some(c.first_seen.map_or(at, |f| f.min(at)));
            c.last_seen = Some(c.last_seen.map_or(at, |l| l.max(at)));
        }
        k
    }

    /// The contacts with their combined verdicts, in the order first seen.
    pub fn finish(self, model: &Model) -> Vec<Contact> {
        self.acc
            .into_iter()
            .map(|a| {
                // Messages from one sender are not independent evidence
                // (templates, repeats): their log-likelihood ratios are
                // summed with weight 1/sqrt(n).
                let w = 1.0 / (a.contact.events.len().max(1) as f64).sqrt();
                let mut jll: Vec<f64> =
                    model.log_priors().iter().zip(&a.llr_sum).map(|(p, s)| p + w * s).collect();
                let relation = if a.saved { SAVED_CONTACT_LR.ln() } else { 0.0 }
                    + if a.answered { ANSWERED_CONTACT_LR.ln() } else { 0.0 };
                let mut known = a.known;
                if relation > 0.0
                    && let Some(k) = model.categories().iter().position(|c| *c == Category::Legit)
                {
                    // Added on the scale the softmax temperature divides away.
                    jll[k] += relation * model.meta().temperature;
                    // A relationship is evidence in itself, enough to be sure of a bare call.
                    known = known.max(crate::model::classify::MIN_KNOWN_TOKENS);
                }
                let mut c = a.contact;
                c.verdict = model.score_jll(&jll, known).verdict;
                c
            })
            .collect()
    }
}

/// The sender an event is grouped under; events with no sender share one
/// anonymous contact per channel.
fn contact_key(e: &Event) -> &str {
    if !e.from.is_empty() {
        return &e.from;
    }
    match e.channel {
        Some(Channel::Call) => "(hidden caller)",
        Some(Channel::Sms) => "(unknown sms sender)",
        Some(Channel::Email) => "(unknown mail sender)",
        None => "(unknown)",
    }
}

/// A contact-book name, not a placeholder some exports write for strangers.
fn is_saved_name(name: &str) -> bool {
    let n = name.trim();
    !n.is_empty()
        && !matches!(
            n.to_lowercase().as_str(),
            "(unknown)" | "unknown" | "null" | "未知" | "陌生号码" | "-" | "无"
        )
        && !n.chars().all(|c| c.is_ascii_digit() || "+-() ".contains(c))
}

fn push_unique(v: &mut Vec<String>, s: Option<&str>) {
    if let Some(s) = s.map(str::trim).filter(|s| !s.is_empty())
        && !v.iter().any(|x| x == s)
        && v.len() < 8
    {
        v.push(s.to_string());
    }
}

/// True for events the person received (the ones campaigns are made of).
pub fn is_incoming(e: &Event) -> bool {
    e.direction != Direction::Outgoing
}
