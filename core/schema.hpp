// The Xapian index schema: the one place where indexer and search agree on term prefixes
// and value slots. Follows Xapian Omega's conventions so `delve` and `quest` can read it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cqc::schema {

// Term prefixes. Single letters are Omega's; X-prefixed ones are ours (boolean filters).
inline constexpr std::string_view kUniqueId = "Q";   // Q<doc id>: one document per source URI
inline constexpr std::string_view kUrl = "U";        // U<target URI> (hashed if > 240 bytes)
inline constexpr std::string_view kHost = "H";       // H<host name>
inline constexpr std::string_view kMime = "T";       // T<mime type>
inline constexpr std::string_view kTitle = "S";      // S<title word> (free-text, weighted)
inline constexpr std::string_view kDay = "D";        // D<YYYYMMDD> publication date
inline constexpr std::string_view kMonth = "M";      // M<YYYYMM>
inline constexpr std::string_view kYear = "Y";       // Y<YYYY>
inline constexpr std::string_view kTrust = "XTRUST";     // XTRUST:<ODS code>: a trust the document is about
inline constexpr std::string_view kMentioned = "XMENTION"; // XMENTION:<ODS code>: a trust only mentioned
inline constexpr std::string_view kService = "XSERVICE"; // XSERVICE<service id>
inline constexpr std::string_view kRating = "XRATING";   // XRATING<rating id>
inline constexpr std::string_view kFacetYear = "XYEAR";  // XYEAR<YYYY>: inspection else publication year
inline constexpr std::string_view kKind = "XKIND";       // XKIND<kind>: report | cqc-page | cqc-press | trust-news | press | rating | other
inline constexpr std::string_view kLocation = "XLOCATION"; // XLOCATION:<CQC location id>: the
                                                           // location (hospital, unit) it is about

// Value slots. Dates are YYYYMMDD strings so string order is date order.
enum Slot : unsigned {
  kSlotInspected = 0,     // first day of the inspection visit
  kSlotInspectedEnd = 1,  // last day of the inspection visit (= start for one-day visits)
  kSlotPublished = 2,     // publication date
  kSlotYear = 3,          // facet year YYYY
  kSlotTrusts = 4,        // list of ODS codes the document is about (encode_list)
  kSlotServices = 5,      // list of service ids
  kSlotRatings = 6,       // list of rating ids
  kSlotKind = 7,          // the kind, as XKIND
  kSlotDigest = 8,        // block digest of the capture this document was built from
  kSlotSortDate = 9,      // published, else inspected: the document's date for sorting
  kSlotLocation = 10,     // name of the CQC location the document is about ("" for none)
};

// Weight of a title word relative to a body word.
inline constexpr unsigned kTitleWeight = 3;

// Boolean term for PREFIX and VALUE, adding ':' when VALUE starts with an upper-case
// letter (Omega's rule, so "XTRUST:RT5" cannot be confused with a longer prefix).
std::string boolean_term(std::string_view prefix, std::string_view value);

// Encodes a multi-valued facet for a value slot: items joined by '\n', order kept.
std::string encode_list(const std::vector<std::string>& items);

// Inverse of encode_list; an empty string gives an empty list.
std::vector<std::string> decode_list(std::string_view encoded);

// The stable document id for a source URI: 16 lower-case hex digits of its SHA-1.
std::string document_id(std::string_view uri);

}  // namespace cqc::schema
