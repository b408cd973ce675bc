#include <alueverkko/io/gexf.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

using namespace alueverkko;

namespace {

GraphTables small() {
  GraphTables t;
  t.nodes.add_column("id", Table::Strings{"091", "<script>alert(1)</script>"});
  t.nodes.add_column("label", Table::Strings{"Helsinki", "AT&T \"Oy\"\nline"});
  t.nodes.add_column("population", Table::Integers{658457, 0});
  t.nodes.add_column("share", Table::Reals{0.25, std::nan("")});
  t.nodes.add_column("place", Table::Integers{1, 0});
  t.edges.add_column("source", Table::Strings{"091"});
  t.edges.add_column("target", Table::Strings{"<script>alert(1)</script>"});
  t.edges.add_column("weight", Table::Reals{0.1});
  t.edges.add_column("status", Table::Strings{"member"});
  t.boolean_columns = {"place"};
  t.description = "weights: collaboration affinity & more";
  return t;
}

std::string gexf(const GraphTables& t, const GexfOptions& options = {}) {
  std::ostringstream out;
  write_gexf(t, out, options);
  return out.str();
}

}  // namespace

TEST_CASE("GEXF declares typed node and edge attributes and uses the built-in label and weight", "[gexf]") {
  const std::string xml = gexf(small());
  CHECK(xml.find("<gexf xmlns=\"http://www.gexf.net/1.2draft\"") != std::string::npos);
  CHECK(xml.find("<description>weights: collaboration affinity &amp; more</description>") != std::string::npos);
  CHECK(xml.find("<graph mode=\"static\" defaultedgetype=\"undirected\">") != std::string::npos);
  CHECK(xml.find("<attributes class=\"node\" mode=\"static\">\n"
                 "      <attribute id=\"0\" title=\"population\" type=\"long\"/>\n"
                 "      <attribute id=\"1\" title=\"share\" type=\"double\"/>\n"
                 "      <attribute id=\"2\" title=\"place\" type=\"boolean\"/>\n"
                 "    </attributes>") != std::string::npos);
  CHECK(xml.find("<attributes class=\"edge\" mode=\"static\">\n"
                 "      <attribute id=\"0\" title=\"status\" type=\"string\"/>\n"
                 "    </attributes>") != std::string::npos);
  CHECK(xml.find("<node id=\"091\" label=\"Helsinki\">\n"
                 "        <attvalues>\n"
                 "          <attvalue for=\"0\" value=\"658457\"/>\n"
                 "          <attvalue for=\"1\" value=\"0.25\"/>\n"
                 "          <attvalue for=\"2\" value=\"true\"/>\n"
                 "        </attvalues>") != std::string::npos);
  // The NaN share is left out.
  CHECK(xml.find("<attvalue for=\"0\" value=\"0\"/>\n          <attvalue for=\"2\" value=\"false\"/>") != std::string::npos);
  CHECK(xml.find("<edge id=\"0\" source=\"091\" target=\"&lt;script&gt;alert(1)&lt;/script&gt;\" weight=\"0.1\">\n"
                 "        <attvalues>\n"
                 "          <attvalue for=\"0\" value=\"member\"/>") != std::string::npos);
}

TEST_CASE("GEXF escapes hostile names in ids and labels", "[gexf]") {
  const std::string xml = gexf(small());
  CHECK(xml.find("<script>") == std::string::npos);
  CHECK(xml.find("<node id=\"&lt;script&gt;alert(1)&lt;/script&gt;\" label=\"AT&amp;T &quot;Oy&quot;&#10;line\">") !=
        std::string::npos);
}

TEST_CASE("GEXF writes viz positions when given, one per node", "[gexf]") {
  const std::vector<geo::Point> positions{{385.5, 6672.25}, {-1, 2}};
  const std::string xml = gexf(small(), {positions});
  CHECK(xml.find("xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"") != std::string::npos);
  CHECK(xml.find("<viz:position x=\"385.5\" y=\"6672.25\" z=\"0\"/>") != std::string::npos);
  CHECK(xml.find("<viz:position x=\"-1\" y=\"2\" z=\"0\"/>") != std::string::npos);
  const std::vector<geo::Point> one{{0, 0}};
  CHECK_THROWS_AS(gexf(small(), {one}), std::invalid_argument);
}
