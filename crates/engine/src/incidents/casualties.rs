//! Killed, injured and missing rows, following `CONVENTIONS.md`.
//!
//! - One row per side or phrase: "two soldiers and three civilians" are two rows; "seven in
//!   combat and five in an accident" are two rows summing to the incident's total.
//! - The same victims told twice with different figures make ONE row spanning them: `low` is the
//!   smallest, `high` the largest (none if any is open-ended); the notes keep each figure and
//!   who gave it. A breakdown that adds up to a told total replaces it.
//! - "The toll rose to 38" replaces what came before; a figure an earlier report gave ("sources
//!   had earlier said ten") gives way to later ones; a headline's figure gives way to the
//!   body's; vague words ("dozens") count only when no number is given.
//! - "57 people, including 53 gendarmes": the gendarmes are part of the 57, so the rows are 53
//!   gendarmes and 4 others.

use super::doc::Doc;
use super::split::Mention;
use crate::model::{
    Attackers, CasualtyRow, CasualtyValue, Count, FigureValue, Kind, Outcome, Side, Value,
};

/// The incident's rows.
#[derive(Debug, Default)]
pub struct Rows {
    /// Killed.
    pub killed: Vec<CasualtyRow>,
    /// Injured.
    pub injured: Vec<CasualtyRow>,
    /// Missing or abducted.
    pub missing: Vec<CasualtyRow>,
}

/// Whether a figure's words give no number: "dozens", "several", "scores of".
pub fn is_vague(text: &str) -> bool {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    const VAGUE: &[&str] = &[
        "several",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "tens",
        "few",
        "couple",
        "many",
        "number",
        "numerous",
        "some",
    ];
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| VAGUE.contains(w)) || !words.iter().any(|w| is_count_word(w))
}

/// A word that states a number: a number word, "a"/"an", "single", an ordinal ("wounded a
/// fifth": one more).
fn is_count_word(w: &str) -> bool {
    use crate::numbers::{is_number_word, is_ordinal_word};
    matches!(w, "a" | "an" | "single") || is_number_word(w) || is_ordinal_word(w)
}

#[derive(Debug, Clone)]
struct Item {
    ent: usize,
    sent: usize,
    v: CasualtyValue,
    text: String,
    headline: bool,
    superseded: bool,
    /// Disputed by the next sentence ("Ukraine rejected the claim").
    disputed: bool,
    revision: bool,
    vague: bool,
    /// Part of another item of its sentence ("including 53 gendarmes").
    part_of: Option<usize>,
}

fn group_of(o: Outcome) -> usize {
    match o {
        Outcome::Killed => 0,
        Outcome::Injured => 1,
        Outcome::Missing | Outcome::Abducted => 2,
    }
}

/// Whether the words just before casualty `i` make it part of the figure before it.
fn is_part(doc: &Doc, i: usize) -> bool {
    let x = &doc.ents[i];
    let se = &doc.sents[x.sent];
    let j = doc.word_at(x.start);
    // "including five soldiers and three civilians": the civilians too.
    if crate::casualties::is_subgroup_rule(&x.e.rule) {
        return true;
    }
    // The figure's own first word may be the cue: "including 53 gendarmes".
    (se.w0..(j + 1).min(se.w1)).rev().take(4).any(|k| {
        matches!(
            doc.w(k),
            "including" | "among" | "whom" | "includes" | "include"
        )
    })
}

/// The nearest source entity in the sentence, by name.
fn source_near(doc: &Doc, i: usize) -> Option<String> {
    let x = &doc.ents[i];
    doc.ents_of(x.sent, Kind::Source)
        .min_by_key(|&s| doc.ents[s].start.abs_diff(x.start))
        .and_then(|s| match &doc.ents[s].e.value {
            Value::Source(v) => Some(v.name.clone()),
            _ => None,
        })
}

fn count_text(c: &Count) -> String {
    let n = |x: Option<u64>| x.map_or_else(|| "?".to_string(), |v| v.to_string());
    match (c.low, c.high) {
        (Some(l), Some(h)) if l == h => l.to_string(),
        (Some(l), None) => format!("at least {l}"),
        _ => format!("{}–{}", n(c.low), n(c.high)),
    }
}

