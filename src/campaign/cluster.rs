//! The clustering pass: features per event, links through hash maps keyed by
//! feature, union-find over events, then one [`Campaign`] per component with
//! the reasons that built it.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::block::{
    block_of, domain_of, family, is_free_mail, is_placeholder_sender, is_shared_esp, org_domain,
};
use super::extract::{callback_numbers, chat_ids, links, signature};
use super::simhash::{TemplateIndex, mask, simhash};
use super::{Campaign, CampaignOptions, Lang, LinkKind, Reason};
use crate::category::Category;
use crate::event::{Direction, Event, sha256_hex};
use crate::verdict::Verdict;

/// Union-find with path halving and union by size (Tarjan), iterative so
/// hostile input cannot recurse deeply.
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect(), size: vec![1; n] }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = gp;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (sa, sb) =
            (self.size.get(ra).copied().unwrap_or(1), self.size.get(rb).copied().unwrap_or(1));
        let (big, small) = if sa >= sb { (ra, rb) } else { (rb, ra) };
        if let Some(p) = self.parent.get_mut(small) {
            *p = big;
        }
        if let Some(s) = self.size.get_mut(big) {
            *s = sa + sb;
        }
    }
}

/// Largest gap between two messages of one signature that still links them:
/// a brand's campaigns from different lists, months apart, stay apart.
const SIGNATURE_WINDOW_DAYS: i64 = 45;

/// Largest time between two messages of one template that still links them
/// directly (a chain of closer ones may still join them).
const TEMPLATE_WINDOW_DAYS: i64 = 90;

/// Fewest digits of a sender's number that a text can name as the number to
/// call back; shorter ones are service codes that texts quote for other reasons.
const MIN_CALLBACK_DIGITS: usize = 7;

/// A timed member of one number block: its family, `None` for an event whose
/// verdict is unsure (it joins the nearest confident member of any family).
type BlockMember = (DateTime<Utc>, usize, Option<u8>);

/// One feature value shared by events: its first event and how many share it.
struct Feature {
    kind: LinkKind,
    key: String,
    first: usize,
    members: usize,
    /// True once a second distinct sender carried the feature.
    multi_sender: bool,
}

#[derive(Default)]
struct FeatureIndex {
    map: HashMap<(LinkKind, String), usize>,
    feats: Vec<Feature>,
}

impl FeatureIndex {
    /// Links `node` to the feature's first event (never pairs inside a
    /// bucket); with `link` false, only counts it (the caller links by time).
    fn add(
        &mut self,
        kind: LinkKind,
        key: String,
        node: usize,
        from: &[&str],
        uf: &mut UnionFind,
        link: bool,
    ) {
        match self.map.get(&(kind, key.clone())) {
            Some(&id) => {
                if let Some(f) = self.feats.get_mut(id) {
                    if link {
                        uf.union(node, f.first);
                    }
                    f.members += 1;
                    if from.get(node) != from.get(f.first) {
                        f.multi_sender = true;
                    }
                }
            }
            None => {
                self.map.insert((kind, key.clone()), self.feats.len());
                self.feats.push(Feature {
                    kind,
                    key,
                    first: node,
                    members: 1,
                    multi_sender: false,
                });
            }
        }
    }
}

/// The features of one event, before the mail hosts shared by several
/// organisations are known.
struct RawFeatures {
    /// Features that link as they are.
    keys: Vec<(LinkKind, String)>,
    /// Sending and unsubscribe hosts: they link only when one organisation uses them.
    hosts: Vec<(LinkKind, String)>,
    /// The organisation domain of the sender's address.
    sender_org: Option<String>,
}

