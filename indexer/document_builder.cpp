#include "indexer/document_builder.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include <algorithm>
#include <sstream>

#include "core/fold.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"

namespace cqc::indexer {
namespace {

namespace schema = cqc::schema;

Poco::JSON::Array::Ptr json_list(const std::vector<std::string>& items) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const auto& i : items) a->add(i);
  return a;
}

// Terms longer than Xapian's limit (245 bytes) are replaced by a hash-suffixed prefix.
std::string bounded(std::string term) {
  if (term.size() <= 240) return term;
  return term.substr(0, 200) + schema::document_id(term);
}

// The trusts M is about: its trusts without those only mentioned.
std::vector<std::string> about_trusts(const Metadata& m) {
  std::vector<std::string> out;
  for (const auto& t : m.trusts)
    if (std::find(m.mentioned_trusts.begin(), m.mentioned_trusts.end(), t) == m.mentioned_trusts.end())
      out.push_back(t);
  return out;
}

}  // namespace

std::string document_title(std::string_view title, std::string_view location) {
  title = core::trim(title);
  location = core::trim(location);
  if (location.empty()) return std::string(title);
  if (title.empty()) return std::string(location);
  if (core::to_lower(core::collapse_space(title)).find(core::to_lower(core::collapse_space(location))) !=
      std::string::npos)
    return std::string(title);
  return std::string(title) + " \u2014 " + std::string(location);
}

namespace {

// The metadata JSON a hit displays; the text is stored apart (schema::encode_document_data).
std::string metadata_json(const archive::Capture& c, const Extraction& doc, const Metadata& m,
                          const SourceState& source) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("id", schema::document_id(c.uri));
  o.set("uri", c.uri);
  o.set("title", document_title(doc.title, m.location));
  o.set("kind", m.kind);
  o.set("location", m.location);
  o.set("location_id", m.location_id);
  o.set("mime", c.mime);
  o.set("format", doc.format);
  o.set("trusts", json_list(about_trusts(m)));
  o.set("mentioned_trusts", json_list(m.mentioned_trusts));
  o.set("services", json_list(m.services));
  o.set("ratings", json_list(m.ratings));
  o.set("overall_rating", m.overall_rating);
  Poco::JSON::Array::Ptr sr = new Poco::JSON::Array;
  for (const auto& r : m.service_ratings) {
    Poco::JSON::Object::Ptr x = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    x->set("service", r.service);
    x->set("rating", r.rating);
    sr->add(x);
  }
  o.set("service_ratings", sr);
  Poco::JSON::Array::Ptr kq = new Poco::JSON::Array;
  for (const auto& r : m.key_question_ratings) {
    Poco::JSON::Object::Ptr x = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    x->set("question", r.question);
    x->set("rating", r.rating);
    kq->add(x);
  }
  o.set("key_question_ratings", kq);
  o.set("inspected", m.inspected_from.iso());
  o.set("inspected_end", m.inspected_to.iso());
  o.set("published", m.published.iso());
  o.set("year", m.year);
  Poco::JSON::Object::Ptr prov = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [k, v] : m.provenance) prov->set(k, v);
  o.set("provenance", prov);
  o.set("capture_id", c.id);
  o.set("digest", c.digest);
  o.set("captured", c.time);
  if (!m.versions.empty()) {
    Poco::JSON::Array::Ptr versions = new Poco::JSON::Array;
    for (const VersionInfo& v : m.versions) {
      Poco::JSON::Object::Ptr x = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      x->set("capture", v.capture);
      x->set("time", v.time);
      x->set("digest", v.digest);
      x->set("text_changed", v.changed ? Poco::Dynamic::Var(*v.changed) : Poco::Dynamic::Var());
      versions->add(x);
    }
    o.set("versions", versions);
  }
  if (source.removed()) {
    Poco::JSON::Object::Ptr removed = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    removed->set("status", source.removed_status);
    removed->set("since", source.removed_since);
    o.set("removed", removed);
  }
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

}  // namespace

