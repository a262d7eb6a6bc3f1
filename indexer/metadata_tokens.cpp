// Tokenising extracted text for the metadata heuristics.
#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "core/date.hpp"
#include "core/text.hpp"
#include "indexer/metadata_lexicon.hpp"
#include "indexer/metadata_tokens.hpp"

namespace cqc::indexer {
namespace {

constexpr char kBreak = '\x01';  // forced sentence break (bullets)
constexpr size_t kMaxLeadTokens = 400;  // the cover page of a report is a few hundred words

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// std::tolower in the "C" locale the program runs in (core::to_lower), without the call.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Abbreviations after which a full stop does not end a sentence.
bool abbreviation(const Token& t) {
  if (is_word(t, {"mr", "mrs", "ms", "dr", "st", "prof", "no", "vs", "cllr", "rev"})) return true;
  return (t.lower.size() == 3 || t.lower == "sept") && core::month_from_name(t.lower) != 0;
}

struct Tokenizer {
  Tokens out;
  int sentence = 0;

  void paragraph(std::string_view raw, int page, int para, Region region) {
    normalized_paragraph(normalize_text(raw), page, para, region);
  }

  // paragraph() of TEXT that normalize_text has already seen.
  void normalized_paragraph(std::string_view text, int page, int para, Region region) {
    ++sentence;
    std::string sep;
    bool stop = false;  // a sentence-ending mark followed by white space was seen
    bool forced = false;
    for (size_t i = 0; i < text.size();) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (word_byte(c) || c == '&') {
        size_t j = i + 1;
        if (c != '&')
          while (j < text.size() && word_byte(static_cast<unsigned char>(text[j]))) ++j;
        bool starts = std::isupper(c) || std::isdigit(c) || c >= 0x80;
        bool same_para = !out.empty() && out.back().para == para;
        if (same_para && (forced || (stop && starts && !abbreviation(out.back())))) ++sentence;
        Token& t = out.emplace_back();  // built in place: no temporary strings per word
        t.text.assign(text.data() + i, j - i);
        t.lower.resize(j - i);
        for (size_t k = i; k < j; ++k) t.lower[k - i] = ascii_lower(text[k]);
        t.sep = std::move(sep);
        t.page = page;
        t.para = para;
        t.region = region;
        t.sentence = sentence;
        sep.clear();
        stop = forced = false;
        i = j;
      } else if (c == kBreak) {
        forced = true;
        ++i;
      } else if (std::isspace(c)) {
        if (sep.find_first_of(".!?") != std::string::npos) stop = true;
        ++i;
      } else {
        sep.push_back(static_cast<char>(c));
        ++i;
      }
    }
  }
};

// The paragraphs of TEXT (separated by blank lines).
std::vector<std::string_view> paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (std::string_view p = core::trim(text.substr(start, end - start)); !p.empty())
      out.push_back(p);
    start = end + 2;
  }
  return out;
}

// The number of tokens Tokenizer::normalized_paragraph makes of TEXT (normalized), counted
// without making them.
size_t word_count(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!word_byte(c) && c != '&') {
      ++i;
      continue;
    }
    ++n;
    ++i;
    if (c != '&')
      while (i < text.size() && word_byte(static_cast<unsigned char>(text[i]))) ++i;
  }
  return n;
}

// Page furniture the HTML extractor could not see by its markup, judged by a paragraph's
// words: a heading that starts the comments or a related-stories list (it and everything
// after it are furniture), or a one-line teaser ("Read more: ...", "Latest: ...").
enum class Furniture { kNone, kLine, kRest };

Furniture furniture(std::string_view normalized) {
  const std::string p = core::to_lower(core::trim(normalized));
  static constexpr std::string_view rest[] = {
      "comments", "readers' comments", "reader comments", "readers comments", "have your say",
      "more stories", "related stories", "related articles", "related news", "latest news",
      "you may also like", "most read", "more on this story", "more from", "join the debate",
      "what readers say", "leave a comment"};
  static constexpr std::string_view line[] = {"read more:", "related:", "latest:",
                                              "see also:", "also read:", "more:",
                                              "read next:", "posted by "};
  std::string head = p;
  while (!head.empty() && (head.back() == ':' || head.back() == '.')) head.pop_back();
  for (std::string_view r : rest)
    if (head == r || (head.starts_with(r) && head.size() < r.size() + 4 && r.size() > 8))
      return Furniture::kRest;
  for (std::string_view l : line)
    if (p.starts_with(l)) return Furniture::kLine;
  return Furniture::kNone;
}

}  // namespace

