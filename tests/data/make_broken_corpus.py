#!/usr/bin/python3
"""Regenerates tests/data/broken/ from tests/data/valid-mini, and tests/data/broken-plain/.

Each case of broken/ copies the valid data set (or geography), applies a few textual defects and
writes expected.txt: the exact diagnostics the loader must report, "file:line:column: message", one
per line, with file relative to the case directory. Messages are written out here by hand (they are
the specification the C++ loader is tested against); columns are computed from the defective text,
so that they are independent of the loader's own counting.

Each case of broken-plain/ is one plain input file and its expected.txt, the same way. The file's
name says how it is read (the C++, Python and CLI tests go by it):
  edges.csv        read_edge_list, weights as affinities (alueverkko metrics --edges)
  distances.csv    read_edge_list, weights as distances (--edges --weights-are-distances)
  memberships.csv  read_two_mode_list (--memberships)
  values.csv       read_place_values: municipality values in column 'value' for valid-mini's
                   geography mini-2021 (alueverkko map --values)

Run from anywhere:  /usr/bin/python3 tests/data/make_broken_corpus.py
"""
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
VALID_DATASET = HERE / "valid-mini" / "collaborations" / "mini"
VALID_GEOGRAPHY = HERE / "valid-mini" / "geography" / "mini-2021"
OUT = HERE / "broken"
OUT_PLAIN = HERE / "broken-plain"

ACTOR_KINDS = ("municipality, region, subregion, regional_council, joint_municipal_authority, "
               "development_company, university, university_of_applied_sciences, vocational_institution, "
               "research_institute, government_agency, association, leader_group, company, group, "
               "foreign_municipality, foreign_region, foreign_organisation, other")
NETWORK_KINDS = "proposal, network, programme, project, strategy"
TRACKS = "development_zone, thematic_network, or empty"
STATUSES = "member, planned, invited, mentioned"
ROLES = "lead, co_lead, coordinator, implementer, partner, funder, interested, endpoint, area, context, or empty"
ORIENTATIONS = "top-down, bottom-up, mixed, or empty"
SIZE_BINS = "(A >= 100000, B >= 25000, C >= 10000, D >= 4000, E below)"
INVALID_ID = ": use only letters A-Z a-z, digits and . _ -"

CASES = []


def case(name, base, edits, expected):
    """edits: file -> function(text) -> text, or None to delete the file."""
    CASES.append((name, base, edits, expected))


def col(text, line, needle, nth=1):
    """1-based character column of the nth occurrence of needle on 1-based line `line`."""
    row = text.split("\n")[line - 1]
    at = -1
    for _ in range(nth):
        at = row.index(needle, at + 1)
    return at + 1


def at(files, name, line, needle, nth=1, shift=0):
    """file:line:column of the nth `needle` on `line`, moved right by `shift` characters."""
    return f"{name}:{line}:{col(files[name], line, needle, nth) + shift}"


def end_col(files, name, line):
    return len(files[name].split("\n")[line - 1]) + 1


def sub(old, new, count=1):
    def edit(text):
        assert text.count(old) >= count, (old, text)
        return text.replace(old, new, count)
    return edit


def chain(*edits):
    def edit(text):
        for e in edits:
            text = e(text)
        return text
    return edit


def set_line(line, new):
    def edit(text):
        rows = text.split("\n")
        rows[line - 1] = new
        return "\n".join(rows)
    return edit


def delete_line(line):
    def edit(text):
        rows = text.split("\n")
        del rows[line - 1]
        return "\n".join(rows)
    return edit


def append(extra):
    return lambda text: text + extra


# ------------------------------------------------------------------ CSV structure
case("csv-invalid-utf8", "dataset",
     {"actors.csv": sub("Kemiönsaari,municipality", "Kemi\udcf6nsaari,municipality")},
     lambda f: [f"{at(f, 'actors.csv', 6, chr(0xdcf6))}: invalid UTF-8 (byte 0xF6); the file must be UTF-8 encoded"])

case("csv-bom", "dataset", {"actors.csv": lambda t: "\ufeff" + t},
     lambda f: ["actors.csv:1:1: file starts with a byte order mark (BOM); save it as UTF-8 without BOM"])

case("csv-crlf", "dataset", {"memberships.csv": lambda t: t.replace("\n", "\r\n")},
     lambda f: [f"memberships.csv:1:{len('network_id,actor_id,status,role,weight,start,end,source') + 1}: "
                "CRLF line end (\\r\\n); line ends must be \\n only (13 CRLFs in the file, this is the first)"])

case("csv-semicolon", "dataset", {"networks.csv": lambda t: t.replace(",", ";")},
     lambda f: [f"{at(f, 'networks.csv', 1, ';')}: fields are separated by ';' but the separator must be ','"])

case("csv-empty-file", "dataset", {"memberships.csv": lambda t: ""},
     lambda f: ["memberships.csv:0:0: empty file; expected a header line "
                "(required columns: network_id, actor_id, status)"])

