// The four news site templates: a local newspaper, a trust's own news page, a health trade
// publication and a national broadcaster. Each wraps the article in realistic page furniture
// (nav, cookie banner, scripts, comments, ad slots, sidebars with other dates, footer).
#include <string>

#include "data/sample/facts.hpp"
#include "data/sample/render.hpp"

namespace cqc::sample {
namespace {

std::string head(const NewsPage& p, const char* css) {
  return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         p.title_tag + "</title>\n<meta name=\"description\" content=\"" + p.standfirst +
         "\">\n" + p.head_meta + "<style>" + css + "</style>\n</head>\n";
}

std::string cookie_banner(const char* who) {
  return std::string("<div class=\"cookie-banner\" id=\"cookies\" role=\"dialog\">\n<p>") + who +
         " uses cookies to make the site work and to understand how it is used. You can accept "
         "all cookies or choose which ones to allow.</p>\n<button type=\"button\">Accept all "
         "cookies</button> <button type=\"button\">Manage preferences</button>\n</div>\n";
}

std::string body(const NewsPage& p) {
  std::string out;
  for (const auto& para : p.paragraphs) out += "<p>" + para + "</p>\n";
  return out;
}

std::string sidebar(const NewsPage& p, const char* heading, const char* cls) {
  std::string out = std::string("<aside class=\"") + cls + "\">\n<h2>" + heading + "</h2>\n<ul>\n";
  for (const auto& [title, date] : p.sidebar) {
    out += "<li><a href=\"#\">" + title + "</a> <span class=\"date\">" + date + "</span></li>\n";
  }
  return out + "</ul>\n</aside>\n";
}

std::string analytics(const char* section) {
  return std::string("<script>\nwindow.dataLayer = window.dataLayer || [];\n"
                     "dataLayer.push({\"pageType\": \"article\", \"section\": \"") + section +
         "\", \"templateVersion\": \"4.2.1\", \"build\": \"2024-11-05\"});\n"
         "document.querySelectorAll('.cookie-banner button').forEach(function (b) {\n"
         "  b.addEventListener('click', function () { b.parentNode.hidden = true; });\n});\n"
         "</script>\n";
}

std::string local_paper(const NewsPage& p) {
  const NewsSpec& s = *p.spec;
  std::string dateline;
  if (!p.date_text.empty()) {
    const std::string shown = "Published " + weekday_name(s.published) + " " + p.date_text;
    dateline = p.date_attr.empty() ? "<span class=\"date\">" + shown + "</span>"
                                   : "<time datetime=\"" + p.date_attr + "\">" + shown + "</time>";
  }
  return head(p, "body{font-family:Georgia,serif}.ad-slot{min-height:90px}") + "<body>\n" +
         cookie_banner(html_escape(s.outlet).c_str()) +
         "<!-- ad slot: leaderboard -->\n<div class=\"ad-slot\" data-slot=\"leaderboard\">"
         "<span>Advertisement</span></div>\n<header class=\"masthead\">\n<a class=\"logo\" "
         "href=\"/\">" + html_escape(s.outlet) +
         "</a>\n<nav><ul><li><a href=\"/news\">News</a></li>"
         "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/whats-on\">What’s On</a></li>"
         "<li><a href=\"/business\">Business</a></li><li><a href=\"/property\">Property</a></li>"
         "<li><a href=\"/jobs\">Jobs</a></li><li><a href=\"/announcements\">Announcements</a>"
         "</li></ul></nav>\n</header>\n<main>\n<article>\n<p class=\"kicker\">Health</p>\n<h1>" +
         p.headline + "</h1>\n<p class=\"standfirst\">" + p.standfirst + "</p>\n" +
         "<p class=\"byline\">" + (p.author.empty() ? "" : "By " + p.author) +
         (p.author.empty() || dateline.empty() ? "" : " ") + dateline +
         "</p>\n<!-- article body -->\n<div class=\"article-body\">\n" + body(p) +
         "<div class=\"ad-slot\" data-slot=\"inline-mpu\"><span>Hide Ad</span></div>\n</div>\n"
         "<p class=\"share\">Share this article</p>\n</article>\n" +
         sidebar(p, "Latest news", "latest") +
         "<aside class=\"newsletter\"><h2>Get the daily briefing</h2><p>Sign up for our free "
         "newsletter, delivered every morning.</p></aside>\n</main>\n<footer>\n<p>" +
         html_escape(s.outlet) + " is part of a regional publishing group. Registered in England "
         "and Wales.</p>\n<ul><li><a href=\"/contact\">Contact us</a></li><li><a href=\"/privacy\">"
         "Privacy notice</a></li><li><a href=\"/terms\">Terms and conditions</a></li></ul>\n"
         "</footer>\n" + analytics("news/health") + "</body>\n</html>\n";
}

std::string trust_page(const NewsPage& p) {
  std::string dateline;
  if (!p.date_text.empty()) {
    dateline = p.date_attr.empty()
                   ? "<p class=\"meta\">Published " + p.date_text + "</p>\n"
                   : "<p class=\"meta\">Published <time datetime=\"" + p.date_attr + "\">" +
                         p.date_text + "</time></p>\n";
  }
  return head(p, "body{font-family:Arial,sans-serif}.nhs-header{background:#005eb8}") +
         "<body>\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n" +
         cookie_banner("This website") +
         "<header class=\"nhs-header\">\n<a class=\"logo\" href=\"/\"><img src=\"/logo.svg\" "
         "alt=\"NHS\"> " + p.trust_name + "</a>\n<form class=\"search\" action=\"/search\">"
         "<input name=\"q\" aria-label=\"Search this site\"></form>\n</header>\n"
         "<nav class=\"primary\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/services\">Our "
         "services</a></li><li><a href=\"/about\">About us</a></li><li><a href=\"/news\">News"
         "</a></li><li><a href=\"/careers\">Work for us</a></li><li><a href=\"/contact\">Contact "
         "us</a></li></ul></nav>\n<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\">"
         "<a href=\"/\">"
         "Home</a> &gt; <a href=\"/news\">News</a></nav>\n<main id=\"main\">\n<article>\n<h1>" +
         p.headline + "</h1>\n" + dateline + "<p class=\"lead\">" + p.standfirst + "</p>\n" +
         body(p) + "<!-- end of article; press office contact block follows -->\n"
         "<p class=\"press\">Media enquiries: please contact the communications team.</p>\n"
         "</article>\n" + sidebar(p, "Latest news", "latest-news") +
         "</main>\n<footer>\n<p>" + p.trust_name + "</p>\n<ul><li><a href=\"/accessibility\">"
         "Accessibility</a></li><li><a href=\"/foi\">Freedom of information</a></li><li><a href="
         "\"/privacy\">Privacy</a></li></ul>\n</footer>\n" + analytics("news") +
         "</body>\n</html>\n";
}

std::string trade_pub(const NewsPage& p) {
  const NewsSpec& s = *p.spec;
  std::string dateline;
  if (!p.date_text.empty()) {
    dateline = p.date_attr.empty()
                   ? "<span class=\"date\">" + p.date_text + "</span>"
                   : "<time datetime=\"" + p.date_attr + "\">" + p.date_text + "</time>";
  }
  return head(p, ".paywall{border:1px solid #ccc}") + "<body>\n" +
         cookie_banner(html_escape(s.outlet).c_str()) + "<header>\n<a class=\"brand\" href=\"/\">" +
         html_escape(s.outlet) + "</a>\n<nav><a href=\"/news\">News</a> <a href=\"/analysis\">"
         "Analysis</a> <a href=\"/workforce\">Workforce</a> <a href=\"/mental-health\">Mental "
         "health</a> <a href=\"/finance\">Finance</a> <a href=\"/subscribe\">Subscribe</a></nav>\n"
         "</header>\n<!-- ad slot: billboard (sponsored) -->\n<div class=\"ad-slot\" "
         "data-slot=\"billboard\"><span>Advertisement</span></div>\n<div class=\"layout\">\n"
         "<main>\n<article>\n<p class=\"section\">News</p>\n<h1>" + p.headline + "</h1>\n"
         "<p class=\"summary\">" + p.standfirst + "</p>\n<p class=\"byline\">" +
         (p.author.empty() ? "" : "<span class=\"author\">" + p.author + "</span>") +
         (p.author.empty() || dateline.empty() ? "" : " ") + dateline +
         "</p>\n" + body(p) + "<div class=\"paywall\"><p>Subscribers can read our full analysis "
         "and download the supporting data.</p></div>\n</article>\n</main>\n" +
         sidebar(p, "Related articles", "related") +
         "<aside class=\"most-read\"><h2>Most read</h2><ol><li>Opinion: small changes, big "
         "difference</li><li>Jobs board: senior roles this week</li></ol></aside>\n</div>\n"
         "<footer>\n<p>&copy; " + html_escape(s.outlet) + ". All rights reserved.</p>\n<p><a "
         "href=\"/about\">About us</a> | <a href=\"/advertise\">Advertise</a> | <a href=\"/cookies"
         "\">Cookie policy</a></p>\n</footer>\n" + analytics("news") + "</body>\n</html>\n";
}

std::string broadcaster(const NewsPage& p) {
  const NewsSpec& s = *p.spec;
  std::string dateline;
  if (!p.date_text.empty()) {
    dateline = p.date_attr.empty()
                   ? "<div class=\"date\">" + p.date_text + "</div>\n"
                   : "<time datetime=\"" + p.date_attr + "\">" + p.date_text + "</time>\n";
  }
  return head(p, "body{font-family:Helvetica,sans-serif}") + "<body>\n" +
         cookie_banner(("Let us know you agree to cookies. " + html_escape(s.outlet)).c_str()) +
         "<header class=\"global\">\n<a class=\"brand\" href=\"/\">" + html_escape(s.outlet) +
         "</a>\n<nav class=\"global-nav\"><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a "
         "href=\"/sport\">Sport</a> <a href=\"/weather\">Weather</a> <a href=\"/sounds\">Sounds</a>"
         "</nav>\n</header>\n<nav class=\"news-nav\"><a href=\"/news\">Home</a> <a href=\"/news/uk"
         "\">UK</a> <a href=\"/news/england\">England</a> <a href=\"/news/health\">Health</a> <a "
         "href=\"/news/business\">Business</a></nav>\n<main>\n<article>\n<h1>" + p.headline +
         "</h1>\n" + dateline + (p.author.empty() ? "" : "<p class=\"contributor\">By " +
         p.author + "<br>Health correspondent</p>\n") + "<p><b>" + p.standfirst + "</b></p>\n" +
         body(p) + "<!-- ad slot: mpu (shown outside the UK only) -->\n<div class=\"ad-slot\" "
         "data-slot=\"mpu\"><span>Advertisement</span></div>\n<section class=\"topics\">"
         "<h2>Related topics</h2><ul><li>NHS</li><li>Care "
         "Quality Commission</li></ul></section>\n</article>\n" + sidebar(p, "Top stories", "top") +
         "<!-- promo slot: features carousel disabled -->\n</main>\n<footer>\n<p>Copyright " +
         html_escape(s.outlet) + ". We are not responsible for the content of external sites."
         "</p>\n</footer>\n" + analytics("news/england") + "</body>\n</html>\n";
}

}  // namespace

std::string apply_template(const NewsPage& page) {
  switch (page.spec->site) {
    case Site::LocalPaper: return local_paper(page);
    case Site::TrustPage: return trust_page(page);
    case Site::TradePub: return trade_pub(page);
    case Site::Broadcaster: return broadcaster(page);
  }
  return "";
}

}  // namespace cqc::sample
