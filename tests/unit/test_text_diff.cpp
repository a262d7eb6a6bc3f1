// core/text_diff: paragraphs added, removed and altered between two versions of a text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/fold.hpp"
#include "core/text_diff.hpp"

using namespace cqc;
using Kind = core::DiffPart::Kind;

namespace {

std::vector<Kind> kinds(const core::TextDiff& d) {
  std::vector<Kind> out;
  for (const auto& p : d.parts) out.push_back(p.kind);
  return out;
}

}  // namespace

TEST_CASE("paragraphs split at blank lines, and long blocks at line ends") {
  CHECK(core::paragraphs({"One  two\nthree.\n\nFour.\n\n\n", "Five."}) ==
        std::vector<std::string>{"One two three.", "Four.", "Five."});
  const std::string long_block = std::string(400, 'a') + "\n" + std::string(400, 'b');
  CHECK(core::paragraphs({long_block}).size() == 2);
}

TEST_CASE("identical texts, and texts that differ only in layout, have no changes") {
  CHECK(core::diff_texts({"A.\n\nB."}, {"A.\n\nB."}).identical());
  CHECK(core::diff_texts({"A  b.\n\nC."}, {"A\nb.\n\n\nC."}).identical());
}

TEST_CASE("added, removed and altered paragraphs, in reading order") {
  const std::vector<std::string> before = {
      "The trust was rated good.\n\nStaff knew the patients well.\n\nThe ward was clean.\n\nOld paragraph to go."};
  const std::vector<std::string> after = {
      "The trust was rated good.\n\nA new paragraph about seclusion.\n\nStaff knew most of the patients well.\n\n"
      "The ward was clean."};
  const auto d = core::diff_texts(before, after);
  CHECK(kinds(d) == std::vector<Kind>{Kind::same, Kind::added, Kind::altered, Kind::same, Kind::removed});
  CHECK(d.added == 1);
  CHECK(d.removed == 1);
  CHECK(d.altered == 1);
  CHECK(d.same == 2);
  const auto& alt = d.parts[2];
  CHECK(alt.before == "Staff knew the patients well.");
  CHECK(alt.after == "Staff knew most of the patients well.");
  std::string added, removed;
  for (const auto& w : alt.words) {
    if (w.kind == core::WordChange::Kind::added) added += w.word + " ";
    if (w.kind == core::WordChange::Kind::removed) removed += w.word + " ";
  }
  CHECK(added == "most of ");
  CHECK(removed.empty());
}

TEST_CASE("a rewritten paragraph with few words in common is removed and added, not altered") {
  const auto d = core::diff_texts({"Intro.\n\nThe quick brown fox jumps."}, {"Intro.\n\nEntirely different words here now."});
  CHECK(kinds(d) == std::vector<Kind>{Kind::same, Kind::removed, Kind::added});
}

TEST_CASE("long texts are matched on their unique paragraphs") {
  std::vector<std::string> a_pages, b_pages;
  std::string a, b;
  for (int i = 0; i < 3000; ++i) {
    a += "Paragraph number " + std::to_string(i) + " of the report.\n\n";
    if (i == 1500) b += "An inserted finding about restraint.\n\n";
    if (i != 2000) b += "Paragraph number " + std::to_string(i) + " of the report.\n\n";
  }
  const auto d = core::diff_texts({a}, {b});
  CHECK(d.added == 1);
  CHECK(d.removed == 1);
  CHECK(d.same == 2999);
}

TEST_CASE("accent folding keeps words apart and folds Latin letters only") {
  CHECK(core::fold_accents("Seclusión café naïve Æsop straße") == "Seclusion cafe naive AEsop strasse");
  CHECK(core::fold_accents("King\u2019s — 10 × 2") == "King\u2019s — 10 × 2");
  CHECK(core::fold_accents("e\u0301") == "e");  // a combining accent goes
  CHECK_FALSE(core::has_foldable("plain ASCII, and \u2019 quotes"));
  CHECK(core::has_foldable("café"));
  CHECK(core::fold_accents(std::string("\xC3", 1)) == std::string("\xC3", 1));  // cut UTF-8 copied
}