case("csv-missing-header", "dataset", {"actors.csv": delete_line(1)},
     lambda f: ["actors.csv:1:0: missing header line: the first line has none of the expected column names "
                "(required columns: actor_id, name, kind)"])

case("csv-empty-first-line", "dataset", {"aliases.csv": lambda t: "\n" + t},
     lambda f: ["aliases.csv:1:0: missing header line: the first line is empty (required columns: alias, actor_id)"])

case("csv-blank-line", "dataset", {"memberships.csv": sub("\nn-meri,kunta-322", "\n\nn-meri,kunta-322")},
     lambda f: ["memberships.csv:7:0: empty line (expected 8 fields)"])

case("csv-too-many-fields", "dataset",
     {"networks.csv": sub("Itämeren yhteistyö,", "Itämeren yhteistyö, Itämeri,")},
     lambda f: [f"networks.csv:4:{end_col(f, 'networks.csv', 4)}: too many fields: expected 15 (as in the header), got 16"])

case("csv-too-few-fields", "dataset", {"memberships.csv": sub("n-itameri,c6,planned,interested,,,,",
                                                              "n-itameri,c6,planned,interested,,,")},
     lambda f: ["memberships.csv:13:0: too few fields: expected 8 (as in the header), got 7"])

case("csv-unterminated-quote", "dataset",
     {"networks.csv": sub('"archipelago|tourism, culture"', '"archipelago|tourism, culture')},
     lambda f: [f"{at(f, 'networks.csv', 3, chr(34))}: unterminated quoted field: no closing '\"' before the end "
                "of the file"])

case("csv-stray-quote", "dataset", {"actors.csv": sub("mk-01,Uusimaa,", 'mk-01,Uusimaa "Nyland",')},
     lambda f: [f"{at(f, 'actors.csv', 8, chr(34))}: stray '\"' in an unquoted field; quote the whole field and "
                "double the '\"' inside it"])

case("csv-text-after-quote", "dataset",
     {"actors.csv": sub('University of Helsinki",', 'University of Helsinki" HY,')},
     lambda f: [f"{at(f, 'actors.csv', 11, ' HY')}: unexpected text after the closing '\"' of a quoted field; "
                "expected ',' or a line end"])

case("csv-unknown-column", "dataset",
     {"aliases.csv": lambda t: "\n".join(r + "," if r else r for r in t.split("\n")).replace(
         "alias,actor_id,", "alias,actor_id,language", 1)},
     lambda f: [f"{at(f, 'aliases.csv', 1, 'language')}: unknown column 'language' (allowed columns: alias, actor_id)"])

case("csv-missing-column", "dataset",
     {"memberships.csv": lambda t: "\n".join(
         ",".join(r.split(",")[:2] + r.split(",")[3:]) if r else r for r in t.split("\n"))},
     lambda f: ["memberships.csv:1:0: missing required column 'status' "
                "(required columns: network_id, actor_id, status)"])

case("csv-duplicate-column", "dataset", {"actors.csv": sub("area_code,country,", "area_code,kind,")},
     lambda f: [f"{at(f, 'actors.csv', 1, 'kind', 2)}: duplicate column 'kind' (already field 3 of the header)"])

# ------------------------------------------------------------------ dataset.json
case("json-syntax-error", "dataset", {"dataset.json": sub('"format_version": 1,', '"format_version": 1')},
     lambda f: [f"{at(f, 'dataset.json', 4, chr(34))}: invalid JSON: syntax error while parsing object - "
                "unexpected string literal; expected '}'"])

case("json-schema", "dataset",
     {"dataset.json": chain(sub('"alueverkko-dataset"', '"alueverkko-geography"'),
                            sub('"format_version": 1,', '"format_version": 2,'),
                            sub('  "title": "Mini test data set",\n', ''),
                            sub('"reference_year": 2021,', '"reference_year": "2021", "author": "me",'))},
     lambda f: ["dataset.json:1:1: missing required key 'title'",
                f"{at(f, 'dataset.json', 2, chr(34), 3)}: "
                'format must be "alueverkko-dataset", got "alueverkko-geography"',
                f"{at(f, 'dataset.json', 3, '2')}: unsupported format_version 2 (this version of alueverkko reads 1)",
                f"{at(f, 'dataset.json', 6, chr(34), 3)}: 'reference_year' must be an integer, got a string",
                f"{at(f, 'dataset.json', 6, chr(34) + 'author')}: unknown key 'author' (allowed keys: format, "
                "format_version, name, title, description, reference_year, geography, sources, notes)"])

case("json-geography-mismatch", "dataset", {"dataset.json": sub('"mini-2021"', '"fi-2021"')},
     lambda f: [f"{at(f, 'dataset.json', 8, chr(34) + 'fi-2021')}: geography 'fi-2021' does not match the geography "
                "'mini-2021' the data set is checked against"])

# ------------------------------------------------------------------ actors.csv
case("actors-unknown-municipality", "dataset",
     {"actors.csv": sub("regional_council,091,", "regional_council,999,")},
     lambda f: [f"{at(f, 'actors.csv', 10, '999')}: unknown municipality_code '999' (not in geography mini-2021)"])

