//! Builder tests: short articles written for these tests, with the entities the dimensions
//! would give built by hand, so each test checks the grouping alone.

use super::build;
use super::testkit::*;
use crate::model::*;

/// The whole pipeline on `t`, which must give exactly one incident.
fn the_only_incident(t: &str, c: &crate::Context) -> Incident {
    let out = crate::extract(t, c);
    match <[Incident; 1]>::try_from(out.incidents) {
        Ok([i]) => i,
        Err(all) => panic!("one incident: {all:?}"),
    }
}

fn killed_low(i: &Incident) -> Option<u64> {
    Incident::total_fatalities(&i.killed).low
}

/// The first day (or month, or year) of the incident's date.
fn date_start(i: &Incident) -> Option<&str> {
    i.date.as_ref().map(|d| d.start.as_str())
}

/// The name of the incident's place.
fn place_name(i: &Incident) -> Option<&str> {
    i.location.as_ref().map(|l| l.name.as_str())
}

/// The names of the incident's perpetrators, in order.
fn perpetrator_names(i: &Incident) -> Vec<&str> {
    i.perpetrators.iter().map(|p| p.name.as_str()).collect()
}

/// Whether the incident names `name` among its targets.
fn targets_name(i: &Incident, name: &str) -> bool {
    i.targets.iter().any(|t| t.name == name)
}

/// The incident's ACLED event type and sub-event type.
fn event_kind(i: &Incident) -> (&str, &str) {
    (i.event_type.as_str(), i.sub_event_type.as_str())
}

#[test]
fn headline_and_body_merge_and_figures_span() {
    let t = "Gunmen kill 12 in Tamou raid\nAt least 12 villagers were killed when gunmen raided \
             Tamou on Monday, officials said on Tuesday. A village chief put the toll at 14 \
             villagers killed. Dozens of villagers were also wounded.";
    let ents = finish(vec![
        cas(
            t,
            "kill 12",
            Outcome::Killed,
            "people",
            Side::Unknown,
            Count::exact(12),
        ),
        town(t, "Tamou", "Niger"),
        cas(
            t,
            "At least 12 villagers were killed",
            Outcome::Killed,
            "villagers",
            Side::Civilian,
            Count::at_least(12),
        ),
        ent_nth(t, "Tamou", 2, town(t, "Tamou", "Niger").value),
        date(t, "Monday", "2024-05-06", "2024-05-06"),
        date(t, "Tuesday", "2024-05-07", "2024-05-07"),
        cas(
            t,
            "14 villagers killed",
            Outcome::Killed,
            "villagers",
            Side::Civilian,
            Count::exact(14),
        ),
        cas(
            t,
            "Dozens of villagers were also wounded",
            Outcome::Injured,
            "villagers",
            Side::Civilian,
            Count::at_least(12),
        ),
    ]);
    let out = build(t, &ents, &ctx(2024, 5, 7));
    assert_eq!(out.len(), 1, "{out:#?}");
    let i = &out[0];
    assert_eq!(place_name(i), Some("Tamou"));
    assert_eq!(date_start(i), Some("2024-05-06"));
    assert_eq!(i.killed.len(), 1);
    assert_eq!((i.killed[0].low, i.killed[0].high), (Some(12), None));
    assert!(i.notes.contains("14"), "{}", i.notes);
    assert_eq!(i.injured[0].low, Some(12));
    assert_eq!(i.event_type, "Violence against civilians");
}

/// The record's source names each attribution in its sentences once; an incident with none has
/// an empty source; the source spans are evidence.
#[test]
fn source_names_the_attributions_of_its_sentences() {
    let t = "Gunmen killed 9 soldiers in Doru on Monday, security sources said. The defence \
             ministry said 9 soldiers were killed in Doru, and Security Sources added that the \
             attackers fled.\n\nOn Friday, a bomb killed 3 civilians in Sabi.";
    let ents = finish(vec![
        cas(
            t,
            "killed 9 soldiers",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::exact(9),
        ),
        town(t, "Doru", "Xland"),
        date(t, "Monday", "2024-05-06", "2024-05-06"),
        source(t, "security sources", "security sources", "security"),
        source(
            t,
            "The defence ministry",
            "the defence ministry",
            "official",
        ),
        cas(
            t,
            "9 soldiers were killed",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::exact(9),
        ),
        ent_nth(t, "Doru", 2, town(t, "Doru", "Xland").value),
        source(t, "Security Sources", "Security Sources", "security"),
        date(t, "Friday", "2024-05-10", "2024-05-10"),
        cas(
            t,
            "killed 3 civilians",
            Outcome::Killed,
            "civilians",
            Side::Civilian,
            Count::exact(3),
        ),
        town(t, "Sabi", "Xland"),
    ]);
    let out = build(t, &ents, &ctx(2024, 5, 11));
    assert_eq!(out.len(), 2, "{out:#?}");
    assert_eq!(out[0].source, "security sources; the defence ministry");
    let source_ids: Vec<&str> = ents
        .iter()
        .filter(|e| e.kind == Kind::Source)
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        source_ids
            .iter()
            .all(|id| out[0].evidence.iter().any(|e| e == id)),
        "{:?}",
        out[0].evidence
    );
    assert_eq!(out[1].source, "");
}

#[test]
fn two_places_in_one_sentence_are_two_incidents_and_trends_are_none() {
    let t = "Attacks by insurgents have risen since 2019. On Friday, Ansar fighters attacked \
             militia posts in Kolo (Sud Region) and Bira (Nord Region).";
    let ents = finish(vec![
        date(t, "2019", "2019", "2019"),
        date(t, "Friday", "2024-03-01", "2024-03-01"),
        actor(t, "Ansar fighters", "Ansar", Side::Rebel),
        actor(t, "militia", "Kolo militia", Side::Militia),
        town(t, "Kolo", "Xland"),
        region(t, "Sud Region", "Xland"),
        town(t, "Bira", "Xland"),
        region(t, "Nord Region", "Xland"),
    ]);
    let out = build(t, &ents, &ctx(2024, 3, 3));
    assert_eq!(out.len(), 2, "{out:#?}");
    let names: Vec<_> = out
        .iter()
        .map(|i| i.location.as_ref().unwrap().name.clone())
        .collect();
    assert_eq!(names, ["Kolo", "Bira"]);
    assert_eq!(
        out[0].location.as_ref().unwrap().admin1.as_deref(),
        Some("Sud Region")
    );
    assert_eq!(
        out[1].location.as_ref().unwrap().admin1.as_deref(),
        Some("Nord Region")
    );
    for i in &out {
        assert_eq!(i.perpetrators[0].name, "Ansar");
        assert_eq!(i.date.as_ref().unwrap().start, "2024-03-01");
        assert_eq!(i.event_type, "Battles");
    }
}

/// A toll over a year with no attack and no town of its own sums up, it is not an event; the
/// same toll in a town, or with an attack, stays one.
#[test]
fn a_toll_over_a_year_is_not_an_incident() {
    let cases = [
        (
            "More than 300 people were murdered in Nord Region last year, officials said.",
            0,
        ),
        (
            "More than 300 people were murdered in Kolo last year, officials said.",
            1,
        ),
        (
            "An attack killed more than 300 people in Nord Region last year.",
            1,
        ),
    ];
    for (t, want) in cases {
        let mut ents = vec![
            date(t, "last year", "2023", "2023"),
            cas(
                t,
                if t.starts_with("An") {
                    "killed more than 300 people"
                } else {
                    "More than 300 people were murdered"
                },
                Outcome::Killed,
                "people",
                Side::Unknown,
                Count {
                    low: Some(301),
                    best: Some(301),
                    high: None,
                },
            ),
        ];
        if t.contains("Kolo") {
            ents.push(town(t, "Kolo", "Xland"));
        } else {
            ents.push(region(t, "Nord Region", "Xland"));
        }
        let out = build(t, &finish(ents), &ctx(2024, 3, 3));
        assert_eq!(out.len(), want, "{t}: {out:#?}");
    }
}

/// A sentence about the attack just told places it in a town even when what follows the town is
/// background ("where gangs have been fighting", a relative clause; "amid a surge in
/// violence", a trend after the town); a sentence whose point is the trend ("the killings
/// escalated in Dara") does not.
#[test]
fn background_clause_after_the_town_still_places_the_attack() {
    let cases = [
        (
            "Gunmen ambushed a police convoy in Nord Region on Tuesday, killing seven officers. \
             The attack happened near the town of Sefa, where gangs have been fighting for \
             control of the roads.",
            "Sefa",
        ),
        (
            "Gunmen ambushed a police convoy in Nord Region on Tuesday, killing seven officers. \
             The attack happened near the town of Sefa amid a surge in gang violence.",
            "Sefa",
        ),
        (
            "Gunmen ambushed a police convoy in Nord Region on Tuesday, killing seven officers. \
             The killings escalated in Sefa after weeks of calm.",
            "Nord Region",
        ),
    ];
    for (t, want) in cases {
        let ents = finish(vec![
            region(t, "Nord Region", "Xland"),
            date(t, "Tuesday", "2024-03-05", "2024-03-05"),
            cas(
                t,
                "killing seven officers",
                Outcome::Killed,
                "officers",
                Side::State,
                Count::exact(7),
            ),
            town(t, "Sefa", "Xland"),
        ]);
        let out = build(t, &ents, &ctx(2024, 3, 6));
        assert_eq!(out.len(), 1, "{t}: {out:#?}");
        assert_eq!(place_name(&out[0]), Some(want), "{t}");
    }
}

