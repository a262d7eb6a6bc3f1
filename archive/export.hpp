// Handing a selection of the archive on: a WARC file of its captures, copied byte for byte,
// that pywb, ReplayWeb.page or warcio read as any other.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "archive/archive.hpp"

namespace cqc::archive {

// One record written, where it is in the file: what a CDX(J) index of the file lists.
struct ExportedRecord {
  Capture capture;   // the catalogued capture (its own file and span)
  RecordSpan span;   // where its gzip member is in the exported file
};

struct ExportSummary {
  std::uint64_t uris = 0;     // URIs asked for that have captures
  std::uint64_t records = 0;  // records written (the warcinfo record not counted)
  std::uint64_t revisits = 0; // of those, revisit records
  std::uint64_t metadata = 0; // metadata records written after captures that have metadata
  std::uint64_t bytes = 0;    // size of the file written
  std::vector<ExportedRecord> written;  // every record but the warcinfo, in file order
};

// Writes the WARC file OUT (gzip, one record per member): a warcinfo record naming the
// selection (DESCRIPTION), then for each URI of URIS every catalogued capture, oldest first,
// and before a revisit the capture holding its payload (each record once), each followed by
// a metadata record of its catalog metadata when it has some (not counted in records). Records are
// copied as stored (a record kept uncompressed in another tool's file is compressed on the
// way). Written to OUT.part and renamed when complete. Throws core::Error naming OUT or the
// record at fault.
ExportSummary export_warc(const Archive& archive, const std::vector<std::string>& uris, const std::string& out,
                          const std::string& description);

// A page of a WACZ package: a document a replay tool lists.
struct WaczPage {
  std::string url;
  std::string time;   // WARC date of its capture
  std::string title;
};

// Packages the WARC file WARC (as export_warc wrote it, SUM its summary) as the WACZ 1.1.1
// file OUT: archive/data.warc.gz, indexes/index.cdx (CDXJ, sorted by SURT and time),
// pages/pages.jsonl (PAGES) and datapackage.json (each file's sha256 and size), for
// ReplayWeb.page and pywb. Written to OUT.part and renamed when complete. Throws core::Error
// naming OUT on failure.
void write_wacz(const std::string& out, const std::string& warc, const ExportSummary& sum,
                const std::vector<WaczPage>& pages, const std::string& title);

}  // namespace cqc::archive