case("actors-area-code", "dataset",
     {"actors.csv": chain(sub(",MK01,", ",MK99,"), sub(",SK025,", ",XK025,"),
                          sub("regional_council,091,MK01", "regional_council,091,SK011"))},
     lambda f: [f"{at(f, 'actors.csv', 8, 'MK99')}: unknown area_code 'MK99': no region 99 in geography mini-2021",
                f"{at(f, 'actors.csv', 9, 'XK025')}: invalid area_code 'XK025': expected MK<region code> (e.g. MK01) "
                "or SK<sub-region code> (e.g. SK011)",
                f"{at(f, 'actors.csv', 10, 'SK011')}: a regional council's area_code must be MK<region code>"])

case("actors-duplicate-id", "dataset", {"actors.csv": sub("c6,Kuusikko", "tallinn,Kuusikko")},
     lambda f: ["actors.csv:13:1: duplicate actor_id 'tallinn' (first defined at line 12)",
                f"{at(f, 'memberships.csv', 13, 'c6')}: unknown actor_id 'c6' (not in actors.csv)",
                f"{at(f, 'aliases.csv', 11, 'c6')}: unknown actor_id 'c6' (not in actors.csv)"])

case("actors-bad-kind", "dataset", {"actors.csv": sub(",university,091", ",univ,091")},
     lambda f: [f"{at(f, 'actors.csv', 11, 'univ,')}: invalid kind 'univ' (allowed: {ACTOR_KINDS})"])

case("actors-municipality-rules", "dataset",
     {"actors.csv": chain(sub("kunta-018,Askola,municipality,018,", "kunta-018,Askola,municipality,,"),
                          sub("kunta-049,Espoo,municipality,049,", "kunta-049,Espoo,municipality,091,"))},
     lambda f: ["actors.csv:3:1: a municipality actor's id must be 'kunta-091' (kunta-<municipality_code>)",
                f"actors.csv:5:{col(f['actors.csv'], 5, ',,') + 1}: an actor of kind municipality needs a "
                "municipality_code"])

case("actors-bad-numbers", "dataset",
     {"actors.csv": chain(sub(",,,,,,6,", ",,,,,,0,"), sub(",EE,59.437,", ",EE,north,"))},
     lambda f: [f"{at(f, 'actors.csv', 12, 'north')}: invalid lat 'north': expected a number from -90 to 90",
                f"{at(f, 'actors.csv', 13, '0,')}: invalid declared_size '0': expected an integer >= 1"])

case("actors-lat-lon", "dataset",
     {"actors.csv": chain(sub(",EE,59.437,24.7536,", ",EE,59.437,,"),
                          sub("kunta-091,Helsinki,municipality,091,,FI,,,", "kunta-091,Helsinki,municipality,091,,FI,60.17,24.94,"),
                          sub("c6,Kuusikko,group,,,,,,6", "c6,Kuusikko,group,,,,95,20,6"))},
     lambda f: [f"{at(f, 'actors.csv', 2, '60.17')}: lat/lon are only for actors outside the geography, but this "
                "actor has a municipality_code",
                f"{at(f, 'actors.csv', 12, '59.437')}: lat given without lon; give both or neither",
                f"{at(f, 'actors.csv', 13, '95')}: invalid lat '95': expected a number from -90 to 90"])

case("actors-country", "dataset",
     {"actors.csv": chain(sub(",EE,", ",EST,"), sub("municipality,091,,FI,", "municipality,091,,SE,"))},
     lambda f: [f"{at(f, 'actors.csv', 2, '091', 2)}: an actor outside Finland (country SE) cannot have a municipality_code",
                f"{at(f, 'actors.csv', 12, 'EST')}: invalid country 'EST': expected an ISO 3166-1 alpha-2 code such as FI"])

# ------------------------------------------------------------------ networks.csv
case("networks-bad-enums", "dataset",
     {"networks.csv": chain(sub("n-kasvu,Kasvuvyöhyke,proposal,Growth zone,development_zone",
                                "n-kasvu,Kasvuvyöhyke,proposals,Growth zone,development-zone"),
                            sub(",bottom-up,", ",bottom up,"), sub(",,1,EU,", ",,yes,EU,"))},
     lambda f: [f"{at(f, 'networks.csv', 2, 'proposals')}: invalid kind 'proposals' (allowed: {NETWORK_KINDS})",
                f"{at(f, 'networks.csv', 2, 'development-zone')}: invalid track 'development-zone' (allowed: {TRACKS})",
                f"{at(f, 'networks.csv', 2, 'bottom up')}: invalid orientation 'bottom up' (allowed: {ORIENTATIONS})",
                f"{at(f, 'networks.csv', 3, 'yes')}: invalid regional_towns 'yes' (allowed: 0, 1, or empty)"])

