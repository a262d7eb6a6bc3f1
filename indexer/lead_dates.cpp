// lead_text_date: a date line near the top of a page's main text (date_text.hpp).
#include <array>

#include "core/text.hpp"
#include "indexer/date_text.hpp"

namespace cqc::indexer {
namespace {

constexpr size_t kLeadLines = 12;     // lines of the main text looked at
constexpr size_t kLeadBytes = 2500;   // and no further than this into it
constexpr size_t kShortLine = 100;    // a line this short is a byline or a date line
constexpr size_t kCueWindow = 48;     // bytes before the date where a cue may stand

// Words before a date that make it a modification or another event's date.
bool not_publication(std::string_view before) {
  static constexpr std::array<std::string_view, 12> words{
      "updated",  "update",     "aktualisiert", "geändert", "modified", "mis à jour",
      "actualizado", "aggiornato", "bijgewerkt", "copyright", "\xC2\xA9", "last edited"};
  const std::string lower = core::to_lower(before);
  for (std::string_view w : words)
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

// Words that announce a publication date within a longer line.
bool cue(std::string_view before) {
  static constexpr std::array<std::string_view, 16> words{
      "published", "posted", "date", "datum", "erstellt", "veröffentlicht", "publié", "publicado",
      "pubblicato", "gepubliceerd", "stand", "by ", "von ", "par ", "por ", "|"};
  const std::string lower = core::to_lower(before);
  for (std::string_view w : words)
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

std::optional<core::Date> lead_text_date(std::string_view text) {
  text = text.substr(0, std::min(text.size(), kLeadBytes));
  size_t lines = 0;
  for (size_t pos = 0; pos < text.size() && lines < kLeadLines; ++lines) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = core::trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) {
      --lines;
      continue;
    }
    size_t at = 0;
    auto d = find_written_date(line, &at);
    if (!d) continue;
    std::string_view before = line.substr(0, at);
    if (not_publication(before)) continue;
    bool leading = at <= 2 || (at < 24 && before.find(',') != std::string_view::npos &&
                               before.find(' ') == before.rfind(' '));  // "Mittwoch, 3. ..."
    if (line.size() <= kShortLine || leading ||
        cue(before.substr(before.size() > kCueWindow ? before.size() - kCueWindow : 0)))
      return d;
  }
  return std::nullopt;
}

}  // namespace cqc::indexer
