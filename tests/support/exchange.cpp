// Exchange (sending responses, conditional requests) and the small helpers the routes share.
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/DeflatingStream.h>
#include <Poco/DigestEngine.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/SHA1Engine.h>
#include <Poco/URI.h>
#include <sys/socket.h>

#include <algorithm>
#include <sstream>
#include <string_view>

#include "tests/support/server_state.hpp"

namespace cqc::test::detail {
namespace {

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::string opaque(const std::string& tag) { return tag.rfind("W/", 0) == 0 ? tag.substr(2) : tag; }

// RFC 9110 13.1.2: If-None-Match uses the weak comparison.
bool etag_matches(const std::string& header, const std::string& etag) {
  std::size_t pos = 0;
  while (pos <= header.size()) {
    std::size_t comma = header.find(',', pos);
    if (comma == std::string::npos) comma = header.size();
    std::string tag = trim(std::string_view(header).substr(pos, comma - pos));
    if (tag == "*" || (!tag.empty() && opaque(tag) == opaque(etag))) return true;
    pos = comma + 1;
  }
  return false;
}

}  // namespace

std::string strong_etag(const std::string& body) {
  Poco::SHA1Engine sha1;
  sha1.update(body);
  return "\"" + Poco::DigestEngine::digestToHex(sha1.digest()).substr(0, 20) + "\"";
}

std::string http_date(const Poco::Timestamp& time) {
  return Poco::DateTimeFormatter::format(time, Poco::DateTimeFormat::HTTP_FORMAT);
}

std::string iso_date_time(const Poco::Timestamp& time) {
  return Poco::DateTimeFormatter::format(time, "%Y-%m-%dT%H:%M:%SZ");
}

std::string iso_date(const Poco::Timestamp& time) {
  return Poco::DateTimeFormatter::format(time, "%Y-%m-%d");
}

Poco::Timestamp whole_seconds(const Poco::Timestamp& time) {
  return Poco::Timestamp::fromEpochTime(time.epochTime());
}

std::string gzip(const std::string& bytes) {
  std::ostringstream out;
  Poco::DeflatingOutputStream deflater(out, Poco::DeflatingStreamBuf::STREAM_GZIP, 6);
  deflater.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  deflater.close();
  return out.str();
}

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Exchange::Exchange(State& state_in, Poco::Net::HTTPServerRequest& request_in,
                   Poco::Net::HTTPServerResponse& response_in, std::uint64_t log_id)
    : state(state_in), request(request_in), response(response_in), log_id_(log_id) {
  try {
    Poco::URI uri(request.getURI());
    path = uri.getPath();
    for (const auto& [name, value] : uri.getQueryParameters()) query[name] = value;
  } catch (const Poco::Exception&) {
    path = request.getURI().substr(0, request.getURI().find('?'));
  }
}

bool Exchange::head() const { return request.getMethod() == "HEAD"; }

std::string Exchange::header(const std::string& name) const { return request.get(name, ""); }

void Exchange::prepare(int status) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setDate(Poco::Timestamp());
  state.set_status(log_id_, status);
  sent_ = true;
}

void Exchange::send(int status, const std::string& content_type, const std::string& body) {
  response.setContentType(content_type);
  response.setContentLength64(static_cast<Poco::Int64>(body.size()));
  prepare(status);
  std::ostream& out = response.send();
  if (!head()) out.write(body.data(), static_cast<std::streamsize>(body.size()));
  out.flush();
}

void Exchange::send_document(const Document& doc) {
  response.set("ETag", doc.etag);
  response.set("Last-Modified", http_date(doc.last_modified));
  response.set("Cache-Control", "max-age=0, must-revalidate");
  if (!doc.content_encoding.empty()) {
    response.set("Content-Encoding", doc.content_encoding);
    response.set("Vary", "Accept-Encoding");
  }
  bool not_modified = false;
  std::string if_none_match = header("If-None-Match");
  if (!if_none_match.empty()) {
    not_modified = etag_matches(if_none_match, doc.etag);
  } else if (std::string ims = header("If-Modified-Since"); !ims.empty()) {
    Poco::DateTime since;
    int tzd = 0;
    if (Poco::DateTimeParser::tryParse(ims, since, tzd)) {
      since.makeUTC(tzd);
      not_modified = doc.last_modified <= since.timestamp();
    }
  }
  if (not_modified) {
    response.erase("Content-Encoding");
    prepare(304);
    response.send().flush();
    return;
  }
  send(200, doc.content_type, doc.body);
}

void Exchange::redirect(int status, const std::string& location) {
  response.set("Location", location);
  send(status, "text/html; charset=utf-8",
       "<!DOCTYPE html><html><head><title>Moved</title></head><body><p>This page has moved to "
       "<a href=\"" +
           xml_escape(location) + "\">" + xml_escape(location) + "</a>.</p></body></html>\n");
}

bool Exchange::wait(std::chrono::milliseconds duration) {
  const auto end = std::chrono::steady_clock::now() + duration;
  auto& socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket();
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        end - std::chrono::steady_clock::now());
    if (left.count() <= 0) return true;
    if (!state.sleep_for(std::min(left, std::chrono::milliseconds(50)))) return false;
    try {
      // Readable with nothing to read: the client closed the connection.
      char byte = 0;
      if (socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ) &&
          socket.receiveBytes(&byte, 1, MSG_PEEK) <= 0) {
        return false;
      }
    } catch (const Poco::Exception&) {
      return false;
    }
  }
}

std::ostream& Exchange::begin_stream(int status, const std::string& content_type,
                                     long long length) {
  response.setContentType(content_type);
  if (length >= 0) {
    response.setContentLength64(length);
  } else {
    response.setChunkedTransferEncoding(true);
  }
  prepare(status);
  std::ostream& out = response.send();
  out.flush();
  return out;
}

}  // namespace cqc::test::detail
