// cqc-hostile-gen FOLDER [--large]: writes the hostile corpus of issue 11 into FOLDER, for
// bench/hostile.sh (which times and measures indexing each file beside normal documents).
// Every file is made here by code. Without --large the two 200 MB pages are left out.
//
//   fanout.pdf        4 KB; form XObjects drawing each other ten times, six levels: 10^6 words
//   flate-bomb.pdf    a content stream inflating 1,000 to 1 (256 MiB of white space)
//   deep-100k.html    100,000 nested <div>s (gumbo is quadratic in depth)
//   deep-200k.html    200,000 nested <div>s
//   attribute.html    a 10 MB attribute value
//   nul-mixed.html    NUL bytes, invalid UTF-8 and windows-1252 bytes in a page said to be UTF-8
//   long-200mb.html   200 MB of paragraphs in one page (--large)
//   long-200mb.txt    200 MB of plain text (--large)
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "hostile_pdf.hpp"

namespace {

void put(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string nested(int depth) {
  std::string s = "<html><head><title>Nested</title></head><body>";
  s.reserve(static_cast<std::size_t>(depth) * 11 + 200);
  for (int i = 0; i < depth; ++i) s += "<div>";
  s += "seclusion";
  for (int i = 0; i < depth; ++i) s += "</div>";
  return s + "</body></html>";
}

// About BYTES of distinct paragraphs, in HTML or as plain text.
std::string long_text(std::size_t bytes, bool html) {
  std::string s = html ? "<html><head><title>A very long page</title></head><body>\n" : "A very long text\n\n";
  s.reserve(bytes + 200);
  for (std::size_t i = 0; s.size() < bytes; ++i) {
    const std::string line = "Round " + std::to_string(i) + " of the night checks found the ward calm and the logs complete.";
    s += html ? "<p>" + line + "</p>\n" : line + "\n";
  }
  return s + (html ? "<p>The final line names a kestrel.</p></body></html>\n" : "The final line names a kestrel.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") {
    std::cerr << "usage: cqc-hostile-gen FOLDER [--large]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const bool large = argc > 2 && std::string(argv[2]) == "--large";
  try {
    std::filesystem::create_directories(dir);
    put(dir / "fanout.pdf", cqc::test::xobject_fanout_pdf(10, 7));
    put(dir / "flate-bomb.pdf", cqc::test::flate_bomb_pdf(256u << 20));
    put(dir / "deep-100k.html", nested(100000));
    put(dir / "deep-200k.html", nested(200000));
    put(dir / "attribute.html", "<html><head><title>Attribute</title></head><body><p data-x=\"" +
                                    std::string(10u << 20, 'a') + "\">Seclusion policy reviewed.</p></body></html>");
    using namespace std::string_literals;
    put(dir / "nul-mixed.html", "<html><head><meta charset=\"utf-8\"><title>Ward\x00 notes</title></head><body><p>"
                                "Caf\xc3\xa9 seclusion \xff\xfe review \x93quoted\x94 \x00 end</p></body></html>"s);
    if (large) {
      put(dir / "long-200mb.html", long_text(200u << 20, true));
      put(dir / "long-200mb.txt", long_text(200u << 20, false));
    }
  } catch (const std::exception& e) {
    std::cerr << "cqc-hostile-gen: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
