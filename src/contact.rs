//! Contacts: all events from one sender across channels, classified together
//! (an SMS from a number labels the calls from it; the phone's tag and the
//! person's note count), and the final per-event verdicts.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::event::{Channel, Direction, Event};
use crate::features::meta::FeatureOptions;
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
    /// The contacts, most events first.
    pub contacts: Vec<Contact>,
    /// For each event, the index of its contact.
    pub contact_of: Vec<usize>,
}

/// Classifies every event, then every contact, then settles each event.
pub fn classify(events: &[Event], model: &Model, opts: &FeatureOptions) -> Classification {
    use rayon::prelude::*;
    let scored: Vec<(Vec<f64>, usize)> = events
        .par_iter()
        .map(|e| {
            let doc = model.event_features(e, opts);
            let known = doc.iter().map(|d| d.1 as usize).sum();
            (model.joint_log_likelihood(&doc), known)
        })
        .collect();
    let own: Vec<Verdict> = scored.iter().map(|(jll, k)| model.score_jll(jll, *k).verdict).collect();

    let mut by_sender: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        by_sender.entry(contact_key(e)).or_default().push(i);
    }
    let mut keys: Vec<&str> = by_sender.keys().copied().collect();
    keys.sort_by(|a, b| by_sender[b].len().cmp(&by_sender[a].len()).then(a.cmp(b)));
    let prior = model.log_priors();
    let mut contacts = Vec::with_capacity(keys.len());
    let mut contact_of = vec![0usize; events.len()];
    for key in keys {
        let idx = &by_sender[key];
        // Messages from one sender are not independent evidence (templates,
        // repeats): their log-likelihood ratios are summed with weight 1/√n.
        let w = 1.0 / (idx.len() as f64).sqrt();
        let mut jll = prior.to_vec();
        let mut known = 0;
        for &i in idx {
            let (ej, k) = &scored[i];
            for (acc, (x, p)) in jll.iter_mut().zip(ej.iter().zip(prior)) {
                *acc += w * (x - p);
            }
            known += k;
        }
        let verdict = model.score_jll(&jll, known).verdict;
        let mut c = Contact {
            id: key.to_string(),
            names: Vec::new(),
            channels: Vec::new(),
            tags: Vec::new(),
            events: idx.clone(),
            first_seen: None,
            last_seen: None,
            verdict,
        };
        for &i in idx {
            let e = &events[i];
            contact_of[i] = contacts.len();
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
        }
        contacts.push(c);
    }
    let final_: Vec<Verdict> = own
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let c = &contacts[contact_of[i]].verdict;
            if v.unsure && !c.unsure { *c } else { *v }
        })
        .collect();
    Classification { own, events: final_, contacts, contact_of }
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