#[test]
fn separate_incident_and_visit_date() {
    let t = "Ten soldiers were killed in an assault on Dara on March 3. The army chief visited \
             Dara on March 5. In a separate incident, a roadside bomb killed two police \
             officers in Sefa on March 4.";
    let ents = finish(vec![
        cas(
            t,
            "Ten soldiers were killed",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::exact(10),
        ),
        town(t, "Dara", "Xland"),
        date(t, "March 3", "2024-03-03", "2024-03-03"),
        ent_nth(t, "Dara", 2, town(t, "Dara", "Xland").value),
        date(t, "March 5", "2024-03-05", "2024-03-05"),
        weapon(
            t,
            "roadside bomb",
            "improvised explosive device",
            "explosive",
        ),
        cas(
            t,
            "killed two police officers",
            Outcome::Killed,
            "police officers",
            Side::State,
            Count::exact(2),
        ),
        town(t, "Sefa", "Xland"),
        date(t, "March 4", "2024-03-04", "2024-03-04"),
    ]);
    let out = build(t, &ents, &ctx(2024, 3, 10));
    assert_eq!(out.len(), 2, "{out:#?}");
    assert_eq!(out[0].date.as_ref().unwrap().start, "2024-03-03");
    assert_eq!(killed_low(&out[0]), Some(10));
    assert_eq!(out[1].location.as_ref().unwrap().name, "Sefa");
    assert_eq!(out[1].event_type, "Explosions/Remote violence");
    assert_eq!(out[1].sub_event_type, "Remote explosive/landmine/IED");
    assert_eq!(killed_low(&out[1]), Some(2));
}

#[test]
fn breakdown_replaces_total_and_earlier_report_gives_way() {
    let t = "The ministry said at least 12 soldiers died in an attack on Kura on Sunday. \
             Seven soldiers were killed in combat and five died in a crash on the way. \
             Earlier, sources had said ten soldiers were killed.";
    let ents = finish(vec![
        cas(
            t,
            "at least 12 soldiers died",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::at_least(12),
        ),
        town(t, "Kura", "Xland"),
        date(t, "Sunday", "2024-03-03", "2024-03-03"),
        cas(
            t,
            "Seven soldiers were killed",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::exact(7),
        ),
        cas(
            t,
            "five died",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::exact(5),
        ),
        cas(
            t,
            "ten soldiers were killed",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::exact(10),
        ),
    ]);
    let out = build(t, &ents, &ctx(2024, 3, 4));
    assert_eq!(out.len(), 1, "{out:#?}");
    assert_eq!(out[0].killed.len(), 2);
    assert_eq!(killed_low(&out[0]), Some(12));
}

/// A breakdown whose parts differ in side (men: unknown, women: civilian) still adds up to the
/// total told before it, instead of standing beside it as a second group.
#[test]
fn breakdown_by_men_and_women_matches_the_total() {
    let t = "Gunmen killed nine people at a market in Sarko on Friday. The bodies of five men \
             and four women were taken to the hospital.";
    let ents = finish(vec![
        cas(
            t,
            "killed nine people",
            Outcome::Killed,
            "people",
            Side::Unknown,
            Count::exact(9),
        ),
        town(t, "Sarko", "Xland"),
        date(t, "Friday", "2024-03-01", "2024-03-01"),
        cas(
            t,
            "bodies of five men",
            Outcome::Killed,
            "men",
            Side::Unknown,
            Count::exact(5),
        ),
        cas(
            t,
            "four women",
            Outcome::Killed,
            "women",
            Side::Civilian,
            Count::exact(4),
        ),
    ]);
    let out = build(t, &ents, &ctx(2024, 3, 4));
    assert_eq!(out.len(), 1, "{out:#?}");
    let rows: Vec<(&str, Option<u64>, Option<u64>)> = out[0]
        .killed
        .iter()
        .map(|r| (r.who.as_str(), r.low, r.high))
        .collect();
    assert_eq!(
        rows,
        [("men", Some(5), Some(5)), ("women", Some(4), Some(4))]
    );
    assert_eq!(killed_low(&out[0]), Some(9));
}

#[test]
fn including_and_revision() {
    let t = "Gunmen stormed Lafa on Monday, killing 30 people, including 20 police officers. \
             The toll later rose to 35 people.";
    let ents = finish(vec![
        town(t, "Lafa", "Xland"),
        date(t, "Monday", "2024-03-04", "2024-03-04"),
        cas(
            t,
            "killing 30 people",
            Outcome::Killed,
            "people",
            Side::Unknown,
            Count::exact(30),
        ),
        cas(
            t,
            "20 police officers",
            Outcome::Killed,
            "police officers",
            Side::State,
            Count::exact(20),
        ),
        cas(
            t,
            "35 people",
            Outcome::Killed,
            "people",
            Side::Unknown,
            Count::exact(35),
        ),
    ]);
    let first = build(
        t.split(" The toll").next().unwrap(),
        &ents[..4],
        &ctx(2024, 3, 5),
    );
    assert_eq!(first[0].killed.len(), 2, "{first:#?}");
    assert_eq!(killed_low(&first[0]), Some(30));
    let out = build(t, &ents, &ctx(2024, 3, 5));
    assert_eq!(out.len(), 1);
    assert_eq!(killed_low(&out[0]), Some(35), "{:#?}", out[0].killed);
    assert_eq!(out[0].event_type, "Battles");
}

#[test]
fn summary_sentences_give_no_incident_but_n_separate_incidents_do() {
    let t = "Officials said on Sunday that 15 people were killed in several attacks in three \
             provinces. In the capital, Rava, gunmen shot dead five people in two separate \
             incidents. One incident occurred on Saturday, the other on Friday.";
    let ents = finish(vec![
        date(t, "Sunday", "2024-03-10", "2024-03-10"),
        cas(
            t,
            "15 people were killed",
            Outcome::Killed,
            "people",
            Side::Unknown,
            Count::exact(15),
        ),
        town(t, "Rava", "Xland"),
        cas(
            t,
            "shot dead five people",
            Outcome::Killed,
            "people",
            Side::Unknown,
            Count::exact(5),
        ),
        date(t, "Saturday", "2024-03-09", "2024-03-09"),
        date(t, "Friday", "2024-03-08", "2024-03-08"),
    ]);
    let out = build(t, &ents, &ctx(2024, 3, 10));
    assert_eq!(out.len(), 2, "{out:#?}");
    assert!(out.iter().all(|i| i.killed.is_empty()));
    let dates: Vec<_> = out
        .iter()
        .map(|i| i.date.as_ref().unwrap().start.clone())
        .collect();
    assert_eq!(dates, ["2024-03-09", "2024-03-08"]);
}

/// A place named in a caption before the summary sentence, and told of after it, takes the
/// summary's date like the incidents told after it.
#[test]
fn incident_named_in_a_caption_takes_the_summary_date() {
    let t = "Police inspect a burnt car after an explosion in Dera.\n\nOn Sunday, officials said \
             that 15 people were killed in several attacks in three provinces.\n\nIn Dera, two \
             policemen were killed in an explosion.";
    let ents = finish(vec![
        town(t, "Dera", "Xland"),
        ent_nth(
            t,
            "Dera",
            2,
            place("Dera", None, Some("Xland"), PlacePrecision::Town),
        ),
        date(t, "Sunday", "2024-03-10", "2024-03-10"),
        cas(
            t,
            "15 people were killed",
            Outcome::Killed,
            "people",
            Side::Unknown,
            Count::exact(15),
        ),
        cas(
            t,
            "two policemen were killed",
            Outcome::Killed,
            "policemen",
            Side::State,
            Count::exact(2),
        ),
    ]);
    let out = build(t, &ents, &ctx(2024, 3, 11));
    assert_eq!(out.len(), 1, "{out:#?}");
    let date = date_start(&out[0]);
    assert_eq!(date, Some("2024-03-10"), "{out:#?}");
}

/// A district named with its province is the incident's place, the province its region.
#[test]
fn a_district_beats_the_province_it_is_in() {
    let t = "In Kesh province, at least seven soldiers were killed in an attack in Dara district.";
    let ents = finish(vec![
        region(t, "Kesh", "Xland"),
        cas(
            t,
            "seven soldiers were killed",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::at_least(7),
        ),
        ent(
            t,
            "Dara",
            place("Dara", None, Some("Xland"), PlacePrecision::Region),
        ),
    ]);
    let out = build(t, &ents, &ctx(2024, 3, 11));
    assert_eq!(out.len(), 1, "{out:#?}");
    let loc = out[0]
        .location
        .as_ref()
        .map(|l| (l.name.as_str(), l.admin1.as_deref()));
    assert_eq!(loc, Some(("Dara", Some("Kesh"))), "{out:#?}");
}

/// The group claiming the attack in a later sentence is its perpetrator; the army killing
/// fighters in another town is the perpetrator of that incident, the fighters' group its target.
#[test]
fn claims_and_state_perpetrators() {
    let t = "A bomb exploded at a market in Dera on Monday, killing six people. The Kesh Front \
             claimed responsibility in a statement. Separately, the army killed 12 Kesh Front \
             fighters near Sarko on Sunday, according to the defence ministry.";
    let ents = finish(vec![
        town(t, "Dera", "Xland"),
        date(t, "Monday", "2024-03-04", "2024-03-04"),
        cas(
            t,
            "killing six people",
            Outcome::Killed,
            "people",
            Side::Unknown,
            Count::exact(6),
        ),
        actor(t, "Kesh Front", "Kesh Front", Side::Rebel),
        actor(t, "army", "Xland military", Side::State),
        cas(
            t,
            "killed 12 Kesh Front fighters",
            Outcome::Killed,
            "fighters",
            Side::Rebel,
            Count::exact(12),
        ),
        town(t, "Sarko", "Xland"),
        date(t, "Sunday", "2024-03-03", "2024-03-03"),
        actor(t, "defence ministry", "Xland military", Side::State),
    ]);
    let out = build(t, &ents, &ctx(2024, 3, 5));
    assert_eq!(out.len(), 2, "{out:#?}");
    let perps =
        |i: &Incident| -> Vec<String> { i.perpetrators.iter().map(|p| p.name.clone()).collect() };
    assert_eq!(perps(&out[0]), ["Kesh Front"], "{out:#?}");
    assert_eq!(perps(&out[1]), ["Xland military"], "{out:#?}");
}