/// The features of one event that link it to others (besides template and
/// block). `own_domains` are the domains of the person's own addresses: mail
/// from colleagues or family on them, or spam replying to them, shares the
/// domain with the person, not with one sender.
fn features(e: &Event, region: &str, own_domains: &HashSet<String>) -> RawFeatures {
    let mut keys = Vec::new();
    let mut hosts = Vec::new();
    if !is_placeholder_sender(&e.from) {
        keys.push((LinkKind::SameSender, e.from.trim().to_string()));
    }
    let shared = |d: &str| is_free_mail(d) || is_shared_esp(d) || own_domains.contains(d);
    let sender_org =
        e.sender_domain.clone().or_else(|| domain_of(&e.from)).and_then(|d| org_domain(&d));
    let reply_org = e.reply_to.as_deref().and_then(domain_of).and_then(|d| org_domain(&d));
    for org in [&sender_org, &reply_org].into_iter().flatten() {
        if !shared(org) {
            keys.push((LinkKind::EmailDomain, org.clone()));
        }
    }
    if let Some(host) = e.message_id.as_deref().and_then(domain_of) {
        let org = org_domain(&host);
        let usable = org.is_some() && org != sender_org && !shared(&host);
        if usable && org.as_deref().is_none_or(|o| !own_domains.contains(o)) {
            hosts.push((LinkKind::SendingHost, host));
        }
    }
    if let Some(lu) = e.list_unsubscribe.as_deref() {
        for host in unsubscribe_hosts(lu) {
            let own = org_domain(&host).is_some_and(|o| own_domains.contains(&o));
            if !shared(&host) && !own {
                hosts.push((LinkKind::UnsubscribeHost, host));
            }
        }
    }
    let text = e.full_text();
    keys.extend(links(&text).into_iter().map(|l| (LinkKind::SharedLink, l)));
    keys.extend(chat_ids(&text).into_iter().map(|c| (LinkKind::ChatId, c)));
    keys.extend(callback_numbers(&text, region).into_iter().map(|n| (LinkKind::CallbackNumber, n)));
    if let Some(sig) = signature(&text) {
        keys.push((LinkKind::Signature, sig));
    }
    // A caller's own number ties its calls to texts that give it as the number to ring.
    let from = e.from.trim();
    let digits = from.strip_prefix('+').unwrap_or(from);
    if digits.len() >= MIN_CALLBACK_DIGITS && digits.chars().all(|c| c.is_ascii_digit()) {
        keys.push((LinkKind::CallbackNumber, from.to_string()));
    }
    keys.sort();
    keys.dedup();
    hosts.sort();
    hosts.dedup();
    RawFeatures { keys, hosts, sender_org }
}

/// The organisation domains of the person's own addresses: every address an
/// incoming event names as its recipient.
fn own_domains(events: &[Event]) -> HashSet<String> {
    events
        .iter()
        .filter(|e| e.direction != Direction::Outgoing)
        .flat_map(|e| e.to.iter().chain(e.to_all.iter()))
        .filter_map(|a| domain_of(a))
        .filter_map(|d| org_domain(&d))
        .collect()
}

/// Hosts that send or unsubscribe for more than one organisation: bulk-mail
/// providers found in the data itself, so that a provider missing from
/// [`is_shared_esp`]'s list still never ties its clients together.
fn shared_hosts(raw: &[RawFeatures]) -> HashSet<String> {
    let mut first_org: HashMap<&str, &str> = HashMap::new();
    let mut shared = HashSet::new();
    for r in raw {
        // Free-mail senders are not organisations: their common host proves nothing.
        let Some(org) = r.sender_org.as_deref().filter(|o| !is_free_mail(o)) else { continue };
        for (_, host) in &r.hosts {
            match first_org.get(host.as_str()) {
                Some(&o) if o != org => {
                    shared.insert(host.clone());
                }
                Some(_) => {}
                None => {
                    first_org.insert(host, org);
                }
            }
        }
    }
    shared
}

/// Hosts named by a List-Unsubscribe header (`<mailto:..@host>, <https://host/..>`).
fn unsubscribe_hosts(header: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in header.split(',').take(4) {
        let item = item.trim().trim_start_matches('<').trim_end_matches('>').trim();
        let lower = item.to_lowercase();
        let host = if let Some(m) = lower.strip_prefix("mailto:") {
            domain_of(m.split('?').next().unwrap_or(""))
        } else {
            lower
                .strip_prefix("https://")
                .or_else(|| lower.strip_prefix("http://"))
                .and_then(|r| r.split(['/', '?', ':', '#']).next())
                .filter(|h| h.contains('.'))
                .map(str::to_string)
        };
        if let Some(h) = host {
            if !out.contains(&h) {
                out.push(h);
            }
        }
    }
    out
}

fn eligible(e: &Event, v: Option<&Verdict>, opts: &CampaignOptions) -> bool {
    let incoming = match e.direction {
        Direction::Incoming => true,
        Direction::Outgoing => false,
        Direction::Unknown => opts.include_unknown_direction,
    };
    incoming && v.is_some_and(|v| v.category.is_unsolicited())
}

