// Reference data: NHS trusts, CQC core services and ratings, compiled into the binary from
// data/*.tsv. Shared by indexer (to recognise them in text) and search (to resolve filters
// such as trust:LPT and to label facets).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cqc::core {

struct Trust {
  std::string code;                        // ODS code, e.g. "RT5"
  std::string name;                        // current name
  std::vector<std::string> abbreviations;  // e.g. "LPT"
  std::vector<std::string> former_names;   // names that resolve to this trust
  std::string sector;  // mental-health | community | acute | mixed | ambulance | specialist
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
  Gazetteer(std::string_view trusts_tsv, std::string_view services_tsv,
            std::string_view ratings_tsv);

  const std::vector<Trust>& trusts() const { return trusts_; }
  const std::vector<Service>& services() const { return services_; }
  const std::vector<Rating>& ratings() const { return ratings_; }
  const std::vector<KeyQuestion>& questions() const { return questions_; }

  // Trust with this ODS code (any case), or nullptr.
  const Trust* trust_by_code(std::string_view code) const;
  // Trust named by TEXT: ODS code, current or former name (with or without "NHS"), or
  // abbreviation; case-insensitive. nullptr when nothing matches.
  const Trust* resolve_trust(std::string_view text) const;
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
};

// Lower-cases ASCII letters and folds runs of spaces, hyphens, apostrophes and punctuation
// to one space, trimming the ends: the form in which names are compared.
std::string fold_name(std::string_view text);

}  // namespace cqc::core
