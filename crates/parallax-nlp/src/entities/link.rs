//! The cross-article linker: the mentions of many articles → entities with one canonical name.
//!
//! Names are taken as the finder resolved them within each article ("Berg" is already "Anna
//! Berg" where the article gives the full name). Across articles a shorter name joins a longer
//! one only when that is the one candidate: a surname the one person whose name ends in it, a
//! first word the one organisation it opens, an acronym the one organisation with those
//! initials. Two people called Berg leave a bare "Berg" alone. Kinds are decided by the
//! articles' votes; an article that could not tell (`other`) does not vote against one that
//! could.

use std::collections::{BTreeMap, HashMap};

use parallax_core::{ArticleId, Entity, EntityKind, Mention};

use super::find::{initials, name_words, role_head};
use super::lexicon as lx;

/// Roles kept per entity: the most often given.
const MAX_ROLES: usize = 8;

/// The entities of a set of articles, and which entity each article's names stand for.
#[derive(Debug, Default)]
pub struct Linked {
    /// Most widely mentioned first, then by name.
    pub entities: Vec<Entity>,
    /// Per article: name forms (without titles) → entity; `None` where two entities share one.
    names: HashMap<ArticleId, HashMap<String, Option<usize>>>,
}

/// One distinct name across the articles.
struct Name {
    name: String,
    words: Vec<String>,
    /// Articles that gave it each kind: person, organisation, place, other.
    votes: [usize; 4],
    /// Indexes of the articles that use it, in order.
    articles: Vec<usize>,
    /// Surface forms and how often.
    forms: BTreeMap<String, usize>,
    roles: BTreeMap<String, usize>,
}

impl Name {
    fn kind(&self) -> EntityKind {
        kind_of(self.votes)
    }
}

fn kind_of(votes: [usize; 4]) -> EntityKind {
    const KINDS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Organization, EntityKind::Place];
    // Ties go to the first: person, organisation, place.
    let best = (0..3).rev().max_by_key(|&k| votes[k]).unwrap_or(0);
    if votes[best] > 0 {
        KINDS[best]
    } else {
        EntityKind::Other
    }
}

fn slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Other => 3,
    }
}

/// Links the mentions of `articles` (in the order given, which is the order of each entity's
/// `articles`) into entities.
pub fn link<M: AsRef<[Mention]>>(articles: &[(ArticleId, M)]) -> Linked {
    let mut names: Vec<Name> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (a, (_, mentions)) in articles.iter().enumerate() {
        for m in mentions.as_ref() {
            let n = *index.entry(m.name.as_str()).or_insert_with(|| {
                names.push(Name {
                    name: m.name.clone(),
                    words: name_words(&m.name),
                    votes: [0; 4],
                    articles: Vec::new(),
                    forms: BTreeMap::new(),
                    roles: BTreeMap::new(),
                });
                names.len() - 1
            });
            let name = &mut names[n];
            if name.articles.last() != Some(&a) {
                name.articles.push(a);
                name.votes[slot(m.kind)] += 1;
            }
            if is_name_form(&m.text) {
                *name.forms.entry(spaced(&m.text)).or_default() += 1;
            }
            if let Some(r) = &m.role {
                *name.roles.entry(spaced(r)).or_default() += 1;
            }
        }
    }
    let root = roots(&names);
    // One entity per root, in the order roots first appear.
    let mut slot_of: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (n, &r) in root.iter().enumerate() {
        let e = *slot_of.entry(r).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[e].push(n);
    }
    let ids: Vec<&ArticleId> = articles.iter().map(|(id, _)| id).collect();
    let mut entities: Vec<(Entity, Vec<usize>)> =
        members.iter().map(|m| (entity(&names, m, &ids), m.clone())).collect();
    entities.sort_by(|(a, _), (b, _)| {
        b.articles.len().cmp(&a.articles.len()).then_with(|| a.name.cmp(&b.name)).then_with(|| a.kind.cmp(&b.kind))
    });
    let mut entity_of_name = vec![0; names.len()];
    for (e, (_, m)) in entities.iter().enumerate() {
        for &n in m {
            entity_of_name[n] = e;
        }
    }
    let entities: Vec<Entity> = entities.into_iter().map(|(e, _)| e).collect();
    let mut by_article: HashMap<ArticleId, HashMap<String, Option<usize>>> = HashMap::new();
    for (id, mentions) in articles {
        let mentions = mentions.as_ref();
        let mut exact: HashMap<String, Option<usize>> = HashMap::new();
        let mut surnames: HashMap<String, Option<usize>> = HashMap::new();
        for m in mentions {
            let Some(&n) = index.get(m.name.as_str()) else { continue };
            let e = entity_of_name[n];
            for key in [name_key(&m.text), name_key(&m.name)].into_iter().flatten() {
                note(&mut exact, key, e);
            }
            if entities[e].kind == EntityKind::Person {
                if let Some(last) = m.name.split_whitespace().last().filter(|_| m.name.contains(' ')) {
                    note(&mut surnames, last.to_string(), e);
                }
            }
        }
        for (k, v) in surnames {
            exact.entry(k).or_insert(v);
        }
        by_article.entry(id.clone()).or_default().extend(exact);
    }
    Linked { entities, names: by_article }
}

