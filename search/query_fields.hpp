// The query language's fields (trust:, service:, overall:, safe: ... inspected:): their names,
// how a value becomes a Xapian query, and the Xapian::FieldProcessor through which the
// QueryParser calls that, so filters combine with AND, OR, NOT and '-' as words do.
#pragma once
#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cqc::search {

// A filter field of the query language.
struct FieldInfo {
  std::string name;        // as typed before ':' ("trust", "safe", "wellled")
  std::string facet;       // the facet (and request option) it filters: trust, service, rating,
                           // overall, service_rating, key_question, kind, year; "" for dates
                           // and source
  std::string help;        // one line for error messages and --help
};

// Every filter field, in the order documented (docs/search.md).
const std::vector<FieldInfo>& filter_fields();

// The query for one VALUE of FIELD (a FieldInfo::name, or a facet name for option values:
// "service_rating", "key_question"). Values resolve as users write them: ODS codes, names,
// abbreviations and unambiguous parts of trust names; service names and aliases; rating
// names; "A..B" date and year ranges. Throws core::UsageError naming the field and value,
// with suggestions where a near match exists.
Xapian::Query field_value_query(std::string_view field, std::string_view value);

// The query for slot strings in [FROM, TO] of SLOT (RANGE as parse_date_range gives it; an
// empty end is open).
Xapian::Query value_range(unsigned slot, const std::pair<std::string, std::string>& range);

// Calls field_value_query for one field from inside Xapian's QueryParser. An exception must
// not leave a field processor (Xapian 1.4's parser then leaks its state), so a bad value's
// message goes to ERROR (the first one wins) and the value matches nothing; the caller throws
// it as a core::UsageError once parse_query returns.
class FieldFilter : public Xapian::FieldProcessor {
 public:
  FieldFilter(std::string field, std::shared_ptr<std::string> error)
      : field_(std::move(field)), error_(std::move(error)) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  std::string field_;
  std::shared_ptr<std::string> error_;
};

// QUERY with its field names made canonical for the QueryParser (lower case; "well-led:" as
// "wellled:"), leaving quoted phrases alone. Throws core::UsageError for an unknown field
// ("titel:seclusion"), suggesting the nearest known one. A colon followed by white space or
// "//" (a URL) is not a field.
std::string canonical_fields(std::string_view query);

// The field name nearest NAME by edit distance (at most 2), or "" when none is that near.
std::string nearest_field(std::string_view name);

}  // namespace cqc::search