Xapian::Document build_document(const archive::Capture& c, const Extraction& doc,
                                const Metadata& m, const SourceState& source, const std::string& api_metadata) {
  Xapian::Document d;
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  tg.set_document(d);
  const std::string title = document_title(doc.title, m.location);
  // Words are indexed accent-folded (core/fold.hpp), as search folds the query.
  const std::string title_words = core::fold_accents(title);
  tg.index_text(title_words, schema::kTitleWeight, std::string(schema::kTitle));
  tg.index_text(title_words, schema::kTitleWeight);
  // The text is stored in blocks of about 4 KB with each block's first term position, so
  // search finds the block of a match from the match's position alone. Indexing a page
  // block by block gives the words the same positions as indexing it whole (blocks are cut
  // at white space).
  // Stored text is bounded per page and per document (core/schema.hpp); every word is
  // indexed all the same.
  std::vector<schema::TextBlock> blocks;
  std::size_t doc_stored = 0;
  for (const Page& p : doc.pages) {
    tg.increase_termpos(100);  // no phrase matches across page breaks
    bool continues = false;
    bool cut = false;
    std::size_t page_stored = 0;
    for (std::string_view piece : schema::split_text_blocks(p.text)) {
      const bool room = page_stored + piece.size() <= schema::kMaxStoredPageText &&
                        doc_stored + piece.size() <= schema::kMaxStoredText &&
                        blocks.size() + 1 < schema::kMaxTextBlocks;  // one entry kept for a mark
      if (!cut && room) {
        blocks.push_back({p.number, continues, tg.get_termpos() + 1, piece});
        page_stored += piece.size();
        doc_stored += piece.size();
      } else if (!cut) {
        cut = true;
        if (blocks.size() < schema::kMaxTextBlocks) blocks.push_back({p.number, continues, tg.get_termpos() + 1, {}, true});
      }
      if (core::has_foldable(piece)) {
        tg.index_text(core::fold_accents(piece));
      } else {
        tg.index_text(Xapian::Utf8Iterator(piece.data(), piece.size()));
      }
      continues = true;
    }
  }

  const std::string id = schema::document_id(c.uri);
  d.add_boolean_term(std::string(schema::kUniqueId) + id);
  d.add_boolean_term(bounded(std::string(schema::kUrl) + c.uri));
  std::string host;
  try {
    host = Poco::URI(c.uri).getHost();
  } catch (const Poco::Exception&) {
  }
  if (!host.empty()) d.add_boolean_term(bounded(std::string(schema::kHost) + host));
  std::string mime = c.mime.substr(0, c.mime.find(';'));
  d.add_boolean_term(bounded(std::string(schema::kMime) + mime));
  if (m.published.known()) {
    const std::string day = m.published.slot();
    if (m.published.day) d.add_boolean_term(std::string(schema::kDay) + day);
    if (m.published.month) d.add_boolean_term(std::string(schema::kMonth) + day.substr(0, 6));
    d.add_boolean_term(std::string(schema::kYear) + day.substr(0, 4));
  }
  const std::vector<std::string> about = about_trusts(m);
  for (const auto& t : about) d.add_boolean_term(schema::boolean_term(schema::kTrust, t));
  for (const auto& t : m.mentioned_trusts) d.add_boolean_term(schema::boolean_term(schema::kMentioned, t));
  for (const auto& s : m.services) d.add_boolean_term(schema::boolean_term(schema::kService, s));
  for (const auto& r : m.ratings) d.add_boolean_term(schema::boolean_term(schema::kRating, r));
  if (!m.overall_rating.empty()) d.add_boolean_term(schema::boolean_term(schema::kOverall, m.overall_rating));
  std::vector<std::string> service_rated, question_rated;
  for (const auto& r : m.service_ratings) service_rated.push_back(schema::rated_value(r.service, r.rating));
  for (const auto& r : m.key_question_ratings) question_rated.push_back(schema::rated_value(r.question, r.rating));
  for (const auto& v : service_rated) d.add_boolean_term(schema::boolean_term(schema::kServiceRated, v));
  for (const auto& v : question_rated) d.add_boolean_term(schema::boolean_term(schema::kQuestionRated, v));
  // A revised text: XCHANGEDany, and XCHANGED<YYYY> for each year a version changed it.
  std::vector<std::string> changed_years;
  for (const VersionInfo& v : m.versions)
    if (v.changed.value_or(false) && v.time.size() >= 4 &&
        std::find(changed_years.begin(), changed_years.end(), v.time.substr(0, 4)) == changed_years.end())
      changed_years.push_back(v.time.substr(0, 4));
  if (!changed_years.empty()) d.add_boolean_term(schema::boolean_term(schema::kChanged, "any"));
  for (const auto& y : changed_years) d.add_boolean_term(schema::boolean_term(schema::kChanged, y));
  if (m.year) d.add_boolean_term(schema::boolean_term(schema::kFacetYear, std::to_string(m.year)));
  d.add_boolean_term(schema::boolean_term(schema::kKind, m.kind));
  d.add_boolean_term(schema::boolean_term(schema::kSource, source.removed() ? "removed" : "live"));
  if (!m.location_id.empty()) d.add_boolean_term(bounded(schema::boolean_term(schema::kLocation, m.location_id)));

  d.add_value(schema::kSlotInspected, m.inspected_from.slot());
  d.add_value(schema::kSlotInspectedEnd,
              m.inspected_to.known() ? m.inspected_to.slot_end() : m.inspected_from.slot_end());
  d.add_value(schema::kSlotPublished, m.published.slot());
  d.add_value(schema::kSlotYear, m.year ? std::to_string(m.year) : "");
  d.add_value(schema::kSlotTrusts, schema::encode_list(about));
  d.add_value(schema::kSlotServices, schema::encode_list(m.services));
  d.add_value(schema::kSlotRatings, schema::encode_list(m.ratings));
  d.add_value(schema::kSlotOverall, m.overall_rating);
  d.add_value(schema::kSlotServiceRatings, schema::encode_list(service_rated));
  d.add_value(schema::kSlotQuestionRatings, schema::encode_list(question_rated));
  d.add_value(schema::kSlotChanged, schema::encode_list(changed_years));
  d.add_value(schema::kSlotKind, m.kind);
  d.add_value(schema::kSlotDigest, c.digest);
  d.add_value(schema::kSlotLocation, m.location);
  std::vector<std::int64_t> version_ids;
  for (const VersionInfo& v : m.versions) version_ids.push_back(v.capture);
  d.add_value(schema::kSlotSource, source_key(c.id, source, api_metadata, version_ids));
  d.add_value(schema::kSlotSortDate,
              m.published.known() ? m.published.slot() : m.inspected_from.slot());
  schema::EncodedDocument stored = schema::encode_document(metadata_json(c, doc, m, source), blocks);
  d.add_value(schema::kSlotDocument, std::move(stored.data));
  for (std::size_t i = 0; i < stored.blocks.size(); ++i)
    if (!stored.blocks[i].empty()) d.add_value(schema::kSlotText + static_cast<unsigned>(i), stored.blocks[i]);
  return d;
}

}  // namespace cqc::indexer