fn row(it: &Item) -> CasualtyRow {
    CasualtyRow {
        who: it.v.who.clone(),
        side: it.v.side,
        low: it.v.count.low,
        best: it.v.count.best,
        high: it.v.count.high,
        text: it.text.clone(),
    }
}

fn sum(rows: &[CasualtyRow]) -> Count {
    if rows.is_empty() {
        return Count::default();
    }
    crate::model::Incident::total_fatalities(rows)
}

/// Rows of one sentence: each figure, with parts taken out of the whole they belong to.
fn sentence_rows(items: &[&Item]) -> Vec<CasualtyRow> {
    let mut out: Vec<CasualtyRow> = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let parts: Vec<&&Item> = items
            .iter()
            .skip(k + 1)
            .filter(|p| p.part_of == Some(it.ent))
            .collect();
        if it.part_of.is_some() && items.iter().any(|w| Some(w.ent) == it.part_of) {
            out.push(row(it));
            continue;
        }
        if parts.is_empty() {
            out.push(row(it));
            continue;
        }
        let whole = it.v.count;
        let part_low: u64 = parts.iter().filter_map(|p| p.v.count.floor()).sum();
        match whole.floor() {
            Some(w) if w > part_low => {
                let rest = w - part_low;
                out.push(CasualtyRow {
                    who: format!("other {}", it.v.who),
                    side: it.v.side,
                    low: Some(rest),
                    best: Some(rest),
                    high: whole.high.map(|_| rest),
                    text: it.text.clone(),
                });
            }
            _ => {}
        }
    }
    // Parts first, as the text names them, then the rest.
    out.sort_by_key(|r| r.who.starts_with("other "));
    out
}

/// "Troops ambushed bandits along the road, killing nine": a count with no noun of its own
/// ("killing nine") after an armed group attacked in its sentence counts that group.
fn object_counted(doc: &Doc, i: usize, v: &CasualtyValue) -> Option<(String, Side)> {
    let c = &doc.ents[i];
    let bare = matches!(c.e.rule.as_str(), "killed_active" | "injured_active")
        && v.side == Side::Unknown
        && v.who == "people"
        && !c.e.text.to_lowercase().contains("people")
        && !c.e.text.to_lowercase().contains("person");
    if !bare {
        return None;
    }
    doc.ents_of(c.sent, Kind::Actor)
        .filter(|&a| doc.ents[a].end <= c.start)
        .filter(|&a| super::actors::role(doc, a) == super::actors::Role::Patient)
        .filter_map(|a| match &doc.ents[a].e.value {
            Value::Actor(x) if matches!(x.side, Side::Rebel | Side::Militia) => {
                Some((x.name.clone(), x.side))
            }
            _ => None,
        })
        .last()
}

/// The incident's casualty rows.
pub fn incident_rows(
    doc: &Doc,
    ms: &[&Mention],
    evidence: &mut Vec<usize>,
    notes: &mut Vec<String>,
) -> Rows {
    let mut items: Vec<Item> = Vec::new();
    let mut seen_sents: Vec<usize> = Vec::new();
    for m in ms.iter().filter(|m| m.casualties) {
        if seen_sents.contains(&m.sent) {
            continue;
        }
        seen_sents.push(m.sent);
        // The last figure of the sentence that is not itself a part: "eight people, including
        // five soldiers and three civilians" are both parts of the eight.
        let mut prev: Option<usize> = None;
        for i in doc.ents_of(m.sent, Kind::Casualty) {
            let Value::Casualty(v) = &doc.ents[i].e.value else {
                continue;
            };
            let part_of = if is_part(doc, i) { prev } else { None };
            let mut v = v.clone();
            if let Some((who, side)) = object_counted(doc, i, &v) {
                (v.who, v.side) = (who, side);
            }
            items.push(Item {
                ent: i,
                sent: m.sent,
                v,
                text: doc.ents[i].e.text.clone(),
                headline: m.headline,
                superseded: m.superseded,
                disputed: m.disputed,
                revision: m.revision,
                vague: is_vague(&doc.ents[i].e.text),
                part_of,
            });
            if part_of.is_none() {
                prev = Some(i);
            }
        }
    }
    let mut rows = Rows::default();
    for g in 0..3 {
        let mut its: Vec<&Item> = items
            .iter()
            .filter(|it| group_of(it.v.outcome) == g)
            .collect();
        // A disputed claim counts only when nothing else does; it stays in the notes.
        if its.iter().any(|it| !it.disputed) {
            for it in its.iter().filter(|it| it.disputed) {
                let by = source_near(doc, it.ent)
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                notes.push(format!(
                    "Disputed: {} {} {} \u{201c}{}\u{201d}{by}.",
                    count_text(&it.v.count),
                    it.v.who,
                    it.v.outcome.as_str(),
                    it.text
                ));
            }
            its.retain(|it| !it.disputed);
        }
        let out = group_rows(doc, &its, evidence, notes);
        match g {
            0 => rows.killed = out,
            1 => rows.injured = out,
            _ => rows.missing = out,
        }
    }
    rows
}

