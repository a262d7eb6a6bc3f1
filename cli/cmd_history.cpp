// `history URL`: the captures of one URL, and with --diff what changed in its text between two
// of them (core/text_diff.hpp), extracted as `index` extracts (indexer/index_job.hpp).
#include <algorithm>
#include <cstdio>
#include <optional>

#include "archive/archive.hpp"
#include "cli/app.hpp"
#include "cli/json.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text_diff.hpp"
#include "core/url.hpp"
#include "indexer/index_job.hpp"
#include "indexer/versions.hpp"

namespace cqc::cli {
namespace {

// The capture with id ID among CAPTURES, as a version (its payload resolved); Fatal if none.
indexer::Version version_of(const archive::Catalog& catalog, const std::vector<archive::Capture>& captures,
                            std::int64_t id, const std::string& uri) {
  for (const auto& c : captures)
    if (c.id == id) {
      indexer::Version v{c, c};
      if (c.record_type == "revisit")
        if (auto original = catalog.get(c.refers_to)) v.payload = *original;
      return v;
    }
  throw core::UsageError("capture " + std::to_string(id) + " is not a capture of " + uri + " (see 'history " + uri + "')");
}

std::vector<std::string> text_of(const archive::Archive& arc, const indexer::Version& v) {
  const indexer::Extracted x = indexer::extract_payload(arc, v.first, v.payload);
  if (!x.doc) throw core::Fatal("cannot read the text of capture " + std::to_string(v.first.id) + ": " + x.reason);
  std::vector<std::string> pages;
  for (const auto& p : x.doc->pages) pages.push_back(p.text);
  return pages;
}

std::string id_of(const std::optional<std::string>& text, const char* option) {
  if (!text) return "";
  if (text->empty() || text->size() > 18 || text->find_first_not_of("0123456789") != std::string::npos)
    throw core::UsageError(std::string("--") + option + " needs a capture number from the listing, not '" + *text + "'");
  return *text;
}

Poco::JSON::Object::Ptr capture_json(const indexer::Version& v) {
  auto o = json_object();
  o->set("capture", v.first.id);
  o->set("time", v.first.time);
  o->set("digest", v.first.digest);
  return o;
}

void print_words(const core::DiffPart& p) {
  std::string line = "~ ";
  for (const auto& w : p.words) {
    if (w.kind == core::WordChange::Kind::same) line += w.word + " ";
    else if (w.kind == core::WordChange::Kind::removed) line += "[-" + w.word + "-] ";
    else line += "{+" + w.word + "+} ";
  }
  std::printf("%s\n", line.c_str());
}

// --diff: exit 0 once compared, whether the texts differ or not (the output says which: a
// failure to compare is 1, as for every command).
int diff(const archive::Archive& arc, const std::string& uri, const std::vector<archive::Capture>& captures,
         const Args& args, const Context& ctx) {
  const std::string from = id_of(args.value("from"), "from"), to = id_of(args.value("to"), "to");
  indexer::Version a, b;
  if (from.empty() || to.empty()) {
    const auto versions = indexer::document_versions(arc.catalog(), uri, SIZE_MAX);
    if (versions.size() < 2 && (from.empty() || versions.empty()))
      throw core::Fatal(uri + " has " + (versions.empty() ? "no version" : "one version") + " with a document: nothing to compare");
    a = from.empty() ? versions[versions.size() - 2] : version_of(arc.catalog(), captures, std::stoll(from), uri);
    b = to.empty() ? versions.back() : version_of(arc.catalog(), captures, std::stoll(to), uri);
  } else {
    a = version_of(arc.catalog(), captures, std::stoll(from), uri);
    b = version_of(arc.catalog(), captures, std::stoll(to), uri);
  }
  const core::TextDiff d = core::diff_texts(text_of(arc, a), text_of(arc, b));
  if (ctx.json) {
    auto o = json_object();
    o->set("uri", uri);
    o->set("from", capture_json(a));
    o->set("to", capture_json(b));
    o->set("identical", d.identical());
    o->set("added", d.added);
    o->set("removed", d.removed);
    o->set("altered", d.altered);
    o->set("same", d.same);
    Poco::JSON::Array::Ptr parts = new Poco::JSON::Array;
    static const char* kKinds[] = {"same", "removed", "added", "altered"};
    for (const auto& p : d.parts) {
      auto x = json_object();
      x->set("kind", kKinds[static_cast<int>(p.kind)]);
      if (p.kind != core::DiffPart::Kind::added) x->set("before", p.before);
      if (p.kind == core::DiffPart::Kind::added || p.kind == core::DiffPart::Kind::altered) x->set("after", p.after);
      if (p.kind == core::DiffPart::Kind::altered) {
        Poco::JSON::Array::Ptr words = new Poco::JSON::Array;
        for (const auto& w : p.words) {
          Poco::JSON::Array::Ptr pair = new Poco::JSON::Array;
          pair->add(w.kind == core::WordChange::Kind::same ? "=" : w.kind == core::WordChange::Kind::removed ? "-" : "+");
          pair->add(w.word);
          words->add(pair);
        }
        x->set("words", words);
      }
      parts->add(x);
    }
    o->set("parts", parts);
    print_json(o);
  } else {
    if (d.identical()) std::printf("the text is the same in both captures\n");
    std::printf("capture %lld (%s) to capture %lld (%s): %zu %s added, %zu removed, %zu altered, %zu unchanged\n",
                static_cast<long long>(a.first.id), a.first.time.c_str(), static_cast<long long>(b.first.id),
                b.first.time.c_str(), d.added, d.added == 1 ? "paragraph" : "paragraphs", d.removed, d.altered, d.same);
    for (const auto& p : d.parts) {
      if (p.kind == core::DiffPart::Kind::added) std::printf("+ %s\n", p.after.c_str());
      else if (p.kind == core::DiffPart::Kind::removed) std::printf("- %s\n", p.before.c_str());
      else if (p.kind == core::DiffPart::Kind::altered) print_words(p);
    }
  }
  return 0;
}

}  // namespace

int cmd_history(const Args& args, const Context& ctx) {
  if (args.positional().size() != 1 || args.positional()[0].empty()) throw core::UsageError("history needs exactly one URL");
  const std::string& uri = args.positional()[0];
  if (!args.flag("diff") && (args.value("from") || args.value("to")))
    throw core::UsageError("--from and --to choose the captures --diff compares: add --diff");
  archive::Archive arc(core::archive_dir(ctx.data_dir), archive::Mode::read_only);
  // HTTPS://Host:443/a#x finds what was fetched as https://host/a, and the other way round.
  std::vector<archive::Capture> captures;
  std::vector<archive::FetchFailure> failures;
  std::string found = uri;  // the spelling the catalog knows
  for (const std::string& spelling : core::url_spellings(uri)) {
    for (auto& c : arc.catalog().history(spelling)) {
      found = spelling;
      captures.push_back(std::move(c));
    }
    for (auto& f : arc.catalog().failures(spelling)) failures.push_back(std::move(f));
  }
  std::sort(captures.begin(), captures.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::stable_sort(failures.begin(), failures.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  if (args.flag("diff")) {
    if (captures.empty()) throw core::Fatal("the archive has no capture of " + uri);
    return diff(arc, found, captures, args, ctx);
  }
  if (ctx.json) {
    auto o = json_object();
    o->set("uri", uri);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& c : captures) {
      auto x = json_object();
      x->set("id", c.id);
      x->set("time", c.time);
      x->set("type", c.record_type);
      x->set("status", c.status);
      x->set("digest", c.digest);
      x->set("size", c.size);
      x->set("mime", c.mime);
      x->set("record_id", c.record_id);
      list->add(x);
    }
    o->set("captures", list);
    Poco::JSON::Array::Ptr fl = new Poco::JSON::Array;
    for (const auto& f : failures) {
      auto x = json_object();
      x->set("time", f.time);
      x->set("reason", f.reason);
      fl->add(x);
    }
    o->set("failures", fl);
    print_json(o);
  } else {
    std::printf("%zu %s of %s\n", captures.size(), captures.size() == 1 ? "capture" : "captures", uri.c_str());
    for (const auto& c : captures)
      std::printf("  #%-6lld %s  %-8s %3d  %s  %10llu bytes  %s\n", static_cast<long long>(c.id), c.time.c_str(),
                  c.record_type.c_str(), c.status, c.digest.c_str(), static_cast<unsigned long long>(c.size),
                  c.mime.c_str());
    for (const auto& f : failures) std::printf("  %s  failed: %s\n", f.time.c_str(), f.reason.c_str());
  }
  return captures.empty() && failures.empty() ? 1 : 0;
}

}  // namespace cqc::cli
