// Renders a ReportSpec as a CQC-style inspection report PDF and its expected.tsv row.
#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "data/sample/facts.hpp"
#include "data/sample/pdf_writer.hpp"
#include "data/sample/render.hpp"

namespace cqc::sample {
namespace {

// Boilerplate findings used after each section's own prose, chosen by the section rating.
const std::array<const char*, 4> kPositive = {
    "Staff treated patients with compassion and kindness. They respected patients’ privacy and "
    "dignity and took time to understand their individual needs. Patients and carers we spoke "
    "with described staff as approachable and said they felt listened to.",
    "Managers made sure staff had the training and supervision they needed. Appraisal rates "
    "were above the trust’s target and staff told us they had regular opportunities to reflect "
    "on their practice with a senior colleague.",
    "Leaders had the skills and experience to run the service well. They were visible in the "
    "places where care was delivered, and staff said they were supportive and easy to talk to. "
    "The service had a clear plan for the coming year that staff had helped to shape.",
    "Records were clear, up to date and easy for staff to find. Care plans were personalised "
    "and showed that patients had been involved in agreeing their goals. Staff reviewed risk "
    "assessments after incidents and at regular intervals."};
const std::array<const char*, 4> kMixed = {
    "Staff did not always complete risk assessments in full. In a sample of records we "
    "reviewed, several had sections missing or had not been updated after a change in the "
    "patient’s presentation. Managers knew about this and had started a programme of audits.",
    "Mandatory training completion was below the trust’s target in some teams. Staff told us "
    "it was difficult to be released for face-to-face courses because of staffing pressures, "
    "and some courses had been cancelled at short notice.",
    "Governance processes did not always pick up concerns quickly. Information about "
    "incidents, complaints and audits was collected, but it was not consistently discussed at "
    "team meetings, and learning was not shared between sites.",
    "Most patients we spoke with were positive about the staff who cared for them, although "
    "some said they did not always know who their named nurse was or when their care would "
    "next be reviewed."};
const std::array<const char*, 4> kNegative = {
    "The service did not have enough staff to keep patients safe. Shifts were regularly "
    "filled with temporary staff who did not know the patients, and on several days the "
    "number of qualified nurses fell below the planned level.",
    "Leaders did not have oversight of the risks in the service. Actions agreed after earlier "
    "inspections had not been completed, and the risk register did not reflect the concerns "
    "staff raised with us.",
    "Medicines were not always managed safely. We found out-of-date stock, gaps in fridge "
    "temperature records and prescription charts that did not record why a medicine had "
    "been given when needed.",
    "Staff did not always report incidents, and when they did the trust was slow to "
    "investigate them. Staff said they rarely received feedback and could not describe any "
    "changes made as a result."};
const std::array<const char*, 4> kShould = {
    "The trust should ensure that staff receive regular supervision and that it is recorded.",
    "The trust should ensure that learning from incidents is shared with staff in all teams.",
    "The trust should continue to reduce its reliance on temporary staff.",
    "The trust should ensure that patients know how to raise a concern or make a complaint."};
const std::array<const char*, 5> kQuestions = {"Safe", "Effective", "Caring", "Responsive",
                                               "Well-led"};

std::string visit_text(const ReportSpec& s) {
  const Day& f = s.from;
  const Day& t = s.to;
  const bool same_year = f.y == t.y;
  const bool same_month = same_year && f.m == t.m;
  const auto need = [&](bool ok) {
    if (!ok) throw std::logic_error("visit dates do not fit their style");
  };
  need(f.y != 0 && f.d != 0 && (s.style == VisitStyle::Single) == (t.y == 0));
  const std::string d1 = std::to_string(f.d);
  switch (s.style) {
    case VisitStyle::Single:
      return long_date(f);
    case VisitStyle::DashSameMonth:
      need(same_month);
      return d1 + "-" + long_date(t);
    case VisitStyle::EnDashSameMonth:
      need(same_month);
      return d1 + "\u2013" + long_date(t);
    case VisitStyle::ShortMonths:
      need(same_year);
      return d1 + " " + short_month(f.m) + " to " + std::to_string(t.d) + " " +
             short_month(t.m) + " " + std::to_string(t.y);
    case VisitStyle::LongFull:
      return long_date(f) + " to " + long_date(t);
    case VisitStyle::LongNoFirstYear:
      need(same_year);
      return d1 + " " + month_name(f.m) + " to " + long_date(t);
  }
  throw std::logic_error("unknown visit style");
}

const char* pick(const ReportSpec& s, const std::string& rating, std::string_view salt) {
  const unsigned h = stable_hash(s.trust + iso(s.from) + std::string(salt)) % 4;
  if (rating == "inadequate") return kNegative[h];
  if (rating == "requires-improvement") return kMixed[h];
  return kPositive[h];
}

}  // namespace

Rendered render_report(const ReportSpec& s) {
  if (s.questions.size() != 5 || s.sections.empty() || s.published.d == 0) {
    throw std::logic_error("report spec for " + s.trust + " is incomplete");
  }
  const std::string& name = trust_name(s.trust);
  const Day end = s.to.y ? s.to : s.from;
  Rendered r;
  char stem[32];
  std::snprintf(stem, sizeof stem, "-%04d-%02d-report.pdf", end.y, end.m);
  r.file = "reports/" + lower(s.trust) + stem;

  const std::string title = name + " Inspection report";
  PdfWriter pdf(title, title);
  std::string all = title;  // every string drawn, for the seclusion column
  const auto para = [&](const std::string& text) {
    pdf.paragraph(text);
    all += "\n" + text;
  };

  // Cover page.
  pdf.title(name);
  for (const auto& l : s.address) {
    pdf.line(l);
    all += "\n" + l;
  }
  pdf.space(28);
  pdf.subheading("Inspection report");
  pdf.space(4);
  pdf.label_value("Date of inspection visit:", visit_text(s));
  pdf.label_value("Date of publication:", long_date(s.published));
  pdf.space(18);
  pdf.subheading("Ratings");
  pdf.label_value("Overall rating for this trust:", rating_name(s.overall));
  for (std::size_t i = 0; i < 5; ++i) {
    pdf.label_value("Are services " + lower(kQuestions[i]) + "?", rating_name(s.questions[i]));
  }
  pdf.space(18);
  para("We rate each trust and each of the core services it provides. This report sets out "
       "our judgement of the quality of care at this trust. It draws on what we found when we "
       "inspected, on other information we hold, and on what patients, the public and other "
       "organisations told us.");
  pdf.page_break();

  // Summary and ratings.
  pdf.heading("Background to the trust");
  for (const auto& p : s.background) para(p);
  pdf.heading("Overall summary");
  for (const auto& p : s.summary) para(p);
  pdf.heading("Ratings for the whole trust");
  std::vector<std::pair<std::string, std::string>> rows;
  for (std::size_t i = 0; i < 5; ++i) rows.emplace_back(kQuestions[i], rating_name(s.questions[i]));
  rows.emplace_back("Overall", rating_name(s.overall));
  pdf.table("Key question", "Rating", rows);
  rows.clear();
  for (const auto& sec : s.sections) {
    rows.emplace_back(service_name(sec.service), rating_name(sec.rating));
  }
  pdf.heading("Ratings for core services");
  pdf.table("Core service", "Rating", rows);
  pdf.page_break();

  // Core services.
  for (const auto& sec : s.sections) {
    pdf.heading(service_name(sec.service));
    pdf.label_value(
        s.legacy ? "Overall rating for this core service:" : "Our rating of this service:",
        rating_name(sec.rating));
    pdf.space(6);
    for (const auto& p : sec.paragraphs) para(p);
    para(pick(s, sec.rating, sec.service));
    const std::string sep = r.row.services.empty() ? "" : ";";
    r.row.services += sep + sec.service;
    r.row.service_ratings += sep + sec.service + "=" + sec.rating;
  }

  // Areas for improvement and the inspection team.
  pdf.heading("Areas for improvement");
  pdf.subheading("Action the trust MUST take to improve");
  for (const auto& b : s.must_do) {
    pdf.bullet(b);
    all += "\n" + b;
  }
  pdf.subheading("Action the trust SHOULD take to improve");
  const std::string should = kShould[stable_hash(r.file) % 4];
  pdf.bullet(should);
  all += "\n" + should;
  pdf.heading("Our inspection team");
  const unsigned h = stable_hash(title + iso(s.from));
  para("The inspection was led by an inspection manager. The team included " +
       std::to_string(4 + h % 9) + " inspectors, " + std::to_string(2 + (h >> 4) % 6) +
       " specialist advisers and " + std::to_string(1 + (h >> 8) % 4) +
       " experts by experience, who have personal experience of using or caring for someone "
       "who uses services like these.");
  r.bytes = pdf.finish();

  r.row.file = r.file;
  r.row.kind = "report";
  r.row.title = title;
  r.row.trusts = s.trust;
  r.row.overall_rating = s.overall;
  r.row.inspected = iso(s.from);
  r.row.inspected_end = iso(end);
  r.row.published = iso(s.published);
  r.row.year = std::to_string(s.from.y);
  r.row.seclusion = mentions_seclusion(all) ? "1" : "0";
  return r;
}

}  // namespace cqc::sample
