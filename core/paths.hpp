// Where cqc-archive keeps its data: the archive (WARC files + catalog) and the index.
#pragma once
#include <string>

namespace cqc::core {

// The data folder: EXPLICIT if non-empty (from --data), else $CQC_ARCHIVE_HOME, else
// $XDG_DATA_HOME/cqc-archive, else ~/.local/share/cqc-archive.
std::string data_dir(const std::string& explicit_dir);

// Layout inside a data folder.
std::string archive_dir(const std::string& data);  // DATA/archive (WARC files, catalog.db)
std::string index_dir(const std::string& data);    // DATA/index (Xapian database)

// For an error message about writing PATH: " (the disk holding PATH is full: N bytes free)"
// when its file system has less than 1 MiB left, else "". Never throws.
std::string full_disk_note(const std::string& path);

}  // namespace cqc::core