/// Fighters "of" a group counted as killed make the group a target, and its bracketed short
/// name with it.
#[test]
fn members_of_a_group_and_its_short_name_are_victims() {
    let t = "A drone struck a car near Dera on Monday, killing three fighters of the Kesh \
             Front (KF), the group said.";
    let ents = finish(vec![
        town(t, "Dera", "Xland"),
        date(t, "Monday", "2024-03-04", "2024-03-04"),
        cas(
            t,
            "killing three fighters",
            Outcome::Killed,
            "fighters",
            Side::Rebel,
            Count::exact(3),
        ),
        actor(t, "Kesh Front", "Kesh Front", Side::Rebel),
        actor(t, "KF", "Kesh Front", Side::Rebel),
    ]);
    let out = build(t, &ents, &ctx(2024, 3, 5));
    assert_eq!(out.len(), 1, "{out:#?}");
    assert!(out[0].perpetrators.is_empty(), "{out:#?}");
    let targets: Vec<&str> = out[0].targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(targets, ["Kesh Front"], "{out:#?}");
}

#[test]
fn abduction_and_no_crash_on_odd_input() {
    let t = "Armed men abducted 20 students from a school in Kebbe on Friday.";
    let ents = finish(vec![
        cas(
            t,
            "abducted 20 students",
            Outcome::Abducted,
            "students",
            Side::Civilian,
            Count::exact(20),
        ),
        town(t, "Kebbe", "Xland"),
        date(t, "Friday", "2024-03-08", "2024-03-08"),
    ]);
    let out = build(t, &ents, &ctx_none());
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].sub_event_type, "Abduction/forced disappearance");
    assert_eq!(out[0].missing_or_abducted[0].low, Some(20));
    assert!(build("", &ents, &ctx_none()).is_empty());
    // Offsets past the end of a shorter text are ignored, not a panic.
    let _ = build("Armed men 😀", &ents, &ctx_none());
}

#[test]
fn attackers_sources_and_country_from_nearby_mentions() {
    let t = "About 200 assailants on motorbikes attacked an army base in Gora, in Xland, on \
             Tuesday, killing 9 soldiers, the army said. A local official said 11 soldiers \
             died. Two days later, fighters hit Sumi, killing four civilians.";
    let ents = finish(vec![
        fig(t, "About 200 assailants", "attackers", Count::exact(200)),
        actor(t, "army", "Xland military", Side::State),
        town(t, "Gora", "Xland"),
        country(t, "Xland"),
        date(t, "Tuesday", "2024-04-02", "2024-04-02"),
        cas(
            t,
            "killing 9 soldiers",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::exact(9),
        ),
        source(t, "the army said", "the army", "official"),
        source(t, "A local official said", "a local official", "official"),
        cas(
            t,
            "11 soldiers",
            Outcome::Killed,
            "soldiers",
            Side::State,
            Count::exact(11),
        ),
        date(t, "Two days later", "2024-04-04", "2024-04-04"),
        town_in(t, "Sumi", "Kolo", "Xland"),
        cas(
            t,
            "killing four civilians",
            Outcome::Killed,
            "civilians",
            Side::Civilian,
            Count::exact(4),
        ),
    ]);
    let out = build(t, &ents, &ctx(2024, 4, 6));
    assert_eq!(out.len(), 2, "{out:#?}");
    let a = &out[0];
    assert_eq!(a.attackers.as_ref().and_then(|x| x.low), Some(200));
    assert_eq!((a.killed[0].low, a.killed[0].high), (Some(9), Some(11)));
    assert!(
        a.notes.contains("the army") && a.notes.contains("a local official"),
        "{}",
        a.notes
    );
    assert_eq!(
        a.location.as_ref().unwrap().country.as_deref(),
        Some("Xland")
    );
    assert_eq!(a.event_type, "Battles");
    let b = &out[1];
    assert_eq!(b.location.as_ref().unwrap().admin1.as_deref(), Some("Kolo"));
    assert_eq!(b.event_type, "Violence against civilians");
    assert_eq!(b.targets[0].name, "civilians");
}

/// Prints the mentions of the article at `$SITREP_ARTICLE` (a debugging aid, run by hand:
/// `SITREP_ARTICLE=path cargo test -p sitrep-engine --lib print_mentions -- --ignored --nocapture`).
#[test]
#[ignore]
fn print_mentions() {
    let Ok(path) = std::env::var("SITREP_ARTICLE") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let c = match std::env::var("SITREP_PUBLISHED") {
        Ok(p) => crate::Context::published(
            chrono::NaiveDate::parse_from_str(&p, "%Y-%m-%d").unwrap_or_default(),
        ),
        Err(_) => ctx_none(),
    };
    let ents = crate::to_entities(&text, crate::find_all(&text, &c));
    let doc = super::doc::Doc::new(&text, &ents, &c);
    let ms = super::split::mentions(&doc);
    for d in super::cluster::cluster(&doc, &ms) {
        eprintln!(
            "draft mentions {:?} sents {:?}",
            d.mentions,
            d.mentions.iter().map(|&i| ms[i].sent).collect::<Vec<_>>()
        );
    }
    for m in ms {
        let se = &doc.sents[m.sent];
        let s: String = text[se.start..se.end].chars().take(90).collect();
        eprintln!("{s}\n   {m:?}");
    }
}

/// The whole pipeline on sentences written for these two checks: named armed sides counted
/// beside a larger figure of people are part of it, civilians are a second count of it.
#[test]
fn armed_sides_counted_beside_people_are_part_of_the_toll() {
    let c = ctx(2024, 11, 3);
    let t = "Gang members stormed the town of Lobre on Thursday, killing at least 20 people. \
             Two police officers were killed in the fighting.";
    let i = &the_only_incident(t, &c);
    let rows: Vec<(&str, Option<u64>)> = i.killed.iter().map(|r| (r.who.as_str(), r.low)).collect();
    assert_eq!(
        rows,
        [("police officers", Some(2)), ("other people", Some(18))]
    );
    assert_eq!((i.fatalities.low, i.fatalities.high), (Some(20), None));

    let t = "At least 14 civilians were killed when gunmen raided the village of Lobre on \
             Thursday. A resident put the toll at 16 people.";
    let i = &the_only_incident(t, &c);
    assert_eq!(i.killed.len(), 1, "{:?}", i.killed);
    assert_eq!(i.fatalities.low, Some(14));
}

/// "Harzan, June 18, 2024 — …": a place and date before a dash open the story; they are the
/// report's, not the event's.
#[test]
fn a_mixed_case_dateline_with_a_dash_is_not_the_event() {
    let c = ctx(2024, 6, 18);
    let t = "Kirkuk, June 18, 2024 — Four soldiers were killed and two others wounded when \
             militants attacked an army post near the village of Tel Barzan late on Monday.";
    let i = &the_only_incident(t, &c);
    assert_eq!(place_name(i), Some("Tel Barzan"));
    assert_eq!(date_start(i), Some("2024-06-17"));
    assert_eq!(i.killed.len() + i.injured.len(), 2);
}

/// A relative clause of background after the blamed group (", who have carried out a series of
/// bombings this year") does not end the story: the wounded told after it are the attack's.
#[test]
fn a_background_clause_does_not_cut_off_the_sentences_after_it() {
    let c = ctx(2025, 5, 13);
    let t = "Nine police officers were killed on Sunday when their truck hit a roadside bomb \
             near Garissa, police said. The police chief blamed al-Shabaab militants, who have \
             carried out a series of bombings in the county this year. Three other officers \
             were seriously injured.";
    let i = &the_only_incident(t, &c);
    let injured: Vec<Option<u64>> = i.injured.iter().map(|r| r.low).collect();
    assert_eq!(injured, [Some(3)]);
    let perps: Vec<&str> = i.perpetrators.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(perps, ["al-Shabaab"]);
    // The clause whose point is the trend still makes no incident of its own.
    let t = "Attacks have risen across the county since 2023. Nine police officers were killed \
             on Sunday near Garissa.";
    assert_eq!(crate::extract(t, &c).incidents.len(), 1);
}

/// "reached" tells of a toll only after a count ("the toll reached 20 on Monday"): "as the
/// patrol reached the village the following day" dates the attack on the patrol, a day after
/// the raid, and makes it an incident of its own.
#[test]
fn a_patrol_reaching_a_village_the_next_day_is_a_second_incident() {
    let c = ctx(2025, 4, 23);
    let t = "Armed men raided the village of Bodoum on Tuesday, killing 11 civilians, officials \
             said. Two peacekeepers of the UN mission, MINUSCA, were wounded when their patrol \
             came under fire as it reached the village the following day.";
    let out = crate::extract(t, &c);
    let dates: Vec<Option<&str>> = out.incidents.iter().map(date_start).collect();
    assert_eq!(
        dates,
        [Some("2025-04-22"), Some("2025-04-23")],
        "{:?}",
        out.incidents
    );
    let injured: Vec<(&str, Option<u64>)> = out.incidents[1]
        .injured
        .iter()
        .map(|r| (r.who.as_str(), r.low))
        .collect();
    assert_eq!(injured, [("peacekeepers", Some(2))]);
    // "the village", with no name: the town of the story just told.
    let places: Vec<Option<&str>> = out.incidents.iter().map(place_name).collect();
    assert_eq!(places, [Some("Bodoum"), Some("Bodoum")]);
    // A revision keeps its day out of the event: the toll's day is not the attack's.
    let t =
        "Gunmen raided the village of Bodoum on Tuesday. The death toll reached 15 on Thursday.";
    let i = &the_only_incident(t, &c);
    assert_eq!(date_start(i), Some("2025-04-22"));
}

/// "the deadliest since January, when 28 soldiers were killed near X": that past attack, with
/// its own month, place and toll, is an incident; "since January" alone is a trend.
#[test]
fn a_past_attack_after_since_and_when_is_an_incident() {
    let c = ctx(2025, 3, 15);
    let t = "Jihadists killed at least 20 soldiers in an attack on an army post near Kandi on \
             Thursday, the army said. It was the deadliest attack on the army since January, \
             when 28 soldiers were killed near Banikoara.";
    let out = crate::extract(t, &c);
    let got: Vec<(Option<&str>, Option<u64>)> = out
        .incidents
        .iter()
        .map(|i| (date_start(i), killed_low(i)))
        .collect();
    assert_eq!(
        got,
        [(Some("2025-03-13"), Some(20)), (Some("2025-01"), Some(28))],
        "{:?}",
        out.incidents
    );
}

