#include "hostile_pdf.hpp"

#include <zlib.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace cqc::test {

namespace {

// A PDF file of OBJECTS (object i + 1; object 1 the catalog) with its cross-reference table.
std::string pdf_file(const std::vector<std::string>& objects) {
  auto ref = [](int n) { return std::to_string(n) + " 0 R"; };
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root " + ref(1) + " >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace

std::string xobject_fanout_pdf(int fanout, int levels) {
  std::vector<std::string> objects;  // object i + 1
  auto ref = [](int n) { return std::to_string(n) + " 0 R"; };
  // 1 catalog, 2 pages, 3 page, 4 page contents, 5 font, 6.. the XObjects (level 0 first).
  const int first_x = 6;
  objects.push_back("<< /Type /Catalog /Pages " + ref(2) + " >>");
  objects.push_back("<< /Type /Pages /Kids [" + ref(3) + "] /Count 1 >>");
  objects.push_back("<< /Type /Page /Parent " + ref(2) + " /MediaBox [0 0 612 792] /Contents " + ref(4) +
                    " /Resources << /XObject << /X0 " + ref(first_x) + " >> /Font << /F1 " + ref(5) + " >> >> >>");
  const std::string page = "q /X0 Do Q";
  objects.push_back("<< /Length " + std::to_string(page.size()) + " >>\nstream\n" + page + "\nendstream");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int level = 0; level < levels; ++level) {
    std::string content;
    std::string resources;
    if (level + 1 < levels) {
      for (int i = 0; i < fanout; ++i) content += "q 1 0 0 1 1 1 cm /Xn Do Q\n";
      resources = "/XObject << /Xn " + ref(first_x + level + 1) + " >>";
    } else {
      content = "BT /F1 10 Tf 10 10 Td (seclusion) Tj ET";
      resources = "/Font << /F1 " + ref(5) + " >>";
    }
    objects.push_back("<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << " + resources +
                      " >> /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  }
  return pdf_file(objects);
}

std::string flate_bomb_pdf(std::size_t inflated_bytes) {
  // White space the content parser must read, then one word: compresses about 1,000 to 1.
  std::string content(inflated_bytes, ' ');
  const std::string words = "BT /F1 10 Tf 10 10 Td (seclusion) Tj ET\n";
  content.replace(content.size() - words.size(), words.size(), words);
  uLongf size = compressBound(static_cast<uLong>(content.size()));
  std::string packed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(content.data()),
                static_cast<uLong>(content.size()), 9) != Z_OK)
    throw std::runtime_error("zlib failed");
  packed.resize(size);
  auto ref = [](int n) { return std::to_string(n) + " 0 R"; };
  return pdf_file({"<< /Type /Catalog /Pages " + ref(2) + " >>",
                   "<< /Type /Pages /Kids [" + ref(3) + "] /Count 1 >>",
                   "<< /Type /Page /Parent " + ref(2) + " /MediaBox [0 0 612 792] /Contents " + ref(4) +
                       " /Resources << /Font << /F1 " + ref(5) + " >> >> >>",
                   "<< /Length " + std::to_string(packed.size()) + " /Filter /FlateDecode >>\nstream\n" + packed +
                       "\nendstream",
                   "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
}

}  // namespace cqc::test