fn note(map: &mut HashMap<String, Option<usize>>, key: String, e: usize) {
    map.entry(key)
        .and_modify(|v| {
            if *v != Some(e) {
                *v = None
            }
        })
        .or_insert(Some(e));
}

impl Linked {
    /// The canonical name of the entity that `surface` (a name as an article or a quote's
    /// speaker writes it: "Berg", "Mr. Berg", "Economy Minister Greta Solberg") stands for in
    /// `article`; `None` for a description, a name the article does not give, or one that two
    /// entities share there.
    pub fn canonical(&self, article: &ArticleId, surface: &str) -> Option<&str> {
        let key = name_key(surface)?;
        let e = (*self.names.get(article)?.get(&key)?)?;
        self.entities.get(e).map(|e| e.name.as_str())
    }
}

/// The entity of a group of names (see [`roots`]); `articles` are the ids by article index.
fn entity(names: &[Name], members: &[usize], articles: &[&ArticleId]) -> Entity {
    // The canonical name: the fullest (most words, then longest, then most used) of the group.
    let canonical = members
        .iter()
        .map(|&n| &names[n])
        .max_by(|a, b| {
            (a.words.len(), a.name.len(), a.articles.len(), std::cmp::Reverse(&a.name)).cmp(&(
                b.words.len(),
                b.name.len(),
                b.articles.len(),
                std::cmp::Reverse(&b.name),
            ))
        })
        .map(|n| n.name.clone())
        .unwrap_or_default();
    let mut votes = [0; 4];
    let mut seen: Vec<usize> = Vec::new();
    let mut aliases: Vec<String> = Vec::new();
    let mut roles: BTreeMap<String, usize> = BTreeMap::new();
    for &n in members {
        let name = &names[n];
        for (v, n) in votes.iter_mut().zip(name.votes) {
            *v += n;
        }
        seen.extend(&name.articles);
        aliases.extend(name.forms.keys().cloned());
        aliases.push(name.name.clone());
        for (r, c) in &name.roles {
            *roles.entry(r.clone()).or_default() += c;
        }
    }
    seen.sort_unstable();
    seen.dedup();
    aliases.retain(|a| !a.eq_ignore_ascii_case(&canonical));
    aliases.sort();
    aliases.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let kind = kind_of(votes);
    Entity {
        id: Entity::id_for(&canonical, kind),
        name: canonical,
        kind,
        aliases,
        roles: best_roles(roles),
        articles: seen.into_iter().filter_map(|a| articles.get(a).map(|&id| id.clone())).collect(),
    }
}

/// Roles, most often given first; one spelling per role (case aside), and a role that a longer
/// one contains at its end ("chancellor" beside "Ostland chancellor") left out.
fn best_roles(roles: BTreeMap<String, usize>) -> Vec<String> {
    let mut merged: Vec<(String, usize)> = Vec::new();
    for (r, c) in roles {
        match merged.iter_mut().find(|(m, _)| m.eq_ignore_ascii_case(&r)) {
            Some(m) => m.1 += c,
            None => merged.push((r, c)),
        }
    }
    let all: Vec<String> = merged.iter().map(|(r, _)| r.to_lowercase()).collect();
    merged.retain(|(r, _)| {
        let low = r.to_lowercase();
        // "chancellor" beside "Ostland chancellor" or "chancellor of Ostland".
        !all.iter().any(|o| {
            o.len() > low.len()
                && (o.ends_with(&low) && o[..o.len() - low.len()].ends_with(' ')
                    || o.starts_with(&low) && [" of ", " for ", " at "].iter().any(|p| o[low.len()..].starts_with(p)))
        })
    });
    merged.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    merged.into_iter().take(MAX_ROLES).map(|(r, _)| r).collect()
}

