// Sample corpus specs: one struct per document holding both its facts (what expected.tsv
// records) and its prose (what the rendered document says), so the two cannot disagree.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace cqc::sample {

// A calendar date; d == 0 means month precision, y == 0 means "not stated".
struct Day {
  int y = 0;
  int m = 0;
  int d = 0;
};

// How a report cover prints its inspection visit dates.
enum class VisitStyle {
  Single,          // "6 June 2019" (to is unset)
  DashSameMonth,   // "12-14 March 2019"
  EnDashSameMonth, // "23–25 January 2024"
  ShortMonths,     // "2 Oct to 7 Dec 2017"
  LongFull,        // "2 October 2017 to 7 December 2017"
  LongNoFirstYear  // "28 August to 20 September 2018"
};

// One core service section of a report.
struct ServiceSection {
  std::string service{};                  // service id from data/services.tsv
  std::string rating{};                   // rating id from data/ratings.tsv
  std::vector<std::string> paragraphs{};  // findings (UTF-8)
};

// One CQC-style inspection report PDF.
struct ReportSpec {
  std::string trust{};                    // ODS code of the inspected trust
  std::vector<std::string> address{};     // provider address lines on the cover
  Day from{}, to{};                       // inspection visit (to unset for one day)
  VisitStyle style = VisitStyle::LongFull;
  Day published{};                        // date of publication
  std::string overall{};                  // overall trust rating id
  std::vector<std::string> questions{};   // ratings: safe, effective, caring, responsive, well-led
  bool legacy = false;                  // 2014-16 wording for the per-service rating line
  std::vector<std::string> background{};  // "Background to the trust" paragraphs
  std::vector<std::string> summary{};     // "Overall summary" paragraphs
  std::vector<ServiceSection> sections{}; // core services in document order
  std::vector<std::string> must_do{};     // "Action the trust MUST take" bullet points
};

// The kind of web page a news article is published on.
enum class Site { LocalPaper, TrustPage, TradePub, Broadcaster };

// Which machine-readable publication date a news page carries.
enum class DateMeta { JsonLd, OpenGraph, Citation, DublinCore, BylineOnly, None };

// How an inspection month is phrased relative to the publication date.
enum class Rel { Absolute, ThisYear, LastYear };

// One news article HTML page.
struct NewsSpec {
  std::string slug{};                   // file name part: news/<ods>[-<year>]-<slug>.html
  std::string trust{};                  // ODS code of the main trust
  std::vector<std::string> also{};      // ODS codes of trusts named in passing (buddies)
  Site site = Site::LocalPaper;
  std::string outlet{};                 // publication name (trust pages: the trust's name)
  DateMeta meta = DateMeta::BylineOnly;
  Day published{};                      // y == 0: the page states no date (meta must be None)
  std::string author{};                 // byline name, may be empty
  std::string headline{};
  std::string standfirst{};             // summary line under the headline
  Day insp_from{}, insp_to{};           // inspection mentioned ({inspected}); from.y == 0: none
  Rel rel = Rel::Absolute;
  std::vector<std::string> services{};  // service ids in order of first mention
  std::string overall{};                // overall trust rating id stated, or ""
  std::vector<std::pair<std::string, std::string>> service_ratings{};  // (service, rating) ids
  // Body paragraphs; "{inspected}" expands to the inspection phrase ("in June this year"),
  // "{overall}" to the overall rating in lower case, "{trust}" to the main trust's name.
  std::vector<std::string> body{};
};

// Rating ids from data/ratings.tsv, for brevity in the spec files.
inline const std::string kOutstanding = "outstanding";
inline const std::string kGood = "good";
inline const std::string kRI = "requires-improvement";
inline const std::string kInadequate = "inadequate";

// The registered address lines of the trust with ODS CODE; throws std::out_of_range.
std::vector<std::string> address_of(const std::string& code);

// Appends the report specs for inspections in 2014-2016.
void add_reports_a(std::vector<ReportSpec>& out);
// Appends the report specs for inspections in 2017-2019 (Leicestershire to 2019).
void add_reports_b(std::vector<ReportSpec>& out);
// Appends the report specs for inspections in 2019-2021.
void add_reports_c(std::vector<ReportSpec>& out);
// Appends the report specs for inspections in 2022-2025.
void add_reports_d(std::vector<ReportSpec>& out);
// Appends the news specs published 2014-2016.
void add_news_a(std::vector<NewsSpec>& out);
// Appends the news specs published 2017-2019, plus one undated page.
void add_news_b(std::vector<NewsSpec>& out);
// Appends the news specs published 2020-2022.
void add_news_c(std::vector<NewsSpec>& out);
// Appends the news specs published 2023-2025, plus one undated page.
void add_news_d(std::vector<NewsSpec>& out);

}  // namespace cqc::sample
