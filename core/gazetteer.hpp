// Reference data: NHS trusts, their hospitals and sites, CQC core services and ratings, compiled
// into the binary from
// data/*.tsv. Shared by indexer (to recognise them in text) and search (to resolve filters
// such as trust:LPT and to label facets).
#pragma once
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cqc::core {

struct Trust {
  std::string code;                        // ODS code, e.g. "RT5"
  std::string name;                        // current name
  std::vector<std::string> abbreviations;  // e.g. "LPT"
  std::vector<std::string> former_names;   // names that resolve to this trust
  std::string sector;  // mental-health | community | acute | mixed | ambulance | specialist
  // Short names derived from the current and former names by dropping "NHS (Foundation)
  // Trust" ("University Hospitals Birmingham"), kept only where safe in ordinary text: two or
  // more words, one of them an institution word (Hospitals, Healthcare, Partnership, ...), and
  // no site of another trust or ambiguous site called so. "Salisbury", "North Bristol" or
  // "Norfolk and Suffolk" never become short names; explicit ones go in the abbreviations.
  std::vector<std::string> short_names;
  std::vector<std::string> former_codes;  // ODS codes of trusts merged into this one ("RJX")
};

// A hospital or main site of a trust (data/hospitals.tsv).
struct Site {
  std::string name;                  // "Birmingham Heartlands Hospital"
  std::string trust;                 // ODS code of the trust that runs it, e.g. "RRK"
  std::string former_trust;          // ODS code or name of the trust that ran it before, or ""
  std::vector<std::string> aliases;  // "Heartlands Hospital"
  std::vector<std::string> towns;    // where it is: "Birmingham"
  bool ambiguous = false;            // the table flags its name as not identifying it alone
};

struct Service {
  std::string id;                    // stable slug, e.g. "acute-wards-picu"
  std::string name;                  // the CQC's wording
  std::string sector;                // mental-health | community | acute | mixed
  std::vector<std::string> aliases;  // wording variants
};

struct Rating {
  std::string id;                     // "outstanding" | "good" | "requires-improvement" | "inadequate"
  std::string name;                   // "Requires improvement"
  int rank = 0;                       // 1 = best
  std::vector<std::string> variants;  // "requiring improvement", ...
};

struct KeyQuestion {
  std::string id;                     // "safe" | "effective" | "caring" | "responsive" | "well-led"
  std::string name;                   // "Well-led"
  std::vector<std::string> variants;  // "well led", ...
};

class Gazetteer {
 public:
  // The built-in gazetteer (parsed once from the embedded data files; thread-safe).
  static const Gazetteer& builtin();
  // Parses gazetteer tables from TSV text (format: see the data/*.tsv headers).
  // Throws core::Error naming the table and line on a malformed row.
  // SITES_TSV may be empty; a site whose trust code is not in TRUSTS_TSV is malformed. With
  // SITES_LATER the sites, the trusts' short names and the name variants (what matching text
  // against names needs) are built on the first call that reads them, and a malformed site
  // row throws there: builtin() does so, as a search that only shows trust, service and rating
  // names by code never needs them (1.4 ms of a CLI search's start-up).
  Gazetteer(std::string_view trusts_tsv, std::string_view services_tsv,
            std::string_view ratings_tsv, std::string_view sites_tsv = {}, bool sites_later = false);
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  const std::vector<Trust>& trusts() const { return complete(), trusts_; }
  const std::vector<Service>& services() const { return services_; }
  const std::vector<Rating>& ratings() const { return ratings_; }
  const std::vector<KeyQuestion>& questions() const { return questions_; }
  const std::vector<Site>& sites() const { return complete(), sites_; }

  // Trust with this ODS code (any case), or the trust a code's former trust merged into
  // ("RJX", Calderstones, gives RW4, Mersey Care), or nullptr. Builds nothing later: its
  // short_names may still be empty (trusts() has them).
  const Trust* trust_by_code(std::string_view code) const;
  // Trust named by TEXT: ODS code, current or former name (with or without "NHS"), or
  // abbreviation, short name, or the name or alias of a site that identifies one site (the
  // trust that runs it); case-insensitive. nullptr when nothing matches.
  const Trust* resolve_trust(std::string_view text) const;
  // The trust a name as written in the press stands for when it is not quite the trust's name:
  // NAME and every current and former name are compared without the words NHS, Foundation,
  // Trust, The and the institution words (Hospital(s), Teaching, University, Health(care),
  // Care, Services, Community, Partnership), so "Hull and East Yorkshire NHS Trust" and
  // "University Hospital Bristol NHS Foundation Trust" resolve. nullptr when that leaves no
  // word or the words of two trusts.
  const Trust* resolve_trust_variant(std::string_view name) const;
  // The trust whose web site HOST is (any case): a host under nhs.uk whose last label before
  // "nhs.uk" is the trust's abbreviation ("www.shsc.nhs.uk", "hgs.uhb.nhs.uk") or, at five
  // letters or more, the start of exactly one trust's name or short name written without
  // spaces, "and", "NHS" or "Trust" ("nottinghamshirehealthcare.nhs.uk",
  // "epsom-sthelier.nhs.uk"); a final "-tr" or "-trust" is ignored. nullptr otherwise.
  const Trust* trust_by_host(std::string_view host) const;
  // Sites called NAME (name or alias; case-insensitive, "St" = "Saint"), in table order:
  // several when the name is shared ("St Mary's Hospital"); empty when none.
  std::vector<const Site*> sites_named(std::string_view name) const;
  // True when NAME alone does not identify one site: flagged ambiguous in the table or the
  // name or alias of several sites. False for names of no site.
  bool ambiguous_site_name(std::string_view name) const;
  // The one site NAME identifies (not ambiguous), or nullptr.
  const Site* resolve_site(std::string_view name) const;
  // Service with this id, or nullptr.
  const Service* service_by_id(std::string_view id) const;
  // Service named by TEXT: id, CQC name or alias, case-insensitive; nullptr if none.
  const Service* resolve_service(std::string_view text) const;
  // Rating with this id, or nullptr.
  const Rating* rating_by_id(std::string_view id) const;
  // Rating named by TEXT: id, name or variant ("requires-improvement", "Requires
  // improvement", "requiring improvement"), case-insensitive; nullptr if none.
  const Rating* resolve_rating(std::string_view text) const;
  // Key question named by TEXT (id, name or variant), or nullptr.
  const KeyQuestion* resolve_question(std::string_view text) const;

 private:
  std::vector<Trust> trusts_;
  std::vector<Service> services_;
  std::vector<Rating> ratings_;
  std::vector<KeyQuestion> questions_;
  std::vector<Site> sites_;
  std::unordered_map<std::string, std::vector<size_t>> site_index_;  // site_key -> sites_
  std::unordered_set<std::string> flagged_site_keys_;                // names flagged ambiguous
  std::unordered_map<std::string, const Trust*> variant_index_;  // reduced name -> trust or null
  std::unordered_map<std::string, size_t> code_index_;         // folded ODS code -> trusts_
  std::unordered_map<std::string, size_t> former_code_index_;  // folded former code -> trusts_

  std::string pending_sites_;         // SITES_TSV until complete() has read it
  mutable std::once_flag completed_;

  // Loads the sites and derives the short names and variants, once (thread-safe).
  void complete() const;
  // ambiguous_site_name for a site_key, without complete() (derive_short_names runs inside it).
  bool ambiguous_site_key(const std::string& key) const;
  void load_sites(std::string_view sites_tsv);
  void derive_short_names();
  void index_variants();
};

// The form in which site names are compared: fold_name with "saint" written "st".
std::string site_key(std::string_view name);

// Lower-cases ASCII letters and folds runs of spaces, hyphens, apostrophes and punctuation
// to one space, trimming the ends: the form in which names are compared.
std::string fold_name(std::string_view text);

}  // namespace cqc::core
