// MarkupMeta from what a page says about itself: JSON-LD, OpenGraph, citation_* and
// Dublin Core <meta> tags; the publication date is chosen in markup_published.cpp.
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "indexer/html_head.hpp"

namespace cqc::indexer {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

struct JsonLdArticle {
  std::string headline;
  std::string publisher;
};

std::string string_of(const Var& v) {
  if (v.isEmpty() || !v.isString()) return "";
  return core::collapse_space(v.convert<std::string>());
}

bool is_article_type(const std::string& type) {
  static constexpr std::array<std::string_view, 4> extra{"BlogPosting", "LiveBlogPosting",
                                                         "Report", "ScholarlyArticle"};
  return type.ends_with("Article") || std::find(extra.begin(), extra.end(), type) != extra.end();
}

bool has_article_type(const Object& obj) {
  Var type = obj.get("@type");
  if (type.isString()) return is_article_type(type.convert<std::string>());
  if (type.type() == typeid(Array::Ptr)) {
    for (const Var& t : *type.extract<Array::Ptr>())
      if (t.isString() && is_article_type(t.convert<std::string>())) return true;
  }
  return false;
}

std::string publisher_name(const Var& v) {
  if (v.isString()) return string_of(v);
  if (v.type() == typeid(Object::Ptr)) return string_of(v.extract<Object::Ptr>()->get("name"));
  if (v.type() == typeid(Array::Ptr)) {
    for (const Var& item : *v.extract<Array::Ptr>())
      if (std::string name = publisher_name(item); !name.empty()) return name;
  }
  return "";
}

// Depth-first search for the first article object, looking into arrays, @graph and
// mainEntity. DEPTH bounds hostile nesting.
void find_article(const Var& v, JsonLdArticle& out, bool& found, int depth = 0) {
  if (found || depth > 16) return;
  if (v.type() == typeid(Array::Ptr)) {
    for (const Var& item : *v.extract<Array::Ptr>()) find_article(item, out, found, depth + 1);
    return;
  }
  if (v.type() != typeid(Object::Ptr)) return;
  const Object::Ptr obj = v.extract<Object::Ptr>();
  if (has_article_type(*obj)) {
    out.headline = string_of(obj->get("headline"));
    if (out.headline.empty()) out.headline = string_of(obj->get("name"));
    out.publisher = publisher_name(obj->get("publisher"));
    found = true;
    return;
  }
  for (const char* key : {"@graph", "mainEntity"})
    if (obj->has(key)) find_article(obj->get(key), out, found, depth + 1);
}

// Every datePublished (kind "json-ld-article" on an article type, else "json-ld") and
// dateCreated/uploadDate ("json-ld-created") in V, in document order.
void find_dates(const Var& v, std::vector<DateSignal>& out, int depth = 0) {
  if (depth > 16) return;
  if (v.type() == typeid(Array::Ptr)) {
    for (const Var& item : *v.extract<Array::Ptr>()) find_dates(item, out, depth + 1);
    return;
  }
  if (v.type() != typeid(Object::Ptr)) return;
  const Object::Ptr obj = v.extract<Object::Ptr>();
  const bool article = has_article_type(*obj);
  for (const auto& [key, value] : *obj) {
    if (key == "datePublished" && value.isString())
      out.push_back({article ? "json-ld-article" : "json-ld", value.convert<std::string>()});
    else if ((key == "dateCreated" || key == "uploadDate") && value.isString())
      out.push_back({"json-ld-created", value.convert<std::string>()});
    else if (value.type() == typeid(Array::Ptr) || value.type() == typeid(Object::Ptr))
      find_dates(value, out, depth + 1);
  }
}

// The first article object of the scripts, and every JSON-LD date into DATES.
std::optional<JsonLdArticle> json_ld_article(const std::vector<std::string>& scripts,
                                             std::vector<DateSignal>& dates) {
  std::optional<JsonLdArticle> first;
  for (const std::string& script : scripts) {
    // Raw control characters inside strings are common in the wild and illegal in JSON.
    std::string text = script;
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    try {
      Poco::JSON::Parser parser;
      Var root = parser.parse(text);
      find_dates(root, dates);
      JsonLdArticle article;
      bool found = false;
      if (!first) find_article(root, article, found);
      if (found) first = article;
    } catch (const Poco::Exception&) {
      // Malformed JSON-LD is skipped like a missing one.
    } catch (const std::exception&) {
    }
  }
  return first;
}

std::string meta_value(const HtmlHead& head, std::string_view key) {
  for (const auto& [k, v] : head.metas)
    if (k == key && !core::trim(v).empty()) return core::collapse_space(v);
  return "";
}

}  // namespace

MarkupMeta markup_meta(const HtmlHead& head) {
  MarkupMeta meta;
  std::vector<DateSignal> dates;
  if (auto article = json_ld_article(head.json_ld, dates)) {
    meta.headline = article->headline;
    meta.site_name = article->publisher;
  }
  if (meta.headline.empty()) meta.headline = meta_value(head, "og:title");
  if (std::string og = meta_value(head, "og:site_name"); !og.empty()) meta.site_name = og;
  meta.description = meta_value(head, "description");
  if (meta.description.empty()) meta.description = meta_value(head, "og:description");
  choose_published(head, dates, meta);
  return meta;
}

std::string choose_title(const HtmlHead& head, const MarkupMeta& meta) {
  if (!meta.headline.empty()) return meta.headline;
  static constexpr std::array<std::string_view, 5> seps{" | ", " - ", " \xE2\x80\x93 ",
                                                        " \xE2\x80\x94 ", " :: "};
  const std::string& title = head.title;
  const std::string h1 = core::to_lower(head.h1);
  const std::string site = core::to_lower(meta.site_name);
  for (std::string_view sep : seps) {
    for (size_t pos = title.find(sep); pos != std::string::npos; pos = title.find(sep, pos + 1)) {
      std::string_view before = core::trim(std::string_view(title).substr(0, pos));
      std::string_view after = core::trim(std::string_view(title).substr(pos + sep.size()));
      if (!h1.empty() && core::to_lower(before) == h1) return std::string(before);
      if (!h1.empty() && core::to_lower(after) == h1) return std::string(after);
      if (!site.empty() && core::to_lower(after) == site) return std::string(before);
      if (!site.empty() && core::to_lower(before) == site) return std::string(after);
    }
  }
  if (title.empty()) return head.h1;
  return std::string(core::trim(title));
}

}  // namespace cqc::indexer
