// Hostile PDFs, generated: small files that make a PDF renderer work without end.
#pragma once
#include <cstddef>
#include <string>

namespace cqc::test {

// A valid PDF whose page draws form XObject 0, which draws XObject 1 FANOUT times, ... down
// to LEVELS levels, the last drawing a word of text: FANOUT^LEVELS words from a file of a
// few KB (the "XObject fan-out" of issue 11).
std::string xobject_fanout_pdf(int fanout, int levels);

// A one-page PDF whose content stream inflates to INFLATED_BYTES (white space, then one word
// of text) from about a thousandth of that: a decompression bomb inside the PDF.
std::string flate_bomb_pdf(std::size_t inflated_bytes);

}  // namespace cqc::test
