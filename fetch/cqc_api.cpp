// Parsing the CQC public API's JSON (providers, locations, paged lists, errors) with
// Poco::JSON. Missing and null fields read as empty; a field of the wrong JSON type is a
// Failure naming its path (e.g. "currentRatings.serviceRatings[2].keyQuestionRatings").
#include "fetch/cqc_api.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <climits>
#include <cstdlib>
#include <stdexcept>

#include "core/text.hpp"

namespace cqc::fetch {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

// Thrown inside this file only; turned into a Failure at the public boundary.
struct FieldError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

// A string field: missing/null -> "", numbers and booleans as text, anything else an error.
std::string str(const Object& o, const std::string& key, const std::string& path) {
  Var v = o.get(key);
  if (v.isEmpty()) return "";
  if (v.isString() || v.isNumeric() || v.isBoolean()) return std::string(core::trim(v.toString()));
  throw FieldError(join(path, key) + ": expected a string");
}

Object::Ptr obj(const Object& o, const std::string& key, const std::string& path) {
  Var v = o.get(key);
  if (v.isEmpty()) return nullptr;
  if (v.type() == typeid(Object::Ptr)) return v.extract<Object::Ptr>();
  throw FieldError(join(path, key) + ": expected an object");
}

Array::Ptr arr(const Object& o, const std::string& key, const std::string& path) {
  Var v = o.get(key);
  if (v.isEmpty()) return nullptr;
  if (v.type() == typeid(Array::Ptr)) return v.extract<Array::Ptr>();
  throw FieldError(join(path, key) + ": expected an array");
}

// The objects of array KEY (missing/null -> none); a non-object element is an error.
std::vector<Object::Ptr> objects(const Object& o, const std::string& key, const std::string& path) {
  std::vector<Object::Ptr> out;
  Array::Ptr a = arr(o, key, path);
  if (!a) return out;
  for (size_t i = 0; i < a->size(); ++i) {
    Var v = a->get(static_cast<unsigned>(i));
    if (v.isEmpty()) continue;  // null element
    if (v.type() != typeid(Object::Ptr))
      throw FieldError(join(path, key) + "[" + std::to_string(i) + "]: expected an object");
    out.push_back(v.extract<Object::Ptr>());
  }
  return out;
}

// An integer field (a number or a numeric string); missing/null -> 0.
int integer(const Object& o, const std::string& key) {
  Var v = o.get(key);
  if (v.isEmpty()) return 0;
  try {
    if (v.isNumeric()) {
      auto n = v.convert<Poco::Int64>();
      return n < 0 ? 0 : n > INT_MAX ? INT_MAX : static_cast<int>(n);
    }
    if (v.isString()) {
      std::string s = v.toString();
      char* end = nullptr;
      long n = std::strtol(s.c_str(), &end, 10);
      if (!s.empty() && *end == '\0' && n >= 0 && n <= INT_MAX) return static_cast<int>(n);
    }
  } catch (const Poco::Exception&) {
  }
  throw FieldError(key + ": expected an integer");
}

Object::Ptr parse_object(std::string_view json) {
  Var root;
  try {
    Poco::JSON::Parser parser;
    root = parser.parse(std::string(json));
  } catch (const Poco::Exception& e) {
    throw FieldError("invalid JSON: " + e.displayText());
  }
  if (root.type() != typeid(Object::Ptr)) throw FieldError("invalid JSON: not an object");
  return root.extract<Object::Ptr>();
}

ApiRating parse_rating(const Object& o, const std::string& path) {
  ApiRating r;
  r.name = str(o, "name", path);
  r.rating = str(o, "rating", path);
  r.report_date = str(o, "reportDate", path);
  r.report_link_id = str(o, "reportLinkId", path);
  auto kqs = objects(o, "keyQuestionRatings", path);
  for (size_t i = 0; i < kqs.size(); ++i)
    r.key_questions.push_back(
        parse_rating(*kqs[i], join(path, "keyQuestionRatings[" + std::to_string(i) + "]")));
  return r;
}

ApiRatings parse_ratings(const Object& o, const std::string& path) {
  ApiRatings set;
  if (Object::Ptr overall = obj(o, "overall", path))
    set.overall = parse_rating(*overall, join(path, "overall"));
  set.overall.name.clear();  // the overall rating has no name
  set.report_date = str(o, "reportDate", path);
  if (set.report_date.empty()) set.report_date = set.overall.report_date;
  set.report_link_id = str(o, "reportLinkId", path);
  if (set.report_link_id.empty()) set.report_link_id = set.overall.report_link_id;
  auto services = objects(o, "serviceRatings", path);
  for (size_t i = 0; i < services.size(); ++i)
    set.services.push_back(
        parse_rating(*services[i], join(path, "serviceRatings[" + std::to_string(i) + "]")));
  return set;
}

ApiOrganisation parse_organisation(std::string_view json, const std::string& id_field) {
  Object::Ptr o = parse_object(json);
  ApiOrganisation org;
  org.id = str(*o, id_field, "");
  if (org.id.empty()) throw FieldError(id_field + ": missing");
  org.provider_id = id_field == "providerId" ? org.id : str(*o, "providerId", "");
  org.name = str(*o, "name", "");
  org.is_location = id_field == "locationId";

  if (Array::Ptr ids = arr(*o, "locationIds", "")) {
    for (size_t i = 0; i < ids->size(); ++i) {
      Var v = ids->get(static_cast<unsigned>(i));
      if (v.isEmpty()) continue;
      if (!v.isString() && !v.isNumeric())
        throw FieldError("locationIds[" + std::to_string(i) + "]: expected a string");
      std::string id(core::trim(v.toString()));
      if (!id.empty()) org.location_ids.push_back(id);
    }
  }
  if (Object::Ptr current = obj(*o, "currentRatings", ""))
    org.current = parse_ratings(*current, "currentRatings");
  auto historic = objects(*o, "historicRatings", "");
  for (size_t i = 0; i < historic.size(); ++i)
    org.historic.push_back(
        parse_ratings(*historic[i], "historicRatings[" + std::to_string(i) + "]"));

  auto reports = objects(*o, "reports", "");
  for (size_t i = 0; i < reports.size(); ++i) {
    const std::string path = "reports[" + std::to_string(i) + "]";
    ApiReport r;
    r.link_id = str(*reports[i], "linkId", path);
    r.report_uri = str(*reports[i], "reportUri", path);
    r.report_date = str(*reports[i], "reportDate", path);
    r.first_visit_date = str(*reports[i], "firstVisitDate", path);
    r.report_type = str(*reports[i], "reportType", path);
    // Each of linkId and reportUri ("/reports/<linkId>") can stand in for the other.
    if (r.link_id.empty() && !r.report_uri.empty()) {
      std::string_view uri = r.report_uri;
      uri = uri.substr(0, uri.find_first_of("?#"));
      r.link_id = std::string(uri.substr(uri.rfind('/') + 1));
    }
    if (r.link_id.empty()) throw FieldError(path + ": neither linkId nor reportUri");
    if (r.report_uri.empty()) r.report_uri = "/reports/" + r.link_id;
    org.reports.push_back(std::move(r));
  }
  return org;
}

template <class F>
auto guarded(F&& f) -> core::Result<decltype(f())> {
  try {
    return f();
  } catch (const FieldError& e) {
    return core::Failure{std::string("CQC API response: ") + e.what()};
  } catch (const Poco::Exception& e) {
    return core::Failure{"CQC API response: " + e.displayText()};
  }
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

}  // namespace

core::Result<ApiOrganisation> parse_provider(std::string_view json) {
  return guarded([&] { return parse_organisation(json, "providerId"); });
}

core::Result<ApiOrganisation> parse_location(std::string_view json) {
  return guarded([&] { return parse_organisation(json, "locationId"); });
}

core::Result<ApiPage> parse_page(std::string_view json) {
  return guarded([&] {
    Object::Ptr o = parse_object(json);
    ApiPage page;
    page.page = integer(*o, "page");
    page.per_page = integer(*o, "perPage");
    page.total_pages = integer(*o, "totalPages");
    page.total = integer(*o, "total");
    page.next_page_uri = str(*o, "nextPageUri", "");
    const bool providers = o->has("providers");
    if (!providers && !o->has("locations") && page.total > 0)
      throw FieldError("providers/locations: missing");
    const std::string key = providers ? "providers" : "locations";
    const std::string id_key = providers ? "providerId" : "locationId";
    const std::string name_key = providers ? "providerName" : "locationName";
    for (const Object::Ptr& item : objects(*o, key, "")) {
      std::string id = str(*item, id_key, key);
      std::string name = str(*item, name_key, key);
      if (name.empty()) name = str(*item, "name", key);
      if (!id.empty()) page.items.emplace_back(std::move(id), std::move(name));
    }
    return page;
  });
}

std::string api_error_message(int status, std::string_view body) {
  std::string message;
  try {  // Azure API Management: {"statusCode": 401, "message": "Access denied ..."}
    Object::Ptr o = parse_object(body);
    for (const char* key : {"message", "Message"})
      if (message.empty()) message = str(*o, key, "");
    if (Object::Ptr err = message.empty() ? obj(*o, "error", "") : nullptr)
      message = str(*err, "message", "error");
  } catch (const std::exception&) {
    // Not JSON (or not the shape we know): short plain text is still worth showing.
    std::string_view text = core::trim(body);
    if (!text.empty() && text.size() <= 300 && text.front() != '<' && core::valid_utf8(text))
      message = std::string(text);
  }
  message = core::collapse_space(message);
  if (message.size() > 300) {
    size_t cut = 297;  // not inside a UTF-8 sequence
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    message = message.substr(0, cut) + "...";
  }
  if (message.empty()) message = reason_phrase(status);
  std::string out = "HTTP " + std::to_string(status);
  return message.empty() ? out : out + ": " + message;
}

}  // namespace cqc::fetch
