// The search page's files, compiled in by cqc_embed (search/http/CMakeLists.txt).
#include <string_view>

#include "search/http/handlers.hpp"
#include "search/http/conditional.hpp"
#include "search/http/html_page.hpp"

namespace cqc::embedded {
extern const std::string_view web_app_js;
extern const std::string_view web_style_css;
}  // namespace cqc::embedded

namespace cqc::search::http {

void handle_asset(std::string_view name, const Request& req, Response& resp) {
  if (!req.query.empty()) throw HttpError(400, "assets take no parameters");
  std::string_view body = embedded::web_app_js;
  const char* type = "text/javascript; charset=utf-8";
  if (name == "/style.css") {
    body = embedded::web_style_css;
    type = "text/css; charset=utf-8";
  }
  resp.set("Cache-Control", "no-cache");
  resp.set("Content-Security-Policy", page_csp(true));
  send_body(resp, std::string(body), type);
}

}  // namespace cqc::search::http
