// Wildcards (seclu*) expanded by the query parser itself into an OR of the index's words with
// that start, each weighted as a word of its own, instead of Xapian's OP_WILDCARD (a synonym
// of its expansions): Xapian 1.4 weighs a synonym, expanded or not, from each database's own
// statistics when several databases (local or remote shards) are searched as one, so a split
// index ranked wildcard hits differently from one database holding the same documents. An OR
// of words is weighed from statistics of the whole index: the same ranking whatever the layout.
#pragma once
#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>

namespace cqc::search {

// The internal field a marked wildcard becomes ("seclu*" -> "cqcwildcard:seclu").
inline constexpr const char* kWildcardField = "cqcwildcard";

// QUERY with each unprefixed wildcard word outside quotes written as kWildcardField:WORD
// (lower-cased); a wildcard after a field ("title:seclu*") is left to Xapian.
std::string mark_wildcards(std::string_view query);

// The field processor for kWildcardField (add_prefix, weighted like words): OP_OR of every
// word of DB starting with the value; no words matches nothing. More than
// kMaxWildcardTerms words puts a message in ERROR (the parse then fails with it).
class WildcardExpansion : public Xapian::FieldProcessor {
 public:
  WildcardExpansion(Xapian::Database db, std::shared_ptr<std::string> error)
      : db_(std::move(db)), error_(std::move(error)) {}
  Xapian::Query operator()(const std::string& start) override;

 private:
  Xapian::Database db_;
  std::shared_ptr<std::string> error_;
};

}  // namespace cqc::search