/// "SOMECITY CITY — …": capitals after an all-caps place at the head of the story are part of
/// its dateline, which is the report's place, not the event's.
#[test]
fn an_all_caps_dateline_of_two_words_is_not_the_event() {
    let c = ctx(2024, 10, 12);
    let t = "CATARMAN CITY — Three soldiers were killed when rebels ambushed a patrol in the \
             town of Mondragon on Friday, the army said.";
    let i = &the_only_incident(t, &c);
    assert_eq!(place_name(i), Some("Mondragon"));
}

/// A demonym names who struck as often as where: on a tie, the country named by its name
/// gives the unknown villages their country, and "later that day" keeps the day.
#[test]
fn a_strike_by_a_foreign_force_is_placed_in_the_country_named() {
    let c = ctx(2025, 2, 26);
    let t = "An Israeli drone strike on a car in the town of Kfar Dounin in southern Lebanon \
             killed two people on Tuesday, Lebanon's health ministry said. The Israeli military \
             said it had targeted militants. Later that day, an Israeli air strike on a house in \
             the village of Deir Ntar wounded five people.";
    let out = crate::extract(t, &c);
    let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = out
        .incidents
        .iter()
        .map(|i| {
            let l = i.location.as_ref();
            (
                l.map(|l| l.name.as_str()),
                l.and_then(|l| l.country.as_deref()),
                date_start(i),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("Kfar Dounin"), Some("Lebanon"), Some("2025-02-25")),
            (Some("Deir Ntar"), Some("Lebanon"), Some("2025-02-25"))
        ]
    );
}

/// "eight people, including five soldiers and three civilians", then a rival toll of six from
/// a ministry: both parts belong to the eight; with the rival toll, the row spans 6–8 and is
/// people (not the first part's soldiers), the notes keep the breakdown, and the ministry that
/// put the toll is no target.
#[test]
fn two_parts_of_a_toll_and_a_rival_toll() {
    let c = ctx(2025, 3, 4);
    let t = "Gunmen attacked a checkpoint near the town of Khirbet Salem late on Sunday, killing \
             eight people, including five soldiers and three civilians, a monitor said.";
    let i = &the_only_incident(t, &c);
    let rows: Vec<(&str, Option<u64>)> = i.killed.iter().map(|r| (r.who.as_str(), r.low)).collect();
    assert_eq!(rows, [("soldiers", Some(5)), ("civilians", Some(3))]);
    assert_eq!(i.fatalities.low, Some(8));

    let t = format!("{t} The interior ministry put the death toll at six.");
    let i = &the_only_incident(&t, &c);
    let rows: Vec<(&str, Option<u64>, Option<u64>)> = i
        .killed
        .iter()
        .map(|r| (r.who.as_str(), r.low, r.high))
        .collect();
    assert_eq!(rows, [("people", Some(6), Some(8))]);
    assert!(
        i.notes.contains("8 (soldiers: 5, civilians: 3)"),
        "{}",
        i.notes
    );
    assert!(
        i.targets.iter().all(|t| !t.name.contains("ministry")),
        "{:?}",
        i.targets
    );
}

/// "'Dozens … were killed,' one source said, while another put the toll at 27 soldiers and 15
/// VDP": the vague figure gives way to the numbers of its own sentence (it stays in the notes);
/// "JNIM, the al-Qaida affiliate": al-Qaida only describes the perpetrator.
#[test]
fn a_vague_figure_beside_numbers_gives_way_and_an_affiliate_is_a_descriptor() {
    let c = ctx(2025, 5, 13);
    let t = "Jihadists overran an army base in the town of Sollé on Sunday. The attack was \
             claimed by JNIM, the al-Qaida affiliate. \"Dozens of soldiers and volunteer fighters \
             were killed,\" one source said, while another put the toll at 27 soldiers and 15 \
             volunteer fighters dead.";
    let i = &the_only_incident(t, &c);
    let rows: Vec<(&str, Option<u64>)> = i.killed.iter().map(|r| (r.who.as_str(), r.low)).collect();
    assert_eq!(
        rows,
        [("soldiers", Some(27)), ("volunteer fighters", Some(15))]
    );
    assert!(i.notes.contains("at least 12"), "{}", i.notes);
    let perps: Vec<&str> = i.perpetrators.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(perps, ["JNIM"]);
}

/// A headline that names a region no map draws ("Darfur") joins the body's attack in one of its
/// regions ("North Darfur"): one incident, not a second with the headline's vague toll.
#[test]
fn a_headline_in_a_macro_region_joins_the_body() {
    let c = ctx(2025, 4, 7);
    let t = "Drone strike on Darfur market kills dozens\nAt least 40 people were killed on \
             Saturday when a drone struck a market in the town of Um Kadada in North Darfur, \
             a local committee said.";
    let i = &the_only_incident(t, &c);
    assert_eq!(i.fatalities.low, Some(40));
}

/// "fired on a military helicopter": a clash on the ground, not an air strike.
#[test]
fn firing_on_a_helicopter_is_an_armed_clash() {
    let c = ctx(2025, 6, 11);
    let t = "Rebels fired on a military helicopter near the town of Suárez on Monday, wounding \
             a soldier, the army said.";
    let i = &the_only_incident(t, &c);
    assert_eq!(event_kind(i), ("Battles", "Armed clash"));
}

/// "No group claimed responsibility, but suspicion is likely to fall on X": X is named as the
/// suspected perpetrator, and the notes say so.
#[test]
fn a_group_suspicion_falls_on_is_a_suspected_perpetrator() {
    let c = ctx(2024, 8, 26);
    let t = "Militants ambushed a convoy near the town of Jandola on Sunday, killing six \
             soldiers, the military said. No group claimed responsibility, but suspicion is \
             likely to fall on the Pakistani Taliban.";
    let i = &the_only_incident(t, &c);
    assert!(
        i.notes.contains("TTP suspected as perpetrator."),
        "{}",
        i.notes
    );
}

/// "… killed 13 peacekeepers. Three Malawian peacekeepers were among the dead. A Uruguayan
/// peacekeeper was also killed.": parts of the 13, not rival counts of it (a low of 1).
#[test]
fn figures_among_the_dead_are_parts_of_the_toll() {
    let c = ctx(2025, 1, 25);
    let t = "Rebels captured the town of Kimoka after fighting that killed 13 peacekeepers, \
             officials said on Saturday. Three Malawian peacekeepers were among the dead. A \
             Uruguayan peacekeeper was also killed.";
    let i = &the_only_incident(t, &c);
    let rows: Vec<(&str, Option<u64>)> = i.killed.iter().map(|r| (r.who.as_str(), r.low)).collect();
    assert_eq!(
        rows,
        [
            ("peacekeepers", Some(3)),
            ("peacekeepers", Some(1)),
            ("other peacekeepers", Some(9))
        ]
    );
    assert_eq!((i.fatalities.low, i.fatalities.high), (Some(13), Some(13)));
}

/// "A police officer said the slain fighters…": the officer speaks; nobody was killed by that
/// sentence, so no incident with a dead officer.
#[test]
fn an_officer_who_speaks_of_the_slain_is_no_victim() {
    let c = ctx(2025, 5, 13);
    let t = "Two militants were killed in a gunfight with troops near the village of Darpora \
             on Tuesday, officials said. A police officer said the slain militants had crossed \
             the border last week.";
    let i = &the_only_incident(t, &c);
    let rows: Vec<&str> = i.killed.iter().map(|r| r.who.as_str()).collect();
    assert_eq!(rows, ["militants"]);
}

/// A toll since a conflict began, or since a decade, is the conflict's, even in named towns.
#[test]
fn a_toll_since_a_conflict_began_is_no_incident() {
    let c = ctx(2025, 3, 12);
    for t in [
        "A bomb killed two rangers in the town of Rueso on Wednesday. More than 7,000 people \
         have been killed since an insurgency flared in the towns of Rueso, Bacho and Tak Bai \
         in 2004.",
        "A bomb killed two rangers in the town of Rueso on Wednesday. The group has been \
         blamed for killing thousands of civilians in the towns of Bacho and Tak Bai since \
         the 1990s.",
    ] {
        let i = &the_only_incident(t, &c);
        assert_eq!(killed_low(i), Some(2), "{t}");
    }
}

/// "since the coup, during which 17 soldiers were killed near X" tells of that past attack.
#[test]
fn since_then_during_which_is_a_past_incident() {
    let c = ctx(2025, 3, 12);
    let t = "Gunmen killed nine soldiers near the town of Tera on Monday. It was the deadliest \
             attack since the coup, during which 17 soldiers were killed near the town of Ayorou.";
    let out = crate::extract(t, &c);
    let lows: Vec<Option<u64>> = out.incidents.iter().map(killed_low).collect();
    assert_eq!(lows, [Some(9), Some(17)]);
}

/// "…, killing 11 guards, in one of the deadliest attacks in months" ranks the attack it
/// tells: the next sentences' detail (the town, the attackers' losses) is still its own.
#[test]
fn deadliest_after_the_toll_ranks_this_attack() {
    let c = ctx(2025, 3, 12);
    let t = "Gunmen attacked a border post overnight, killing 11 guards, in one of the deadliest \
             attacks in the region in months. The assault on the post in the town of Ayorou began \
             before dawn. Several attackers were also killed in the gunfight.";
    let inc = &the_only_incident(t, &c);
    assert_eq!(place_name(inc), Some("Ayorou"));
    let who: Vec<&str> = inc.killed.iter().map(|r| r.who.as_str()).collect();
    assert_eq!(who, ["guards", "attackers"]);
}

