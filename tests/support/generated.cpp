// Generated content: a minimal PDF writer and the /bench/ documents for throughput benchmarks.
#include <charconv>
#include <cstdio>
#include <sstream>

#include "tests/support/server_state.hpp"

namespace cqc::test::detail {
namespace {

constexpr long kBenchDocuments = 100000;

// TEXT as a PDF literal string: ASCII only, with (, ) and \ escaped.
std::string pdf_string(const std::string& text) {
  std::string out = "(";
  for (unsigned char c : text) {
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else if (c >= 0xc0) {
      out += '?';  // one mark per non-ASCII character (skip UTF-8 continuation bytes)
    }
  }
  return out + ")";
}

bool parse_long(const std::string& text, long& value) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

const char* const kTrusts[] = {"Leicestershire Partnership NHS Trust",
                               "Norfolk and Suffolk NHS Foundation Trust",
                               "Central and North West London NHS Foundation Trust",
                               "East London NHS Foundation Trust",
                               "Tees, Esk and Wear Valleys NHS Foundation Trust",
                               "Birmingham and Solihull Mental Health NHS Foundation Trust",
                               "The Shrewsbury and Telford Hospital NHS Trust"};
const char* const kRatings[] = {"Outstanding", "Good", "Requires improvement", "Inadequate"};

std::string bench_page(long n) {
  const char* trust = kTrusts[n % 7];
  const char* rating = kRatings[(n / 7) % 4];
  std::ostringstream x;
  x << "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    << "<title>Bench document " << n << " | Test News</title>\n"
    << "<meta property=\"article:published_time\" content=\"20" << 14 + n % 12 << "-0" << 1 + n % 9
    << "-1" << n % 10 << "T09:00:00+00:00\">\n</head>\n<body>\n<main><article>\n<h1>Bench document "
    << n << ": " << trust << " rated " << rating << "</h1>\n"
    << "<p>The Care Quality Commission inspected " << trust << " and rated it " << rating
    << " overall. Inspectors looked at acute wards for adults of working age and psychiatric "
    << "intensive care units, and at community-based mental health services.</p>\n"
    << "<p>Document number " << n << " of the benchmark set; it links to the next one.</p>\n"
    << "</article></main>\n<footer><a href=\"/bench/" << (n + 1) % kBenchDocuments
    << ".html\">Next</a></footer>\n</body></html>\n";
  return x.str();
}

}  // namespace

std::string make_pdf(const std::string& title, const std::vector<std::string>& lines) {
  std::string content = "BT\n/F1 16 Tf\n56 780 Td\n" + pdf_string(title) +
                        " Tj\nET\nBT\n/F1 11 Tf\n14 TL\n56 750 Td\n";
  for (const auto& line : lines) content += pdf_string(line) + " Tj\nT*\n";
  content += "ET\n";

  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
      "/Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Title " + pdf_string(title) + " /Producer (cqc-test-server) >>"};

  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf +=
      "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 6 0 R >>\n";
  pdf += "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

bool serve_bench(Exchange& ex) {
  const std::string prefix = "/bench/";
  if (ex.path.rfind(prefix, 0) != 0) return false;
  std::string rest = ex.path.substr(prefix.size());
  if (rest == "list.txt") {
    long n = 1000;
    auto it = ex.query.find("n");
    if (it != ex.query.end() && (!parse_long(it->second, n) || n < 0 || n > kBenchDocuments)) {
      ex.send(400, "text/plain; charset=utf-8", "n must be a number from 0 to 100000\n");
      return true;
    }
    std::string body;
    body.reserve(static_cast<std::size_t>(n) * (ex.state.base.size() + 20));
    for (long i = 0; i < n; ++i) body += ex.state.base + "/bench/" + std::to_string(i) + ".html\n";
    ex.send(200, "text/plain; charset=utf-8", body);
    return true;
  }
  long n = -1;
  const std::string suffix = ".html";
  if (rest.size() <= suffix.size() ||
      rest.compare(rest.size() - suffix.size(), suffix.size(), suffix) != 0 ||
      !parse_long(rest.substr(0, rest.size() - suffix.size()), n) || n < 0 ||
      n >= kBenchDocuments) {
    return false;
  }
  Document doc;
  doc.body = bench_page(n);
  doc.content_type = "text/html; charset=utf-8";
  doc.etag = strong_etag(doc.body);
  doc.last_modified = ex.state.started;
  ex.send_document(doc);
  return true;
}

}  // namespace cqc::test::detail
