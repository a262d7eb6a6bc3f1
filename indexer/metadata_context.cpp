// Health-care context: trusts, services and ratings are taken only from documents about health
// care and inspection, and a service named by an ordinary word only where the words around it
// are about health care ("critical section", "ICU" the library and "resilience" in a manual
// are not core services).
#include <algorithm>
#include <set>

#include "core/gazetteer.hpp"
#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {
namespace {

// Words of health care: a cue alone, "hospital" or "patients", says little; several say much.
bool care_word(const Token& w) {
  return is_word(w, {"nhs", "cqc", "hospital", "hospitals", "patients", "ward",
                     "wards", "healthcare", "clinical", "clinicians", "nurse", "nurses",
                     "nursing", "midwives", "midwifery", "doctors", "mental", "maternity",
                     "inpatient", "inpatients", "ambulance", "paramedics", "gp", "gps",
                     "psychiatric", "care", "health"}) ||
         w.text == "A&E";
}

// Words of inspection and regulation.
bool inspection_word(const Token& w) {
  return is_word(w, {"inspection", "inspections", "inspected", "inspectors", "inspector",
                     "rated", "rating", "ratings", "regulator", "watchdog"});
}

// The lower-case words that count as strong evidence on their own (a regulator, the NHS).
bool strong_word(const Token& w) {
  return w.text == "CQC" || w.text == "NHS" || is_word(w, {"hospital", "hospitals", "patients"});
}

// True when a word of care or "inspection", "inspected", "inspectors" lies within N tokens of [B, E) in the same paragraph.
bool care_near(const Tokens& t, size_t b, size_t e, size_t n) {
  const size_t lo = b > n ? b - n : 0, hi = std::min(t.size(), e + n);
  for (size_t k = lo; k < hi; ++k)
    if ((k < b || k >= e) && t[k].para == t[b].para &&
        (care_word(t[k]) || is_word(t[k], {"inspection", "inspected", "inspectors"})))
      return true;
  return false;
}

// A service named by a single word ("Maternity", "Resilience", "ICU", "paediatrics").
bool one_word(const Mention& m) { return m.end - m.begin == 1; }

// A one-word name that is also something else: an acronym ("ICU" the Unicode library, "HART"
// the field protocol, "EOC") or an ordinary word ("resilience"). "Maternity" or "paediatrics"
// is health care wherever it is written.
bool ambiguous(const Tokens& t, const Mention& m) {
  if (!one_word(m)) return false;
  const std::string& w = t[m.begin].text;
  const auto upper = std::count_if(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return upper >= 2 || is_word(t[m.begin], {"resilience"});
}

}  // namespace

bool health_context(const Tokens& t, const std::vector<Mention>& trusts,
                    const std::vector<Mention>& services) {
  std::set<std::string> distinct;
  size_t strong = 0, inspection = 0;
  for (const Token& w : t) {
    if (strong_word(w)) ++strong;
    if (inspection_word(w)) ++inspection;
    if (care_word(w) || inspection_word(w)) distinct.insert(w.lower);
  }
  for (size_t i = 0; i + 1 < t.size(); ++i)
    if (phrase_at(t, i, {"overall", "rating"}) || phrase_at(t, i, {"is", "the", "trust"}) ||
        phrase_at(t, i, {"are", "services"}) || phrase_at(t, i, {"is", "the", "service"}))
      ++inspection;  // a rating grid: "Overall rating for this trust", "Are services safe?"
  for (size_t i = 0; i + 2 < t.size() && strong == 0; ++i)
    if (phrase_at(t, i, {"care", "quality", "commission"})) ++strong;
  // A trust's full name ("Tavistock and Portman NHS Foundation Trust") or a service's name of
  // several words ("forensic inpatient or secure wards") is health care by itself; an
  // abbreviation or a one-word alias ("ICU", "Resilience") is not.
  for (const Mention& m : trusts) strong += m.end - m.begin >= 3;
  for (const Mention& m : services) strong += m.end - m.begin >= 2;
  // A short text (a snippet, a summary) naming health care or inspection is about it.
  if (t.size() <= 300) return strong + inspection + trusts.size() + services.size() > 0;
  if (strong == 0) return false;
  // A longer one also has several different words of care and inspection, so that one stray
  // mention in a manual is not enough.
  const size_t needed = t.size() > 5000 ? 8 : t.size() > 1000 ? 6 : 4;
  // A very long one (a reference manual of a million words with a dataset of patients) must
  // also keep returning to it: one strong or inspection word per thousand words at least.
  if (t.size() > 5000 && (strong + inspection) * 1000 < t.size()) return false;
  return distinct.size() >= needed;
}

// Paragraphs and sentences that list services NOT inspected: "Services we did not inspect
// this time" and the short lines after it; "We did not inspect maternity or surgery."
static std::vector<bool> not_inspected(const Tokens& t) {
  std::vector<bool> out(t.size(), false);
  int list_para = -1;  // the heading's paragraph; short paragraphs after it are the list
  for (size_t i = 0; i < t.size(); ++i) {
    const bool negated = (phrase_at(t, i, {"did", "not", "inspect"}) ||
                          phrase_at(t, i, {"not", "inspected"}) ||
                          phrase_at(t, i, {"were", "not", "inspected"}));
    if (negated) {
      size_t para_len = 0, start = i;
      while (start > 0 && t[start - 1].para == t[i].para) --start;
      for (size_t k = start; k < t.size() && t[k].para == t[i].para; ++k) ++para_len;
      if (para_len <= 12) list_para = t[i].para;  // a heading
      // the clause that says so: "We did not inspect S1 or S2, but S3 ..."
      for (size_t k = i; k < t.size() && t[k].sentence == t[i].sentence &&
                         !is_word(t[k], {"but", "however", "while", "whereas", "although"});
           ++k)
        out[k] = true;
    }
    if (list_para >= 0 && t[i].para > list_para) {
      size_t para_len = 0;
      for (size_t k = i; k < t.size() && t[k].para == t[i].para; ++k) ++para_len;
      if (para_len > 12 && (i == 0 || t[i - 1].para != t[i].para)) list_para = -1;
      else out[i] = true;
    }
  }
  return out;
}

std::vector<Mention> services_in_context(const Tokens& t, const std::vector<Mention>& services) {
  std::vector<Mention> out;
  const std::vector<bool> skipped = not_inspected(t);
  for (const Mention& m : services) {
    if (skipped[m.begin]) continue;
    const bool named_beside = std::any_of(services.begin(), services.end(), [&](const Mention& o) {
      return !one_word(o) && t[o.begin].para == t[m.begin].para;
    });
    if (t.size() <= 300 || !ambiguous(t, m) || named_beside || care_near(t, m.begin, m.end, 25))
      out.push_back(m);
  }
  return out;
}

}  // namespace cqc::indexer
