// The passage of a text block passed to MSet::snippet (search/passage.hpp).
#include <doctest/doctest.h>

#include <string>

#include "search/passage.hpp"

using namespace cqc::search;

TEST_CASE("find_word finds whole words, ASCII case ignored, the Nth occurrence") {
  const std::string_view text = "Profile: a file, a FILE and files; file_x file";
  CHECK(find_word(text, "file", 0) == 11);
  CHECK(find_word(text, "file", 1) == 19);
  CHECK(find_word(text, "file", 2) == 42);  // not "files", not "file_x"
  CHECK(find_word(text, "file", 3) == std::string_view::npos);
  CHECK(find_word(text, "", 0) == std::string_view::npos);
  CHECK(find_word("caf\xC3\xA9s", "caf", 0) == std::string_view::npos);  // inside a longer word
}

TEST_CASE("passage keeps the text around the located word, cut at white space") {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "word" + std::to_string(i) + " ";
  const auto p = passage(text, "word200", 0);
  CHECK(p.find("word200") != std::string_view::npos);
  CHECK(p.size() <= kPassageBefore + kPassageAfter);
  CHECK(p.size() > kPassageAfter);
  CHECK(p.substr(0, 4) == "word");  // starts at a word
  CHECK(text.find(p) != std::string::npos);
  CHECK(passage(text, "word200", 1) == text);  // no second occurrence: the whole text
  CHECK(passage(text, "absent", 0) == text);
  const auto start = passage(text, "", 0);
  CHECK(start.substr(0, 6) == "word0 ");
  CHECK(start.size() <= kPassageAfter);
  CHECK(passage("short text", "", 0) == "short text");
}
