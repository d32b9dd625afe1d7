use super::*;

fn ctx() -> Context {
    Context::published(chrono::NaiveDate::from_ymd_opt(2025, 2, 10).unwrap_or_default())
}

/// The places found after the overlap policy, as (text, rule, name, admin1, country code).
type Row = (String, &'static str, String, Option<String>, Option<String>);

fn found(text: &str) -> Vec<Row> {
    crate::overlap::resolve(find(text, &ctx()))
        .into_iter()
        .filter_map(|f| match f.value {
            Value::Location(p) => Some((
                text[f.start..f.end].to_string(),
                f.rule,
                p.name,
                p.admin1,
                p.country_code,
            )),
            _ => None,
        })
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    found(text).into_iter().map(|f| f.0).collect()
}

#[test]
fn gazetteer_matches_towns_regions_countries() {
    let table: &[(&str, &[&str])] = &[
        (
            "Gunmen killed five people near Tillaberi in western Niger on Monday.",
            &["Tillaberi", "Niger"],
        ),
        (
            "The army said the attack in TILLABÉRI was repelled, and Mali sent help.",
            &["TILLABÉRI", "Mali"],
        ),
        (
            "Troops were deployed to Borno State and Zamfara after raids in Nigeria.",
            &["Borno State", "Zamfara", "Nigeria"],
        ),
        (
            "Residents of the Dosso Region in Niger fled to the capital, Niamey.",
            &["Dosso Region", "Niger", "Niamey"],
        ),
        (
            "Fighting spread from northern Burkina Faso to the Niger–Burkina Faso border.",
            &["Burkina Faso", "Niger", "Burkina Faso"],
        ),
        (
            "Rebels attacked Kabul and Ghazni province in Afghanistan.",
            &["Kabul", "Ghazni", "Afghanistan"],
        ),
    ];
    for (text, want) in table {
        assert_eq!(texts(text), *want, "{text}");
    }
}

#[test]
fn gazetteer_resolves_region_and_country() {
    let f = found("Jihadists struck Bandiagara in central Mali.");
    assert_eq!(f[0].0, "Bandiagara");
    assert_eq!(f[0].1, "gazetteer_town");
    assert_eq!(f[0].3.as_deref(), Some("Mopti"));
    assert_eq!(f[0].4.as_deref(), Some("ML"));
    let f = found("Soldiers were killed in Maiduguri, Nigeria.");
    assert_eq!(f[0].3.as_deref(), Some("Borno"));
    // "Congo" alone is the Democratic Republic of the Congo, as news writes it; the other
    // Congo by its longer names.
    let f = found("Rebels attacked a village in eastern Congo.");
    assert_eq!(f[0].4.as_deref(), Some("CD"));
    let f = found("Troops were deployed in Congo-Brazzaville.");
    assert_eq!(f[0].4.as_deref(), Some("CG"));
    let f = found("Clashes in the Far North region of Cameroon.");
    assert_eq!((f[0].0.as_str(), f[0].1), ("Far North", "gazetteer_region"));
    // The Arabic article dropped: "Fallujah" is GeoNames' "Al Fallūjah".
    let f = found("Gunmen attacked a checkpoint in Fallujah, Iraq.");
    assert_eq!(
        (f[0].0.as_str(), f[0].2.as_str()),
        ("Fallujah", "Al Fallūjah")
    );
    // "El" for the article GeoNames spells "Al", and the Ukrainian national romanisation of
    // names GeoNames spells otherwise ("Avdiyivka", "Kostyantynivka").
    for (text, name, cc) in [
        (
            "RSF fighters shelled El Geneina, Sudan, on Monday.",
            "El Geneina",
            "SD",
        ),
        (
            "Russian troops attacked Avdiivka in Ukraine.",
            "Avdiivka",
            "UA",
        ),
        (
            "A missile hit a market in Kostiantynivka, Ukraine.",
            "Kostiantynivka",
            "UA",
        ),
    ] {
        let f = found(text);
        assert_eq!(
            (f[0].0.as_str(), f[0].4.as_deref()),
            (name, Some(cc)),
            "{text}"
        );
    }
    // "the state of X" is the state, not its capital of the same name.
    let f = found("Gunmen opened fire at a party in the northern state of Zacatecas.");
    assert_eq!((f[0].0.as_str(), f[0].1), ("Zacatecas", "gazetteer_region"));
    // A Philippine province (second-level) before "province", not the town of the same name.
    let f = found("Rebels ambushed a patrol in Quezon province, southeast of Manila.");
    assert_eq!((f[0].0.as_str(), f[0].1), ("Quezon", "gazetteer_region"));
    assert_eq!(f[0].3.as_deref(), Some("Calabarzon"));
    // "X district" whose only record is abroad (the capital of the Central African Republic)
    // is a district at home that the gazetteer spells otherwise.
    let f = found("In Afghanistan, seven soldiers were killed in an attack in Bangui district.");
    let bangui = f.iter().find(|r| r.0 == "Bangui");
    assert_eq!(
        bangui.map(|r| (r.1, r.4.as_deref())),
        Some(("name_admin_area", Some("AF"))),
        "{f:?}"
    );
}

/// A name that is a territory as well as a region ("Gaza Strip") makes its country the
/// article's, so a town of that country is kept even when another country's demonym comes
/// first ("An Israeli drone…").
#[test]
fn a_territory_named_among_regions_is_the_articles_country() {
    let with = found("An Israeli drone struck residents in Jabalia in the Gaza Strip.");
    assert_eq!(with[0].0, "Jabalia");
    assert_eq!(with[0].4.as_deref(), Some("PS"));
    assert_eq!(
        texts("An Israeli drone struck residents in Jabalia."),
        Vec::<String>::new(),
        "with no Palestinian place named, a small town abroad is not trusted"
    );
}

#[test]
fn negatives_are_not_places() {
    let table: &[(&str, &[&str])] = &[
        // Demonyms, group names, people, sentence-initial common words, months.
        ("Nigerien and Malian soldiers were killed.", &[]),
        (
            "A bomb went off in the Somali capital, Mogadishu.",
            &["Mogadishu"],
        ),
        (
            "Fighters of Islamic State Sahel Province attacked a post in Niger.",
            &["Niger"],
        ),
        ("Islamic State West Africa Province claimed it.", &[]),
        ("Police said Gen. Bamako spoke in March.", &[]),
        ("Say what you like, the army in Niger held.", &["Niger"]),
        ("Spokesman Youssouf Mopti Diallo said nothing.", &[]),
    ];
    for (text, want) in table {
        assert_eq!(texts(text), *want, "{text}");
    }
}

#[test]
fn macro_regions() {
    assert_eq!(
        texts("Jihadists have spread across West Africa and the Sahel since 2012."),
        ["West Africa", "Sahel"]
    );
    assert_eq!(
        texts("an expert on the lake Chad region said"),
        ["lake Chad region"]
    );
}

#[test]
fn context_rules_fill_region_and_country() {
    let f = found("Gunmen attacked a post in Tamou, in Niger's Dosso Region, at dawn.");
    let t = f.iter().find(|x| x.0 == "Tamou").expect("Tamou found");
    assert_eq!(t.3.as_deref(), Some("Dosso"));
    assert_eq!(t.4.as_deref(), Some("NE"));
    assert!(f.iter().any(|x| x.0 == "Dosso Region"), "{f:?}");
    let f = found("Militia positions in Dioro (Ségou Region) and in Mali were hit.");
    let t = f.iter().find(|x| x.0 == "Dioro").expect("Dioro found");
    assert_eq!(t.3.as_deref(), Some("Ségou"));
    assert_eq!(t.4.as_deref(), Some("ML"));
}

/// "on its Andalus radio station": the name of a medium, not the town in Kuwait.
#[test]
fn a_mediums_name_is_no_place() {
    let f = found("The group claimed the attack on its Andalus radio station.");
    assert!(f.is_empty(), "{f:?}");
    let f = found("Fighting reached Andalus on Monday.");
    assert_eq!(f.len(), 1, "{f:?}");
}

/// A gazetteer namesake abroad gives way to the place the text describes: there is a Kaura in
/// Côte d'Ivoire, but "Kaura village in … Zamfara State" is in Nigeria.
#[test]
fn a_namesake_abroad_gives_way_to_the_place_described() {
    let f = found("Bandits attacked Kaura village in the Maru area of Zamfara State.");
    let t = f.iter().find(|x| x.0 == "Kaura").expect("Kaura found");
    assert_eq!(t.4.as_deref(), Some("NG"), "{f:?}");
    assert_eq!(t.1, "name_settlement", "{f:?}");
}

#[test]
fn context_names_keep_arabic_particles() {
    for (text, want) in [
        (
            "Militants attacked a post near the village of Wadi al-Shay in Kirkuk province.",
            "Wadi al-Shay",
        ),
        (
            "Shelling hit the town of Ras al-Ain overnight.",
            "Ras al-Ain",
        ),
        (
            "Fighting reached the town of Jaral del Progreso.",
            "Jaral del Progreso",
        ),
    ] {
        let got = texts(text);
        assert!(got.iter().any(|t| t == want), "{text}: {got:?}");
    }
}

#[test]
fn relative_position_is_kept_as_context() {
    let out = find(
        "The raid hit Tahoua, about 200 kilometers from the capital, Niamey. It was bad.",
        &ctx(),
    );
    let ctxs: Vec<String> = out
        .iter()
        .filter_map(|f| match &f.value {
            Value::Location(p) if p.name == "Tahoua" => p.context.clone(),
            _ => None,
        })
        .collect();
    assert!(
        ctxs.iter()
            .any(|c| c.starts_with("about 200 kilometers from the capital")),
        "{ctxs:?}"
    );
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "É",
        "Niger\u{301}",
        "\u{feff}Mali 😀 Kabul\r\nNiamey",
        "العربية Niger עברית",
        "<p>Niger</p>",
        "N\u{0}iger",
        "Tillabe\u{301}ri region",
    ] {
        let _ = find(t, &ctx());
    }
    let big = "Soldiers died near Niamey in Niger. ".repeat(20000);
    let t = std::time::Instant::now();
    let n = find(&big, &ctx()).len();
    assert!(n >= 40000);
    eprintln!("places: {} bytes in {:?}", big.len(), t.elapsed());
}

