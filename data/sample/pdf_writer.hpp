// A minimal PDF 1.4 writer for the sample corpus: A4 pages of word-wrapped text in the
// standard Helvetica fonts (WinAnsiEncoding), an uncompressed content stream per page,
// a correct xref table and an /Info dictionary. Standard library only; deterministic.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cqc::sample {

// Converts UTF-8 to WinAnsiEncoding bytes; throws std::invalid_argument on malformed
// UTF-8 or on a character WinAnsi cannot represent.
std::string to_winansi(std::string_view utf8);

// Escapes a WinAnsi byte string as a PDF literal string body: ( ) \ escaped, and bytes
// outside printable ASCII written as three-digit octal escapes.
std::string pdf_escape(std::string_view winansi);

// A PDF text string token for UTF-8 text outside content streams (/Info values): a
// literal "(...)" when plain ASCII, else UTF-16BE hex "<FEFF...>"; throws like to_winansi.
std::string pdf_text_string(std::string_view utf8);

// Builds one PDF document by flowing blocks top to bottom onto A4 pages.
class PdfWriter {
 public:
  // TITLE is the /Info /Title (UTF-8); FOOTER is printed bottom left on every page,
  // next to "Page N" at bottom right (empty FOOTER prints only the page number).
  PdfWriter(std::string title, std::string footer);

  // A large bold title line (wrapped), as on a report cover.
  void title(std::string_view utf8);
  // A bold section heading; moves to a new page when too little room is left under it.
  void heading(std::string_view utf8);
  // A smaller bold heading, kept with the text that follows.
  void subheading(std::string_view utf8);
  // A wrapped paragraph of body text followed by paragraph spacing.
  void paragraph(std::string_view utf8);
  // A single wrapped line of body text with no extra spacing after it (address lines).
  void line(std::string_view utf8);
  // A bold label and regular value on one line ("Date of publication: 1 March 2018").
  void label_value(std::string_view label, std::string_view value);
  // A bulleted, wrapped paragraph.
  void bullet(std::string_view utf8);
  // A two-column table with a bold header row and rule lines; cells wrap when long.
  void table(std::string_view head_left, std::string_view head_right,
             const std::vector<std::pair<std::string, std::string>>& rows);
  // Vertical space of POINTS (ignored at the top of a page).
  void space(double points);
  // Starts a new page (a no-op on an empty page).
  void page_break();

  // Finishes the document and returns the complete PDF file bytes.
  std::string finish();

 private:
  struct Page {
    std::string content;  // content stream operators
  };
  void new_page();
  void ensure_room(double height);
  void text_at(double x, double y, bool bold, double size, std::string_view winansi);
  void flow(std::string_view utf8, bool bold, double size, double indent, double after);
  std::vector<std::string> wrap(std::string_view winansi, bool bold, double size,
                                double width) const;

  std::string title_;
  std::string footer_;
  std::vector<Page> pages_;
  double y_ = 0;        // baseline cursor, PDF units from the bottom
  bool fresh_ = true;   // nothing drawn on the current page yet
};

// Width in points of WINANSI text set in Helvetica (or Helvetica-Bold) at SIZE.
double text_width(std::string_view winansi, bool bold, double size);

}  // namespace cqc::sample