/// Links the members of one number block, sorted by time: each confident
/// member to the previous confident member of its family, each unsure member
/// to the nearest confident member (any family) or, with none in reach, to
/// the previous unsure one. Chains, never pairs; returns the links made.
fn link_block(
    members: &[BlockMember],
    window: chrono::Duration,
    confident_node: &[bool],
    uf: &mut UnionFind,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let close = |a: DateTime<Utc>, b: DateTime<Utc>| (b - a).abs() <= window;
    // The next confident member after each position, from a backward sweep.
    let mut next_conf: Vec<Option<(DateTime<Utc>, usize)>> = vec![None; members.len()];
    let mut next = None;
    for (k, &(t, node, fam)) in members.iter().enumerate().rev() {
        if let Some(slot) = next_conf.get_mut(k) {
            *slot = next;
        }
        if fam.is_some() {
            next = Some((t, node));
        }
    }
    let mut last_by_family: HashMap<u8, (DateTime<Utc>, usize)> = HashMap::new();
    let mut last_conf: Option<(DateTime<Utc>, usize)> = None;
    let mut last_weak: Option<(DateTime<Utc>, usize)> = None;
    for (k, &(t, node, fam)) in members.iter().enumerate() {
        match fam {
            Some(f) => {
                if let Some(&(t0, prev)) = last_by_family.get(&f) {
                    if close(t0, t) {
                        out.push((prev, node));
                    }
                }
                last_by_family.insert(f, (t, node));
                last_conf = Some((t, node));
            }
            None => {
                let after = next_conf.get(k).copied().flatten();
                let best = [last_conf, after]
                    .into_iter()
                    .flatten()
                    .filter(|&(t0, _)| close(t0, t))
                    .min_by_key(|&(t0, _)| (t0 - t).abs());
                if let Some((_, other)) = best.or(last_weak.filter(|&(t0, _)| close(t0, t))) {
                    out.push((other, node));
                }
                last_weak = Some((t, node));
            }
        }
    }
    for &(a, b) in &out {
        uf.union(a, b);
    }
    // A stretch of unsure members that reached no confident one (bare calls
    // a few weeks before the texts of the same block) joins the nearest
    // group of the block in reach, before or after it: one side only, so it
    // never bridges two families. A group is confident if any of its
    // members is, in this block or linked from elsewhere (a shared link).
    let mut confident: HashSet<usize> = HashSet::new();
    for (node, _) in confident_node.iter().enumerate().filter(|(_, c)| **c) {
        confident.insert(uf.find(node));
    }
    let roots: Vec<usize> = members.iter().map(|&(_, n, _)| uf.find(n)).collect();
    let mut extent: HashMap<usize, (usize, usize)> = HashMap::new();
    for (k, &r) in roots.iter().enumerate() {
        extent.entry(r).and_modify(|e| e.1 = k).or_insert((k, k));
    }
    let mut weak: Vec<(usize, usize)> =
        extent.iter().filter(|(r, _)| !confident.contains(r)).map(|(_, &e)| e).collect();
    weak.sort_unstable();
    for (first, last) in weak {
        let (Some(&(t0, n0, _)), Some(&(t1, _, _))) = (members.get(first), members.get(last))
        else {
            continue;
        };
        let before = first.checked_sub(1).and_then(|k| members.get(k));
        let after = members.get(last + 1);
        let best = [before.map(|m| (t0 - m.0, m.1)), after.map(|m| (m.0 - t1, m.1))]
            .into_iter()
            .flatten()
            .filter(|&(gap, _)| gap <= window)
            .min_by_key(|&(gap, _)| gap);
        if let Some((_, other)) = best {
            if uf.find(other) != uf.find(n0) {
                uf.union(other, n0);
                out.push((other, n0));
            }
        }
    }
    out
}

