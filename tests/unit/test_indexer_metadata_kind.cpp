// Document kind (site, markers, text) and health-care context: hand-written fixtures.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/date.hpp"
#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"
#include "metadata_fixtures.hpp"

using cqc::indexer::Extraction;
using cqc::indexer::extract_metadata;
using cqc::indexer::Metadata;
using cqc::test::list;
using cqc::test::Strings;

namespace {

Extraction html(const Strings& paras, const std::string& site_name = "") {
  return cqc::test::html_page(paras, site_name);
}

Extraction pdf(const Strings& pages) {
  Extraction x;
  x.format = "pdf";
  x.title = "Report";
  for (size_t i = 0; i < pages.size(); ++i) x.pages.push_back({static_cast<int>(i) + 1, pages[i]});
  return x;
}

// A short health-care news text (about an inspection), shared by the site tests.
const Strings kStory{"Hospital trust told to improve",
                     "Inspectors from the Care Quality Commission visited the hospital wards in "
                     "March and rated the trust as requires improvement overall.",
                     "Patients said staff were kind, but waiting times in A&E were too long."};

// Sentences from a made-up programming manual, repeated into a long text: "critical section",
// "ICU" (the Unicode library), "resilience", "patient" and "HART" appear, "rated" once.
std::string manual_text() {
  const std::string block =
      "A critical section protects shared state; only one thread may enter it at a time. "
      "Build the runtime with full ICU support to get locale-aware collation of strings. "
      "Retries with backoff improve resilience when the server drops connections. "
      "Be patient: the first build compiles every dependency from source. "
      "The HART protocol driver reads sensor values over the serial line. "
      "The queue is rated for ten thousand messages per second on one core. "
      "Call the close method when the handle is no longer needed, or the process leaks it.";
  std::string out;
  for (int i = 0; i < 12; ++i) out += block + "\n\n";
  return out;
}

}  // namespace

TEST_CASE("kind: the CQC's own site by path, and its copies") {
  CHECK(extract_metadata(html(kStory), "https://www.cqc.org.uk/provider/RT5/reports").kind == "cqc-page");
  CHECK(extract_metadata(html(kStory), "https://www.cqc.org.uk/location/RT5XY/inspection-summary").kind ==
        "cqc-page");
  CHECK(extract_metadata(html(kStory), "https://test.cqc.org.uk/provider/RT5").kind == "cqc-page");
  CHECK(extract_metadata(html(kStory), "https://www.cqc.org.uk/news/releases/trust-rated").kind == "cqc-press");
  CHECK(extract_metadata(html(kStory), "https://cqc.org.uk/press-release/trust-rated").kind == "cqc-press");
  CHECK(extract_metadata(html(kStory), "https://cqc-newsroom.example.com/news/trust-rated").kind ==
        "cqc-press");
  CHECK(extract_metadata(pdf({"Some text"}), "https://api.service.cqc.org.uk/public/v1/reports/abc").kind ==
        "report");  // a PDF from the CQC's API is one of its reports
  CHECK(extract_metadata(pdf({"Some text"}), "https://www.cqc.org.uk/sites/default/files/x.pdf").kind ==
        "report");
}

TEST_CASE("kind: trusts' sites, the press and other sites by host") {
  CHECK(extract_metadata(html(kStory), "https://www.exampletrust.nhs.uk/news/our-rating").kind == "trust-news");
  CHECK(extract_metadata(html(kStory), "https://www.england.nhs.uk/news/x").kind != "trust-news");
  CHECK(extract_metadata(html(kStory), "https://www.exampleccg.nhs.uk/news/x").kind != "trust-news");
  CHECK(extract_metadata(html(kStory), "https://www.bbc.co.uk/news/health-123").kind == "press");
  CHECK(extract_metadata(html(kStory), "https://www.midshireherald.co.uk/news/x").kind == "press");
  CHECK(extract_metadata(html(kStory), "https://healthwatchmidshire.co.uk/news/x").kind == "other");
  CHECK(extract_metadata(html(kStory), "https://lawfirm.example.com/insights/x").kind == "other");
  // a blog platform is not the press by its name ("word-press"); user info is not the host
  CHECK(extract_metadata(html(kStory), "https://nursenotes.wordpress.com/2021/x").kind == "other");
  CHECK(extract_metadata(html(kStory), "https://u:p@www.exampletrust.nhs.uk/news/x").kind == "trust-news");
}

TEST_CASE("kind: a page on an unknown site by its own markers") {
  const std::string uri = "https://sample.test/news/page.html";
  CHECK(extract_metadata(html(kStory, "Wensum Valley Courier"), uri).kind == "press");
  CHECK(extract_metadata(html(kStory, "Oxleas NHS Foundation Trust"), uri).kind == "trust-news");
  Strings byline = kStory;
  byline.insert(byline.begin() + 1, "By Priya Shah, health reporter");
  CHECK(extract_metadata(html(byline), uri).kind == "press");
  Strings trust_block = kStory;
  trust_block.push_back("Media enquiries: please contact the communications team.");
  CHECK(extract_metadata(html(trust_block), uri).kind == "trust-news");
  Strings cqc_block = kStory;
  cqc_block.push_back("Notes to editors");
  cqc_block.push_back("About the Care Quality Commission: we make sure care services are safe.");
  CHECK(extract_metadata(html(cqc_block), uri).kind == "cqc-press");
  CHECK(extract_metadata(html(kStory), uri).kind == "other");  // nothing says what it is
}

