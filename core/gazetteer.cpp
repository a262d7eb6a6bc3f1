#include "core/gazetteer.hpp"

#include <cctype>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/tsv_rows.hpp"

namespace cqc::embedded {
extern const std::string_view trusts_tsv;
extern const std::string_view services_tsv;
extern const std::string_view ratings_tsv;
extern const std::string_view hospitals_tsv;
}  // namespace cqc::embedded

namespace cqc::core {
namespace {

std::string without_nhs(std::string_view name) {
  std::string f = fold_name(name);
  for (std::string_view drop : {" nhs foundation trust", " nhs trust", " foundation trust"}) {
    if (f.size() > drop.size() && f.ends_with(drop)) {
      return f.substr(0, f.size() - drop.size()) + " trust";
    }
  }
  return f;
}

bool same(std::string_view a, std::string_view b) { return fold_name(a) == fold_name(b); }

}  // namespace

std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (unsigned char c : text) {
    // ASCII tests without the locale calls of isalnum/tolower (same answers: the program
    // runs in the "C" locale); this runs for every name compared and every site loaded.
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '&') {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(static_cast<char>(upper ? c + ('a' - 'A') : c));
    } else if (c == '\'') {
      // "Guy's" == "Guys"; apostrophes vanish rather than split words.
    } else {
      pending_space = true;
    }
  }
  return out;
}

Gazetteer::Gazetteer(std::string_view trusts_tsv, std::string_view services_tsv,
                     std::string_view ratings_tsv, std::string_view sites_tsv, bool sites_later)
    : pending_sites_(sites_tsv) {
  for_each_row("trusts.tsv", trusts_tsv, 5, [&](const auto& c, size_t) {
    trusts_.push_back({std::string(c[0]), std::string(c[1]), list_column(c[2]),
                       list_column(c[3]), std::string(c[4]), {},
                       c.size() > 5 ? list_column(c[5]) : std::vector<std::string>{}});
  });
  for_each_row("services.tsv", services_tsv, 4, [&](const auto& c, size_t) {
    services_.push_back({std::string(c[0]), std::string(c[1]), std::string(c[2]), list_column(c[3])});
  });
  for_each_row("ratings.tsv", ratings_tsv, 4, [&](const auto& c, size_t) {
    if (c[0] == "rating")
      ratings_.push_back({std::string(c[1]), std::string(c[2]),
                          static_cast<int>(ratings_.size()) + 1, list_column(c[3])});
    else
      questions_.push_back({std::string(c[1]), std::string(c[2]), list_column(c[3])});
  });
  // Codes looked up by folded form: the first trust with a code wins, as a scan would find.
  for (size_t i = 0; i < trusts_.size(); ++i) code_index_.emplace(fold_name(trusts_[i].code), i);
  for (size_t i = 0; i < trusts_.size(); ++i)
    for (const auto& former : trusts_[i].former_codes) former_code_index_.emplace(fold_name(former), i);
  if (!sites_later) complete();
}

void Gazetteer::complete() const {
  std::call_once(completed_, [this] {
    auto* self = const_cast<Gazetteer*>(this);  // the derived half of a logically const object
    self->sites_.clear();  // a malformed row threw part-way before: the next call starts again
    self->site_index_.clear();
    self->flagged_site_keys_.clear();
    self->load_sites(pending_sites_);
    self->derive_short_names();
    self->index_variants();
    self->pending_sites_.clear();
    self->pending_sites_.shrink_to_fit();
  });
}

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer g(embedded::trusts_tsv, embedded::services_tsv,
                           embedded::ratings_tsv, embedded::hospitals_tsv, true);
  return g;
}

const Trust* Gazetteer::trust_by_code(std::string_view code) const {
  const std::string key = fold_name(code);
  if (auto it = code_index_.find(key); it != code_index_.end()) return &trusts_[it->second];
  // A merged trust's code: the trust that carries it on.
  if (auto it = former_code_index_.find(key); it != former_code_index_.end()) return &trusts_[it->second];
  return nullptr;
}

const Trust* Gazetteer::resolve_trust(std::string_view text) const {
  complete();
  if (const Trust* t = trust_by_code(text)) return t;
  const std::string want = without_nhs(text);
  for (const Trust& t : trusts_) {
    if (without_nhs(t.name) == want) return &t;
    for (const auto& n : t.former_names)
      if (without_nhs(n) == want) return &t;
  }
  for (const Trust& t : trusts_) {
    for (const auto& a : t.abbreviations)
      if (same(a, text)) return &t;
    for (const auto& a : t.short_names)
      if (same(a, text)) return &t;
  }
  if (const Site* s = resolve_site(text)) return trust_by_code(s->trust);
  return nullptr;
}

const Service* Gazetteer::service_by_id(std::string_view id) const {
  for (const Service& s : services_)
    if (s.id == id) return &s;
  return nullptr;
}

const Service* Gazetteer::resolve_service(std::string_view text) const {
  for (const Service& s : services_) {
    if (same(s.id, text) || same(s.name, text)) return &s;
    for (const auto& a : s.aliases)
      if (same(a, text)) return &s;
  }
  return nullptr;
}

const Rating* Gazetteer::rating_by_id(std::string_view id) const {
  for (const Rating& r : ratings_)
    if (r.id == id) return &r;
  return nullptr;
}

const Rating* Gazetteer::resolve_rating(std::string_view text) const {
  for (const Rating& r : ratings_) {
    if (same(r.id, text) || same(r.name, text)) return &r;
    for (const auto& v : r.variants)
      if (same(v, text)) return &r;
  }
  return nullptr;
}

const KeyQuestion* Gazetteer::resolve_question(std::string_view text) const {
  for (const KeyQuestion& q : questions_) {
    if (same(q.id, text) || same(q.name, text)) return &q;
    for (const auto& v : q.variants)
      if (same(v, text)) return &q;
  }
  return nullptr;
}

}  // namespace cqc::core
