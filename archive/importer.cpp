#include "archive/importer.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <Poco/URI.h>

#include "core/error.hpp"
#include "core/text.hpp"

namespace fs = std::filesystem;

namespace cqc::archive {
namespace {

struct Item {
  fs::path file;
  std::string relative;  // path below the named folder, '/'-separated
};

bool hidden(const fs::path& p) {
  const std::string& s = p.native();  // the last name starts after the last '/'
  const size_t slash = s.rfind('/');
  const size_t start = slash == std::string::npos ? 0 : slash + 1;
  return start < s.size() && s[start] == '.';
}

std::string percent_encode_path(std::string_view path) {
  static const char* hexd = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("/-._~!$&'()*+,;=:@").find(static_cast<char>(c)) !=
                               std::string_view::npos) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hexd[c >> 4]);
      out.push_back(hexd[c & 15]);
    }
  }
  return out;
}

// The part of PATH below ROOT ('/'-separated); PATH was found by walking ROOT.
std::string below(const fs::path& path, const fs::path& root) {
  std::string r = root.generic_string();
  if (!r.ends_with('/')) r += '/';
  const std::string p = path.generic_string();
  if (p.rfind(r, 0) == 0) return p.substr(r.size());
  return path.lexically_relative(root).generic_string();
}

std::int64_t nanoseconds(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Adds the regular files below DIR (ROOT: the folder named on the command line) to OUT,
// leaving out hidden ones; a folder that cannot be listed is counted as failed, named, and
// skipped with what is below it, and the walk goes on.
void walk(const fs::path& dir, const fs::path& root, std::vector<Item>& out, ImportSummary& sum) {
  std::error_code ec;
  std::vector<fs::path> folders;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (hidden(it->path())) continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) folders.push_back(it->path());
    else if (it->is_regular_file(type_ec)) out.push_back({it->path(), below(it->path(), root)});
  }
  if (ec) {
    ++sum.failed;
    sum.errors.push_back(dir.string() + ": cannot list folder: " + ec.message());
  }
  for (const fs::path& f : folders) walk(f, root, out, sum);
}

// BASE (--base-url) checked and ending in '/', so that a file's relative path joins it as a
// path below it; "" stays ""; "http://" or "https://" alone stays so (the relative path then
// starts with the host). Throws core::UsageError naming BASE when it is not an absolute
// http(s) URL with a host, or has a query or fragment.
std::string base_url(const std::string& base) {
  if (base.empty()) return base;
  // "https://" alone: the first folder below the one named is the host (a wget -r mirror).
  if (core::to_lower(base) == "http://" || core::to_lower(base) == "https://") return core::to_lower(base);
  Poco::URI uri;
  try {
    uri = Poco::URI(base);
  } catch (const Poco::Exception& e) {
    throw core::UsageError("--base-url '" + base + "' is not a URL: " + e.message());
  }
  const std::string scheme = core::to_lower(uri.getScheme());
  if ((scheme != "http" && scheme != "https") || uri.getHost().empty())
    throw core::UsageError("--base-url '" + base + "' must be an http:// or https:// URL with a host name");
  if (!uri.getRawQuery().empty() || !uri.getFragment().empty())
    throw core::UsageError("--base-url '" + base + "' must not have a query or fragment");
  return base.ends_with('/') ? base : base + '/';
}

// Whether PATH names a WARC file or a WACZ package by its extension.
bool is_warc_name(const std::string& path) {
  const std::string p = core::to_lower(path);
  return p.ends_with(".warc") || p.ends_with(".warc.gz") || p.ends_with(".wacz");
}

void add_warc(const WarcImportSummary& w, ImportSummary& sum) {
  if (w.unchanged) {
    ++sum.warc_unchanged;
    return;
  }
  ++sum.warc_files;
  sum.warc_records += w.records;
  sum.warc_captures += w.captures + w.revisits;
  sum.warnings.insert(sum.warnings.end(), w.errors.begin(), w.errors.end());
}

