#include "archive/http_message.hpp"

#include <Poco/InflatingStream.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/text.hpp"

namespace cqc::archive {

std::string HttpHead::get(std::string_view name) const {
  const std::string want = core::to_lower(name);
  for (std::string_view line : core::split(raw, '\n')) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (core::to_lower(core::trim(line.substr(0, colon))) == want)
      return std::string(core::trim(line.substr(colon + 1)));
  }
  return "";
}

core::Result<HttpHead> parse_http_head(std::string_view message) {
  size_t end = message.find("\r\n\r\n");
  if (end == std::string_view::npos) return core::Failure{"HTTP head is not terminated by a blank line"};
  HttpHead h;
  h.raw = std::string(message.substr(0, end + 4));
  h.start_line = std::string(message.substr(0, message.find("\r\n")));
  if (h.start_line.rfind("HTTP/", 0) == 0) {
    size_t sp = h.start_line.find(' ');
    if (sp == std::string::npos || sp + 4 > h.start_line.size())
      return core::Failure{"bad HTTP status line: " + h.start_line};
    h.status = std::atoi(h.start_line.c_str() + sp + 1);
  }
  return h;
}

bool Dechunker::feed(std::string_view raw, std::string& out) {
  for (size_t i = 0; i < raw.size();) {
    switch (state_) {
      case State::size: {
        size_t eol = raw.find('\n', i);
        line_.append(raw.substr(i, eol == std::string_view::npos ? raw.size() - i : eol - i));
        if (eol == std::string_view::npos) return true;
        i = eol + 1;
        std::string_view text = core::trim(std::string_view(line_).substr(0, line_.find(';')));
        left_ = 0;
        if (text.empty() || text.size() > 15) state_ = State::broken;
        for (char c : text) {
          if (!std::isxdigit(static_cast<unsigned char>(c))) state_ = State::broken;
          left_ = left_ * 16 + static_cast<std::uint64_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10);
        }
        line_.clear();
        if (state_ == State::broken) {
          error_ = "chunked body: bad chunk size line";
          return false;
        }
        state_ = left_ == 0 ? State::done : State::data;
        break;
      }
      case State::data: {
        size_t n = static_cast<size_t>(std::min<std::uint64_t>(left_, raw.size() - i));
        out.append(raw.substr(i, n));
        i += n;
        left_ -= n;
        if (left_ == 0) state_ = State::data_crlf;
        break;
      }
      case State::data_crlf:
        if (raw[i] == '\n') state_ = State::size;
        else if (raw[i] != '\r') {
          state_ = State::broken;
          error_ = "chunked body: chunk not followed by CRLF";
          return false;
        }
        ++i;
        break;
      case State::done:
        return true;
      case State::broken:
        return false;
    }
  }
  return true;
}

core::Result<std::string> dechunk(std::string_view body) {
  Dechunker d;
  std::string out;
  if (!d.feed(body, out)) return core::Failure{d.error()};
  if (!d.done()) return core::Failure{"chunked body: truncated (no final zero-size chunk)"};
  return out;
}

core::Result<std::string> decode_content(std::string_view body, std::string_view encoding,
                                         std::uint64_t max_bytes) {
  const std::string enc = core::to_lower(core::trim(encoding));
  if (enc.empty() || enc == "identity") return std::string(body);
  Poco::InflatingStreamBuf::StreamType type;
  if (enc == "gzip" || enc == "x-gzip")
    type = Poco::InflatingStreamBuf::STREAM_GZIP;
  else if (enc == "deflate")
    type = Poco::InflatingStreamBuf::STREAM_ZLIB;
  else
    return core::Failure{"unsupported Content-Encoding: " + enc};
  try {
    std::istringstream in{std::string(body)};
    Poco::InflatingInputStream inflater(in, type);
    std::string out, buf(1 << 16, '\0');
    while (inflater) {
      inflater.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      out.append(buf.data(), static_cast<size_t>(inflater.gcount()));
      if (out.size() > max_bytes) return core::Failure{"decoded body larger than " + std::to_string(max_bytes) + " bytes"};
    }
    return out;
  } catch (const std::exception& e) {
    return core::Failure{"broken " + enc + " content coding: " + e.what()};
  }
}

core::Result<std::string> entity_body(const HttpHead& head, std::string_view body) {
  if (core::to_lower(head.get("Transfer-Encoding")).find("chunked") != std::string::npos) return dechunk(body);
  return std::string(body);
}

std::string media_type(std::string_view content_type) {
  return core::to_lower(core::trim(content_type.substr(0, content_type.find(';'))));
}

}  // namespace cqc::archive
