// Handing a selection of the archive on: a WARC file of its captures, copied byte for byte,
// that pywb, ReplayWeb.page or warcio read as any other.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "archive/archive.hpp"

namespace cqc::archive {

struct ExportSummary {
  std::uint64_t uris = 0;     // URIs asked for that have captures
  std::uint64_t records = 0;  // records written (the warcinfo record not counted)
  std::uint64_t revisits = 0; // of those, revisit records
  std::uint64_t bytes = 0;    // size of the file written
};

// Writes the WARC file OUT (gzip, one record per member): a warcinfo record naming the
// selection (DESCRIPTION), then for each URI of URIS every catalogued capture, oldest first,
// and before a revisit the capture holding its payload (each record once). Records are
// copied as stored (a record kept uncompressed in another tool's file is compressed on the
// way). Written to OUT.part and renamed when complete. Throws core::Error naming OUT or the
// record at fault.
ExportSummary export_warc(const Archive& archive, const std::vector<std::string>& uris, const std::string& out,
                          const std::string& description);

}  // namespace cqc::archive