/// Groups the incoming unsolicited events into campaigns. `verdicts[i]` is the
/// verdict of `events[i]`; events without a verdict, legitimate events and
/// outgoing events are left out. Events whose verdict is unsure join a
/// campaign through what they share with others (sender, block, text) but
/// neither decide its category nor separate families. Campaigns come back in
/// order of first contact.
///
/// ```
/// use leaktrace::campaign::{cluster, CampaignOptions};
/// use leaktrace::{Category, Channel, Event, verdict::Verdict};
/// let e = |from: &str| Event { channel: Some(Channel::Sms), from: from.into(), text: "hi".into(), ..Default::default() }.with_id();
/// let events = vec![e("+8613800000001"), e("+8613800000001"), e("+8613900000002")];
/// let verdicts = vec![Verdict::new(Category::Property, 0.9); 3];
/// let campaigns = cluster(&events, &verdicts, &CampaignOptions::default());
/// assert_eq!(campaigns.len(), 2);
/// ```
pub fn cluster(events: &[Event], verdicts: &[Verdict], opts: &CampaignOptions) -> Vec<Campaign> {
    let sel: Vec<usize> = (0..events.len())
        .filter(|&i| events.get(i).is_some_and(|e| eligible(e, verdicts.get(i), opts)))
        .collect();
    let ev = |node: usize| sel.get(node).and_then(|&i| events.get(i));
    let from: Vec<&str> =
        sel.iter().filter_map(|&i| events.get(i)).map(|e| e.from.trim()).collect();
    let own = own_domains(events);
    let raw: Vec<RawFeatures> = (0..sel.len())
        .map(|node| match ev(node) {
            Some(e) => features(e, &opts.region, &own),
            None => RawFeatures { keys: Vec::new(), hosts: Vec::new(), sender_org: None },
        })
        .collect();
    let shared = shared_hosts(&raw);
    let mut uf = UnionFind::new(sel.len());
    let mut index = FeatureIndex::default();
    let mut templates = TemplateIndex::new(opts.max_template_distance);
    let mut in_template = vec![false; sel.len()];
    let mut blocks: HashMap<String, Vec<BlockMember>> = HashMap::new();
    let mut signed: HashMap<String, Vec<(DateTime<Utc>, usize)>> = HashMap::new();

    for (node, r) in raw.into_iter().enumerate() {
        let (Some(e), Some(v)) = (ev(node), sel.get(node).and_then(|&i| verdicts.get(i))) else {
            continue;
        };
        let hosts = r.hosts.into_iter().filter(|(_, h)| !shared.contains(h));
        for (kind, key) in r.keys.into_iter().chain(hosts) {
            // A brand signs every campaign it ever runs, from whatever list:
            // its messages are one campaign only while they keep coming.
            let by_time = kind == LinkKind::Signature;
            if let (true, Some(at)) = (by_time, e.at) {
                signed.entry(key.clone()).or_default().push((at, node));
            }
            index.add(kind, key, node, &from, &mut uf, !by_time);
        }
        if let Some(h) = simhash(&mask(&e.full_text())) {
            for other in templates.insert(h, node) {
                let near = match (e.at, ev(other).and_then(|o| o.at)) {
                    (Some(a), Some(b)) => {
                        (a - b).abs() <= chrono::Duration::days(TEMPLATE_WINDOW_DAYS)
                    }
                    _ => true,
                };
                if !near {
                    continue;
                }
                uf.union(node, other);
                for n in [node, other] {
                    if let Some(f) = in_template.get_mut(n) {
                        *f = true;
                    }
                }
            }
        }
        if let (Some(at), Some(b)) = (e.at, block_of(e.from.trim())) {
            let fam = (!v.unsure).then(|| family(v.category));
            blocks.entry(b).or_default().push((at, node, fam));
        }
    }

    // One signature: members linked along time while the gaps stay short.
    let window = chrono::Duration::days(SIGNATURE_WINDOW_DAYS);
    for mut members in signed.into_values() {
        members.sort();
        for pair in members.windows(2) {
            if let [(t0, a), (t1, b)] = pair {
                if *t1 - *t0 <= window {
                    uf.union(*a, *b);
                }
            }
        }
    }

    // Neighbouring numbers: members of one block linked along time (see [`link_block`]).
    let mut block_members: Vec<(String, usize)> = Vec::new();
    let confident_node: Vec<bool> =
        sel.iter().map(|&i| verdicts.get(i).is_some_and(|v| !v.unsure)).collect();
    // Blocks in a fixed order: the unsure-stretch pass reads the links made so far.
    let mut blocks: Vec<(String, Vec<BlockMember>)> = blocks.into_iter().collect();
    blocks.sort_by(|a, b| a.0.cmp(&b.0));
    for (block, mut members) in blocks {
        members.sort_by_key(|&(t, n, _)| (t, n));
        let numbers: HashSet<&str> =
            members.iter().filter_map(|&(_, n, _)| from.get(n).copied()).collect();
        if numbers.len() < 2 {
            continue;
        }
        for (a, b) in link_block(&members, opts.block_window, &confident_node, &mut uf) {
            block_members.push((block.clone(), a));
            block_members.push((block.clone(), b));
        }
    }
    block_members.sort();
    block_members.dedup();

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for node in 0..sel.len() {
        groups.entry(uf.find(node)).or_default().push(node);
    }
    let mut feats_by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for (id, f) in index.feats.iter().enumerate() {
        let shared = f.members >= 2 && (f.kind == LinkKind::SameSender || f.multi_sender);
        if shared {
            feats_by_root.entry(uf.find(f.first)).or_default().push(id);
        }
    }
    let mut blocks_by_root: HashMap<usize, BTreeMap<String, Vec<usize>>> = HashMap::new();
    for (block, node) in block_members {
        blocks_by_root.entry(uf.find(node)).or_default().entry(block).or_default().push(node);
    }

    let mut used_ids = HashSet::new();
    let mut campaigns = Vec::with_capacity(groups.len());
    for (root, nodes) in groups {
        let mut links = Vec::new();
        let feats: Vec<&Feature> = feats_by_root
            .get(&root)
            .map(|ids| ids.iter().filter_map(|&i| index.feats.get(i)).collect())
            .unwrap_or_default();
        links.extend(feature_reasons(&feats));
        if let Some(bs) = blocks_by_root.get(&root) {
            let best = bs.iter().max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)));
            if let Some((block, members)) = best {
                let numbers: HashSet<&str> =
                    members.iter().filter_map(|&n| from.get(n).copied()).collect();
                links.push(Reason::NumberBlock {
                    block: block.clone(),
                    numbers: numbers.len(),
                    events: members.len(),
                });
            }
        }
        let templated =
            nodes.iter().filter(|&&n| in_template.get(n).copied().unwrap_or(false)).count();
        if templated >= 2 {
            links.push(Reason::Template { events: templated });
        }
        let mut idx: Vec<usize> = nodes.iter().filter_map(|&n| sel.get(n).copied()).collect();
        idx.sort_by_key(|&i| {
            (events.get(i).and_then(|e| e.at).map_or((1, None), |t| (0, Some(t))), i)
        });
        let times: Vec<DateTime<Utc>> =
            idx.iter().filter_map(|&i| events.get(i).and_then(|e| e.at)).collect();
        if let Some(b) = burst(&times, opts.burst_days) {
            links.push(b);
        }
        links.sort_by(|a, b| b.count().cmp(&a.count()).then(a.kind().cmp(&b.kind())));
        campaigns.push(build(events, verdicts, idx, links, &mut used_ids));
    }
    campaigns.sort_by(|a, b| {
        (a.first_seen.is_none(), a.first_seen, &a.id).cmp(&(
            b.first_seen.is_none(),
            b.first_seen,
            &b.id,
        ))
    });
    campaigns
}