/// "The attack came a day after a teenager went missing": that other event's figure is not
/// this attack's, and with no place or day of its own it makes no incident.
#[test]
fn came_after_figures_belong_to_the_earlier_event() {
    let c = ctx(2025, 3, 12);
    let t = "Gunmen shot dead a farmer in the village of Bulisa on Friday. The attack came a day \
             after a teenager went missing near a nearby camp.";
    let inc = &the_only_incident(t, &c);
    assert_eq!(killed_low(inc), Some(1));
    assert!(inc.missing_or_abducted.is_empty());
}

/// "Turkey carried out air strikes in northern Iraq": the country doing the attack is the
/// perpetrator, and the place is the country the strikes hit.
#[test]
fn a_country_that_strikes_is_the_perpetrator_not_the_place() {
    let c = ctx(2024, 1, 13);
    let t = "Turkey carried out air strikes in northern Iraq on Saturday, killing 15 militants.";
    let inc = &the_only_incident(t, &c);
    assert_eq!(
        inc.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("Iraq")
    );
    let perps: Vec<&str> = inc.perpetrators.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(perps, ["Turkey military"]);
}

/// "… have killed hundreds of civilians": a toll over time, no figure of the attack told.
#[test]
fn have_killed_hundreds_is_a_trend() {
    let c = ctx(2024, 9, 21);
    let t = "Jets bombed a school in the village of Bulisa on Friday, killing 11 children. Air \
             strikes have become the army's main weapon and have killed hundreds of civilians, \
             according to monitors.";
    let inc = &the_only_incident(t, &c);
    assert_eq!(killed_low(inc), Some(11));
    assert!(!inc.notes.contains("hundreds"), "{:?}", inc.notes);
}

/// Headlines of other stories pasted with the article ("READ MORE" and its links) are no
/// incidents of it; a rival figure that names the dead says who they were.
#[test]
fn pasted_links_are_not_events() {
    let c = ctx(2024, 4, 16);
    let t = "Gunmen kill 12 in attack on village\n\nGunmen killed 12 villagers in an attack on \
             Kwall village on Monday, an official said.\n\nREAD MORE\nNigeria: 30 killed in \
             Benue clashes\nBandits abduct 20 in Kaduna\n\nPolice confirmed the attack.";
    let inc = &the_only_incident(t, &c);
    let who: Vec<(&str, u64)> = inc
        .killed
        .iter()
        .map(|r| (r.who.as_str(), r.low.unwrap_or(0)))
        .collect();
    assert_eq!(who, [("villagers", 12)]);
}

/// Two tellings of one toll, the second naming the dead: the row says who they were.
#[test]
fn a_rival_figure_that_names_the_dead_says_who() {
    let c = ctx(2024, 4, 16);
    let t = "Gunmen killed 12 people in an attack on Kwall village on Monday. Later, an \
             official said the attackers had killed 12 villagers.";
    let inc = &the_only_incident(t, &c);
    let who: Vec<&str> = inc.killed.iter().map(|r| r.who.as_str()).collect();
    assert_eq!(who, ["villagers"]);
}

/// "Russian strikes kill 5 civilians across Ukraine": a tally over the country, made of the
/// events told after it; no incident of its own.
#[test]
fn a_tally_across_a_country_is_no_incident() {
    let c = ctx(2024, 8, 21);
    let t = "Russian strikes kill 5 civilians across Ukraine\n\nRussian attacks killed five \
             civilians across Ukraine over the past day, officials said. In the Kherson region, \
             shelling killed two people in the town of Bilozerka. In the Donetsk region, three \
             people were killed in the town of Pokrovsk.";
    let out = crate::extract(t, &c);
    let lows: Vec<Option<u64>> = out.incidents.iter().map(killed_low).collect();
    assert_eq!(lows, [Some(2), Some(3)], "{:#?}", out.incidents);
}

/// "… killing two soldiers … one of its border guards was also killed": other victims added
/// with "also" add to the toll; they are no rival count of it.
#[test]
fn also_killed_with_other_victims_adds_to_the_toll() {
    let c = ctx(2024, 3, 18);
    let t = "Border forces exchanged fire at the town of Landi Kotal on Sunday, killing two \
             soldiers, officials said. The other side said one of its border guards was also \
             killed.";
    let inc = &the_only_incident(t, &c);
    let rows: Vec<(&str, Option<u64>)> =
        inc.killed.iter().map(|r| (r.who.as_str(), r.low)).collect();
    assert_eq!(rows, [("soldiers", Some(2)), ("border guards", Some(1))]);
    assert_eq!(inc.fatalities.low, Some(3));
}

/// "soldiers who frequent the shop": "frequent" as a verb tells no trend, so the claim is the
/// attack's.
#[test]
fn frequent_as_a_verb_is_no_trend() {
    let c = ctx(2024, 6, 10);
    let t = "A suicide bomber blew himself up in a tea shop in the city of Baidoa on Sunday, \
             killing eight people.\n\nAl Shabaab claimed responsibility for the attack, saying \
             it had targeted soldiers who frequent the shop.";
    let inc = &the_only_incident(t, &c);
    let perps: Vec<&str> = inc.perpetrators.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(perps, ["al-Shabaab"]);
}

/// "a commander who took part in the October 7 attack", in a July story: a past act with no
/// toll is background; it makes no incident and dates none.
#[test]
fn an_old_attack_without_a_toll_is_background() {
    let c = ctx(2024, 7, 10);
    let t = "Israeli strike on school kills 27\n\nAn air strike on a school in the town of \
             Bulisa killed at least 27 people on Tuesday, the health ministry said. The military \
             said it had targeted a commander who took part in the October 7 attack on Dera.";
    let out = crate::extract(t, &c);
    let dates: Vec<Option<&str>> = out.incidents.iter().map(date_start).collect();
    assert_eq!(dates, [Some("2024-07-09")], "{:#?}", out.incidents);
}

/// "June last year" is June of the year before publication.
#[test]
fn a_month_last_year_dates_the_past_attack() {
    let c = ctx(2024, 6, 9);
    let t = "Rebels killed 11 villagers in the village of Bulisa on Saturday. In June last \
             year, the same rebels killed 42 students at a school in the town of Mpondwe.";
    let out = crate::extract(t, &c);
    let dates: Vec<Option<&str>> = out.incidents.iter().map(date_start).collect();
    assert_eq!(dates, [Some("2024-06-08"), Some("2023-06")]);
}

/// A district no table knows, told after the province, is the same bombing's place.
#[test]
fn an_unknown_district_refines_the_province() {
    let c = ctx(2025, 3, 12);
    let t = "A roadside bomb killed two rangers in Thailand's southern province of Pattani on \
             Wednesday morning, police said. The bomb exploded as a patrol passed through \
             Sai Buri Nua district at about 8 a.m.";
    let i = &the_only_incident(t, &c);
    let loc = i.location.as_ref().expect("a location");
    assert_eq!(
        (loc.name.as_str(), loc.admin1.as_deref()),
        ("Sai Buri Nua", Some("Pattani"))
    );
}

/// The country named first (headline, lede) is the story's when a village is in no table,
/// though a neighbour is named as often later.
#[test]
fn the_first_country_named_places_an_unknown_village() {
    let c = ctx(2024, 6, 9);
    let t = "Rebels kill 11 in raid in western Uganda\nRebels hacked to death at least 11 \
             people in a raid in Uganda's west on Saturday, the army said. They struck \
             Kabatoro village at night. The attackers fled towards the border with Congo. The \
             group has long operated from bases in Congo, and Congolese troops are hunting it.";
    let i = &the_only_incident(t, &c);
    let loc = i.location.as_ref().expect("a location");
    assert_eq!(loc.country.as_deref(), Some("Uganda"));
    assert_eq!(i.fatalities.low, Some(11));
}

/// "Separately, …" starts another incident; "killed 25 Palestinians" is a toll; a place after
/// "hospitals in" is where the wounded went, not the event.
#[test]
fn separately_nationals_and_hospitals() {
    let c = ctx(2024, 8, 3);
    let t = "Air strikes killed at least 25 Palestinians in the town of Khan Younis on \
             Saturday, medics said. Separately, troops shot dead two Palestinians in the town \
             of Tubas. Nine people were wounded and taken to hospitals in Nablus.";
    let out = crate::extract(t, &c);
    let places: Vec<(String, Option<u64>)> = out
        .incidents
        .iter()
        .map(|i| {
            let name = i
                .location
                .as_ref()
                .map(|l| l.name.clone())
                .unwrap_or_default();
            (name, killed_low(i))
        })
        .collect();
    assert_eq!(places.len(), 2, "{places:?}");
    assert_eq!(places[0].1, Some(25));
    assert_eq!(places[1].1, Some(2));
    assert!(
        places[1].0.contains("Tubas") || places[1].0.contains("Ţūbās"),
        "{places:?}"
    );
}

/// "sustained critical injuries and later succumbed" is a death; "jawan" is a soldier, so the
/// two tellings of one death merge.
#[test]
fn injured_then_succumbed_is_killed() {
    let c = ctx(2025, 5, 13);
    let t = "An Army jawan was martyred in an encounter in the village of Darpora on Tuesday, \
             officials said. One soldier sustained critical injuries and later succumbed, a \
             spokesperson said.";
    let i = &the_only_incident(t, &c);
    let rows: Vec<(&str, Option<u64>, Option<u64>)> = i
        .killed
        .iter()
        .map(|r| (r.who.as_str(), r.low, r.high))
        .collect();
    assert_eq!(rows, [("soldiers", Some(1), Some(1))]);
    assert!(i.injured.is_empty(), "{:?}", i.injured);
}

/// "…, one of the deadliest incidents in months of fighting between government forces and X
/// militiamen": a drone strike stays an air strike, and the war's parties are not its targets.
#[test]
fn the_wars_parties_and_words_are_not_the_events() {
    let c = ctx(2024, 3, 18);
    let t = "A drone strike on a minibus near the town of Dembecha killed about 30 passengers \
             on Sunday, witnesses said, in one of the deadliest incidents in months of \
             fighting between government forces and Fano militiamen.";
    let i = &the_only_incident(t, &c);
    assert_eq!(
        event_kind(i),
        ("Explosions/Remote violence", "Air/drone strike")
    );
    let targets: Vec<&str> = i.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(targets, ["civilians"]);
}