/// The attackers named as such: "attackers", "assailants", "gunmen", "bombers", "raiders".
fn is_attackers_word(who: &str) -> bool {
    let last = who.rsplit(' ').next().unwrap_or(who);
    matches!(
        last,
        "attackers" | "assailants" | "gunmen" | "bombers" | "raiders"
    )
}

/// Rows for one outcome.
fn group_rows(
    doc: &Doc,
    its: &[&Item],
    evidence: &mut Vec<usize>,
    notes: &mut Vec<String>,
) -> Vec<CasualtyRow> {
    // Victim groups: by side; an unknown side joins the only group there is.
    let mut groups: Vec<(Side, Vec<&Item>)> = Vec::new();
    for &it in its {
        let side = it.v.side;
        let idx = if it.part_of.is_some() {
            // A part stays with its whole.
            groups
                .iter()
                .position(|(_, g)| g.iter().any(|w| Some(w.ent) == it.part_of))
        } else if side == Side::Unknown && groups.len() == 1 {
            Some(0)
        } else {
            // An unknown-side group takes a figure of another sentence, or one beside figures
            // of unknown side in its own ("the bodies of seven men and four women"); but not
            // the attackers themselves ("32 people were killed … security forces killed five
            // attackers"): news counts them apart from the people they attacked.
            let attackers = is_attackers_word(&it.v.who);
            groups.iter().position(|(s, g)| {
                *s == side
                    || (*s == Side::Unknown
                        && !attackers
                        && groups.len() == 1
                        && g.iter()
                            .all(|w| w.sent != it.sent || w.v.side == Side::Unknown))
            })
        };
        match idx {
            Some(k) => {
                if groups[k].0 == Side::Unknown {
                    groups[k].0 = side;
                }
                groups[k].1.push(it);
            }
            None => groups.push((side, vec![it])),
        }
    }
    let mut out = Vec::new();
    for (_, g) in groups {
        // Figure sets: one per sentence.
        let mut sets: Vec<Vec<&Item>> = Vec::new();
        for it in g {
            match sets.last_mut() {
                Some(s) if s[0].sent == it.sent => s.push(it),
                _ => sets.push(vec![it]),
            }
        }
        let all = sets.clone();
        if sets.iter().any(|s| !s[0].headline) {
            sets.retain(|s| !s[0].headline);
        }
        if sets.iter().any(|s| !s[0].superseded) {
            sets.retain(|s| !s[0].superseded);
        }
        if let Some(k) = sets.iter().rposition(|s| s[0].revision) {
            sets = vec![sets[k].clone()];
        }
        // Vague words count only when no number is given: a vague set gives way, and so does
        // a vague figure beside numbers in its own sentence ("'Dozens were killed,' one source
        // said, while another put the toll at 27 soldiers and 15 VDP"), unless it is a part or
        // has parts ("12 people, including several children").
        if sets.iter().any(|s| s.iter().any(|i| !i.vague)) {
            sets.retain(|s| s.iter().any(|i| !i.vague));
            for s in &mut sets {
                let wholes: Vec<usize> = s.iter().filter_map(|i| i.part_of).collect();
                s.retain(|i| !i.vague || i.part_of.is_some() || wholes.contains(&i.ent));
            }
        }
        for s in &sets {
            evidence.extend(s.iter().map(|i| i.ent));
        }
        let mut set_rows: Vec<Vec<CasualtyRow>> = sets.iter().map(|s| sentence_rows(s)).collect();
        // The sets add up (see `added_figures`): no rival figures to note.
        let mut added = false;
        // "The toll rose to 20" names nobody: its one row takes who and side from the victims
        // the group's other figures name ("20 VDP").
        // So does a lone body figure of "people" or "men" under a headline that names them
        // ("kill 26 tourists" over "killing 26 men").
        let lone = sets.len() == 1;
        if let Some(named) = all.iter().flatten().find(|i| i.v.side != Side::Unknown) {
            for (rows, set) in set_rows.iter_mut().zip(&sets) {
                if !(set[0].revision || lone && named.headline) {
                    continue;
                }
                if let [r] = rows.as_mut_slice() {
                    if r.side == Side::Unknown && matches!(r.who.as_str(), "people" | "men") {
                        r.who = named.v.who.clone();
                        r.side = named.v.side;
                    }
                }
            }
        }
        if set_rows.len() <= 1 {
            out.extend(set_rows.into_iter().flatten());
        } else {
            let totals: Vec<Count> = set_rows.iter().map(|r| sum(r)).collect();
            // A breakdown matching another set's total replaces it.
            let breakdown = (0..set_rows.len()).find(|&k| {
                set_rows[k].len() > 1
                    && (0..set_rows.len()).any(|j| j != k && totals[j].floor() == totals[k].floor())
            });
            if let Some(k) = breakdown {
                out.extend(set_rows[k].iter().cloned());
            } else if let Some(rows) = added_figures(&sets, &set_rows) {
                out.extend(rows);
                added = true;
            } else if let Some(rows) = named_parts(&sets, &set_rows, &totals) {
                out.extend(rows);
            } else if let Some(rows) = parts_of_a_total(&sets, &set_rows, &totals) {
                out.extend(rows);
            } else {
                let lows: Vec<Option<u64>> = totals.iter().map(|c| c.floor()).collect();
                let low = lows.iter().flatten().min().copied();
                let high = if totals.iter().any(|c| c.high.is_none()) {
                    None
                } else {
                    totals.iter().filter_map(|c| c.high).max()
                };
                // The rival counts are of everyone the first set counts: named as its whole
                // ("eight people, including five soldiers and three civilians" → people), or
                // as people when it gives only parts; a one-row set by its row.
                let first = &set_rows[0][0];
                let (who, side, text) = if set_rows[0].len() > 1 {
                    sets[0]
                        .iter()
                        .find(|i| i.part_of.is_none() && !i.v.who.is_empty())
                        .filter(|_| sets[0].iter().any(|i| i.part_of.is_some()))
                        .map_or(
                            ("people".to_string(), Side::Unknown, first.text.clone()),
                            |i| (i.v.who.clone(), i.v.side, i.text.clone()),
                        )
                } else {
                    // "kill 12" then "killed 12 villagers": the rival that names them says who;
                    // failing one in the body, the headline ("kill 38 worshippers").
                    let named = set_rows
                        .iter()
                        .filter(|r| r.len() == 1)
                        .map(|r| (&r[0].who, r[0].side))
                        .chain(
                            all.iter()
                                .filter(|s| s.len() == 1 && s[0].headline)
                                .map(|s| (&s[0].v.who, s[0].v.side)),
                        )
                        .find(|(_, side)| *side != Side::Unknown);
                    match named {
                        Some((who, side)) if first.side == Side::Unknown => {
                            (who.clone(), side, first.text.clone())
                        }
                        _ => (first.who.clone(), first.side, first.text.clone()),
                    }
                };
                out.push(CasualtyRow {
                    who,
                    side,
                    low,
                    best: totals[0].best.or(low),
                    high,
                    text,
                });
            }
        }
        // A vague figure beside numbers in its sentence is a figure of its own in the notes.
        let loose = |s: &[&Item], i: &Item| {
            i.vague && i.part_of.is_none() && !s.iter().any(|p| p.part_of == Some(i.ent))
        };
        let entries: Vec<Vec<&Item>> = all
            .iter()
            .flat_map(|s| {
                if s.iter().any(|i| !i.vague) && s.iter().any(|i| loose(s, i)) {
                    let mut out: Vec<Vec<&Item>> =
                        s.iter().filter(|i| loose(s, i)).map(|&i| vec![i]).collect();
                    out.push(s.iter().copied().filter(|i| !loose(s, i)).collect());
                    out
                } else {
                    vec![s.clone()]
                }
            })
            .collect();
        if entries.len() > 1 && !added {
            let figs: Vec<String> = entries
                .iter()
                .map(|s| {
                    let c = sum(&sentence_rows(s));
                    let by = source_near(doc, s[0].ent)
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default();
                    let tag = if s[0].headline {
                        " [headline]"
                    } else if s[0].superseded {
                        " [earlier report]"
                    } else if s[0].revision {
                        " [revised]"
                    } else {
                        ""
                    };
                    // "8 (soldiers: 5, civilians: 3)": a breakdown keeps its parts.
                    let rows = sentence_rows(s);
                    let parts = if rows.len() > 1 {
                        let p: Vec<String> = rows
                            .iter()
                            .map(|r| {
                                format!("{}: {}", r.who, count_text(&sum(std::slice::from_ref(r))))
                            })
                            .collect();
                        format!(" ({})", p.join(", "))
                    } else {
                        String::new()
                    };
                    format!(
                        "{}{parts} \u{201c}{}\u{201d}{by}{tag}",
                        count_text(&c),
                        s[0].text
                    )
                })
                .collect();
            notes.push(format!(
                "Figures for {} {}: {}.",
                all[0][0].v.who,
                all[0][0].v.outcome.as_str(),
                figs.join("; ")
            ));
        }
    }
    out
}

