#include <alueverkko/data/dataset.hpp>
#include <alueverkko/data/name_key.hpp>
#include <alueverkko/geo/geography.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

using alueverkko::name_key;

TEST_CASE("name_key: case-insensitive, accents removed, å ä ö kept", "[name_key]") {
  CHECK(name_key("HÄMEENLINNA") == name_key("Hämeenlinna"));
  CHECK(name_key("Hämeenlinna") == "hämeenlinna");
  CHECK(name_key("hameenlinna") != name_key("hämeenlinna"));
  CHECK(name_key("Kemiönsaari") == name_key("KEMIÖNSAARI"));
  CHECK(name_key("Jyväskylä") != name_key("Jyvaskyla"));
  CHECK(name_key("Sodankylä") == "sodankylä");
  CHECK(name_key("é") == "e");
  CHECK(name_key("Åbo") == "åbo");
  CHECK(name_key("ÅBO") != name_key("Abo"));
  CHECK(name_key("Öja") == "öja");
  CHECK(name_key("Ylöjärvi") == name_key("YLÖJÄRVI"));
}

TEST_CASE("name_key: Latin-1 and Latin Extended-A letters", "[name_key]") {
  CHECK(name_key("Ähtäri") == "ähtäri");
  CHECK(name_key("Crème Brûlée") == "creme brulee");
  CHECK(name_key("Ñuñoa") == "nunoa");
  CHECK(name_key("Straße") == "strasse");
  CHECK(name_key("Ærø") == "ærø");
  CHECK(name_key("Šibenik") == "sibenik");
  CHECK(name_key("ŽILINA") == "zilina");
  CHECK(name_key("Łódź") == "lodz");
  CHECK(name_key("Œuvre") == "oeuvre");
  CHECK(name_key("Ĳssel") == "ijssel");
  CHECK(name_key("Ü") == "u");
  CHECK(name_key("Ÿ") == "y");
}

TEST_CASE("name_key: white space, dashes, decomposed input", "[name_key]") {
  CHECK(name_key("  Keski -  Suomi ") == "keski - suomi");
  CHECK(name_key("Etelä\u2013Pohjanmaa") == "etelä-pohjanmaa");
  CHECK(name_key("Pietarsaaren\u00a0seutu") == "pietarsaaren seutu");
  CHECK(name_key("O\u2019Brien") == "o'brien");
  CHECK(name_key("Ha\u0308meenlinna") == "hämeenlinna");  // a + combining diaeresis
  CHECK(name_key("A\u030abo") == "åbo");                   // A + combining ring
  CHECK(name_key("Jose\u0301") == "jose");                 // other combining marks dropped
  CHECK(name_key("\xff") == "\xef\xbf\xbd");               // invalid UTF-8 -> U+FFFD
  CHECK(name_key("") == "");
}

TEST_CASE("find_actor resolves ids, names and aliases", "[name_key][dataset]") {
  namespace fs = std::filesystem;
  const fs::path mini = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data" / "valid-mini";
  const auto geography = alueverkko::load_geography(mini / "geography" / "mini-2021");
  const auto dataset = alueverkko::load_dataset(mini / "collaborations" / "mini", geography);
  const auto id_of = [&](std::string_view query) -> std::string {
    const auto* actor = dataset.find_actor(query);
    return actor ? actor->id : "";
  };
  CHECK(id_of("kunta-322") == "kunta-322");
  CHECK(id_of("Kemiönsaari") == "kunta-322");
  CHECK(id_of("KEMIÖNSAARI") == "kunta-322");
  CHECK(id_of("kimitoön") == "kunta-322");  // alias
  CHECK(id_of("Kemionsaari").empty());      // ö is a letter of its own
  CHECK(id_of("HELSINGFORS") == "kunta-091");
  CHECK(id_of("helsingin") == "kunta-091");
  CHECK(id_of("  borgå ") == "kunta-638");
  CHECK(id_of("Borga").empty());
  CHECK(id_of("ÅBOLAND") == "sk-025");
  CHECK(id_of("helsingin yliopisto, university of helsinki") == "uni-helsinki");
  CHECK(id_of("hy") == "uni-helsinki");
  CHECK(id_of("Kuuden suurimman kaupungin ryhmä") == "c6");
  CHECK(id_of("Tampere").empty());
  CHECK(id_of("").empty());
}