// Imports the WARC file, or each WARC file of the WACZ package, at PATH. Throws
// core::Error naming PATH when it cannot be read.
void import_collection(Archive& archive, const std::string& path, ImportSummary& sum) {
  if (!core::to_lower(path).ends_with(".wacz")) return add_warc(archive.import_warc(path), sum);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error("cannot read " + path);
  std::size_t found = 0;
  std::error_code ec;
  fs::create_directories(archive.dir() + "/tmp", ec);
  try {
    Poco::Zip::ZipArchive zip(in);
    for (auto h = zip.headerBegin(); h != zip.headerEnd(); ++h) {
      const std::string name = h->first;
      if (name.rfind("archive/", 0) != 0 || !is_warc_name(name) || core::to_lower(name).ends_with(".wacz")) continue;
      ++found;
      // Unpacked beside the archive's other temporary files, imported, removed.
      const std::string tmp = archive.dir() + "/tmp/wacz-" + fs::path(name).filename().string();
      {
        in.clear();
        Poco::Zip::ZipInputStream entry(in, h->second);
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        Poco::StreamCopier::copyStream(entry, out);
        if (!out) throw core::Error("cannot unpack " + name + " from " + path);
      }
      try {
        add_warc(archive.import_warc(tmp), sum);
      } catch (...) {
        fs::remove(tmp);
        throw;
      }
      fs::remove(tmp);
    }
  } catch (const Poco::Exception& e) {
    throw core::Error(path + " is not a readable WACZ package: " + e.displayText());
  }
  if (!found) throw core::Error(path + " holds no WARC file under archive/");
}

// Key of a file state: path and URI.
std::string state_key(const std::string& path, const std::string& uri) { return path + '\n' + uri; }

}  // namespace

std::string file_uri(const std::string& absolute_path) {
  return "file://" + percent_encode_path(absolute_path);
}

std::string guess_mime(const std::string& path) {
  const std::string ext = core::to_lower(fs::path(path).extension().string());
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".html" || ext == ".htm") return "text/html";
  if (ext == ".xhtml") return "application/xhtml+xml";
  if (ext == ".txt") return "text/plain";
  if (ext == ".xml") return "application/xml";
  if (ext == ".json") return "application/json";
  std::ifstream in(path, std::ios::binary);
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.starts_with("%PDF-")) return "application/pdf";
  const std::string lower = core::to_lower(head);
  if (lower.find("<!doctype html") != std::string::npos || lower.find("<html") != std::string::npos)
    return "text/html";
  return "application/octet-stream";
}

ImportSummary import_paths(Archive& archive, const std::vector<std::string>& paths,
                           const ImportOptions& options, const ProgressFn& progress) {
  ImportSummary sum;
  std::vector<Item> items;
  const std::string base = base_url(options.base_url);
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::path root = fs::absolute(p, ec);
    if (fs::is_directory(root, ec)) {
      std::vector<Item> found;
      walk(root, root, found, sum);
      std::sort(found.begin(), found.end(),
                [](const Item& a, const Item& b) { return a.relative < b.relative; });
      items.insert(items.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    } else if (fs::is_regular_file(root, ec)) {
      items.push_back({root, root.filename().string()});
    } else {
      ++sum.failed;
      sum.errors.push_back(p + ": no such file or folder");
    }
  }
  std::unordered_map<std::string, FileState> seen;
  if (!options.rehash)
    for (auto& f : archive.catalog().file_states()) seen.emplace(state_key(f.path, f.uri), std::move(f));
  for (const Item& item : items) {
    ++sum.files;
    const std::string path = item.file.lexically_normal().string();
    const std::string uri = base.empty() ? file_uri(path) : base + percent_encode_path(item.relative);
    try {
      // Taken before reading: a file written meanwhile gets new times and is read next time.
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) throw core::Error("cannot read " + path);
      FileState state{path, uri, static_cast<std::uint64_t>(st.st_size), nanoseconds(st.st_mtim),
                      nanoseconds(st.st_ctim), 0};
      if (is_warc_name(path)) {  // counted as WARC files, not as files
        --sum.files;
        import_collection(archive, path, sum);
        if (progress) progress(sum.files + sum.warc_files + sum.warc_unchanged, items.size());
        continue;
      }
      auto known = seen.find(state_key(path, uri));
      if (known != seen.end() && known->second.size == state.size &&
          known->second.mtime_ns == state.mtime_ns && known->second.ctime_ns == state.ctime_ns) {
        ++sum.unchanged;
        ++sum.skipped;
      } else {
        ImportOutcome r = archive.import_file(path, uri, guess_mime(path));
        if (r.status == ImportStatus::stored) {
          ++sum.stored;
          sum.bytes += r.capture.size;
        } else if (r.status == ImportStatus::unchanged) {
          ++sum.unchanged;
        } else {
          ++sum.duplicates;
        }
        state.capture_id = r.capture.id;
        archive.remember_file(state);
      }
    } catch (const core::Error& e) {
      ++sum.failed;
      sum.errors.push_back(path + ": " + e.what());
    }
    if (progress) progress(sum.files, items.size());
  }
  archive.commit();
  return sum;
}

}  // namespace cqc::archive
