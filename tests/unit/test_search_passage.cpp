// The passage of a text block passed to MSet::snippet (search/passage.hpp).
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

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

TEST_CASE("densest_word: the occurrence starting the densest run of words, with its earlier count") {
  const std::vector<std::string> words = {"ward", "seclusion"};
  const std::size_t none = std::string_view::npos;
  CHECK(densest_word("", words, 5).first == none);
  CHECK(densest_word("nothing to see; wards, seclusions", words, 5).first == none);  // whole words only
  // One near the start, then three within five words: the second "ward" starts the cluster.
  auto d = densest_word("Ward one two three four five six Seclusion WARD x ward", words, 5);
  CHECK(d == std::make_pair<std::size_t, std::size_t>(1, 0));  // "Seclusion", none before it
  d = densest_word("ward a b c d e f g ward seclusion h i j k l m ward ward", words, 2);
  CHECK(d == std::make_pair<std::size_t, std::size_t>(0, 1));  // a tie goes to the earliest
  // A dash or quote outside ASCII is not a word: with it counted, the run would be too short.
  d = densest_word("ward a b c d e f g h i ward \xE2\x80\x94 seclusion", words, 2);
  CHECK(d == std::make_pair<std::size_t, std::size_t>(0, 1));
  d = densest_word("ward a b c d e f g h i ward caf\xC3\xA9 seclusion", words, 2);
  CHECK(d == std::make_pair<std::size_t, std::size_t>(0, 0));  // a word outside ASCII counts
}