/// "ambushed a military convoy": the country's military is the target, so a clash with no
/// figure is a battle.
#[test]
fn an_attacked_convoy_names_the_military_as_target() {
    let c = ctx(2024, 3, 18);
    let t = "Fano fighters ambushed a military convoy near the town of Debre Markos in \
             Ethiopia on Sunday, a Fano commander said.";
    let i = &the_only_incident(t, &c);
    let targets: Vec<(&str, Side)> = i
        .targets
        .iter()
        .map(|t| (t.name.as_str(), t.side))
        .collect();
    assert_eq!(targets, [("Ethiopia military", Side::State)]);
    assert_eq!(i.event_type, "Battles");
}

/// "killed 30 on Sunday, in one of the deadliest incidents in months": this event ranked, not
/// a past one; the detail after it still attaches.
#[test]
fn deadliest_with_the_day_ranks_this_event() {
    let c = ctx(2024, 3, 18);
    let t = "A drone strike near the town of Dembecha killed about 30 passengers on Sunday, in \
             one of the deadliest incidents in months. At least 12 wounded passengers were \
             brought to a clinic.";
    let i = &the_only_incident(t, &c);
    assert_eq!(killed_low(i), Some(30));
    assert_eq!(i.injured.first().and_then(|r| r.low), Some(12));
}

/// "At least 32 people were killed … security forces killed five attackers": the attackers are
/// counted apart from the people they attacked, not as a part of them.
#[test]
fn attackers_killed_are_not_part_of_the_people_killed() {
    let c = ctx(2024, 8, 3);
    let t = "At least 32 people were killed when militants stormed a restaurant in the town of \
             Afgoye on Friday, police said. Security forces ended the siege after several hours, \
             killing five attackers.";
    let i = &the_only_incident(t, &c);
    let rows: Vec<(&str, Option<u64>)> = i.killed.iter().map(|r| (r.who.as_str(), r.low)).collect();
    assert_eq!(rows, [("people", Some(32)), ("attackers", Some(5))]);
    assert_eq!(i.fatalities.low, Some(37));
}

/// "council chairman Monday Kassah told reporters": a name, not a date; "at around 10 p.m., …
/// told reporters on Sunday" takes the event's day, not the day it was told.
#[test]
fn a_weekday_name_and_a_told_day_do_not_date_the_attack() {
    let c = ctx(2025, 4, 13);
    let t = "Gunmen killed 27 people in the village of Mushu late on Saturday. The attackers \
             arrived at around 10 p.m., council chairman Monday Kassah told reporters on Sunday.";
    let i = &the_only_incident(t, &c);
    assert_eq!(date_start(i), Some("2025-04-12"));
}

/// "A woman was among those killed … claimed a higher toll of 45 dead and wounded": the woman is
/// a part of the six, and a count of dead and wounded together is no death toll.
#[test]
fn dead_and_wounded_together_is_no_death_toll() {
    let c = ctx(2024, 9, 2);
    let t = "A suicide bomber killed six people in the town of Pul-e-Alam on Monday, police \
             said. A woman was among those killed. The militants claimed a higher toll of 45 \
             dead and wounded.";
    let i = &the_only_incident(t, &c);
    assert_eq!(
        (i.fatalities.low, i.fatalities.high),
        (Some(6), Some(6)),
        "{:?}",
        i.killed
    );
}

/// "84 Wagner fighters" are external forces, not rebels: they do not span a row with the
/// rebels the army says it killed.
#[test]
fn a_named_groups_fighters_take_its_side() {
    let c = ctx(2024, 7, 29);
    let t = "Rebels ambushed a convoy near the town of Tinzaouaten between Thursday and \
             Saturday. A rebel spokesman said 84 Wagner fighters had been killed. The army said \
             it had killed \"around 20 terrorists\".";
    let i = &the_only_incident(t, &c);
    let rows: Vec<(&str, Side, Option<u64>)> = i
        .killed
        .iter()
        .map(|r| (r.who.as_str(), r.side, r.low))
        .collect();
    assert_eq!(
        rows,
        [
            ("fighters", Side::External, Some(84)),
            ("terrorists", Side::Rebel, Some(20))
        ]
    );
    let d = i.date.as_ref().expect("a date");
    assert_eq!(
        (d.start.as_str(), d.end.as_str()),
        ("2024-07-25", "2024-07-27")
    );
}

/// "assailants threw grenades … the first grenade exploded": a grenade attack, not a ground
/// assault or a bomb.
#[test]
fn thrown_grenades_are_a_grenade_attack() {
    let c = ctx(2025, 5, 17);
    let t = "Two people were killed when unidentified assailants threw grenades at a market in \
             the town of Gitega on Friday evening. The first grenade exploded at 6 p.m.";
    let i = &the_only_incident(t, &c);
    assert_eq!(event_kind(i), ("Explosions/Remote violence", "Grenade"));
}

/// "…, the United Nations human rights office said": the UN speaks; it is no target.
#[test]
fn an_office_that_speaks_is_no_target() {
    let c = ctx(2024, 10, 4);
    let t = "Gang members opened fire on residents of the town of Pont-Sondé early Thursday, \
             killing at least 70 people, the United Nations human rights office said Friday.";
    let i = &the_only_incident(t, &c);
    assert!(!targets_name(i, "UN"), "{:?}", i.targets);
}

/// "The attack came barely a week after bandits killed seven farmers in X": that earlier day is
/// not given (not a week after this attack, which would be after publication).
#[test]
fn came_barely_a_week_after_gives_no_date() {
    let c = ctx(2024, 5, 29);
    let t = "Bandits killed 15 worshippers in the village of Maidabino on Tuesday. The attack \
             came barely a week after bandits killed seven farmers in the town of Faskari.";
    let out = crate::extract(t, &c);
    let dates: Vec<Option<&str>> = out.incidents.iter().map(date_start).collect();
    assert_eq!(dates, [Some("2024-05-28"), None]);
}

/// "six terrorists were sent to hell": killed, in a military statement's words.
#[test]
fn sent_to_hell_is_killed() {
    let c = ctx(2024, 3, 1);
    let t = "Four soldiers embraced martyrdom while six terrorists were sent to hell when \
             terrorists attacked a check post in the town of Mir Ali on Thursday night.";
    let i = &the_only_incident(t, &c);
    assert_eq!(i.fatalities.low, Some(10));
}

/// "the city's Kyivskyi district" is part of the city just named, wherever a table puts a
/// place of that name; "a hospital in the city of X" is where the wounded went; "over the past
/// day, attacks killed … across Ukraine" is a tally, not this attack's toll.
#[test]
fn city_districts_hospitals_and_daily_tallies_stay_out() {
    let c = ctx(2025, 6, 14);
    let t = "Russian drones injured 12 people in Kharkiv overnight, the governor said. The \
             drones hit a building in the city's Kyivskyi district. Three of the injured were \
             taken to a hospital in the city of Poltava. Over the past day, Russian attacks \
             killed at least five people and injured 34 across Ukraine.";
    let i = &the_only_incident(t, &c);
    assert!(i.killed.is_empty(), "{:?}", i.killed);
    let loc = i.location.as_ref().expect("a location");
    assert_eq!(loc.name, "Kharkiv");
}

/// "an area disputed by the Jalisco New Generation Cartel and local gangs": the cartel holds the
/// area; it is not named as the attacker.
#[test]
fn a_group_that_disputes_the_area_is_no_perpetrator() {
    let c = ctx(2021, 12, 15);
    let t = "Gunmen ambushed a police convoy in the town of Coalcomán on Tuesday, killing 13 \
             officers, in an area disputed by the Jalisco New Generation Cartel and local gangs.";
    let i = &the_only_incident(t, &c);
    assert!(i.perpetrators.is_empty(), "{:?}", i.perpetrators);
}

/// "explosives dropped from a drone hit an army base": an air/drone strike, with its toll (not
/// a trend because of "dropped"), even where the army "is fighting" the group.
#[test]
fn explosives_dropped_from_a_drone() {
    let c = ctx(2024, 9, 18);
    let t = "Two soldiers were killed when explosives dropped from a drone hit an army base in \
             the town of Argelia on Tuesday, where the army is fighting a dissident faction.";
    let i = &the_only_incident(t, &c);
    assert_eq!(killed_low(i), Some(2));
    assert_eq!(
        event_kind(i),
        ("Explosions/Remote violence", "Air/drone strike")
    );
}

/// A military briefing's weekly tally ("neutralised 35 terrorists … in one week") is no
/// incident; the attack it then tells with its own town and day is.
#[test]
fn a_weekly_tally_is_no_incident() {
    let c = ctx(2024, 6, 14);
    let t = "Troops neutralised 35 terrorists and arrested 42 others in the North East in one \
             week, Maj.-Gen. Edward Buba said on Thursday. Buba said troops repelled an attack \
             on a military base in Damboa, Borno State, on Monday, killing 11 insurgents.";
    let i = &the_only_incident(t, &c);
    assert_eq!(killed_low(i), Some(11));
    assert_eq!(place_name(i), Some("Damboa"));
}

/// "raided several villages around Djibo … at least 25 civilians killed": one event placed at
/// the town the villages surround, not a summary of many.
#[test]
fn several_villages_around_a_town_are_one_event() {
    let c = ctx(2025, 1, 18);
    let t = "Between 13 and 15 January, suspected JNIM fighters raided several villages around \
             Djibo, in the Sahel region. Local sources reported at least 25 civilians killed.";
    let i = &the_only_incident(t, &c);
    assert_eq!(place_name(i), Some("Djibo"));
    assert_eq!(killed_low(i), Some(25));
}

/// "several villages around Kaya, killing several people": the second "several" counts people,
/// not places, so the raid is still one event at the town the villages surround.
#[test]
fn several_villages_then_several_people_is_one_event() {
    let c = ctx(2025, 3, 9);
    let t = "On Friday, gunmen raided several villages around Kaya, killing several people, \
             a local official said.";
    let i = &the_only_incident(t, &c);
    assert_eq!(place_name(i), Some("Kaya"));
    assert_eq!(killed_low(i), Some(3));
}

