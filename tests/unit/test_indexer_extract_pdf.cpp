// PDF extraction over small PDFs written by hand (PDF 1.4, Helvetica, exact xref offsets).
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "indexer/extract.hpp"

using cqc::indexer::extract;
using cqc::indexer::Extraction;

namespace {

struct Line {
  double x;
  double y;
  std::string text;  // WinAnsi bytes
};
using PageLines = std::vector<Line>;

std::string pdf_string(const std::string& s) {
  std::string out = "(";
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + ")";
}

// A PDF with one page per element of PAGES; INFO is the body of the Info dictionary;
// TRAILER_EXTRA is added to the trailer (e.g. an /Encrypt entry).
std::string make_pdf(const std::vector<PageLines>& pages, const std::string& info = "",
                     const std::string& trailer_extra = "") {
  std::vector<std::string> objects;  // object number = index + 1
  std::string kids;
  for (size_t k = 0; k < pages.size(); ++k) kids += std::to_string(5 + 2 * k) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                    std::to_string(pages.size()) + " >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< " + info + " >>");
  for (size_t k = 0; k < pages.size(); ++k) {
    std::string content;
    for (const Line& l : pages[k]) {
      char pos[64];
      std::snprintf(pos, sizeof pos, "BT /F1 11 Tf %.0f %.0f Td ", l.x, l.y);
      content += pos + pdf_string(l.text) + " Tj ET\n";
    }
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
                      "/Font << /F1 3 0 R >> >> /Contents " + std::to_string(6 + 2 * k) +
                      " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
                      content + "endstream");
  }
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Info 4 0 R " + trailer_extra + " >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// A three-page report-like document: a cover with a ratings row, an empty page, and prose.
std::string report_pdf(const std::string& info = "") {
  PageLines cover{{72, 740, "Example Care NHS Trust"},
                  {72, 700, "Date of inspection visit: 2 Oct to 7 Dec 2017"},
                  {72, 650, "Overall rating for this trust"},
                  {350, 650, "Requires improvement"},
                  {72, 600, "Our inspectors found the wards clean. Staff were kind and"},
                  {72, 586, "respectful towards patients."},
                  {72, 550, "A second paragraph follows a wider gap."}};
  PageLines third{{72, 740, "Page three text with caf\xE9 and the trust\x92s view."}};
  return make_pdf({cover, {}, third}, info);
}

Extraction ok(const std::string& bytes) {
  auto r = extract(bytes, "application/pdf");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
  return r.value();
}

}  // namespace

TEST_CASE("pdf: text per page with 1-based page numbers kept") {
  const Extraction x = ok(report_pdf());
  CHECK(x.format == "pdf");
  REQUIRE(x.pages.size() == 3);
  for (int i = 0; i < 3; ++i) CHECK(x.pages[static_cast<size_t>(i)].number == i + 1);
  CHECK(x.pages[0].text.starts_with("Example Care NHS Trust"));
  CHECK(x.pages[0].text.find("Page three") == std::string::npos);
  CHECK(x.pages[1].text.empty());
  CHECK(x.pages[2].text.find("Page three text") == 0);
  CHECK(x.joined_text().find("respectful towards patients.") < x.joined_text().find('\f'));
}

TEST_CASE("pdf: WinAnsi text comes out as UTF-8") {
  const Extraction x = ok(report_pdf());
  CHECK(x.pages[2].text.find("caf\xC3\xA9") != std::string::npos);
  CHECK(x.pages[2].text.find("trust\xE2\x80\x99s") != std::string::npos);
}

TEST_CASE("pdf: layout keeps a table row on one line and paragraphs apart") {
  const std::string cover = ok(report_pdf()).pages[0].text;
  CHECK(cover.find("Overall rating for this trust Requires improvement\n") != std::string::npos);
  CHECK(cover.find("Staff were kind and\nrespectful towards patients.") != std::string::npos);
  CHECK(cover.find("patients.\n\nA second paragraph") != std::string::npos);
  CHECK(cover.find("   ") == std::string::npos);  // column padding folded
}

TEST_CASE("pdf: title from the Info dictionary, else the first line") {
  CHECK(ok(report_pdf("/Title (Inspection report \\(2017\\))")).title ==
        "Inspection report (2017)");
  CHECK(ok(report_pdf()).title == "Example Care NHS Trust");
  CHECK(ok(report_pdf("/Title (Microsoft Word - draft7.docx)")).title ==
        "Example Care NHS Trust");
  CHECK(ok(report_pdf("/Title (   )")).title == "Example Care NHS Trust");
}

TEST_CASE("pdf: unreadable documents are failures with a reason, not crashes") {
  const std::string good = report_pdf();
  const std::string locked = make_pdf(
      {{{72, 700, "Secret"}}}, "",
      "/Encrypt << /Filter /Standard /V 1 /R 2 /O <" + std::string(64, '4') + "> /U <" +
          std::string(64, '7') + "> /P -4 >> /ID [<00112233445566778899aabbccddeeff> "
          "<00112233445566778899aabbccddeeff>]");
  struct Case {
    const char* name;
    std::string bytes;
    std::string reason;  // expected start of the failure reason
  };
  const std::vector<Case> cases{
      {"no header", "Hello, world", "not a PDF"},
      {"empty", "", "not a PDF"},
      {"header only", good.substr(0, 20), "not a PDF"},
      {"truncated early", good.substr(0, 100), "not a PDF"},
      {"truncated half way", good.substr(0, good.size() / 2), "not a PDF"},
      {"garbage body", "%PDF-1.4\nthis is not a PDF body\n%%EOF\n", "not a PDF"},
      {"encrypted", locked, "PDF is encrypted"},
      {"no pages", make_pdf({}), "PDF has no pages"},
      {"no text", make_pdf({{}, {}}), "PDF has no extractable text (scanned?)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto r = extract(c.bytes, "application/pdf");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().starts_with(c.reason));
  }
}

TEST_CASE("pdf: sniffed without a MIME type") {
  auto r = extract(report_pdf(), "");
  REQUIRE(r.ok());
  CHECK(r->format == "pdf");
  CHECK(r->pages.size() == 3);
}