TEST_CASE("kind: a PDF is a report only when it reads as one") {
  CHECK(extract_metadata(pdf({"Midshire Hospitals NHS Trust\nInspection report\n"
                              "Date of inspection visit: 3 to 5 May 2022\nOverall rating for "
                              "this trust Good"}),
                         "https://files.example.org/report.pdf")
            .kind == "report");
  CHECK(extract_metadata(pdf({"Care Quality Commission\nQuality Report\nMidshire Hospitals"}), "")
            .kind == "report");
  CHECK(extract_metadata(pdf({"Report to the Trust Board\nAgenda item 7\nCQC inspection report: "
                              "action plan. Date of inspection: May 2022."}),
                         "")
            .kind == "other");  // a board paper
  CHECK(extract_metadata(pdf({manual_text()}), "").kind == "other");
}

TEST_CASE("context: a manual gets no services, trusts, ratings or inspection dates") {
  Strings manual{"Runtime manual", manual_text(),
                 "The LPT and UHB options were inspected in June 2019 by the release team."};
  const Metadata md = extract_metadata(html(manual), "https://docs.example.org/manual.html");
  CHECK(md.kind == "other");
  CHECK(list(md.services) == "");
  CHECK(list(md.trusts) == "");
  CHECK(md.ratings.empty());
  CHECK_FALSE(md.inspected_from.known());
}

TEST_CASE("context: a long reference manual with a health dataset is not about health care") {
  // A statistics manual: thousands of words of functions, one example dataset of patients.
  std::string functions;
  for (int i = 0; i < 1000; ++i)  // 22,000 words
    functions += "The function returns a numeric vector of the same length as its argument, with "
                 "missing values kept where the input had them.\n\n";
  Strings manual{"Statistics reference", functions};
  manual.push_back("Example dataset: hospital admissions of patients on clinical trials, with "
                   "the ward, the nurse rota and the NHS region; mental health scores rated by "
                   "inspectors; CQC inspection ratings of the intensive care unit (ICU).");
  const Metadata md = extract_metadata(html(manual), "https://docs.example.org/ref.html");
  CHECK(md.kind == "other");
  CHECK(list(md.services) == "");
  // The same paragraph in a short text is about health care.
  Strings short_text{"Hospital admissions", manual.back()};
  CHECK(list(extract_metadata(html(short_text), "https://docs.example.org/s.html").services) ==
        "critical-care");
}

TEST_CASE("context: a one-word service alias needs words of care around it in a long text") {
  // A long health article: "ICU" beside patients is critical care; "resilience" in a
  // paragraph about software is not the ambulance core service.
  Strings article{"Hospital inspection", manual_text(),
                  "Inspectors from the Care Quality Commission found that patients in the ICU "
                  "were cared for by enough nurses. The regulator rated the trust good overall.",
                  "The NHS trust said the results reflected the work of its clinical teams."};
  const Metadata md = extract_metadata(html(article), "https://news.example.org/x.html");
  CHECK(list(md.services) == "critical-care");
  CHECK(md.overall_rating == "good");
}

TEST_CASE("context: an unambiguous one-word service needs no words of care around it") {
  Strings report{"Hospital inspection",
                 "Inspectors from the Care Quality Commission visited the hospital and its wards; "
                 "patients and the NHS trust's clinical staff spoke to them.",
                 manual_text(), "Maternity", "Leaders had introduced a new governance structure."};
  const Metadata md = extract_metadata(html(report), "https://news.example.org/x.html");
  CHECK(list(md.services) == "maternity");
}

TEST_CASE("context: a list of many trusts that the title names none of is about none of them") {
  Strings release{"More providers to be inspected this autumn",
                  "The Care Quality Commission will inspect these NHS trusts in the coming months: "
                  "Oxleas NHS Foundation Trust, Kent Community Health NHS Foundation Trust, Devon "
                  "Partnership NHS Trust, Southern Health NHS Foundation Trust and Norfolk and Suffolk "
                  "NHS Foundation Trust. Oxleas NHS Foundation Trust will be first."};
  const Metadata md = extract_metadata(html(release), "https://www.cqc.org.uk/news/stories/x");
  CHECK(md.trusts.size() == 5);
  CHECK(md.mentioned_trusts.size() == 5);  // about none
  Strings titled = release;
  titled[0] = "Oxleas NHS Foundation Trust among providers to be inspected";
  CHECK(extract_metadata(html(titled), "").mentioned_trusts.size() < 5);
}