/// One reason per link kind: the feature value shared by most events, with its count.
fn feature_reasons(feats: &[&Feature]) -> Vec<Reason> {
    let mut best: BTreeMap<LinkKind, &Feature> = BTreeMap::new();
    let mut repeat_senders = 0;
    for f in feats {
        if f.kind == LinkKind::SameSender {
            repeat_senders += 1;
        }
        let better = best.get(&f.kind).is_none_or(|b| (f.members, &b.key) > (b.members, &f.key));
        if better {
            best.insert(f.kind, f);
        }
    }
    best.into_values()
        .filter_map(|f| {
            let (key, events) = (f.key.clone(), f.members);
            Some(match f.kind {
                LinkKind::SameSender => {
                    Reason::SameSender { sender: key, events, senders: repeat_senders }
                }
                LinkKind::EmailDomain => Reason::EmailDomain { domain: key, events },
                LinkKind::SendingHost => Reason::SendingHost { host: key, events },
                LinkKind::UnsubscribeHost => Reason::UnsubscribeHost { host: key, events },
                LinkKind::SharedLink => Reason::SharedLink { link: key, events },
                LinkKind::ChatId => Reason::ChatId { id: chat_label(&key), events },
                LinkKind::CallbackNumber => Reason::CallbackNumber { number: key, events },
                LinkKind::Signature => Reason::Signature { brand: key, events },
                LinkKind::NumberBlock | LinkKind::Template | LinkKind::Burst => return None,
            })
        })
        .collect()
}

fn chat_label(key: &str) -> String {
    match key.split_once(':') {
        Some(("qq", id)) => format!("QQ {id}"),
        Some((_, id)) => format!("WeChat {id}"),
        None => key.to_string(),
    }
}

/// A burst: at least 3 events and 80% of the timed ones within `days`.
fn burst(times: &[DateTime<Utc>], days: u32) -> Option<Reason> {
    if times.len() < 3 {
        return None;
    }
    let window = chrono::Duration::days(i64::from(days.max(1)));
    let (mut lo, mut most) = (0, 0);
    for hi in 0..times.len() {
        while let (Some(&a), Some(&b)) = (times.get(lo), times.get(hi)) {
            if b - a > window {
                lo += 1;
            } else {
                break;
            }
        }
        most = most.max(hi + 1 - lo);
    }
    (most >= 3 && most * 10 >= times.len() * 8)
        .then_some(Reason::Burst { events: most, days: days.max(1) })
}

