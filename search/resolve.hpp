// Resolving what users type in filters (trust names, services, ratings) against the
// gazetteer, with suggestions when a value is ambiguous or misspelt.
#pragma once
#include <string>
#include <string_view>

#include "core/gazetteer.hpp"
#include "core/text.hpp"

namespace cqc::search {

// VALUE trimmed, with curly apostrophes and quotes (U+2018, U+2019, U+201C, U+201D) made
// ASCII, so "King’s" is "King's".
std::string normalise_value(std::string_view value);

// The trust VALUE names: an ODS code, a current or former name, an abbreviation, a site, or
// words found in exactly one trust's name ("Leicestershire Partnership"). Throws
// core::UsageError listing the candidates when the words fit several trusts, or suggesting
// near names when none.
const core::Trust& resolve_trust_value(std::string_view value);

// The core service VALUE names (id, name or alias, or words found in exactly one service's
// name). Throws core::UsageError with the candidates or a suggestion.
const core::Service& resolve_service_value(std::string_view value);

// The rating VALUE names (id, name or variant; "requires improvement", "ri"). Throws
// core::UsageError naming FIELD and the four ratings.
const core::Rating& resolve_rating_value(std::string_view value, std::string_view field);

using core::edit_distance;

}  // namespace cqc::search
