#include "search/wildcards.hpp"

#include <cctype>
#include <vector>

#include "search/query.hpp"

namespace cqc::search {

namespace {

bool gap(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '('; }

// Whether a word may start at I: at the start, after a gap, or after a leading + or - (not a
// hyphen inside a word such as "well-led", and not a field's colon).
bool word_start(std::string_view q, std::size_t i) {
  if (!std::isalnum(static_cast<unsigned char>(q[i]))) return false;
  if (i == 0 || gap(q[i - 1])) return true;
  return (q[i - 1] == '+' || q[i - 1] == '-') && (i == 1 || gap(q[i - 2]));
}

}  // namespace

std::string mark_wildcards(std::string_view q) {
  std::string out;
  out.reserve(q.size() + 16);
  bool quoted = false;
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (c == '"') quoted = !quoted;
    if (quoted || !word_start(q, i)) {
      out += c;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < q.size() && std::isalnum(static_cast<unsigned char>(q[end]))) ++end;
    if (end < q.size() && q[end] == '*' && (end + 1 == q.size() || !std::isalnum(static_cast<unsigned char>(q[end + 1])))) {
      out += kWildcardField;
      out += ':';
      out += Xapian::Unicode::tolower(std::string(q.substr(i, end - i)));
      i = end + 1;  // the '*' goes
    } else {
      out.append(q.substr(i, end - i));
      i = end;
    }
  }
  return out;
}

Xapian::Query WildcardExpansion::operator()(const std::string& start) {
  std::vector<std::string> words;
  for (auto t = db_.allterms_begin(start); t != db_.allterms_end(start); ++t) {
    if (words.size() == kMaxWildcardTerms) {
      *error_ = "a wildcard in the query matches too many words (more than " + std::to_string(kMaxWildcardTerms) +
                "): make it longer";
      return Xapian::Query();
    }
    words.push_back(*t);
  }
  return Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
}

}  // namespace cqc::search
