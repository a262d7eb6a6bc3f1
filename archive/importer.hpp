// `import`: archiving local files and folders as WARC resource records.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "archive/archive.hpp"

namespace cqc::archive {

struct ImportOptions {
  // When set, a file's target URI is BASE_URL (an http(s) URL with a host; a '/' is added
  // when it does not end with one; or "https://" alone, for folders named after their host)
  // + its path relative to the folder named on the command line (or its file name, for a
  // file named directly); otherwise a file: URI. import_paths throws core::UsageError
  // naming it when it is not such a URL.
  std::string base_url;
  // Read and digest every file. Otherwise a file whose path, target URI, size, modification
  // and status-change times (nanoseconds) are those recorded when it was last imported is
  // counted unchanged without being opened.
  bool rehash = false;
};

struct ImportSummary {
  std::uint64_t files = 0;       // files seen
  std::uint64_t stored = 0;      // new resource records
  std::uint64_t unchanged = 0;   // already archived under the same URI
  std::uint64_t skipped = 0;     // of those, not read: size and times as last imported
  std::uint64_t duplicates = 0;  // same bytes under another URI (revisit records)
  std::uint64_t failed = 0;      // unreadable files (see errors)
  std::uint64_t bytes = 0;       // payload bytes newly stored
  std::vector<std::string> errors;  // one line per failed file, naming it
  // WARC files made by other tools (.warc, .warc.gz, and those inside .wacz packages):
  std::uint64_t warc_files = 0;     // imported now
  std::uint64_t warc_unchanged = 0; // imported before: nothing done
  std::uint64_t warc_records = 0;   // records read in them
  std::uint64_t warc_captures = 0;  // captures they gave (responses, resources, revisits)
  std::vector<std::string> warnings;  // records skipped, naming file and offset
};

// Called after each file with (files done, files total).
using ProgressFn = std::function<void(std::uint64_t, std::uint64_t)>;

// Imports every regular file under PATHS (folders recursively, in sorted order; hidden
// files skipped). WARC files (.warc, .warc.gz) and WACZ packages (.wacz: the WARC files under
// its archive/) are brought in record by record (Archive::import_warc), not as files. Files unchanged since the last import are not read (see rehash). A path that does not exist is an error naming it, counted in failed.
// Every capture is committed (see Archive::set_group_commit) before it returns.
ImportSummary import_paths(Archive& archive, const std::vector<std::string>& paths,
                           const ImportOptions& options, const ProgressFn& progress = {});

// MIME type from the file name's extension, else from its first bytes; default
// application/octet-stream.
std::string guess_mime(const std::string& path);

// The file: URI of an absolute PATH, percent-encoding what RFC 3986 requires.
std::string file_uri(const std::string& absolute_path);

}  // namespace cqc::archive
