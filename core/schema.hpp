// The Xapian index schema: the one place where indexer and search agree on term prefixes
// and value slots. Follows Xapian Omega's conventions so `delve` and `quest` can read it.
#pragma once
#include <cstdint>
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

// --- Document data (Xapian::Document::set_data / get_data) -------------------------------
//
// The data keeps the display metadata apart from the text, so a search hit reads its
// metadata without touching the text and a snippet inflates one page:
//
//   "CQD1"  u32 metadata length  metadata JSON (small: no text)
//   u32 page count  then per page: i32 number, u32 first term position, u32 text length,
//                                  u32 stored length
//   the pages' stored bytes one after another (zlib; raw when stored length = text length)
//
// Integers are little-endian. The text stays inside the Xapian document (not a side file):
// a commit replaces a document's terms and text together, compaction and replication copy
// it, and a remote Xapian backend serves it with no second channel. Only the document
// data table is read for it, and one page at a time is inflated.

// One page of a document's text as stored.
struct StoredPage {
  int number = 0;                    // 1-based PDF page number; 0 for unpaged documents
  std::uint32_t first_position = 0;  // the page's words have term positions >= this (and
                                     // below the next page's first_position)
  std::string text;                  // UTF-8, as extracted
};

// The document data for METADATA_JSON (a JSON object without the text) and PAGES, each
// page's text compressed on its own. Throws core::Error when a page is over 1 GiB.
std::string encode_document_data(std::string_view metadata_json, const std::vector<StoredPage>& pages);

// Reads document data made by encode_document_data. The header and page table are checked
// when constructed; no text is inflated until page_text() asks for one page.
class DocumentData {
 public:
  // Takes DATA (a document's get_data()). Throws core::Error saying what is wrong when it is
  // not in this layout (e.g. an index built by an older version: re-run `index`) or is cut
  // short.
  explicit DocumentData(std::string data);

  // The metadata JSON object, as given to encode_document_data.
  std::string_view metadata() const { return std::string_view(data_).substr(meta_offset_, meta_size_); }
  // Number of pages (0 for a document with no text).
  std::size_t page_count() const { return pages_.size(); }
  // Page I's number (0 for unpaged documents). I < page_count().
  int page_number(std::size_t i) const { return pages_.at(i).number; }
  // Page I's first term position. I < page_count().
  std::uint32_t first_position(std::size_t i) const { return pages_.at(i).first_position; }
  // The index of the page holding term position POS; page_count() when POS lies before the
  // first page (the title's positions) or there are no pages.
  std::size_t page_at(std::uint32_t pos) const;
  // Page I's text, inflated. Throws core::Error when the stored bytes are corrupt, and
  // std::out_of_range when I >= page_count().
  std::string page_text(std::size_t i) const;
  // All pages' texts joined by '\f' (form feed), the form the extractor produces.
  std::string joined_text() const;

 private:
  struct Entry {
    int number;
    std::uint32_t first_position;
    std::uint32_t text_size;
    std::uint32_t stored_size;
    std::size_t offset;  // of the stored bytes in data_
  };
  std::string data_;
  std::size_t meta_offset_ = 0, meta_size_ = 0;
  std::vector<Entry> pages_;
};

}  // namespace cqc::schema
