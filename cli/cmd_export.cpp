// `export`: the captures of a selection (a query and the search filters) as one WARC file,
// or a WACZ package of it.
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "archive/export.hpp"
#include "cli/app.hpp"
#include "cli/json.hpp"
#include "cli/search_args.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "search/search.hpp"

namespace cqc::cli {

int cmd_export(const Args& args, const Context& ctx) {
  const std::string warc_out = args.value("warc").value_or(""), wacz_out = args.value("wacz").value_or("");
  if (warc_out.empty() == wacz_out.empty())
    throw core::UsageError("export needs one of --warc FILE (a WARC file, e.g. selection.warc.gz) and --wacz FILE (a WACZ package)");
  const std::string out = wacz_out.empty() ? warc_out : wacz_out + ".warc.gz";
  search::SearchRequest req = selection_from_args(args);
  std::string described;
  req.sort = "oldest";
  req.limit = 1000;
  for (const auto& t : req.trusts) described += " trust:" + t;
  for (const auto& k : req.kinds) described += " kind:" + k;
  described = "cqc-archive export of \"" + req.query + "\"" + described;
  for (char& c : described)
    if (c == '\r' || c == '\n') c = ' ';  // one warcinfo line
  // Every match, page by page.
  search::Searcher searcher(index_options(args, ctx.data_dir));
  std::vector<std::string> uris;
  std::map<std::string, std::string> titles;
  for (;;) {
    search::SearchResult page = searcher.search(req);
    for (const auto& h : page.hits)
      if (titles.emplace(h.url, h.title).second) uris.push_back(h.url);
    req.offset += req.limit;
    if (page.hits.empty() || req.offset >= page.total) break;
  }
  if (uris.empty()) throw core::Fatal("nothing matches: no WARC file written");
  archive::Archive arc(core::archive_dir(ctx.data_dir), archive::Mode::read_only);
  auto sum = archive::export_warc(arc, uris, out, described);
  if (!wacz_out.empty()) {
    // One page per document, at the time of its first record in the file.
    std::vector<archive::WaczPage> pages;
    std::set<std::string> listed;
    for (const auto& r : sum.written)
      if (titles.count(r.capture.uri) && listed.insert(r.capture.uri).second)
        pages.push_back({r.capture.uri, r.capture.time, titles[r.capture.uri]});
    try {
      archive::write_wacz(wacz_out, out, sum, pages, described);
    } catch (...) {
      std::filesystem::remove(out);
      throw;
    }
    std::filesystem::remove(out);
    sum.bytes = std::filesystem::file_size(wacz_out);
  }
  const std::string written = wacz_out.empty() ? warc_out : wacz_out;
  if (ctx.json) {
    auto o = json_object();
    o->set("documents", static_cast<std::uint64_t>(uris.size()));
    o->set("uris", sum.uris);
    o->set("records", sum.records);
    o->set("revisits", sum.revisits);
    o->set("bytes", sum.bytes);
    o->set(wacz_out.empty() ? "warc" : "wacz", written);
    print_json(o);
  } else {
    std::printf("exported %s (%s, %llu bytes) to %s\n", counted(uris.size(), "document").c_str(),
                counted(sum.records, "record").c_str(),
                static_cast<unsigned long long>(sum.bytes), written.c_str());
  }
  return 0;
}

}  // namespace cqc::cli