/// Whether a figure of `set` says one of `cues` (lower case) in its words: "among the dead",
/// " also ".
fn says(set: &[&Item], cues: &[&str]) -> bool {
    set.iter().any(|i| {
        let t = i.text.to_lowercase();
        cues.iter().any(|c| t.contains(c))
    })
}

/// "…, killing two Pakistani soldiers … one of its border guards was also killed": a figure
/// added with "also" that names other victims than every figure before it adds to them; it is
/// no rival count. Only for one-row sets (a breakdown is left to the other readings).
fn added_figures(sets: &[Vec<&Item>], set_rows: &[Vec<CasualtyRow>]) -> Option<Vec<CasualtyRow>> {
    if set_rows.iter().any(|r| r.len() != 1) {
        return None;
    }
    let adds = |k: usize| {
        says(&sets[k], &[" also "]) && (0..k).all(|j| set_rows[j][0].who != set_rows[k][0].who)
    };
    (1..sets.len())
        .all(adds)
        .then(|| set_rows.iter().flatten().cloned().collect())
}

/// "… killed 13 peacekeepers. Three Malawian peacekeepers were among the dead. A Uruguayan
/// peacekeeper was also killed.": figures the text calls part of the dead ("among the dead",
/// "among those killed"), and those it adds with "also", are parts of the largest toll, not
/// rival counts of it (which would make the low bound 1). The rows are the parts and the rest
/// of the whole. Only when every other figure restates the whole and the parts are fewer.
fn named_parts(
    sets: &[Vec<&Item>],
    set_rows: &[Vec<CasualtyRow>],
    totals: &[Count],
) -> Option<Vec<CasualtyRow>> {
    let has = |k: usize, cues: &[&str]| says(&sets[k], cues);
    const AMONG: &[&str] = &[
        "among the dead",
        "among those killed",
        "among the victims",
        "among the casualties",
        "among the wounded",
        "among the injured",
    ];
    let cued: Vec<usize> = (0..sets.len()).filter(|&k| has(k, AMONG)).collect();
    if cued.is_empty() {
        return None;
    }
    let part = |k: usize| cued.contains(&k) || has(k, &[" also "]);
    let whole = (0..sets.len())
        .filter(|&k| !part(k))
        .max_by_key(|&k| totals[k].floor())?;
    let low = totals[whole].floor()?;
    if (0..sets.len()).any(|k| !part(k) && totals[k].floor() != Some(low)) {
        return None;
    }
    let parts: Vec<usize> = (0..sets.len()).filter(|&k| part(k)).collect();
    parts_and_rest(set_rows, totals, whole, &parts, 0)
}