/// A village the text named as one ("Mushu, Hurti and Daffo villages") is found again where
/// its name stands alone; a name found only by a weaker rule is not spread.
#[test]
fn a_named_settlement_is_found_again() {
    let ctx = Context::default();
    let t = "The attackers stormed Mushu, Hurti and Daffo villages at night. Twenty people \
             were killed in Mushu alone, and Hurti was burned. Mushuland was spared.";
    let found = crate::places::find(t, &ctx);
    let mut names: Vec<(&str, &str)> = found.iter().map(|f| (&t[f.start..f.end], f.rule)).collect();
    names.sort();
    assert_eq!(
        names,
        [
            ("Daffo", "last_of_named_settlements"),
            ("Hurti", "next_to_last_of_named_settlements"),
            ("Hurti", "settlement_named_again"),
            ("Mushu", "first_of_named_settlements"),
            ("Mushu", "settlement_named_again"),
        ]
    );
}

/// "the Kafr Dabbas district … in Kafr Dabbas": an area the text has named is the same area
/// where its name stands again.
#[test]
fn a_named_area_is_found_again() {
    let ctx = Context::default();
    let t = "Fighters seized the Kafr Dabbas district overnight. Six bodies were found in Kafr \
             Dabbas. Kafr Dabbasi was spared.";
    let found = crate::places::find(t, &ctx);
    let names: Vec<(&str, &str)> = found
        .iter()
        .filter(|f| f.rule.ends_with("named_again"))
        .map(|f| (&t[f.start..f.end], f.rule))
        .collect();
    assert_eq!(names, [("Kafr Dabbas", "area_named_again")]);
}

