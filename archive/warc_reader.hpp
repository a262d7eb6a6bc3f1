// Reading every record of a WARC file written by any tool (wget, Heritrix, warcio,
// Browsertrix): gzip-compressed one record per member, or uncompressed. Internal to the
// archive (Archive::import_warc).
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "archive/warc.hpp"
#include "core/result.hpp"

namespace cqc::archive {

// One record as found: where it is (the gzip member, or the bytes of an uncompressed
// record, so read_record can read it again) and what it holds, or why it could not be read.
struct ScannedRecord {
  RecordSpan span;
  core::Result<WarcRecord> record;
};

// Records larger than this (inflated) are reported, not read into memory.
inline constexpr std::uint64_t kMaxScannedRecord = 512ull << 20;

// Calls VISIT for each record of the WARC file at PATH, in file order. A record that cannot
// be parsed is passed as a failure naming its offset, and the scan goes on with the next
// gzip member (or, uncompressed, the next "WARC/" line). A gzip member holding several
// records (a whole file compressed as one) is reported once as a failure: records must be
// one per member to be addressed. Throws core::Error naming PATH when it cannot be read.
void scan_warc(const std::string& path, const std::function<void(const ScannedRecord&)>& visit);

}  // namespace cqc::archive