/// "struck a group of residents in Jabalia": residents who do not speak are the victims, and
/// their town is the event's; "residents in X said" are a source.
#[test]
fn residents_in_a_town_are_victims_unless_they_speak() {
    let c = ctx(2025, 6, 11);
    let t = "On Tuesday, an Israeli drone struck a group of residents in Jabalia in the northern \
             Gaza Strip, killing three people, medical sources said.";
    assert_eq!(place_name(&the_only_incident(t, &c)), Some("Jabālyā"));
    let t = "On Tuesday, an Israeli drone strike killed three people in the Gaza Strip, \
             residents in Jabalia said.";
    assert_eq!(place_name(&the_only_incident(t, &c)), Some("Palestine"));
}

/// "Gaza's civil defence agency said": the agency's owner is no event place, so the town the
/// strike was placed by ("west of Khan Younis", kept as context) is not outranked by it.
#[test]
fn an_agencys_owner_is_no_event_place() {
    let c = ctx(2025, 6, 11);
    let t = "Strike on Khan Younis tent camp kills 12\n\nAn Israeli air strike on a tent in the \
             al-Mawasi area west of Khan Younis in the Gaza Strip killed 12 people on Tuesday, \
             Gaza's civil defence agency said.";
    assert_eq!(place_name(&the_only_incident(t, &c)), Some("Khān Yūnis"));
}

/// "since January, in which more than 200 people have died": a toll over the stretch, not a
/// second incident; "four of the raiders were killed" counts the attackers' dead.
#[test]
fn a_toll_since_a_month_in_the_present_perfect_is_no_incident() {
    let c = ctx(2025, 4, 14);
    let t = "Armed youth attacked a cattle camp near Padiet on Sunday, killing 14 people. Four \
             of the raiders were killed in the exchange of fire. The area has seen a wave of \
             revenge attacks between communities in Jonglei since January, in which more than 200 \
             people have died, according to the United Nations.";
    let i = &the_only_incident(t, &c);
    assert_eq!(killed_low(i), Some(18));
    assert!(i.perpetrators.iter().any(|p| p.name == "armed youths"));
    assert!(i
        .killed
        .iter()
        .any(|r| r.who == "raiders" && r.low == Some(4)));
}

/// "a wedding in Inadiatafane, Timbuktu region": the village, in that region.
#[test]
fn a_village_comma_region() {
    let c = ctx(2025, 1, 18);
    let t = "On 16 January, a drone strike hit a wedding in Inadiatafane, Timbuktu region, \
             killing at least 8 civilians.";
    let i = &the_only_incident(t, &c);
    assert_eq!(place_name(i), Some("Inadiatafane"));
}

/// "Clashes between X and Y have left 41 dead since Thursday": the clash's parties are its
/// actors, it is a battle, and it runs from Thursday to the report.
#[test]
fn a_toll_since_a_weekday_is_this_clash() {
    let c = ctx(2025, 1, 19);
    let t = "Clashes between the ELN and FARC dissidents in the town of Tibu have left at least \
             41 people dead since Thursday, the provincial governor said on Sunday.";
    let i = &the_only_incident(t, &c);
    assert_eq!(killed_low(i), Some(41));
    let d = i.date.as_ref().expect("a date");
    assert_eq!(
        (d.start.as_str(), d.end.as_str()),
        ("2025-01-16", "2025-01-19")
    );
    assert_eq!(perpetrator_names(i), ["ELN", "FARC dissidents"]);
    assert_eq!(event_kind(i), ("Battles", "Armed clash"));
    // But months of fighting between two sides are the war's, not this event's parties.
    let t = "Five farmers were killed near Tibu on Thursday, after months of fighting between \
             the ELN and FARC dissidents.";
    assert!(the_only_incident(t, &c).perpetrators.is_empty());
}

/// "Hours later" is the day of the event told before, not of the day it was told.
#[test]
fn hours_later_takes_the_event_day() {
    let c = ctx(2024, 5, 13);
    let t = "Gunmen killed 11 people in two attacks on villages in the Tillaberi region on \
             Sunday, officials said on Monday. In the first attack, the assailants killed five \
             farmers near Ouallam. Hours later, they attacked Tera, where six people were killed.";
    let out = crate::extract(t, &c);
    let tera = out
        .incidents
        .iter()
        .find(|i| place_name(i) == Some("Téra"))
        .expect("Tera");
    assert_eq!(date_start(tera), Some("2024-05-12"));
}

/// "were still unaccounted for on Sunday": the day of a state, so the missing are the attack's,
/// not a second incident's.
#[test]
fn still_missing_on_a_later_day_is_the_same_attack() {
    let c = ctx(2025, 6, 9);
    let t = "Gunmen killed 14 villagers at a market in Kerou on Saturday, officials said. At \
             least five traders were still unaccounted for on Sunday.";
    let i = &the_only_incident(t, &c);
    assert_eq!(date_start(i), Some("2025-06-07"));
    assert_eq!(i.missing_or_abducted.first().and_then(|r| r.low), Some(5));
}

/// "Tehreek-i-Taliban Pakistan (TTP)": one group, not the Afghan Taliban beside it.
#[test]
fn a_transliterated_group_name_is_one_group() {
    let c = ctx(2025, 2, 11);
    let t = "Militants stormed a police station in Dera Ismail Khan on Tuesday, killing seven \
             policemen. The banned Tehreek-i-Taliban Pakistan (TTP) claimed responsibility.";
    let i = &the_only_incident(t, &c);
    assert_eq!(perpetrator_names(i), ["TTP"]);
}

/// A headline that names the place differently ("a suburb of X") but tells the body's figures
/// is the body's incident, placed where the body places it; one that sums several raids is
/// not folded into the first.
#[test]
fn a_headline_with_another_place_and_the_same_toll_is_the_body_event() {
    let c = ctx(2025, 5, 24);
    let t = "Gangs kill more than 50 in raid on Pont-Sonde suburb\n\nGang members killed at \
             least 52 people in an overnight raid on the community of Petite-Riviere in \
             Haiti's Artibonite region between Thursday and Friday, the UN Integrated Office in \
             Haiti (BINUH) said in a statement.";
    let i = &the_only_incident(t, &c);
    assert_eq!(place_name(i), Some("Petite-Riviere"));
    assert_eq!(killed_low(i), Some(52));
    // The UN office only speaks: it is no target.
    assert!(!targets_name(i, "UN"), "{:?}", i.targets);
    let t = "Insurgents behead 11 in Cabo Delgado raids\n\nInsurgents beheaded at least 11 \
             people in two raids on villages in Cabo Delgado province last week, local sources \
             said on Friday. In the first attack, the fighters killed five farmers near Chiure. \
             Two days later they attacked Mazeze, where six people were beheaded.";
    let out = crate::extract(t, &c);
    let chiure = out
        .incidents
        .iter()
        .find(|i| place_name(i) == Some("Chiúre"));
    assert_eq!(chiure.and_then(killed_low), Some(5), "{:?}", out.incidents);
    assert!(chiure.is_some_and(|i| !i.notes.contains("behead 11")));
}

/// "…, bringing the toll to 13" revises the toll; "al-Shabab, which is linked to al-Qaida"
/// names one perpetrator, described by the other.
#[test]
fn bringing_the_toll_to_revises_it_and_a_linked_group_only_describes() {
    let c = ctx(2025, 3, 16);
    let t = "A suicide bomber killed at least nine people at an army camp in Mogadishu on \
             Sunday. The al-Shabab group, which is linked to al-Qaida, claimed responsibility. A \
             doctor said later that four of the wounded had died, bringing the toll to 13.";
    let i = &the_only_incident(t, &c);
    assert_eq!(killed_low(i), Some(13));
    assert_eq!(perpetrator_names(i), ["al-Shabaab"]);
}

/// "a levies official", "a police official": state forces' men.
#[test]
fn officials_of_a_force_are_state() {
    let c = ctx(2025, 1, 23);
    for t in [
        "A levies official was shot dead by gunmen in Kalat district on Tuesday.",
        "A police official was shot dead by gunmen in Kalat district on Tuesday.",
    ] {
        let i = &the_only_incident(t, &c);
        assert_eq!(i.killed.first().map(|r| r.side), Some(Side::State), "{t}");
    }
}

/// "kill 38 worshippers" over a body that counts "people", "bodies" and a lower army toll: the
/// headline says who the dead were.
#[test]
fn the_headline_names_the_dead_the_body_counts() {
    let c = ctx(2025, 7, 27);
    let t = "Rebels kill 38 worshippers in church attack\n\nADF rebels attacked a church in \
             Komanda on Sunday, killing at least 38 people, a civil society leader said. An army \
             spokesman put the toll at 21 dead.";
    let i = &the_only_incident(t, &c);
    let row = i.killed.first().expect("a row");
    assert_eq!(
        (row.who.as_str(), row.side),
        ("worshippers", Side::Civilian)
    );
    assert_eq!((row.low, row.high), (Some(21), None));
}

/// "The Islamic State's Afghan affiliate, known as ISKP, claimed …": the branch is the doer,
/// and the family it belongs to is no second perpetrator.
#[test]
fn a_branch_and_its_family_make_one_perpetrator() {
    let c = ctx(2024, 12, 11);
    let t = "A suicide bombing at a ministry in Kabul on Wednesday killed the refugee minister \
             Khalil Haqqani and five other people. The Islamic State's Afghan affiliate, known as \
             Islamic State Khorasan Province (ISKP), claimed responsibility.";
    let i = &the_only_incident(t, &c);
    assert_eq!(perpetrator_names(i), ["Islamic State Khorasan"]);
    assert_eq!(killed_low(i), Some(6));
}