case("networks-values", "dataset",
     {"networks.csv": chain(sub("growth|transport,5,2021,", "growth||transport,five,2023,"),
                            sub(",2021-03-01,", ",2021-02-30,"))},
     lambda f: [f"{at(f, 'networks.csv', 2, 'growth')}: empty theme in themes 'growth||transport' "
                "(themes are separated by '|')",
                f"{at(f, 'networks.csv', 2, 'five')}: invalid declared_members 'five': expected a non-negative integer",
                f"{at(f, 'networks.csv', 2, '2023')}: start 2023 is after end 2022-06-30",
                f"{at(f, 'networks.csv', 3, '2021-02-30')}: invalid start '2021-02-30': expected YYYY or YYYY-MM-DD"])

# ------------------------------------------------------------------ memberships.csv
case("memberships-unknown-refs", "dataset",
     {"memberships.csv": chain(sub("n-kasvu,kunta-049", "n-kasvuu,kunta-049"),
                               sub("n-meri,tallinn", "n-meri,tallin"))},
     lambda f: ["memberships.csv:3:1: unknown network_id 'n-kasvuu' (not in networks.csv)",
                f"{at(f, 'memberships.csv', 10, 'tallin')}: unknown actor_id 'tallin' (not in actors.csv)"])

case("memberships-duplicate-pair", "dataset",
     {"memberships.csv": sub("n-itameri,tallinn,member", "n-itameri,liitto-01,member")},
     lambda f: [f"{at(f, 'memberships.csv', 12, 'liitto-01')}: duplicate membership of actor 'liitto-01' in network "
                "'n-itameri' (first at line 11)"])

case("memberships-two-leads", "dataset",
     {"memberships.csv": sub("n-kasvu,kunta-049,member,partner", "n-kasvu,kunta-049,member,lead")},
     lambda f: [f"{at(f, 'memberships.csv', 3, 'lead')}: second lead of network 'n-kasvu': 'kunta-091' is its lead "
                "already (line 2); a network has at most one lead"])

case("memberships-bad-enums", "dataset",
     {"memberships.csv": chain(sub("kunta-638,planned", "kunta-638,planed"),
                               sub("uni-helsinki,member,partner", "uni-helsinki,member,partners"),
                               sub("mk-01,mentioned,", "mk-01,,"))},
     lambda f: [f"{at(f, 'memberships.csv', 4, 'planed')}: invalid status 'planed' (allowed: {STATUSES})",
                f"{at(f, 'memberships.csv', 5, 'partners')}: invalid role 'partners' (allowed: {ROLES})",
                f"{at(f, 'memberships.csv', 6, ',,', shift=1)}: missing value for required column 'status'"])

case("memberships-bad-values", "dataset",
     {"memberships.csv": chain(sub(",,0.5,", ",,-0.5,"), sub("partner,1,,,", "partner,heavy,,,"),
                               sub(",2021,2023,", ",2024,2023,"))},
     lambda f: [f"{at(f, 'memberships.csv', 3, 'heavy')}: invalid weight 'heavy': expected a non-negative number",
                f"{at(f, 'memberships.csv', 4, '-0.5')}: invalid weight '-0.5': expected a non-negative number",
                f"{at(f, 'memberships.csv', 7, '2024')}: start 2024 is after end 2023"])

# ------------------------------------------------------------------ sources (three files)
case("sources-invalid", "dataset",
     {"actors.csv": sub("000_test.txt:1-5", "002_test.txt:1-5"),
      "networks.csv": sub("000_test.txt:30-40", "000_test.txt"),
      "memberships.csv": sub("001_test.txt:51-52", "001_test.txt:52-51")},
     lambda f: [f"{at(f, 'actors.csv', 2, '002_test')}: source file '002_test.txt' is not listed in the sources of "
                "dataset.json",
                f"{at(f, 'networks.csv', 2, '000_test')}: invalid source '000_test.txt': expected FILE:RANGES, "
                "e.g. doc.txt:84-181;200",
                f"{at(f, 'memberships.csv', 7, '001_test')}: invalid source '001_test.txt:52-51': expected FILE:RANGES, "
                "e.g. doc.txt:84-181;200"])

# ------------------------------------------------------------------ aliases.csv
case("aliases-unknown-actor", "dataset", {"aliases.csv": sub("Esbo,kunta-049", "Esbo,kunta-94")},
     lambda f: [f"{at(f, 'aliases.csv', 4, 'kunta-94')}: unknown actor_id 'kunta-94' (not in actors.csv)"])

case("aliases-ambiguous", "dataset",
     {"aliases.csv": append("Helsinki,kunta-049\nhelsingfors,kunta-638\nHELSINGFORS,kunta-091\n")},
     lambda f: ["aliases.csv:12:1: ambiguous alias 'Helsinki': it is also the name of actor 'kunta-091' "
                "(actors.csv line 2)",
                "aliases.csv:13:1: ambiguous alias 'helsingfors': line 2 makes it an alias of actor 'kunta-091'",
                "aliases.csv:14:1: duplicate alias 'HELSINGFORS' (already at line 2)"])

