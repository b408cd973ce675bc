#include <alueverkko/io/xml.hpp>

#include <catch2/catch.hpp>

#include <string>

using alueverkko::xml_escape;

TEST_CASE("XML escaping turns markup characters into entities", "[xml]") {
  CHECK(xml_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(xml_escape("AT&T \"Oy\" 'Ab'") == "AT&amp;T &quot;Oy&quot; &apos;Ab&apos;");
  CHECK(xml_escape("&amp;") == "&amp;amp;");  // escaped again: the input is text, not markup
  CHECK(xml_escape("") == "");
}

TEST_CASE("XML escaping keeps tab and line breaks as references and replaces forbidden characters",
          "[xml]") {
  CHECK(xml_escape("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
  const std::string replacement = "\xEF\xBF\xBD";  // U+FFFD
  CHECK(xml_escape(std::string("a\0b", 3)) == "a" + replacement + "b");
  CHECK(xml_escape("\x01\x1F") == replacement + replacement);
  CHECK(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF") == replacement + replacement);  // U+FFFE, U+FFFF
  CHECK(xml_escape("bad \xC3 byte") == "bad " + replacement + " byte");           // truncated sequence
  CHECK(xml_escape("\x7F") == "\x7F");  // DEL is allowed in XML 1.0
}

TEST_CASE("XML escaping copies other UTF-8 unchanged", "[xml]") {
  CHECK(xml_escape("Hämeenlinna – Tavastehus, Åland 😀") == "Hämeenlinna – Tavastehus, Åland 😀");
}
