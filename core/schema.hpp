// The Xapian index schema: the one place where indexer and search agree on term prefixes
// and value slots. Follows Xapian Omega's conventions so `delve` and `quest` can read it.
#pragma once
#include <cstdint>
#include <functional>
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
inline constexpr std::string_view kSource = "XSOURCE";   // XSOURCElive | XSOURCEremoved: whether the source URI
                                                         // still serves the document or answered 404/410 since
inline constexpr std::string_view kKind = "XKIND";       // XKIND<kind>: report | cqc-page | cqc-press | trust-news | press | rating | other
inline constexpr std::string_view kOverall = "XOVERALL";   // XOVERALL<rating id>: the overall rating
inline constexpr std::string_view kServiceRated = "XSRATED"; // XSRATED<service id>:<rating id>: a core
                                                             // service's rating (service_rated_value)
inline constexpr std::string_view kQuestionRated = "XKQ";    // XKQ<question id>:<rating id>: a key
                                                             // question's rating ("safe:inadequate")
inline constexpr std::string_view kChanged = "XCHANGED";    // XCHANGED<YYYY>: a version captured that
                                                             // year changed the text; XCHANGEDany: ever
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
  kSlotSource = 11,       // what the document was built from: "<capture id (12 digits, zero-
                          // padded, so the slot sorts by capture)> <removed status>
                          // <removed since>" (status 0 and "-" while live at its source)
  kSlotOverall = 12,         // the overall rating id ("" for none)
  kSlotServiceRatings = 13,  // list of "<service id>:<rating id>" (encode_list)
  kSlotQuestionRatings = 14, // list of "<question id>:<rating id>"
  kSlotChanged = 15,         // list of the years (YYYY) in which a new version changed the text
};

// The value of a rating pair term or list item: "<what>:<rating id>" (a service or key
// question id, then the rating it was given).
std::string rated_value(std::string_view what, std::string_view rating);

// Xapian metadata key counting the commits of an index split into shards (indexer/shards.hpp),
// kept in its first shard (where Xapian reads a split index's metadata): such an index has
// no single revision, so readers watch this to notice a commit. Absent from a one-database
// index, whose Xapian revision serves.
inline constexpr std::string_view kGenerationKey = "index-generation";

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

// --- Document data and text -----------------------------------------------------------
//
// A document's display metadata and its text are stored apart, so a search hit reads its
// metadata without touching the text and a snippet decodes one block of about 4 KB:
//
//   value slot kSlotDocument:  "CQD3"  u32 metadata length  metadata JSON (no text)
//                              u32 block count, then per block: i32 page number,
//                              u32 first term position, u32 flags (bit 0: continues the
//                              previous block's page; bit 1: omitted, see below), u32 text
//                              length, u32 stored length
//   value slot kSlotText + i:  block i's stored bytes (an LZ4 block, level 9 of LZ4 HC; raw
//                              when the stored length equals the text length; no value for
//                              an empty block)
//
// The older layout, "CQD2", held the same header in the document data (set_data) and its
// blocks in zlib; it is still read, so an index built before needs no rebuild. Why the
// change (bench/README.md, "Stored text in LZ4"): zlib decoding the snippet's block was 12 %
// of a search server's CPU and Xapian's own zlib on the document data 5 %; LZ4 decodes a
// block about 10x faster, and Xapian never compresses values.
//
// Integers are little-endian. A page's text is cut into blocks at white space; a page
// without text is one empty block, so every page keeps its number.
//
// Stored text is bounded (issue 11): a page stores at most kMaxStoredPageText bytes and a
// document kMaxStoredText; the rest of a page stays searchable (its words have positions) and
// is marked by one empty "omitted" block at its first position. The table holds at most
// kMaxTextBlocks entries: pages past that have no entry of their own.
//
// Why inside the Xapian document rather than in a side file: a commit replaces a document's
// terms, metadata and text together (nothing to reconcile after a crash or a deletion),
// compaction and replication copy it, and a remote Xapian backend serves it with no second
// channel. Why in value slots rather than in the data: Xapian reads a document's data whole,
// so text kept there is read (here: page by page from disk) for every hit, 2 MB for the
// largest documents; a value slot is read alone, so a hit reads its small header and one block.

// The value slot of a document's header and metadata (layout above).
inline constexpr unsigned kSlotDocument = 99;
// The first value slot of the text blocks (block i is in kSlotText + i).
inline constexpr unsigned kSlotText = 100;
// Blocks hold at most this many bytes of text (a longer run without white space is cut at a
// UTF-8 character boundary).
inline constexpr std::size_t kTextBlockSize = 4096;

// Bounds on stored text (see above); the indexed words are not bounded by these.
inline constexpr std::size_t kMaxStoredPageText = 1u << 20;
inline constexpr std::size_t kMaxStoredText = 16u << 20;
inline constexpr std::size_t kMaxTextBlocks = 16384;

// PAGE_TEXT cut at white space into pieces of at most kTextBlockSize bytes that join back
// into it, preferring paragraph breaks, then line breaks, then spaces; one empty piece for
// an empty text.
std::vector<std::string_view> split_text_blocks(std::string_view page_text);

