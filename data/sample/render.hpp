// Rendering specs into document bytes plus the expected.tsv row that describes them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "data/sample/spec.hpp"

namespace cqc::sample {

// One expected.tsv row; every field is already in its TSV text form.
struct ExpectedRow {
  std::string file, kind, title, trusts, services, overall_rating, service_ratings;
  std::string inspected, inspected_end, published, year, seclusion;
};

// A rendered document: its path relative to the output directory, bytes and truth row.
struct Rendered {
  std::string file;
  std::string bytes;
  ExpectedRow row;
};

// The expected.tsv header line (tab-separated column names, no newline).
std::string expected_header();
// ROW as one tab-separated line (no newline); throws std::logic_error if a field
// contains a tab or newline.
std::string expected_line(const ExpectedRow& row);

// True when TEXT contains a word starting with "seclu" (any case).
bool mentions_seclusion(std::string_view text);

// Renders a report spec as a PDF; throws std::logic_error when the spec is inconsistent.
Rendered render_report(const ReportSpec& spec);
// Renders a news spec as an HTML page; throws std::logic_error when the spec is inconsistent.
Rendered render_news(const NewsSpec& spec);

// A news page's prepared parts, handed to one of the site templates.
struct NewsPage {
  const NewsSpec* spec = nullptr;
  std::string title_tag;                // escaped <title> text
  std::string head_meta;                // date/metadata markup for <head>
  std::string headline, standfirst;     // escaped
  std::string author;                   // escaped, may be empty
  std::string date_text;                // visible date ("4 September 2019"), "" when none
  std::string date_attr;                // <time datetime> value, "" when none
  std::vector<std::string> paragraphs;  // escaped body paragraphs
  std::vector<std::pair<std::string, std::string>> sidebar;  // (escaped headline, date)
  std::string trust_name;               // escaped main trust name
};

// HTML-escapes & < > " in TEXT.
std::string html_escape(std::string_view text);
// The complete HTML page for PAGE in the template of its spec's site.
std::string apply_template(const NewsPage& page);

}  // namespace cqc::sample