/// "Maj.-Gen. Edward Buba … Buba said": a person's name, here and where it opens a sentence.
#[test]
fn a_persons_name_is_no_place_anywhere_in_the_text() {
    let rows = found(
        "The spokesman, Maj.-Gen. Edward Buba, spoke in Abuja. Buba said troops were in Borno.",
    );
    let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(names, ["Abuja", "Borno"]);
}

/// The word after a region's name says whose region it is: "Plateau State" is Nigeria's (states),
/// "Plateau department" Benin's; and a region named only by the compass needs its country named.
#[test]
fn the_unit_word_and_the_compass() {
    let country = |text: &str, name: &str| {
        found(text)
            .into_iter()
            .find(|f| f.0 == name)
            .and_then(|f| f.4)
    };
    assert_eq!(
        country(
            "Gunmen attacked a village in Plateau State on Sunday.",
            "Plateau State"
        )
        .as_deref(),
        Some("NG")
    );
    assert_eq!(
        country(
            "Gunmen attacked a village in the Plateau department on Sunday.",
            "Plateau"
        )
        .as_deref(),
        Some("BJ")
    );
    assert_eq!(
        country("Troops rescued 23 people in the North-West.", "North-West"),
        None
    );
    assert_eq!(
        country(
            "Separatists attacked a post in Cameroon's North-West region.",
            "North-West"
        )
        .as_deref(),
        Some("CM")
    );
}