# ------------------------------------------------------------------ several problems
case("multiple-problems-one-file", "dataset",
     {"actors.csv": chain(sub("kunta-049,Espoo,municipality", "kunta-049,Espoo,"),
                          sub("kunta-018,Askola", "kunta 018,Askola"),
                          sub("kunta-322,Kemiönsaari,", "kunta-322,,"),
                          sub("kunta-445,Parainen,municipality,445,,,,,,", "kunta-445,Parainen,municipality,445,,,,,"))},
     lambda f: [f"{at(f, 'actors.csv', 3, ',,', shift=1)}: missing value for required column 'kind'",
                f"actors.csv:5:1: invalid actor_id 'kunta 018'{INVALID_ID}",
                f"{at(f, 'actors.csv', 6, ',,', shift=1)}: missing value for required column 'name'",
                "actors.csv:7:0: too few fields: expected 10 (as in the header), got 9"])

case("problems-in-two-files", "dataset",
     {"networks.csv": sub(",programme,", ",programm,"),
      "aliases.csv": sub("Åboland,sk-025", "Åboland,sk-25")},
     lambda f: [f"{at(f, 'networks.csv', 4, 'programm')}: invalid kind 'programm' (allowed: {NETWORK_KINDS})",
                f"{at(f, 'aliases.csv', 9, 'sk-25')}: unknown actor_id 'sk-25' (not in actors.csv)"])

case("missing-file", "dataset", {"networks.csv": None},
     lambda f: ["networks.csv:0:0: file not found"])

# ------------------------------------------------------------------ geography
case("geo-size-class", "geography", {"municipalities.csv": sub("200.7,D", "200.7,E")},
     lambda f: [f"{at(f, 'municipalities.csv', 2, ',E', shift=1)}: size_class 'E' does not match population_2021 4891: "
                f"expected 'D' {SIZE_BINS}"])

case("geo-sum-mismatch", "geography",
     {"subregions.csv": sub("01,2,949833,951253", "01,3,949833,951254"),
      "regions.csv": sub("2,21854,21751", "2,21855,21751")},
     lambda f: [f"{at(f, 'subregions.csv', 2, ',3,', shift=1)}: n_municipalities 3 does not match municipalities.csv, "
                "which has 2 municipalities in sub-region 011",
                f"{at(f, 'subregions.csv', 2, '951254')}: population_2021 951254 does not match the sum over its "
                "municipalities in municipalities.csv (951253)",
                f"{at(f, 'regions.csv', 3, '21855')}: population_2020 21855 does not match the sum over its "
                "municipalities in municipalities.csv (21854)"])

case("geo-unknown-codes", "geography",
     {"municipalities.csv": sub("0,0,015,01,4900", "0,0,016,01,4900"),
      "subregions.csv": sub(",02,2,21854", ",03,2,21854")},
     lambda f: [f"{at(f, 'municipalities.csv', 2, '016')}: unknown subregion_code '016' (not in subregions.csv)",
                f"{at(f, 'subregions.csv', 4, ',03,', shift=1)}: unknown region_code '03' (not in regions.csv)"])

case("geo-region-mismatch", "geography", {"municipalities.csv": sub("1,1,015,01,50380", "1,1,015,02,50380")},
     lambda f: [f"{at(f, 'municipalities.csv', 7, ',02,', shift=1)}: region_code '02' differs from region '01' of "
                "sub-region 015 (subregions.csv line 3)"])

case("geo-duplicate-code", "geography", {"regions.csv": sub("02,Varsinais-Suomi", "01,Varsinais-Suomi")},
     lambda f: [f"{at(f, 'municipalities.csv', 5, ',02,', shift=1)}: unknown region_code '02' (not in regions.csv)",
                f"{at(f, 'municipalities.csv', 6, ',02,', shift=1)}: unknown region_code '02' (not in regions.csv)",
                f"{at(f, 'subregions.csv', 4, ',02,', shift=1)}: unknown region_code '02' (not in regions.csv)",
                "regions.csv:3:1: duplicate region code '01' (first defined at line 2)"])

case("geo-non-numeric-population", "geography",
     {"municipalities.csv": sub("292913,292796,", "292913,292 796,"),
      "population.csv": sub("049,2020,292913", "049,2020,n/a")},
     lambda f: [f"{at(f, 'municipalities.csv', 3, '292 796')}: invalid population_2021 '292 796': expected a "
                "non-negative integer",
                f"{at(f, 'population.csv', 6, 'n/a')}: invalid population 'n/a': expected a non-negative integer"])

case("geo-lat-lon-range", "geography",
     {"municipalities.csv": chain(sub(",60.1699,", ",160.1699,"), sub(",22.73,", ",-222.73,"))},
     lambda f: [f"{at(f, 'municipalities.csv', 4, '160.1699')}: invalid centre_lat '160.1699': expected a number "
                "from -90 to 90",
                f"{at(f, 'municipalities.csv', 5, '-222.73')}: invalid centre_lon '-222.73': expected a number "
                "from -180 to 180"])