/// The rows of sets `parts`, then the rest of set `whole` ("other people") so that the total
/// stays the whole's; `None` unless the whole is one row and the parts sum to at least
/// `min_parts` and to less than it.
fn parts_and_rest(
    set_rows: &[Vec<CasualtyRow>],
    totals: &[Count],
    whole: usize,
    parts: &[usize],
    min_parts: u64,
) -> Option<Vec<CasualtyRow>> {
    let [w] = set_rows[whole].as_slice() else {
        return None;
    };
    let total = totals[whole];
    let sum: u64 = parts
        .iter()
        .map(|&k| totals[k].floor())
        .sum::<Option<u64>>()?;
    let low = total.floor()?;
    if sum < min_parts || sum >= low {
        return None;
    }
    let mut rows: Vec<CasualtyRow> = parts
        .iter()
        .flat_map(|&k| set_rows[k].iter().cloned())
        .collect();
    rows.push(CasualtyRow {
        who: format!("other {}", w.who),
        side: w.side,
        low: Some(low - sum),
        best: total.best.map(|b| b.saturating_sub(sum)),
        high: total.high.map(|h| h.saturating_sub(sum)),
        text: w.text.clone(),
    });
    Some(rows)
}

/// "At least 20 people were killed … Two police officers were killed": when one sentence
/// counts people of no named side and the others count armed sides (absorbed into its group:
/// see `group_rows`), and those are fewer together, they are read as part of the whole, not as
/// rival counts of it. The rows are the named parts and "other people" for the rest, so the
/// total stays the whole the text gives: the lower bound that holds whether or not the parts
/// were among them.
fn parts_of_a_total(
    sets: &[Vec<&Item>],
    set_rows: &[Vec<CasualtyRow>],
    totals: &[Count],
) -> Option<Vec<CasualtyRow>> {
    let unnamed = |s: &Vec<&Item>| s.iter().all(|i| i.v.side == Side::Unknown);
    let mut wholes = (0..sets.len()).filter(|&k| unnamed(&sets[k]));
    let whole = wholes.next()?;
    if wholes.next().is_some() {
        return None;
    }
    // Civilians are the people counted, as often as not: "At least 14 civilians were killed …
    // a resident put the toll at 16" gives two counts of the same dead.
    if sets.iter().flatten().any(|i| i.v.side == Side::Civilian) {
        return None;
    }
    let parts: Vec<usize> = (0..sets.len()).filter(|&k| k != whole).collect();
    parts_and_rest(set_rows, totals, whole, &parts, 1)
}