/// "The attack at Baisaran, a meadow …, was the deadliest …": the event just told, though it
/// names a place finer than the town; and the headline's "26 tourists" names the body's
/// "26 men".
#[test]
fn the_attack_at_a_finer_place_is_the_event_told() {
    let c = ctx(2025, 4, 23);
    let t = "Militants kill 26 tourists in Pahalgam\n\nMilitants opened fire on tourists at a \
             meadow near the resort town of Pahalgam on Tuesday, killing 26 men. The attack at \
             Baisaran, a meadow reachable only on foot, was the deadliest in the region in two \
             decades. A group called The Resistance Front claimed the attack.";
    let i = &the_only_incident(t, &c);
    let row = i.killed.first().expect("a row");
    assert_eq!((row.who.as_str(), row.side), ("tourists", Side::Civilian));
    assert_eq!(i.perpetrators.len(), 1);
}

/// "the Houthi-run health ministry said", "a source of fuel for the Houthis", "spies for the
/// army": who runs the ministry and whom the fuel serves are no doers or targets.
#[test]
fn who_runs_or_is_served_is_neither_doer_nor_target() {
    let c = ctx(2025, 4, 18);
    let t = "U.S. air strikes on the Ras Isa fuel port in Hodeidah province killed 74 people \
             late on Thursday, the Houthi-run health ministry said. The U.S. military said the \
             strikes were aimed at cutting off a source of fuel for the Houthis.";
    let i = &the_only_incident(t, &c);
    assert_eq!(perpetrator_names(i), ["United States military"]);
    let t = "Rebels killed six gold miners in Seradala on Monday, saying the miners were spies \
             for the Indonesian military.";
    let i = &the_only_incident(t, &ctx(2025, 4, 8));
    assert!(
        i.targets.iter().all(|t| t.side != Side::State),
        "{:?}",
        i.targets
    );
}

/// "Bamako, Mali – …" is a dateline: the attack is in Timbuktu, named after it.
#[test]
fn a_town_and_country_before_a_dash_is_a_dateline() {
    let c = ctx(2025, 6, 3);
    let t = "Bamako, Mali – Jihadist fighters attacked the airport in Timbuktu on Sunday evening, \
             the army said. One soldier was wounded.";
    assert_eq!(place_name(&the_only_incident(t, &c)), Some("Timbuktu"));
}

/// "He said that on 4 June, troops engaged …": the day is in what was said, the event's; and
/// "the North-West" of a story from Nigeria is no region abroad.
#[test]
fn a_day_in_reported_speech_is_the_events() {
    let c = ctx(2025, 6, 12);
    let t =
        "Troops rescued 23 kidnapped victims in the North-West, the army said. He said that on \
             4 June, troops engaged bandits at Dansadau in Zamfara, killing six of them.";
    let out = crate::extract(t, &c);
    assert!(out
        .incidents
        .iter()
        .any(|i| date_start(i) == Some("2025-06-04")));
    assert!(out.incidents.iter().all(|i| i
        .location
        .as_ref()
        .is_none_or(|l| l.country.as_deref() != Some("Botswana"))));
}

/// "A UN helicopter … came under fire": the UN is attacked, not attacking with an aircraft;
/// "armed youths known as the White Army" are the White Army, no target.
#[test]
fn coming_under_fire_and_known_as() {
    let c = ctx(2025, 3, 8);
    let t = "A UN helicopter attempting to evacuate soldiers came under fire in Nasir on \
             Thursday, killing a crew member and a general.";
    let i = &the_only_incident(t, &c);
    assert!(i.perpetrators.is_empty(), "{:?}", i.perpetrators);
    assert!(targets_name(i, "UN"));
    assert_eq!(killed_low(i), Some(2));
    assert_eq!(event_kind(i), ("Battles", "Armed clash"));
    let t = "Armed youths known as the White Army overran an army garrison in Nasir on Tuesday, \
             killing two soldiers.";
    let i = &the_only_incident(t, &c);
    assert!(!targets_name(i, "armed youths"), "{:?}", i.targets);
}

/// "Russia said it had struck a meeting of commanders, killing more than 60 servicemen.
/// Ukraine rejected the claim.": the disputed claim is a note, not a row beside the dead the
/// officials counted.
#[test]
fn a_claim_the_next_sentence_rejects_is_only_noted() {
    let c = ctx(2025, 4, 13);
    let t = "Two Russian missiles struck the centre of Sumy on Sunday, killing at least 35 \
             people, officials said. Russia's defence ministry said it had struck a meeting of \
             commanders in Sumy, killing more than 60 servicemen. Ukraine rejected the claim.";
    let i = &the_only_incident(t, &c);
    assert_eq!(killed_low(i), Some(35));
    assert!(
        i.notes.contains("Disputed: at least 60 servicemen"),
        "{}",
        i.notes
    );
    // Alone, a disputed figure still counts.
    let t = "Russia's defence ministry said it had struck a meeting of commanders in Sumy on \
             Sunday, killing more than 60 servicemen. Ukraine rejected the claim.";
    assert_eq!(killed_low(&the_only_incident(t, &c)), Some(60));
}

/// A headline's "in Middle Shabelle" is the region the body places a known town in ("Adan
/// Yabaal in Somalia's Middle Shabelle region"), though the gazetteer spells it otherwise; a
/// seized base is territory taken.
#[test]
fn a_region_spelt_otherwise_keys_like_its_town() {
    let c = ctx(2025, 4, 16);
    let t = "Al-Shabaab overruns military base in Middle Shabelle\n\nAl-Shabaab fighters have \
             seized a military base in the town of Adan Yabaal in Somalia's Middle Shabelle \
             region after heavy fighting, residents said. At least 10 soldiers were killed.";
    let i = &the_only_incident(t, &c);
    assert_eq!(place_name(i), Some("Adan Yabaal"));
    assert_eq!(
        event_kind(i),
        ("Battles", "Non-state actor overtakes territory")
    );
}

/// "claimed responsibility for Tuesday's attack" dates the attack; "in reprisal for the
/// killing of some bandits by vigilantes last week" neither dates it nor names its actors.
#[test]
fn a_possessive_day_and_a_reprisal() {
    let c = ctx(2025, 3, 12);
    let t = "Militants killed 21 hostages on a train in Balochistan, the military said \
             Wednesday. The Baloch Liberation Army claimed responsibility for Tuesday's attack.";
    assert_eq!(date_start(&the_only_incident(t, &c)), Some("2025-03-11"));
    let c = ctx(2025, 8, 20);
    let t = "Gunmen killed nine worshippers at a mosque in Unguwan Mantau village, Katsina \
             State, on Tuesday. Residents said the attack was in reprisal for the killing of some \
             bandits by local vigilantes last week.";
    let i = &the_only_incident(t, &c);
    assert_eq!(date_start(i), Some("2025-08-19"));
    assert!(!targets_name(i, "vigilantes"), "{:?}", i.targets);
}

/// "JNIM said … its fighters had killed more than 200 soldiers. Reuters could not verify the
/// claim.": JNIM did it, by its own word, and its unverified figure is only noted; "police
/// blamed the attack on Boko Haram" names the doer; the one blaming is no target.
#[test]
fn claims_blame_and_unverified_figures() {
    let c = ctx(2025, 5, 12);
    let t = "Jihadists attacked the town of Djibo early on Sunday, killing dozens of soldiers, \
             security sources said. JNIM said in a statement that its fighters had killed more \
             than 200 soldiers. Reuters could not independently verify the claim.";
    let i = &the_only_incident(t, &c);
    assert_eq!(perpetrator_names(i).first().copied(), Some("JNIM"));
    assert_eq!(killed_low(i), Some(12));
    let t = "Gunmen killed six farmers near Konduga on Sunday. Police blamed the attack on Boko \
             Haram, and President Bola Tinubu condemned it.";
    let i = &the_only_incident(t, &c);
    assert_eq!(perpetrator_names(i).first().copied(), Some("Boko Haram"));
    let t = "A truck bomb killed six civilians in Cali on Thursday. President Gustavo Petro \
             blamed the bombing on FARC dissidents.";
    let i = &the_only_incident(t, &c);
    assert!(!targets_name(i, "Gustavo Petro"), "{:?}", i.targets);
}

/// "The Arakan Army said on Tuesday it had captured the headquarters": by its own word, the
/// doer.
#[test]
fn a_group_saying_it_did_is_the_doer() {
    let c = ctx(2024, 12, 24);
    let t = "The Arakan Army said on Tuesday it had captured the army's regional headquarters in \
             Ann town, Rakhine state, killing dozens of soldiers.";
    let i = &the_only_incident(t, &c);
    assert_eq!(perpetrator_names(i).first().copied(), Some("Arakan Army"));
}

/// "President Deby had launched an operation to track down the assailants": a head of state
/// orders; the group that attacked is the perpetrator, and "construction workers" abducted
/// count.
#[test]
fn a_head_of_state_is_no_perpetrator() {
    let c = ctx(2024, 10, 28);
    let t = "Boko Haram fighters killed about 40 soldiers at a base in Barkaram late on Sunday, \
             the presidency said, announcing that President Mahamat Idriss Deby had launched an \
             operation to track down the assailants.";
    let i = &the_only_incident(t, &c);
    assert_eq!(perpetrator_names(i), ["Boko Haram"]);
    let t = "Suspected al-Shabaab fighters abducted two construction workers near Milimani \
             village on Thursday.";
    let i = &the_only_incident(t, &c);
    assert_eq!(i.missing_or_abducted.first().and_then(|r| r.low), Some(2));
}

/// "Troops ambushed bandits along the road, killing nine": the nine are the bandits; the
/// kidnapped passengers they rescued are not.
#[test]
fn a_bare_count_after_an_attacked_group_counts_it() {
    let c = ctx(2025, 6, 12);
    let t = "On 6 June, troops ambushed bandits along the Kankara road in Katsina State, killing \
             nine and rescuing 23 kidnapped passengers.";
    let i = &the_only_incident(t, &c);
    let row = i.killed.first().expect("a row");
    assert_eq!(
        (row.who.as_str(), row.side, row.low),
        ("bandits", Side::Rebel, Some(9))
    );
    assert!(i.missing_or_abducted.iter().all(|r| r.who != "bandits"));
}
