// PDF extractor: poppler-cpp, text per page with the page numbers kept.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

#include "core/text.hpp"
#include "indexer/extract.hpp"

namespace cqc::indexer {
namespace {

// Poppler reports broken files on stderr; the Failure reason says what matters.
void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

std::string utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Page text as lines and paragraphs: trailing blanks dropped, runs of blanks inside a line
// (column padding) folded to one, blank lines marking paragraph breaks ("\n\n").
std::string tidy_page(std::string_view raw) {
  std::string out;
  bool blank_pending = false;
  for (std::string_view line : core::split(raw, '\n')) {
    std::string folded = core::collapse_space(line);  // also drops \r and \f
    if (folded.empty()) {
      blank_pending = !out.empty();
      continue;
    }
    if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
    blank_pending = false;
    out += folded;
  }
  return out;
}

// Document titles that are file names or tool noise rather than titles.
bool junk_title(std::string_view t) {
  std::string lower = core::to_lower(t);
  for (std::string_view ext : {".doc", ".docx", ".pdf", ".indd", ".rtf", ".odt", ".tmp"})
    if (lower.ends_with(ext)) return true;
  return lower.starts_with("microsoft word") || lower == "untitled" || lower == "title" ||
         lower == "pdf";
}

std::string first_line(const std::vector<Page>& pages) {
  for (const Page& p : pages)
    for (std::string_view line : core::split(p.text, '\n'))
      if (!core::trim(line).empty()) return std::string(core::trim(line).substr(0, 300));
  return "";
}

class PdfExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "pdf"; }
  core::Result<Extraction> extract(std::string_view bytes, std::string_view) const override {
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
      return core::Failure{"not a PDF: no %PDF- header"};
    if (bytes.size() > static_cast<size_t>(INT_MAX)) return core::Failure{"PDF is too large"};
    silence_poppler();
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
        bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return core::Failure{"not a PDF: poppler cannot read it (corrupt or truncated)"};
    if (doc->is_locked()) return core::Failure{"PDF is encrypted (a password is needed)"};
    const int count = doc->pages();
    if (count <= 0) return core::Failure{"PDF has no pages"};

    Extraction x;
    x.format = "pdf";
    bool any_text = false;
    for (int i = 0; i < count; ++i) {
      Page page{i + 1, ""};
      if (std::unique_ptr<poppler::page> p(doc->create_page(i)); p) {
        // Physical layout suits single-column reports best: it keeps a table row
        // ("Overall rating for this trust   Good") on one line and marks paragraph gaps
        // with blank lines; the default layout splits label and value columns apart.
        page.text = tidy_page(utf8(p->text(poppler::rectf(), poppler::page::physical_layout)));
      }
      any_text = any_text || !page.text.empty();
      x.pages.push_back(std::move(page));
    }
    if (!any_text) return core::Failure{"PDF has no extractable text (scanned?)"};

    std::string title = core::collapse_space(utf8(doc->info_key("Title")));
    x.title = !title.empty() && !junk_title(title) ? title : first_line(x.pages);
    return x;
  }
};

}  // namespace

const Extractor& pdf_extractor() {
  static const PdfExtractor instance;
  return instance;
}

}  // namespace cqc::indexer
