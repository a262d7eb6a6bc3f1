#include "search/http/html_page.hpp"

#include <Poco/URI.h>

#include "search/http/conditional.hpp"

namespace cqc::search::http {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  std::string out;
  Poco::URI::encode(std::string(text), "!#$&'()*+,/:;=?@[]\"<>%", out);
  return out;
}

std::string page_start(std::string_view title, std::string_view body_class, const std::string& back_href,
                       std::string_view back_text) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
         html_escape(title) + " - cqc-archive</title><link rel=\"icon\" href=\"data:,\">"
         "<link rel=\"stylesheet\" href=\"/style.css\"></head><body class=\"" + std::string(body_class) +
         "\"><header class=\"doc-header\"><a href=\"" + back_href + "\">" + std::string(back_text) +
         "</a></header><main>";
}

const char* page_csp(bool scripted) {
  return scripted ? "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
                  : "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
                    "frame-ancestors 'none'";
}

void send_page(Response& resp, const std::string& html, bool scripted, int status) {
  resp.set("Cache-Control", "no-cache");
  resp.set("Content-Security-Policy", page_csp(scripted));
  send_body(resp, html, "text/html; charset=utf-8", status);
}

}  // namespace cqc::search::http