case("geo-bilingual", "geography",
     {"municipalities.csv": chain(sub("Askola,Askola,0,0,", "Askola,Askola,0,1,"),
                                  sub("Parainen,Pargas,3,", "Parainen,Pargas,4,"))},
     lambda f: [f"{at(f, 'municipalities.csv', 2, ',1,', shift=1)}: bilingual 1 does not match language_status 0 "
                "(bilingual is 1 for language_status 1 and 3, else 0)",
                f"{at(f, 'municipalities.csv', 6, '4,')}: invalid language_status '4': expected an integer from 0 to 3"])

case("geo-population-missing", "geography",
     {"population.csv": chain(delete_line(14), sub("638,2021,50619", "638,2021,50620"))},
     lambda f: ["population.csv:0:0: no population for municipality 445 in 2019",
                "population.csv:18:10: population 50620 of municipality 638 in 2021 differs from population_2021 "
                "50619 in municipalities.csv"])

case("geo-population-rows", "geography",
     {"population.csv": append("999,2021,100\n091,18,650000\n018,2019,4911\n")},
     lambda f: ["population.csv:20:1: unknown municipality_code '999' (not in municipalities.csv)",
                "population.csv:21:5: invalid year '18': expected an integer from 1000 to 9999",
                "population.csv:22:1: duplicate population of municipality 018 for 2019 (first at line 2)"])

case("geo-json", "geography",
     {"geography.json": chain(sub('"format_version": 1,', '"format_version": 2,'),
                              sub("[2020, 2021]", "[2021, 2020]"),
                              sub('  "attribution": "Test fixture for alueverkko; populations are approximate."\n',
                                  '  "licence": "CC0-1.0"\n'))},
     lambda f: ["geography.json:1:1: missing required key 'attribution'",
                f"{at(f, 'geography.json', 3, '2')}: unsupported format_version 2 (this version of alueverkko reads 1)",
                f"{at(f, 'geography.json', 7, '[')}: population_years must be [2020, 2021], the years of the "
                "population_YYYY columns (format_version 1)",
                f"{at(f, 'geography.json', 11, chr(34) + 'licence')}: unknown key 'licence' (allowed keys: format, "
                "format_version, id, name, reference_year, population_years, sources, attribution)"])

case("geo-missing-file", "geography", {"population.csv": None},
     lambda f: ["population.csv:0:0: file not found"])


# ------------------------------------------------------------------ plain inputs (broken-plain/)
PLAIN_CASES = []
WEIGHT = "expected a non-negative number"
VALUE = "expected a finite number"
EDGE_COLUMNS = "(required columns: source, target)"
SPACES = "has leading or trailing spaces (names are compared exactly)"


def plain_case(name, file, text, expected):
    """text: the file's content (surrogateescape for bytes that are not UTF-8); expected(files) as above."""
    PLAIN_CASES.append((name, file, text, expected))


def field(files, name, line, index):
    """file:line:column of field `index` (0-based) of an unquoted line."""
    row = files[name].split("\n")[line - 1]
    return f"{name}:{line}:{len(','.join(row.split(',')[:index])) + (1 if index == 0 else 2)}"


plain_case("edges-bad-numbers", "edges.csv",
           "source,target,weight\na,b,x\nb,c,+1\nc,d,1.5.2\nd,e,0x10\ne,f, 2\nf,g,1e999\ng,h,2e3\n",
           lambda f: [f"{field(f, 'edges.csv', line, 2)}: invalid weight '{value}': {WEIGHT}"
                      for line, value in ((2, "x"), (3, "+1"), (4, "1.5.2"), (5, "0x10"), (6, " 2"), (7, "1e999"))])

plain_case("edges-nan-inf-negative", "edges.csv",
           "source,target,weight\na,b,nan\nb,c,inf\nc,d,-inf\nd,e,-0.5\ne,f,NaN\nf,g,0\n",
           lambda f: [f"{field(f, 'edges.csv', line, 2)}: invalid weight '{value}': {WEIGHT}"
                      for line, value in ((2, "nan"), (3, "inf"), (4, "-inf"), (5, "-0.5"), (6, "NaN"))])

plain_case("edges-missing-column", "edges.csv", "source,weight\na,1\nb,2\n",
           lambda f: [f"edges.csv:1:0: missing required column 'target' {EDGE_COLUMNS}"])

plain_case("edges-ragged-rows", "edges.csv", "source,target,weight\na,b,1\nb,c\nc,d,1,extra\nd,e,1,,\ne,f,2\n",
           lambda f: ["edges.csv:3:0: too few fields: expected 3 (as in the header), got 2",
                      f"{field(f, 'edges.csv', 4, 3)}: too many fields: expected 3 (as in the header), got 4",
                      f"{field(f, 'edges.csv', 5, 3)}: too many fields: expected 3 (as in the header), got 5"])

