#include "search/hit.hpp"

#include <Poco/JSON/Handler.h>
#include <Poco/JSON/Parser.h>

#include <array>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/gazetteer.hpp"

namespace cqc::search {
namespace {

// Fills a Hit straight from the parser's events: building Poco's object tree and reading it
// back was 10 % of a search's instructions. Keys and nesting it does not know are skipped.
class HitReader : public Poco::JSON::Handler {
 public:
  explicit HitReader(Hit& hit) : h_(hit) {}

  // Throws core::Error naming what the metadata lacks.
  void check() const {
    if (!object_) throw core::Error("document metadata is not a JSON object");
    for (unsigned k = 0; k < kRequired.size(); ++k)
      if (!(seen_ & (1u << k))) throw core::Error(std::string("document metadata has no \"") + kRequired[k] + "\"");
  }

  void reset() override {}
  void startObject() override {
    if (in_.empty()) {
      object_ = true;
      in_.push_back(In::top);
      return;
    }
    const In at = in_.back();
    if (at == In::top && key_ == "provenance") in_.push_back(In::provenance);
    else if (at == In::top && key_ == "removed") in_.push_back(In::removed);
    else if (at == In::kq_list || at == In::sr_list) {
      pair_ = {};
      in_.push_back(at == In::kq_list ? In::kq : In::sr);
    } else in_.push_back(In::skip);
  }
  void endObject() override {
    const In at = pop();
    if (at == In::kq) {
      need_pair("key_question_ratings");
      h_.key_question_ratings.emplace_back(pair_.first, pair_.second);
    } else if (at == In::sr) {
      need_pair("service_ratings");
      const auto& g = core::Gazetteer::builtin();
      const auto* s = g.service_by_id(pair_.first);
      const auto* r = g.rating_by_id(pair_.second);
      h_.service_ratings.push_back({pair_.first, s ? s->name : pair_.first, pair_.second, r ? r->name : pair_.second});
    }
  }
  void startArray() override {
    const In at = in_.empty() ? In::skip : in_.back();
    list_ = nullptr;
    if (at == In::top) {
      if (key_ == "trusts") list_ = &h_.trusts;
      else if (key_ == "mentioned_trusts") list_ = &h_.mentioned_trusts;
      else if (key_ == "services") list_ = &h_.services;
      else if (key_ == "ratings") list_ = &h_.ratings;
    }
    if (list_) in_.push_back(In::strings);
    else if (at == In::top && key_ == "key_question_ratings") in_.push_back(In::kq_list);
    else if (at == In::top && key_ == "service_ratings") in_.push_back(In::sr_list);
    else in_.push_back(In::skip);
  }
  void endArray() override { pop(); }
  void key(const std::string& k) override { key_ = k; }
  void null() override {}
  void value(int v) override { number(v); }
  void value(unsigned v) override { number(v); }
  void value(Poco::Int64 v) override { number(v); }
  void value(Poco::UInt64 v) override { number(static_cast<long long>(v)); }
  void value(double d) override { number(static_cast<long long>(d)); }
  void value(bool b) override {
    if (!in_.empty() && in_.back() == In::provenance) h_.provenance[key_] = b ? "true" : "false";
  }
  void value(const std::string& v) override {
    if (in_.empty()) return;
    switch (in_.back()) {
      case In::top: top_string(v); break;
      case In::strings: list_->push_back(v); break;
      case In::kq: (key_ == "question" ? pair_.first : key_ == "rating" ? pair_.second : ignored_) = v; break;
      case In::sr: (key_ == "service" ? pair_.first : key_ == "rating" ? pair_.second : ignored_) = v; break;
      case In::provenance: h_.provenance[key_] = v; break;
      case In::removed:
        if (key_ == "since") h_.removed_since = v;
        break;
      default: break;
    }
  }

 private:
  enum class In { top, strings, kq_list, kq, sr_list, sr, provenance, removed, skip };
  static constexpr std::array<const char*, 4> kRequired = {"id", "title", "uri", "kind"};

  In pop() {
    const In at = in_.back();
    in_.pop_back();
    return at;
  }
  void need_pair(const char* list) const {
    if (pair_.first.empty() || pair_.second.empty())
      throw core::Error(std::string("document metadata has an incomplete entry in \"") + list + "\"");
  }
  void number(long long v) {
    if (in_.empty()) return;
    if (in_.back() == In::top && key_ == "year") h_.year = static_cast<int>(v);
    else if (in_.back() == In::removed && key_ == "status") h_.removed_status = static_cast<int>(v);
    else if (in_.back() == In::provenance) h_.provenance[key_] = std::to_string(v);
  }
  void top_string(const std::string& v) {
    std::string* field = key_ == "id"              ? &h_.id
                         : key_ == "title"         ? &h_.title
                         : key_ == "uri"           ? &h_.url
                         : key_ == "kind"          ? &h_.kind
                         : key_ == "location"      ? &h_.location
                         : key_ == "location_id"   ? &h_.location_id
                         : key_ == "overall_rating" ? &h_.overall_rating
                         : key_ == "inspected"     ? &h_.inspected
                         : key_ == "inspected_end" ? &h_.inspected_end
                         : key_ == "published"     ? &h_.published
                                                   : nullptr;
    if (!field) return;
    *field = v;
    for (unsigned k = 0; k < kRequired.size(); ++k)
      if (key_ == kRequired[k]) seen_ |= 1u << k;
  }

  Hit& h_;
  std::vector<In> in_;       // the containers open, outermost first
  std::string key_;          // the last key read
  std::vector<std::string>* list_ = nullptr;  // the string list being filled (In::strings)
  std::pair<std::string, std::string> pair_;  // the key question or service rating being read
  std::string ignored_;
  unsigned seen_ = 0;  // bit k: kRequired[k] was read
  bool object_ = false;
};

}  // namespace

Hit hit_from_metadata(std::string_view metadata_json) {
  Hit h;
  Poco::SharedPtr<HitReader> reader = new HitReader(h);
  try {
    Poco::JSON::Parser parser(reader);
    parser.parse(std::string(metadata_json));
  } catch (const Poco::Exception& e) {
    throw core::Error("document metadata is not readable: " + e.displayText());
  }
  reader->check();
  const auto& g = core::Gazetteer::builtin();
  for (const auto& code : h.trusts) {
    const auto* t = g.trust_by_code(code);
    h.trust_names.push_back(t ? t->name : code);
  }
  return h;
}

}  // namespace cqc::search