// One block of a document's text, as the indexer stores it.
struct TextBlock {
  int page = 0;                      // 1-based PDF page number; 0 for unpaged documents
  bool continues_page = false;       // the previous block holds the start of the same page
  std::uint32_t first_position = 0;  // the block's words have term positions >= this (and
                                     // below the next block's first_position)
  std::string_view text;             // UTF-8, as extracted
  bool omitted = false;              // TEXT is empty: the words from first_position on (up to
                                     // the next block) are indexed but their text not stored
};

// One page's stored text, from DocumentData::pages.
struct PageText {
  int number = 0;     // as TextBlock::page
  std::string text;   // the blocks joined
  bool cut = false;   // part of the page's text was not stored (an omitted block)
};

// A run of pages from DocumentData::pages.
struct PageRange {
  std::vector<PageText> pages;
  std::size_t total = 0;  // pages in the document
  std::size_t next = 0;   // the index of the first page not returned (total when none is left)
};

// What encode_document makes: the document data and each block's stored bytes.
struct EncodedDocument {
  std::string data;                 // for value slot kSlotDocument
  std::vector<std::string> blocks;  // blocks[i] for value slot kSlotText + i
};

// Encodes METADATA_JSON (a JSON object without the text) and BLOCKS, each block compressed on
// its own. Throws core::Error when a block is over kTextBlockSize * 4 bytes.
EncodedDocument encode_document(std::string_view metadata_json, const std::vector<TextBlock>& blocks);

// Reads document data made by encode_document (or the older CQD2 layout). The header and
// block table are checked when constructed; the text is decoded one block at a time from the
// bytes the caller reads from value slot kSlotText + i.
class DocumentData {
 public:
  // Takes DATA (a document's value kSlotDocument, or for the older layout its get_data()).
  // Throws core::Error saying what is wrong when it is in neither layout (e.g. an index built
  // by a much older version: re-run `index`) or is cut short.
  explicit DocumentData(std::string data);

  // The metadata JSON object, as given to encode_document.
  std::string_view metadata() const { return std::string_view(data_).substr(meta_offset_, meta_size_); }
  // Number of blocks (0 for a document with no pages).
  std::size_t block_count() const { return blocks_.size(); }
  // Block I's page number (0 for unpaged documents). Throws std::out_of_range.
  int page_number(std::size_t i) const { return blocks_.at(i).page; }
  // Whether block I continues the page of block I - 1. Throws std::out_of_range.
  bool continues_page(std::size_t i) const { return blocks_.at(i).continues; }
  // Block I's first term position. Throws std::out_of_range.
  std::uint32_t first_position(std::size_t i) const { return blocks_.at(i).first_position; }
  // The index of the block holding term position POS; block_count() when POS lies before
  // the first block (the title's positions) or there are no blocks.
  std::size_t block_at(std::uint32_t pos) const;
  // Block I's text from STORED, the value of slot kSlotText + I. Throws core::Error when
  // STORED does not match the table or does not decode, std::out_of_range for a bad I.
  std::string block_text(std::size_t i, std::string_view stored) const;
  // Block I's length in bytes of text. Throws std::out_of_range.
  std::size_t text_size(std::size_t i) const { return blocks_.at(i).text_size; }
  // Whether block I stands for text that was not stored. Throws std::out_of_range.
  bool omitted(std::size_t i) const { return blocks_.at(i).omitted; }
  // Pages from index FROM (0-based, in document order) with their stored text, blocks
  // joined; STORED(I) gives block I's stored bytes and is called only for the pages returned.
  // Stops after the page that brings the text to MAX_BYTES or more (so at least one page is
  // returned when FROM is a page).
  PageRange pages(const std::function<std::string(std::size_t)>& stored, std::size_t from = 0,
                  std::size_t max_bytes = static_cast<std::size_t>(-1)) const;

 private:
  friend class BlockText;
  struct Entry {
    int page;
    std::uint32_t first_position;
    bool continues;
    bool omitted;
    std::uint32_t text_size;
    std::uint32_t stored_size;
  };
  std::string data_;
  bool zlib_ = false;  // the older layout (CQD2): blocks in zlib, not LZ4
  std::size_t meta_offset_ = 0, meta_size_ = 0;
  std::vector<Entry> blocks_;
};

// Block I of a document decoded only as far as its reader needs: a snippet's passage is
// usually in the block's first half, and decoding stops there.
class BlockText {
 public:
  // Reads block I of DOC from STORED, the value of slot kSlotText + I (moved in). Throws
  // core::Error when STORED's size does not match DOC's table, std::out_of_range for a bad I.
  BlockText(const DocumentData& doc, std::size_t i, std::string stored);
  ~BlockText();
  BlockText(const BlockText&) = delete;
  BlockText& operator=(const BlockText&) = delete;

  // Decodes until text() holds at least N bytes or the whole block. Throws core::Error when
  // the stored bytes do not decode.
  void decode_to(std::size_t n);
  // The text decoded so far: always a prefix of the block's text.
  std::string_view text() const { return std::string_view(out_).substr(0, done_); }
  // Whether text() is the whole block.
  bool complete() const { return done_ == out_.size(); }
  // The whole block's length in bytes.
  std::size_t size() const { return out_.size(); }

 private:
  std::size_t block_;
  std::string stored_;
  std::string out_;        // sized to the whole text; the first done_ bytes are decoded
  std::size_t done_ = 0;
  bool zlib_ = false;       // CQD2's zlib, not LZ4
  void* stream_ = nullptr;  // z_stream while inflating a zlib block
};

}  // namespace cqc::schema