plain_case("edges-invalid-utf8", "edges.csv",
           "source,target\nHelsinki,Espoo\nÅbo,Pori\udcff\nVaasa\udcc3,Oulu\n\udcfe\udcfe,Kemi\n",
           lambda f: [f"{at(f, 'edges.csv', 3, chr(0xdcff))}: invalid UTF-8 (byte 0xFF); the file must be UTF-8 encoded",
                      f"{at(f, 'edges.csv', 4, chr(0xdcc3))}: invalid UTF-8 (byte 0xC3); the file must be UTF-8 encoded",
                      "edges.csv:5:1: invalid UTF-8 (byte 0xFE); the file must be UTF-8 encoded"])

plain_case("edges-bom", "edges.csv", "\ufeffsource,target,weight\na,b,1\nb,c,x\n",
           lambda f: ["edges.csv:1:1: file starts with a byte order mark (BOM); save it as UTF-8 without BOM",
                      f"{field(f, 'edges.csv', 3, 2)}: invalid weight 'x': {WEIGHT}"])

plain_case("edges-empty-file", "edges.csv", "",
           lambda f: [f"edges.csv:0:0: empty file; expected a header line {EDGE_COLUMNS}"])

plain_case("edges-duplicate-header", "edges.csv", "source,target,target\na,b,c\n",
           lambda f: [f"{at(f, 'edges.csv', 1, 'target', 2)}: duplicate column 'target' (already field 2 of the header)"])

plain_case("edges-header-order", "edges.csv", "source,weight,target\na,1,b\n",
           lambda f: [f"{at(f, 'edges.csv', 1, 'weight')}: header must be exactly 'source,target' or "
                      "'source,target,weight' (in this order), got 'source,weight,target'"])

plain_case("edges-semicolon", "edges.csv", "source;target;weight\na;b;1\n",
           lambda f: [f"{at(f, 'edges.csv', 1, ';')}: fields are separated by ';' but the separator must be ','"])

plain_case("edges-names-spaces", "edges.csv", 'source,target\n Helsinki,Espoo\nEspoo,Vantaa \n"Turku\t",Pori\n',
           lambda f: [f"edges.csv:2:1: source ' Helsinki' {SPACES}",
                      f"{field(f, 'edges.csv', 3, 1)}: target 'Vantaa ' {SPACES}",
                      f"edges.csv:4:1: source 'Turku\\t' {SPACES}"])

plain_case("edges-empty-names", "edges.csv", "source,target,weight\n\na,,1\n,b,2\n",
           lambda f: ["edges.csv:2:0: empty line (expected 3 fields)",
                      f"{field(f, 'edges.csv', 3, 1)}: missing value for required column 'target'",
                      "edges.csv:4:1: missing value for required column 'source'"])

plain_case("edges-quoting", "edges.csv", 'source,target\na"b,c\n"d" e,f\ng,"h\n',
           lambda f: [f"{at(f, 'edges.csv', 2, chr(34))}: stray '\"' in an unquoted field; quote the whole field "
                      "and double the '\"' inside it",
                      f"{at(f, 'edges.csv', 3, ' e')}: unexpected text after the closing '\"' of a quoted field; "
                      "expected ',' or a line end",
                      f"{at(f, 'edges.csv', 4, chr(34))}: unterminated quoted field: no closing '\"' before the end "
                      "of the file"])

plain_case("edges-stray-cr", "edges.csv", "source,target\nab\rc,d\ne,f\n",
           lambda f: [f"{at(f, 'edges.csv', 2, chr(13))}: carriage return (\\r) not followed by a line feed; "
                      "line ends must be \\n"])

plain_case("distances-duplicate-pair", "distances.csv",
           "source,target,weight\nHelsinki,Espoo,16\nEspoo,Vantaa,14\nEspoo,Helsinki,17\nVantaa,Vantaa,0\n",
           lambda f: ["distances.csv:4:1: duplicate edge 'Espoo' - 'Helsinki' (first at line 2); distances of a "
                      "pair are not summed: list each pair once"])

plain_case("memberships-duplicate-pair", "memberships.csv",
           "actor,network,weight\nHelsinki,HSL,1\nEspoo,HSL,1\nHelsinki,Kasvu,2\nHelsinki,HSL,3\n",
           lambda f: ["memberships.csv:5:1: duplicate membership of actor 'Helsinki' in network 'HSL' "
                      "(first at line 2)"])

plain_case("memberships-edge-list-header", "memberships.csv", "source,target\na,b\n",
           lambda f: ["memberships.csv:1:0: missing header line: the first line has none of the expected column "
                      "names (required columns: actor, network)"])

plain_case("memberships-bad-weights", "memberships.csv", "actor,network,weight\na,n1,\nb,n1,-1\nc,n1,nan\nd,n2,1e400\ne,n2,2\n",
           lambda f: [f"{field(f, 'memberships.csv', 2, 2)}: missing value for required column 'weight'",
                      *(f"{field(f, 'memberships.csv', line, 2)}: invalid weight '{value}': {WEIGHT}"
                        for line, value in ((3, "-1"), (4, "nan"), (5, "1e400")))])

plain_case("memberships-bom-only", "memberships.csv", "\ufeff",
           lambda f: ["memberships.csv:0:0: empty file; expected a header line (required columns: actor, network)"])

