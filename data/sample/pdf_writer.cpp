// PdfWriter: flows text blocks onto A4 pages and serialises PDF 1.4 with an xref table.
#include "data/sample/pdf_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace cqc::sample {
namespace {

constexpr double kPageWidth = 595.28;   // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kLeft = 64;
constexpr double kRight = kPageWidth - 64;
constexpr double kTop = kPageHeight - 72;
constexpr double kBottom = 80;          // lowest text line; the footer sits below
constexpr double kFooterY = 40;
constexpr double kBody = 10.5;
constexpr double kLeading = 1.32;       // line height as a multiple of the font size

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

PdfWriter::PdfWriter(std::string title, std::string footer)
    : title_(std::move(title)), footer_(std::move(footer)) {
  new_page();
}

void PdfWriter::new_page() {
  pages_.push_back(Page{});
  y_ = kTop;
  fresh_ = true;
}

void PdfWriter::ensure_room(double height) {
  if (y_ - height < kBottom && !fresh_) new_page();
}

void PdfWriter::text_at(double x, double y, bool bold, double size, std::string_view winansi) {
  std::string& c = pages_.back().content;
  c += "BT /";
  c += bold ? "F2 " : "F1 ";
  c += num(size) + " Tf " + num(x) + " " + num(y) + " Td (" + pdf_escape(winansi) + ") Tj ET\n";
  fresh_ = false;
}

std::vector<std::string> PdfWriter::wrap(std::string_view winansi, bool bold, double size,
                                         double width) const {
  std::vector<std::string> lines;
  std::string current;
  std::size_t i = 0;
  while (i < winansi.size()) {
    while (i < winansi.size() && winansi[i] == ' ') ++i;
    std::size_t j = winansi.find(' ', i);
    if (j == std::string_view::npos) j = winansi.size();
    if (i == j) break;
    const std::string word(winansi.substr(i, j - i));
    const std::string candidate = current.empty() ? word : current + " " + word;
    if (!current.empty() && text_width(candidate, bold, size) > width) {
      lines.push_back(current);
      current = word;
    } else {
      current = candidate;
    }
    i = j;
  }
  if (!current.empty()) lines.push_back(current);
  return lines;
}

void PdfWriter::flow(std::string_view utf8, bool bold, double size, double indent,
                     double after) {
  const double lead = size * kLeading;
  for (const std::string& l : wrap(to_winansi(utf8), bold, size, kRight - kLeft - indent)) {
    ensure_room(lead);
    y_ -= lead;
    text_at(kLeft + indent, y_ + size * 0.3, bold, size, l);
  }
  y_ -= after;
}

void PdfWriter::title(std::string_view utf8) { flow(utf8, true, 22, 0, 10); }

void PdfWriter::heading(std::string_view utf8) {
  ensure_room(15 * kLeading + 4 * kBody * kLeading + 14);
  space(12);
  flow(utf8, true, 15, 0, 6);
}

void PdfWriter::subheading(std::string_view utf8) {
  ensure_room(12 * kLeading + 3 * kBody * kLeading + 8);
  space(6);
  flow(utf8, true, 12, 0, 4);
}

void PdfWriter::paragraph(std::string_view utf8) { flow(utf8, false, kBody, 0, 8); }

void PdfWriter::line(std::string_view utf8) { flow(utf8, false, kBody, 0, 0); }

void PdfWriter::label_value(std::string_view label, std::string_view value) {
  const std::string l = to_winansi(label);
  const std::string v = to_winansi(value);
  const double lead = kBody * kLeading;
  ensure_room(lead);
  y_ -= lead;
  const double base = y_ + kBody * 0.3;
  text_at(kLeft, base, true, kBody, l);
  text_at(kLeft + text_width(l + " ", true, kBody), base, false, kBody, v);
  y_ -= 3;
}

void PdfWriter::bullet(std::string_view utf8) {
  const double lead = kBody * kLeading;
  ensure_room(lead);  // the first line, and so the bullet, stays on this page
  text_at(kLeft + 4, y_ - lead + kBody * 0.3, false, kBody, "\x95");
  flow(utf8, false, kBody, 16, 4);
}

void PdfWriter::table(std::string_view head_left, std::string_view head_right,
                      const std::vector<std::pair<std::string, std::string>>& rows) {
  constexpr double kSize = 9.5;
  constexpr double kSplit = kLeft + 352;
  const double lead = kSize * kLeading;
  const auto rule = [this](double y) {
    pages_.back().content += "0.6 w 0.45 G " + num(kLeft) + " " + num(y) + " m " +
                             num(kRight) + " " + num(y) + " l S\n";
  };
  const auto row = [&](std::string_view left, std::string_view right, bool bold) {
    const auto ls = wrap(to_winansi(left), bold, kSize, kSplit - kLeft - 10);
    const auto rs = wrap(to_winansi(right), bold, kSize, kRight - kSplit);
    const double height = static_cast<double>(std::max(ls.size(), rs.size())) * lead + 6;
    ensure_room(height);
    if (fresh_) rule(y_);
    for (std::size_t k = 0; k < std::max(ls.size(), rs.size()); ++k) {
      const double base = y_ - 3 - static_cast<double>(k + 1) * lead + kSize * 0.3;
      if (k < ls.size()) text_at(kLeft, base, bold, kSize, ls[k]);
      if (k < rs.size()) text_at(kSplit, base, bold, kSize, rs[k]);
    }
    y_ -= height;
    rule(y_);
  };
  ensure_room(2 * lead + 12);
  space(4);
  rule(y_);
  row(head_left, head_right, true);
  for (const auto& [l, r] : rows) row(l, r, false);
  y_ -= 10;
}

void PdfWriter::space(double points) {
  if (fresh_) return;
  y_ -= points;
  if (y_ < kBottom) new_page();
}

void PdfWriter::page_break() {
  if (!fresh_) new_page();
}

std::string PdfWriter::finish() {
  if (fresh_ && pages_.size() > 1) pages_.pop_back();
  const std::string footer = to_winansi(footer_);
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    const std::string label = "Page " + std::to_string(i + 1);
    pages_[i].content += "BT /F1 8.50 Tf " + num(kLeft) + " " + num(kFooterY) + " Td (" +
                         pdf_escape(footer) + ") Tj ET\n";
    pages_[i].content += "BT /F1 8.50 Tf " + num(kRight - text_width(label, false, 8.5)) + " " +
                         num(kFooterY) + " Td (" + label + ") Tj ET\n";
  }

  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  const auto object = [&](const std::string& body) {
    offsets.push_back(out.size());
    out += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  std::string kids;
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    kids += (i ? " " : "") + std::to_string(6 + 2 * i) + " 0 R";
  }
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages_.size()) + " >>");
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold"
         " /Encoding /WinAnsiEncoding >>");
  object("<< /Title " + pdf_text_string(title_) +
         " /Producer (cqc-archive sample generator) >>");
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(kPageWidth) + " " +
           num(kPageHeight) + "] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " +
           std::to_string(7 + 2 * i) + " 0 R >>");
    const std::string& c = pages_[i].content;
    object("<< /Length " + std::to_string(c.size()) + " >>\nstream\n" + c + "\nendstream");
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t off : offsets) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    out += buf;
  }
  out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
         " /Root 1 0 R /Info 5 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace cqc::sample
