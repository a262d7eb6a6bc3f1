// Reading a document's stored header, metadata and text table from the index, whichever
// layout built it (core/schema.hpp, "Document data and text").
#pragma once

#include <xapian.h>

#include <vector>

#include "core/schema.hpp"

namespace cqc::search {

// The indices of DIDS sorted by docid: the order in which reads of several hits find their
// B-tree blocks together.
std::vector<std::size_t> docid_order(const std::vector<Xapian::docid>& dids);

// DOC's header and block table: value slot kSlotDocument (layout CQD3), else the document
// data (CQD2, indexes built before 2026-12-02). Throws core::Error naming what is wrong when
// neither holds a readable header.
schema::DocumentData stored_document(const Xapian::Document& doc);

// The headers of DIDS (docids of DB) as stored_document would give them, in the order of
// DIDS, read through one stream of slot kSlotDocument in docid order: B-tree blocks are read
// once for neighbouring documents, and reading a hit's header does not displace the blocks
// the next hit's header needs (one document at a time, the header and the text block
// alternate in the same table: 18 more block reads per search of 10 hits). A document
// without the slot falls back to its document data (CQD2). Not for remote databases, which
// serve no value streams in Xapian 1.4. Throws core::Error as stored_document does.
std::vector<schema::DocumentData> stored_documents(const Xapian::Database& db, const std::vector<Xapian::docid>& dids);

}  // namespace cqc::search