/// Which name each name joins: itself, or the one longer name it unambiguously stands for.
fn roots(names: &[Name]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..names.len()).collect();
    for (n, me) in names.iter().enumerate() {
        if me.words.is_empty() {
            continue;
        }
        let kind = me.kind();
        let longer = || names.iter().enumerate().filter(|(_, t)| t.words.len() >= me.words.len() && t.name != me.name);
        let mut found: Vec<usize> = Vec::new();
        if matches!(kind, EntityKind::Person | EntityKind::Other) {
            // A surname or a shorter form of a person's name: "Berg", "Tomas J. Adler" → "Tomas Adler"'s group.
            found = longer()
                .filter(|(_, t)| t.kind() == EntityKind::Person && t.words.ends_with(&me.words))
                .filter(|(_, t)| t.words.len() > me.words.len() || t.name.len() > me.name.len())
                .filter(|(_, t)| same_roles(me, t))
                .map(|(i, _)| i)
                .collect();
            found = fullest(names, found);
        }
        if found.is_empty() && me.words.len() == 1 && matches!(kind, EntityKind::Organization | EntityKind::Other) {
            let w = &me.words[0];
            let acronym = me.name.len() >= 2 && me.name.chars().all(|c| c.is_uppercase() || c == '&' || c == '.');
            // "Tessaro" → "Tessaro Polymers", "Apple" → "Apple Inc": the rest of the name is
            // only organisation words. "Kessel" stays out of "Kessel General Hospital".
            let opens = |t: &Name| t.words.first() == Some(w) && t.words[1..].iter().all(|x| lx::is_org_head(x));
            found = longer()
                .filter(|(_, t)| t.words.len() > 1 && t.kind() == EntityKind::Organization)
                .filter(|(_, t)| opens(t) || acronym && initials(&t.name) == *w)
                .map(|(i, _)| i)
                .collect();
            if found.is_empty() {
                found = longer()
                    .filter(|(_, t)| t.words.len() > 1 && t.kind() == EntityKind::Other)
                    .filter(|(_, t)| t.words.last() == Some(w) && lx::is_event_prefix(&t.words[0]))
                    .map(|(i, _)| i)
                    .collect();
            }
        }
        if let [one] = found[..] {
            parent[n] = one;
        }
    }
    // Follow chains ("Berg" → "Anna Berg" → "Anna M. Berg"); every step goes to a longer name, so
    // chains end.
    (0..names.len())
        .map(|mut n| {
            for _ in 0..names.len() {
                if parent[n] == n {
                    break;
                }
                n = parent[n];
            }
            n
        })
        .collect()
}

/// Two names can be one person's by their roles: either has none, or they share a role's
/// head word ("Chief Justice Roberts" is not the "Jennifer Roberts, mayor of Charlotte" of
/// another article).
fn same_roles(a: &Name, b: &Name) -> bool {
    let heads = |n: &Name| n.roles.keys().map(|r| role_head(r)).collect::<Vec<_>>();
    let (ha, hb) = (heads(a), heads(b));
    ha.is_empty() || hb.is_empty() || ha.iter().any(|h| hb.contains(h))
}

/// Of candidate full names, the ones no other candidate contains: "Anna Berg" and "Anna Maria
/// Berg" are one person, "Anna Berg" and "Lars Berg" two.
fn fullest(names: &[Name], found: Vec<usize>) -> Vec<usize> {
    let contains = |big: &Name, small: &Name| {
        big.words.len() >= small.words.len()
            && small.words.iter().all(|w| big.words.contains(w))
            && big.words.last() == small.words.last()
    };
    let mut out: Vec<usize> = Vec::new();
    for &f in &found {
        let dominated = found.iter().any(|&o| {
            o != f
                && contains(&names[o], &names[f])
                && (names[o].words.len(), names[o].name.len(), &names[o].name)
                    > (names[f].words.len(), names[f].name.len(), &names[f].name)
        });
        if !dominated {
            out.push(f);
        }
    }
    // Every candidate must fit inside the one left: else two people share the surname.
    if let [one] = out[..] {
        if found.iter().all(|&f| contains(&names[one], &names[f])) {
            return out;
        }
    }
    if out.len() > 1 {
        return Vec::new();
    }
    out
}

/// A name form worth listing as an alias: capitalised, not a description ("the chancellor").
fn is_name_form(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase) && !matches!(first, "The" | "THE")
}

/// One space between words, straight apostrophes: "Farmers’  League" → "Farmers' League".
fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('’', "'")
}

/// The name in a name form, for matching: possessive, determiners, honorifics and titles off,
/// cut before "of"/"for"/"at" ("Elin Sorvik of Varnopol University" → "Elin Sorvik"); `None`
/// unless what is left is all capitalised words ("the spokesman", "Kovac's office").
pub(super) fn name_key(surface: &str) -> Option<String> {
    let s = surface.trim();
    let s = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).unwrap_or(s);
    let s = s.split(',').next().unwrap_or(s);
    let words: Vec<&str> = s.split_whitespace().collect();
    let cut = words.iter().position(|w| matches!(*w, "of" | "for" | "at" | "from")).unwrap_or(words.len());
    let mut words = &words[..cut];
    while let Some((first, rest)) = words.split_first() {
        let low = first.trim_end_matches('.').to_lowercase();
        if matches!(low.as_str(), "the" | "a" | "an") || lx::is_honorific(&low) {
            words = rest;
        } else {
            break;
        }
    }
    let low = |w: &str| w.trim_end_matches('.').to_lowercase();
    let is_name_word = |w: &&str| {
        let l = low(w);
        !lx::is_title(&l) && !lx::is_role_modifier(&l) && !lx::is_demonym(&l) && !lx::is_honorific(&l)
    };
    // "Ostland Economy Minister Greta Solberg" → "Greta Solberg".
    if let Some(k) = words.iter().rposition(|w| lx::is_title(&low(w))) {
        if words[k + 1..].iter().any(is_name_word) {
            words = &words[k + 1..];
        }
    }
    let ok = !words.is_empty()
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || lx::is_particle(&low(w)))
        && words.iter().any(is_name_word);
    ok.then(|| words.join(" "))
}