fn build(
    events: &[Event],
    verdicts: &[Verdict],
    idx: Vec<usize>,
    links: Vec<Reason>,
    used_ids: &mut HashSet<String>,
) -> Campaign {
    let earliest = idx.first().and_then(|&i| events.get(i));
    let seed = earliest
        .map(|e| if e.id.is_empty() { e.compute_id() } else { e.id.clone() })
        .unwrap_or_default();
    let base = format!("C{}", sha256_hex(seed.as_bytes()).get(..8).unwrap_or("0"));
    let mut id = base.clone();
    let mut n = 2;
    while !used_ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let confident_events =
        idx.iter().filter_map(|&i| verdicts.get(i)).filter(|v| !v.unsure).count();
    let mut weight = [0.0f64; Category::ALL.len()];
    // Unsure verdicts decide the category only of a campaign made of nothing else.
    let deciding =
        idx.iter().filter_map(|&i| verdicts.get(i)).filter(|v| confident_events == 0 || !v.unsure);
    for v in deciding {
        if let Some(w) = weight.get_mut(v.category.index()) {
            // A floor so zero-confidence verdicts still count a little.
            *w += v.confidence.clamp(0.0, 1.0).max(0.05);
        }
    }
    let category = Category::ALL
        .iter()
        .zip(weight)
        .fold((Category::Fraud, -1.0), |best, (&c, w)| if w > best.1 { (c, w) } else { best })
        .0;
    let mut senders: Vec<String> = idx
        .iter()
        .filter_map(|&i| events.get(i))
        .map(|e| e.from.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect();
    senders.sort();
    senders.dedup();
    let times = idx.iter().filter_map(|&i| events.get(i).and_then(|e| e.at));
    let first_seen = times.clone().min();
    let last_seen = times.max();
    Campaign {
        id,
        category,
        senders,
        first_seen,
        last_seen,
        event_idx: idx,
        confident_events,
        reasons: links.iter().map(|r| r.text(Lang::En)).collect(),
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Channel;
    use chrono::TimeZone;

    fn day(d: u32) -> Option<DateTime<Utc>> {
        Utc.with_ymd_and_hms(2024, 3, d.clamp(1, 28), 10, 0, 0).single()
    }

    fn sms(from: &str, d: u32, text: &str) -> Event {
        Event {
            channel: Some(Channel::Sms),
            from: from.into(),
            at: day(d),
            text: text.into(),
            ..Default::default()
        }
        .with_id()
    }

    fn mail(from: &str, d: u32, subject: &str, unsub: Option<&str>) -> Event {
        Event {
            channel: Some(Channel::Email),
            from: from.into(),
            at: day(d),
            subject: Some(subject.into()),
            text: format!("{subject} body {d}"),
            list_unsubscribe: unsub.map(str::to_string),
            ..Default::default()
        }
        .with_id()
    }

    fn run(events: &[Event], cats: &[Category]) -> Vec<Campaign> {
        let verdicts: Vec<Verdict> = cats.iter().map(|&c| Verdict::new(c, 0.9)).collect();
        cluster(events, &verdicts, &CampaignOptions::default())
    }

    fn together(cs: &[Campaign], a: usize, b: usize) -> bool {
        cs.iter().any(|c| c.event_idx.contains(&a) && c.event_idx.contains(&b))
    }

    fn has(cs: &[Campaign], kind: LinkKind) -> bool {
        cs.iter().any(|c| c.links.iter().any(|l| l.kind() == kind))
    }

    #[test]
    fn same_sender_links_and_legit_is_left_out() {
        let ev = vec![
            sms("+8613800000001", 1, "一"),
            sms("+8613800000001", 5, "二"),
            sms("+8613911112222", 2, "三"),
        ];
        let cs = run(&ev, &[Category::Finance, Category::Finance, Category::Legit]);
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].event_idx, vec![0, 1]);
        assert_eq!(cs[0].senders, vec!["+8613800000001"]);
        assert!(has(&cs, LinkKind::SameSender));
        assert!(cs[0].id.starts_with('C') && cs[0].id.len() == 9);
        assert_eq!(cs[0].first_seen, day(1));
        assert_eq!(cs[0].last_seen, day(5));
    }

    #[test]
    fn outgoing_events_are_left_out() {
        let mut e = sms("+8613800000001", 1, "x");
        e.direction = Direction::Outgoing;
        assert!(run(&[e], &[Category::Fraud]).is_empty());
    }

    #[test]
    fn number_block_needs_same_family_and_window() {
        let ev = vec![
            sms("+8675588881001", 1, ""),
            sms("+8675588881002", 3, ""),
            sms("+8675588881003", 4, ""),
            sms("+8675588881004", 25, ""),
        ];
        let cs = run(
            &ev,
            &[Category::Property, Category::Renovation, Category::Fraud, Category::Property],
        );
        assert!(together(&cs, 0, 1));
        assert!(!together(&cs, 0, 2), "fraud is another family");
        assert!(together(&cs, 1, 3), "22 days is within the 30-day window");
        let c = cs.iter().find(|c| c.event_idx.contains(&0)).unwrap();
        assert!(c.reasons.iter().any(|r| r.contains("block +86755888810xx")), "{:?}", c.reasons);

        let far = vec![sms("+8675588881001", 1, ""), sms("+8675588881002", 1, "")];
        let mut far = far;
        far[1].at = Utc.with_ymd_and_hms(2024, 6, 1, 0, 0, 0).single();
        assert!(!together(&run(&far, &[Category::Property; 2]), 0, 1));
    }

    #[test]
    fn unsure_calls_weeks_before_a_block_campaign_join_it() {
        // Three bare calls in early March, then the block's campaign from
        // April: the early calls reach no confident member within the window
        // of their own, but the stretch joins the group after it.
        let at = |m, d| Utc.with_ymd_and_hms(2024, m, d, 10, 0, 0).single();
        let ev: Vec<Event> = [
            ("+8617124355252", at(3, 5)),
            ("+8617124355293", at(3, 6)),
            ("+8617124355215", at(3, 10)),
            ("+8617124355225", at(4, 2)),
            ("+8617124355222", at(4, 20)),
            ("+8617124355226", at(4, 21)),
        ]
        .into_iter()
        .map(|(from, t)| Event { at: t, ..sms(from, 1, "") }.with_id())
        .collect();
        let unsure = |c| Verdict { category: c, confidence: 0.1, unsure: true };
        let verdicts = vec![
            unsure(Category::Harassment),
            unsure(Category::Harassment),
            unsure(Category::Harassment),
            unsure(Category::Property),
            Verdict::new(Category::Property, 0.9),
            Verdict::new(Category::Property, 0.9),
        ];
        let cs = cluster(&ev, &verdicts, &CampaignOptions::default());
        assert!(together(&cs, 0, 5), "{cs:#?}");
        assert_eq!(cs.len(), 1);
    }

    #[test]
    fn shared_domain_links_but_not_free_mail() {
        let ev = vec![
            mail("news@mail.sunhomes.cn", 1, "开盘通知", None),
            mail("vip@sunhomes.cn", 9, "样板间开放", None),
            mail("a.agent@gmail.com", 2, "Flat for sale", None),
            mail("b.broker@gmail.com", 3, "Loan offer", None),
        ];
        let cs = run(&ev, &[Category::Property; 4]);
        assert!(together(&cs, 0, 1));
        assert!(!together(&cs, 2, 3));
        assert!(
            cs.iter()
                .any(|c| c.reasons.iter().any(|r| r.contains("same sending domain sunhomes.cn")))
        );
    }

    #[test]
    fn unsubscribe_host_links_unless_shared_esp() {
        let ev = vec![
            mail("a.smith@gmail.com", 1, "Sale one", Some("<https://unsub.retailhub.com/u?id=1>")),
            mail(
                "b.jones@gmail.com",
                2,
                "Sale two",
                Some("<mailto:leave@unsub.retailhub.com?subject=x>"),
            ),
            mail(
                "c@brand-three.com",
                3,
                "Sale three",
                Some("<https://us1.list-manage.com/unsubscribe?u=1>"),
            ),
            mail(
                "d@brand-four.com",
                4,
                "Sale four",
                Some("<https://us1.list-manage.com/unsubscribe?u=2>"),
            ),
            // A provider missing from the list, found because it serves two organisations.
            mail("e@brand-five.com", 5, "Sale five", Some("<https://mta.edm365.com.cn/u/1>")),
            mail("f@brand-six.cn", 6, "Sale six", Some("<https://mta.edm365.com.cn/u/2>")),
        ];
        let cs = run(&ev, &[Category::Retail; 6]);
        assert!(together(&cs, 0, 1));
        assert!(!together(&cs, 2, 3));
        assert!(!together(&cs, 4, 5));
        assert!(has(&cs, LinkKind::UnsubscribeHost));
    }

    #[test]
    fn own_mail_domain_never_links() {
        let mut ev = vec![
            mail("wei.wang@example.org", 1, "周报", None),
            mail("li.na@example.org", 2, "会议纪要", None),
            mail("shop@brand.cn", 3, "新品上市", None),
        ];
        ev[2].to = Some("me@example.org".into());
        let cs = run(&ev, &[Category::Fraud; 3]);
        assert!(!together(&cs, 0, 1), "the person's own domain is shared, not a sender's");
    }

    #[test]
    fn signature_links_ports_of_one_brand() {
        let ev = vec![
            sms("106907791344102", 1, "【安居置业】滨江新盘样板间开放，退订回T"),
            sms("1069077916564", 9, "尊敬的业主，三期加推在即，到访送礼【安居置业】"),
            sms("1069555", 9, "【快贷】额度已批"),
        ];
        let cs = run(&ev, &[Category::Property, Category::Property, Category::Finance]);
        assert!(together(&cs, 0, 1));
        assert!(!together(&cs, 0, 2));
        assert!(has(&cs, LinkKind::Signature));
        // The same brand months later, from another list: another campaign.
        let mut later = sms("106907791344177", 1, "【安居置业】二期加推，到访有礼，退订回T");
        later.at = Utc.with_ymd_and_hms(2024, 9, 1, 10, 0, 0).single();
        let ev = vec![ev[0].clone(), ev[1].clone(), later.with_id()];
        let cs = run(&ev, &[Category::Property; 3]);
        assert!(together(&cs, 0, 1));
        assert!(!together(&cs, 1, 2));
    }

    #[test]
    fn unsure_calls_join_confident_neighbours_but_decide_nothing() {
        let call = |from: &str, d: u32| {
            let mut e = sms(from, d, "");
            e.channel = Some(Channel::Call);
            e.with_id()
        };
        let ev = vec![
            call("+8675588881001", 1),
            call("+8675588881002", 2),
            call("+8675588881003", 3),
            call("+8675588881004", 4),
            call("+8613911112222", 5),
            call("+8613911112222", 6),
        ];
        let unsure = |c| Verdict { category: c, confidence: 0.4, unsure: true };
        let verdicts = vec![
            Verdict::new(Category::Property, 0.9),
            unsure(Category::Harassment),
            unsure(Category::Harassment),
            Verdict::new(Category::Fraud, 0.9),
            unsure(Category::Harassment),
            unsure(Category::Harassment),
        ];
        let cs = cluster(&ev, &verdicts, &CampaignOptions::default());
        assert!(together(&cs, 0, 1), "an unsure call joins the confident neighbour");
        assert!(!together(&cs, 0, 3), "unsure calls do not bridge two families");
        let c = cs.iter().find(|c| c.event_idx.contains(&0)).unwrap();
        assert_eq!(c.category, Category::Property);
        assert_eq!(c.confident_events, 1);
        let weak = cs.iter().find(|c| c.event_idx.contains(&4)).unwrap();
        assert_eq!(weak.event_idx, vec![4, 5]);
        assert_eq!(weak.confident_events, 0);
    }

    #[test]
    fn template_links_across_names_and_numbers() {
        let ev = vec![
            sms(
                "10690001",
                1,
                "【安心保】张伟先生您好，您有一份重疾险保单待领取，详询13800001111，退订回T",
            ),
            sms(
                "10690002",
                2,
                "【安心保】李娜先生您好，您有一份重疾险保单待领取，详询13900002222，退订回T",
            ),
            sms("10690003", 3, "【快贷】您的贷款额度已批准，请登录领取，退订回T"),
        ];
        let cs = run(&ev, &[Category::Insurance; 3]);
        assert!(together(&cs, 0, 1));
        assert!(!together(&cs, 0, 2));
        assert!(
            cs.iter()
                .any(|c| c.reasons.iter().any(|r| r == "same template as 2 messages (simhash)"))
        );
    }

    #[test]
    fn shared_link_and_wechat_id_link() {
        let ev = vec![
            sms("10691111", 1, "额度提升，戳 t.cn/Ab12 查看"),
            sms("10692222", 8, "Your prize awaits: https://t.cn/Ab12?src=sms"),
            sms("+8613700001111", 2, "兼职刷单日结，加微信：job_7788"),
            sms("+8613600002222", 9, "在家赚钱！VX job_7788 详聊"),
            sms("+8613500003333", 9, "在家赚钱！VX other_1234 详聊"),
        ];
        let cs = run(&ev, &[Category::Fraud; 5]);
        assert!(together(&cs, 0, 1));
        assert!(together(&cs, 2, 3));
        assert!(!together(&cs, 3, 4));
        assert!(has(&cs, LinkKind::SharedLink));
        assert!(cs.iter().any(|c| c.reasons.iter().any(|r| r.contains("WeChat job_7788"))));
    }

    #[test]
    fn callback_number_ties_a_text_to_a_caller() {
        let mut call = sms("4008001234", 3, "");
        call.channel = Some(Channel::Call);
        let call = call.with_id();
        let ev = vec![sms("1069555", 1, "装修季特惠，详询 400-800-1234"), call];
        let cs = run(&ev, &[Category::Renovation; 2]);
        assert!(together(&cs, 0, 1));
        assert!(has(&cs, LinkKind::CallbackNumber));
    }

    #[test]
    fn burst_is_a_reason_never_a_link() {
        let ev = vec![
            sms("+8613800000001", 1, "a"),
            sms("+8613800000001", 2, "b"),
            sms("+8613800000001", 3, "c"),
            sms("+8613911110000", 2, "d"),
        ];
        let cs = run(&ev, &[Category::Retail; 4]);
        assert_eq!(cs.len(), 2);
        assert!(cs.iter().any(|c| c.reasons.iter().any(|r| r == "3 contacts within 7 days")));
    }

    #[test]
    fn category_is_confidence_weighted_majority() {
        let ev = vec![
            sms("+8613800000001", 1, "a"),
            sms("+8613800000001", 2, "b"),
            sms("+8613800000001", 3, "c"),
        ];
        let verdicts = vec![
            Verdict::new(Category::Finance, 0.3),
            Verdict::new(Category::Finance, 0.3),
            Verdict::new(Category::Insurance, 0.95),
        ];
        let cs = cluster(&ev, &verdicts, &CampaignOptions::default());
        assert_eq!(cs[0].category, Category::Insurance);
    }

    #[test]
    fn hidden_numbers_are_not_one_sender_and_short_verdicts_do_not_panic() {
        let ev = vec![sms("", 1, "x"), sms("-1", 2, "y"), sms("Unknown", 3, "z")];
        let cs =
            cluster(&ev, &[Verdict::new(Category::Fraud, 0.9); 2], &CampaignOptions::default());
        assert_eq!(cs.len(), 2);
        assert!(cs.iter().all(|c| c.event_idx.len() == 1));
    }
}