plain_case("memberships-unknown-column", "memberships.csv", "actor,network,role\na,n,lead\n",
           lambda f: [f"{at(f, 'memberships.csv', 1, 'role')}: unknown column 'role' (allowed columns: actor, "
                      "network, weight)"])

plain_case("memberships-empty-first-line", "memberships.csv", "\nactor,network\na,n\n",
           lambda f: ["memberships.csv:1:0: missing header line: the first line is empty (required columns: actor, "
                      "network)"])

plain_case("values-unknown-code", "values.csv", "code,value\n091,1\n999,2\n91,3\nMK01,4\n",
           lambda f: [f"values.csv:{line}:1: unknown municipality code '{code}' (geography mini-2021)"
                      for line, code in ((3, "999"), (4, "91"), (5, "MK01"))])

plain_case("values-repeated-code", "values.csv", "code,value\n091,1\n049,2\n091,3\n",
           lambda f: ["values.csv:4:1: code '091' repeated (first on line 2)"])

plain_case("values-bad-numbers", "values.csv",
           'name,code,value\nHelsinki,091,n/a\nEspoo,049,"1,5"\nAskola,018,nan\nKemiönsaari,322,-inf\n'
           'Parainen,445,1e999\nPorvoo,638, 7\n',
           lambda f: [f"{field(f, 'values.csv', line, 2)}: invalid value '{value}': {VALUE}"
                      for line, value in ((2, "n/a"), (3, "1,5"), (4, "nan"), (5, "-inf"), (6, "1e999"), (7, " 7"))])

plain_case("values-missing-column", "values.csv", "code,rate\n091,1\n",
           lambda f: ["values.csv:1:0: missing required column 'value' (required columns: code, value)"])

plain_case("values-bom-crlf", "values.csv", "\ufeffcode,value\r\n091,1\r\n092,2\r\n",
           lambda f: ["values.csv:1:1: file starts with a byte order mark (BOM); save it as UTF-8 without BOM",
                      "values.csv:3:1: unknown municipality code '092' (geography mini-2021)"])

plain_case("values-empty-file", "values.csv", "",
           lambda f: ["values.csv:0:0: empty file; expected a header line (required columns: code, value)"])

plain_case("values-duplicate-header", "values.csv", "code,value,note,note\n091,1,a,b\n",
           lambda f: [f"{at(f, 'values.csv', 1, 'note', 2)}: duplicate column 'note' (already field 3 of the header)"])

plain_case("values-ragged-rows", "values.csv", "code,value,note\n091,1\n049,2,x,y\n",
           lambda f: ["values.csv:2:0: too few fields: expected 3 (as in the header), got 2",
                      f"{field(f, 'values.csv', 3, 3)}: too many fields: expected 3 (as in the header), got 4"])

plain_case("values-invalid-utf8", "values.csv", "code,value,name\n091,1,Helsinki\n322,2,Kemi\udcf6nsaari\n",
           lambda f: [f"{at(f, 'values.csv', 3, chr(0xdcf6))}: invalid UTF-8 (byte 0xF6); the file must be UTF-8 "
                      "encoded"])


# ------------------------------------------------------------------ for the tests (tests/python, tests/cli)
def case_dirs(corpus):
    """The case directories of a corpus (OUT or OUT_PLAIN), by name."""
    return sorted(p for p in corpus.iterdir() if p.is_dir())


def expected_lines(case):
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def plain_input(case):
    """The one input file of a broken-plain case."""
    (path,) = [p for p in case.iterdir() if p.name != "expected.txt"]
    return path


def snapshot(directory):
    """Every path under `directory` with its content (None for a directory) and modification time:
    what a failed load or command must leave as it was."""
    return {str(p.relative_to(directory)): (None if p.is_dir() else p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(directory.rglob("*"))}


def write_expected(target, lines):
    (target / "expected.txt").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    for name, base, edits, expected in CASES:
        source = VALID_DATASET if base == "dataset" else VALID_GEOGRAPHY
        target = OUT / name
        shutil.copytree(source, target)
        files = {p.name: p.read_text(encoding="utf-8") for p in source.iterdir() if p.is_file()}
        for file, edit in edits.items():
            if edit is None:
                (target / file).unlink()
                continue
            files[file] = edit(files[file])
            # surrogateescape lets a case write bytes that are not UTF-8 (csv-invalid-utf8).
            (target / file).write_bytes(files[file].encode("utf-8", "surrogateescape"))
        write_expected(target, expected(files))
    print(f"wrote {len(CASES)} cases to {OUT}")

    if OUT_PLAIN.exists():
        shutil.rmtree(OUT_PLAIN)
    OUT_PLAIN.mkdir()
    for name, file, text, expected in PLAIN_CASES:
        target = OUT_PLAIN / name
        target.mkdir()
        (target / file).write_bytes(text.encode("utf-8", "surrogateescape"))
        write_expected(target, expected({file: text}))
    print(f"wrote {len(PLAIN_CASES)} cases to {OUT_PLAIN}")


if __name__ == "__main__":
    main()
