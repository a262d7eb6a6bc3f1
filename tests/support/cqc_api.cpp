// The fake CQC public API under /public/v1: subscription-key check (Azure API Management's 401
// body), providers and locations (single and paged lists), and reports as PDF or text.
#include <Poco/DateTime.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/String.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "tests/support/api_data.hpp"
#include "tests/support/server_state.hpp"

namespace cqc::test::detail {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

const char* const kJson = "application/json; charset=utf-8";
const std::string kPrefix = "/public/v1";

Object::Ptr object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string to_string(const Object::Ptr& o) {
  std::ostringstream out;
  o->stringify(out);
  return out.str();
}

void send_json(Exchange& ex, int status, const Object::Ptr& o) {
  ex.send(status, kJson, to_string(o));
}

void send_error(Exchange& ex, int status, const std::string& message) {
  Object::Ptr o = object();
  o->set("statusCode", status);
  o->set("message", message);
  send_json(ex, status, o);
}

bool parse_positive(const std::map<std::string, std::string>& query, const std::string& name,
                    long fallback, long& value) {
  auto it = query.find(name);
  if (it == query.end()) {
    value = fallback;
    return true;
  }
  const std::string& s = it->second;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size() && value >= 1;
}

// A paged list: /providers or /locations with page and perPage (defaults 1 and 1000).
void send_list(Exchange& ex, const std::string& kind, const std::vector<Organisation>& all) {
  long page = 1, per_page = 1000;
  if (!parse_positive(ex.query, "page", 1, page) ||
      !parse_positive(ex.query, "perPage", 1000, per_page)) {
    send_error(ex, 400, "page and perPage must be whole numbers of at least 1");
    return;
  }
  const long total = static_cast<long>(all.size());
  const long pages = std::max(1L, (total + per_page - 1) / per_page);
  auto uri = [&](long p) {
    return "/" + kind + "?page=" + std::to_string(p) + "&perPage=" + std::to_string(per_page);
  };
  Object::Ptr o = object();
  o->set("total", total);
  o->set("firstPageUri", uri(1));
  o->set("page", page);
  o->set("perPage", per_page);
  o->set("totalPages", pages);
  o->set("lastPageUri", uri(pages));
  if (page < pages) o->set("nextPageUri", uri(page + 1));
  if (page > 1) o->set("previousPageUri", uri(std::min(page - 1, pages)));
  Array::Ptr items = new Array;
  for (long i = (page - 1) * per_page; i < std::min(total, page * per_page); ++i) {
    const Organisation& org = all[static_cast<std::size_t>(i)];
    Object::Ptr item = object();
    if (kind == "providers") {
      item->set("providerId", org.id);
      item->set("providerName", org.name);
    } else {
      item->set("locationId", org.id);
      item->set("locationName", org.name);
      item->set("postalCode", org.postcode);
    }
    items->add(item);
  }
  o->set(kind, items);
  send_json(ex, 200, o);
}

const Organisation* find(const std::vector<Organisation>& list, const std::string& id) {
  for (const auto& o : list) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

void send_report(Exchange& ex, const std::string& link_id) {
  const Organisation* owner = nullptr;
  const ReportData* report = nullptr;
  for (const auto* list : {&api_providers(), &api_locations()}) {
    for (const auto& org : *list) {
      for (const auto& r : org.reports) {
        if (r.link_id == link_id) {
          owner = &org;
          report = &r;
        }
      }
    }
  }
  if (!report) return send_error(ex, 404, "Resource not found");
  std::string accept = Poco::toLower(ex.header("Accept"));
  bool pdf = accept.find("application/pdf") != std::string::npos;
  if (!pdf && accept.find("text/plain") == std::string::npos) {
    return send_error(ex, 406, "Not Acceptable: request application/pdf or text/plain");
  }
  std::string overall;
  if (owner->current.link_id == link_id) overall = owner->current.overall;
  for (const auto& h : owner->historic) {
    if (h.link_id == link_id) overall = h.overall;
  }
  std::vector<std::string> lines = {owner->name,
                                    "Date of inspection visit: " + report->first_visit_date,
                                    "Date of publication: " + report->report_date};
  if (!overall.empty()) lines.push_back("Overall rating: " + overall);
  Document doc;
  if (pdf) {
    auto sample = report->sample_file.empty()
                      ? std::nullopt
                      : ex.state.find_document("/docs/" + report->sample_file);
    doc.body = sample ? sample->body : make_pdf(report->title, lines);
    doc.content_type = "application/pdf";
  } else {
    doc.body = report->title + "\n";
    for (const auto& l : lines) doc.body += l + "\n";
    doc.content_type = "text/plain; charset=utf-8";
  }
  doc.etag = strong_etag(doc.body);
  Poco::DateTime published;
  int tzd = 0;
  Poco::DateTimeParser::tryParse("%Y-%m-%d", report->report_date, published, tzd);
  doc.last_modified = published.timestamp();
  ex.response.set("Vary", "Accept");
  ex.send_document(doc);
}

}  // namespace

bool serve_api(Exchange& ex) {
  if (ex.path != kPrefix && ex.path.rfind(kPrefix + "/", 0) != 0) return false;
  std::string key = ex.header("Ocp-Apim-Subscription-Key");
  if (key.empty()) {
    send_error(ex, 401,
               "Access denied due to missing subscription key. Make sure to include "
               "subscription key when making requests to an API.");
    return true;
  }
  if (key != ex.state.options.api_key) {
    send_error(ex, 401,
               "Access denied due to invalid subscription key. Make sure to provide a "
               "valid key for an active subscription.");
    return true;
  }
  std::string rest = ex.path.substr(kPrefix.size());
  auto item = [&](const std::string& collection) -> std::optional<std::string> {
    std::string head = "/" + collection + "/";
    if (rest.rfind(head, 0) != 0 || rest.size() == head.size()) return std::nullopt;
    std::string id = rest.substr(head.size());
    if (id.find('/') != std::string::npos) return std::nullopt;
    return id;
  };
  if (rest == "/providers") {
    send_list(ex, "providers", api_providers());
  } else if (rest == "/locations") {
    send_list(ex, "locations", api_locations());
  } else if (auto id = item("providers")) {
    const Organisation* p = find(api_providers(), *id);
    p ? send_json(ex, 200, provider_json(*p)) : send_error(ex, 404, "Resource not found");
  } else if (auto lid = item("locations")) {
    const Organisation* l = find(api_locations(), *lid);
    l ? send_json(ex, 200, location_json(*l)) : send_error(ex, 404, "Resource not found");
  } else if (auto link = item("reports")) {
    send_report(ex, *link);
  } else {
    send_error(ex, 404, "Resource not found");
  }
  return true;
}

}  // namespace cqc::test::detail
