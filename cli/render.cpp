#include "cli/render.hpp"

#include <algorithm>
#include <cstdio>

#include "core/gazetteer.hpp"

namespace cqc::cli {
namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

std::string date_line(const search::Hit& h) {
  std::string s;
  if (!h.inspected.empty()) {
    s += "inspected " + h.inspected;
    if (!h.inspected_end.empty() && h.inspected_end != h.inspected) s += " to " + h.inspected_end;
  }
  if (!h.published.empty()) s += (s.empty() ? "" : ", ") + std::string("published ") + h.published;
  return s.empty() ? "date unknown" : s;
}

void facet_lines(std::ostream& out, const search::SearchResult& r) {
  for (const auto& f : r.facets) {
    if (f.name == "year" || f.values.empty()) continue;
    std::string line = f.name + ":";
    line.resize(std::max<size_t>(line.size() + 1, 15), ' ');
    size_t shown = 0;
    for (const auto& v : f.values) {
      if (shown++ == 6) {
        line += " ... (+" + std::to_string(f.values.size() - 6) + " more)";
        break;
      }
      line += (shown > 1 ? " · " : "") + v.label + " (" + std::to_string(v.count) + ")";
    }
    out << line << '\n';
  }
}

void timeline(std::ostream& out, const search::SearchResult& r) {
  if (r.timeline.empty()) return;
  std::uint64_t max = 1;
  for (const auto& e : r.timeline) max = std::max(max, e.count);
  out << "\nyear  matching documents (of those archived that year)\n";
  for (const auto& e : r.timeline) {
    const size_t width = static_cast<size_t>((e.count * 30 + max - 1) / max);
    std::string bar;
    for (size_t i = 0; i < width; ++i) bar += "█";
    char tail[64];
    std::snprintf(tail, sizeof tail, " %llu/%llu (%.0f%%)", static_cast<unsigned long long>(e.count),
                  static_cast<unsigned long long>(e.documents), e.share * 100);
    out << e.year << "  " << bar << std::string(30 - width, ' ') << tail << '\n';
  }
  std::uint64_t dated = 0;
  for (const auto& e : r.timeline) dated += e.count;
  if (dated < r.total) out << "(" << r.total - dated << " matching documents have no known year)\n";
}

}  // namespace

std::string plain_snippet(const std::string& html, bool colour) {
  std::string s = html;
  replace_all(s, "<mark>", colour ? "\033[1;4m" : "[");
  replace_all(s, "</mark>", colour ? "\033[0m" : "]");
  replace_all(s, "&lt;", "<");
  replace_all(s, "&gt;", ">");
  replace_all(s, "&quot;", "\"");
  replace_all(s, "&#39;", "'");
  replace_all(s, "&amp;", "&");
  return s;
}

void render_text(std::ostream& out, const search::SearchRequest& req, const search::SearchResult& r,
                 bool colour, bool explain) {
  out << r.total << (r.total == 1 ? " document matches" : " documents match");
  if (!req.query.empty()) out << " \"" << req.query << "\"";
  out << '\n';
  if (!r.did_you_mean.empty()) out << "Did you mean: " << r.did_you_mean << '\n';
  for (const auto& m : r.missing_shards) out << "Partial result: left out a shard that did not answer: " << m << '\n';
  if (!r.hits.empty())
    out << "showing " << req.offset + 1 << "-" << req.offset + r.hits.size() << "\n";
  unsigned n = req.offset;
  for (const auto& h : r.hits) {
    out << '\n' << ++n << ". " << h.title << "  [" << h.kind << "]\n";
    std::string who;
    for (const auto& t : h.trust_names) who += (who.empty() ? "" : "; ") + t;
    out << "   " << (who.empty() ? "trust unknown" : who) << " · " << date_line(h) << '\n';
    if (h.removed_status)
      out << "   removed at source: HTTP " << h.removed_status << " since " << h.removed_since.substr(0, 10)
          << " (the archived copy is kept)\n";
    if (!h.location.empty()) out << "   location: " << h.location << '\n';
    if (const auto* rating = core::Gazetteer::builtin().rating_by_id(h.overall_rating))
      out << "   overall rating: " << rating->name << '\n';
    for (const auto& rv : h.service_ratings) out << "   " << rv.name << ": " << rv.rating_name << '\n';
    const auto& g = core::Gazetteer::builtin();
    if (!h.key_question_ratings.empty()) {
      std::string line;
      for (const auto& [question, rating] : h.key_question_ratings) {
        const auto* q = g.resolve_question(question);
        const auto* named = g.rating_by_id(rating);
        line += std::string(line.empty() ? "" : "; ") + (q ? q->name : question) + ' ' +
                (named ? named->name : rating);
      }
      out << "   key questions: " << line << '\n';
    }
    if (!h.mentioned_trusts.empty()) {
      std::string names;
      for (const auto& code : h.mentioned_trusts) {
        const auto* t = g.trust_by_code(code);
        names += (names.empty() ? "" : "; ") + (t ? t->name : code);
      }
      out << "   also mentions: " << names << '\n';
    }
    out << "   " << (h.page ? "p." + std::to_string(h.page) + ": " : "") << plain_snippet(h.snippet, colour) << '\n';
    out << "   " << h.url << '\n';
    if (explain && !h.provenance.empty()) {
      out << "   metadata from:";
      for (const auto& [field, source] : h.provenance) out << ' ' << field << '=' << source;
      out << '\n';
    }
  }
  if (r.total) {
    out << '\n';
    facet_lines(out, r);
    timeline(out, r);
  }
}

}  // namespace cqc::cli
