#include "search/resolve.hpp"

#include <algorithm>
#include <vector>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::search {
namespace {

// The words of TEXT as fold_name gives them.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  const std::string folded = core::fold_name(text);
  for (std::string_view w : core::split(folded, ' '))
    if (!w.empty()) out.emplace_back(w);
  return out;
}

// Whether every word of WANT is a word of NAME.
bool has_words(const std::vector<std::string>& want, std::string_view name) {
  const std::vector<std::string> have = words(name);
  return std::all_of(want.begin(), want.end(), [&](const std::string& w) {
    return std::find(have.begin(), have.end(), w) != have.end();
  });
}

// Words that say nothing about which trust is meant.
bool generic_word(const std::string& w) {
  return w == "nhs" || w == "trust" || w == "foundation" || w == "the" || w == "and" || w == "of";
}

std::string candidates_text(const std::vector<const core::Trust*>& list) {
  std::string out;
  for (size_t i = 0; i < list.size() && i < 6; ++i) out += (i ? "; " : "") + list[i]->name + " (" + list[i]->code + ")";
  if (list.size() > 6) out += "; and " + std::to_string(list.size() - 6) + " more";
  return out;
}

}  // namespace

std::string normalise_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 2, "\xE2\x80") == 0 && i + 2 < value.size()) {
      const unsigned char c = static_cast<unsigned char>(value[i + 2]);
      if (c == 0x98 || c == 0x99) {
        out.push_back('\'');
        i += 2;
        continue;
      }
      if (c == 0x9C || c == 0x9D) {
        out.push_back('"');
        i += 2;
        continue;
      }
    }
    out.push_back(value[i]);
  }
  return std::string(core::trim(out));
}

const core::Trust& resolve_trust_value(std::string_view raw) {
  const std::string value = normalise_value(raw);
  const auto& g = core::Gazetteer::builtin();
  if (const core::Trust* t = g.resolve_trust(value)) return *t;
  std::vector<std::string> want = words(value);
  want.erase(std::remove_if(want.begin(), want.end(), generic_word), want.end());
  std::vector<const core::Trust*> found;
  if (!want.empty()) {
    for (const core::Trust& t : g.trusts()) {
      bool fits = has_words(want, t.name);
      for (const auto& n : t.former_names) fits = fits || has_words(want, n);
      if (fits) found.push_back(&t);
    }
  }
  if (found.size() == 1) return *found.front();
  if (found.size() > 1)
    throw core::UsageError("trust '" + value + "' fits " + std::to_string(found.size()) +
                           " trusts: " + candidates_text(found) + ". Give more of the name or an ODS code");
  // Nothing fits: suggest names one letter-slip away from each typed word.
  for (const core::Trust& t : g.trusts()) {
    const std::vector<std::string> have = words(t.name);
    const bool near = !want.empty() && std::all_of(want.begin(), want.end(), [&](const std::string& w) {
      return std::any_of(have.begin(), have.end(), [&](const std::string& h) {
        return edit_distance(w, h) <= (w.size() > 5 ? 2u : 1u);
      });
    });
    if (near) found.push_back(&t);
  }
  throw core::UsageError("unknown trust '" + value + "'" +
                         (found.empty() ? "" : " (did you mean " + candidates_text(found) + "?)") +
                         "; use an ODS code such as RT5, a name or an abbreviation");
}

const core::Service& resolve_service_value(std::string_view raw) {
  const std::string value = normalise_value(raw);
  const auto& g = core::Gazetteer::builtin();
  if (const core::Service* s = g.resolve_service(value)) return *s;
  const std::vector<std::string> want = words(value);
  std::vector<const core::Service*> found;
  for (const core::Service& s : g.services())
    if (!want.empty() && has_words(want, s.name)) found.push_back(&s);
  if (found.size() == 1) return *found.front();
  std::string list;
  for (size_t i = 0; i < found.size() && i < 6; ++i) list += (i ? "; " : "") + found[i]->name;
  if (found.size() > 1)
    throw core::UsageError("service '" + value + "' fits " + std::to_string(found.size()) + " core services: " + list +
                           ". Give more of the name");
  std::string near;
  size_t best = 4;
  for (const core::Service& s : g.services()) {
    const size_t d = edit_distance(core::fold_name(value), core::fold_name(s.name));
    if (d < best) best = d, near = s.name;
  }
  throw core::UsageError("unknown service '" + value + "'" + (near.empty() ? "" : " (did you mean \"" + near + "\"?)") +
                         "; use a CQC core service name such as \"acute wards\"");
}

const core::Rating& resolve_rating_value(std::string_view raw, std::string_view field) {
  const std::string value = normalise_value(raw);
  const auto& g = core::Gazetteer::builtin();
  if (const core::Rating* r = g.resolve_rating(value)) return *r;
  const std::string v = core::to_lower(value);
  if (v == "ri") return *g.resolve_rating("requires-improvement");
  throw core::UsageError("unknown rating '" + value + "' in " + std::string(field) +
                         ": (outstanding, good, requires-improvement, inadequate)");
}

}  // namespace cqc::search