std::string normalize_text(std::string_view text) {
  static const std::array<std::pair<std::string_view, std::string_view>, 28> map{{
      {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"}, {"\xE2\x80\x9A", "'"}, {"\xE2\x80\x9B", "'"},
      {"\xE2\x80\xB2", "'"}, {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""},
      {"\xE2\x80\x9E", "\""}, {"\xE2\x80\xB3", "\""}, {"\xE2\x80\x90", "-"}, {"\xE2\x80\x91", "-"},
      {"\xE2\x80\x92", "-"}, {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "-"}, {"\xE2\x88\x92", "-"},
      {"\xC2\xA0", " "}, {"\xE2\x80\xAF", " "}, {"\xE2\x80\x89", " "}, {"\xE2\x80\x8B", ""},
      {"\xC2\xAD", ""}, {"\xEF\xAC\x80", "ff"}, {"\xEF\xAC\x81", "fi"}, {"\xEF\xAC\x82", "fl"},
      {"\xEF\xAC\x83", "ffi"}, {"\xEF\xAC\x84", "ffl"}, {"\xE2\x80\xA6", "..."},
      {"\xE2\x80\xA2", "\x01"}, {"\xEF\x82\xB7", "\x01"},
  }};
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 || (c != 0xE2 && c != 0xC2 && c != 0xEF)) {  // no sequence of MAP starts so
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    auto hit = std::find_if(map.begin(), map.end(),
                            [&](const auto& m) { return text.substr(i).starts_with(m.first); });
    if (hit != map.end()) {
      out += hit->second;
      i += hit->first.size();
    } else {
      out.push_back(static_cast<char>(c));
      ++i;
    }
  }
  return out;
}

std::vector<std::string> phrase_tokens(std::string_view text) {
  Tokenizer t;
  t.paragraph(text, 0, 0, Region::kBody);
  std::vector<std::string> out;
  for (Token& tok : t.out) out.push_back(std::move(tok.text));
  return out;
}

Tokens tokenize(const Extraction& doc) {
  Tokenizer t;
  size_t bytes = doc.title.size();
  for (const Page& page : doc.pages) bytes += page.text.size();
  t.out.reserve(bytes / 5 + 16);  // English averages about six bytes a word
  t.paragraph(doc.title, 0, 0, Region::kTitle);
  int para = 0;
  bool lead_open = doc.format != "pdf";
  int lead_paras = 0;
  bool seen_full = false;  // a paragraph of 15 words or more has been read
  for (const Page& page : doc.pages) {
    for (std::string_view p : paragraphs(page.text)) {
      if (doc.format == "pdf") {
        t.paragraph(p, page.number, ++para, page.number == 1 ? Region::kLead : Region::kBody);
        continue;
      }
      const std::string normalized = normalize_text(p);  // once for all the tests below
      const Furniture f = furniture(normalized);
      // A "Latest news" heading before any full paragraph is the page's section label
      // (the article follows it); after one, related stories or comments follow.
      if (f == Furniture::kRest && seen_full) break;
      if (f == Furniture::kRest) continue;
      if (f == Furniture::kLine) continue;
      Region region = Region::kBody;
      const size_t words = word_count(normalized);
      if (lead_open) {
        region = Region::kLead;
        // The lead runs to the first full paragraph (headline and byline come before it).
        if (words >= 15 || ++lead_paras >= 4) lead_open = false;
      }
      seen_full = seen_full || words >= 15;
      t.normalized_paragraph(normalized, page.number, ++para, region);
    }
  }
  // A lead is a few lines; a first "paragraph" of thousands of words (a table, code) is not.
  size_t lead = 0;
  const Lexicon& lexicon = name_lexicon();
  for (Token& w : t.out) {
    if (w.region == Region::kLead && ++lead > kMaxLeadTokens) w.region = Region::kBody;
    w.word = lexicon.id(w.lower);
  }
  return std::move(t.out);
}

bool word_before(const Tokens& t, size_t i, size_t n,
                 std::initializer_list<std::string_view> words) {
  for (size_t k = i; k > 0 && i - k < n; --k) {
    if (t[k - 1].sentence != t[i].sentence) return false;
    if (is_word(t[k - 1], words)) return true;
  }
  return false;
}

}  // namespace cqc::indexer
