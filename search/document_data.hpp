// Reading a document's stored header, metadata and text table from the index, whichever
// layout built it (core/schema.hpp, "Document data and text").
#pragma once

#include <xapian.h>

#include "core/schema.hpp"

namespace cqc::search {

// DOC's header and block table: value slot kSlotDocument (layout CQD3), else the document
// data (CQD2, indexes built before 2026-12-02). Throws core::Error naming what is wrong when
// neither holds a readable header.
schema::DocumentData stored_document(const Xapian::Document& doc);

}  // namespace cqc::search
