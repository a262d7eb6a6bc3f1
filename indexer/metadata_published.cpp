// find_publication: the order of trust between markup, the URI and the text.
#include "indexer/metadata_published.hpp"

#include "indexer/date_text.hpp"
#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {

std::optional<Publication> find_publication(const Extraction& doc, const Tokens& t,
                                            std::string_view uri, bool report) {
  const MarkupMeta& m = doc.meta;
  const bool date_line = m.published_source == "date-line" || m.published_source == "meta-date";
  if (m.published.known() && !date_line)
    return Publication{m.published, m.published_source.empty() ? "markup" : m.published_source};
  const std::optional<core::Date> in_uri = url_date(uri);
  if (in_uri && !report) return Publication{*in_uri, "url"};
  std::string source;
  if (auto span = find_published(t, report, source)) return Publication{span->from, source};
  if (!report && !doc.pages.empty()) {
    const std::string& text = doc.pages.front().text;
    if (auto lead = lead_text_date(doc.lead.empty() ? text : doc.lead + "\n\n" + text))
      return Publication{*lead, "byline"};
    if (auto kicker = lead_text_date(doc.kicker)) return Publication{*kicker, "byline"};
  }
  if (m.published.known()) return Publication{m.published, m.published_source};
  if (in_uri) return Publication{*in_uri, "url"};
  if (auto month = url_month(uri)) return Publication{*month, "url"};
  return std::nullopt;
}

}  // namespace cqc::indexer