/// The attackers' strength: the first figure of attackers, a number before vague words. A
/// figure inside a casualty phrase counts the attackers killed or hurt, not their strength
/// ("several attackers were neutralised").
pub fn attackers(doc: &Doc, ms: &[&Mention], evidence: &mut Vec<usize>) -> Option<Attackers> {
    let mut found: Vec<(usize, &FigureValue)> = Vec::new();
    for m in ms {
        for i in doc.ents_of(m.sent, Kind::Figure) {
            let x = &doc.ents[i];
            let in_casualty = doc
                .ents_of(m.sent, Kind::Casualty)
                .any(|c| doc.ents[c].start <= x.start && x.end <= doc.ents[c].end);
            if in_casualty {
                continue;
            }
            if let Value::Figure(f) = &x.e.value {
                if f.what.to_lowercase().contains("attacker") && !found.iter().any(|(j, _)| *j == i)
                {
                    found.push((i, f));
                }
            }
        }
    }
    let (i, f) = found
        .iter()
        .find(|(i, _)| !is_vague(&doc.ents[*i].e.text))
        .or_else(|| found.first())
        .copied()?;
    evidence.push(i);
    Some(Attackers {
        low: f.count.low,
        best: f.count.best,
        high: f.count.high,
        text: doc.ents[i].e.text.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_words() {
        let table: &[(&str, bool)] = &[
            ("at least 36 soldiers were killed", false),
            ("dozens of troops", true),
            ("several dozen terrorists", true),
            ("seven soldiers", false),
            ("a soldier was killed", false),
            ("scores of villagers", true),
            ("people were killed", true),
        ];
        for &(t, want) in table {
            assert_eq!(is_vague(t), want, "{t}");
        }
    }
}
