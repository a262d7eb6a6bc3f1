// import_paths: --base-url joined as a folder and checked, a folder that cannot be listed
// skipped by name while the rest is imported; URL spellings for history.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "archive/archive.hpp"
#include "archive/importer.hpp"
#include "core/error.hpp"
#include "core/url.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::TempDir;

TEST_CASE("--base-url without a trailing slash is a folder, and a bad one is refused by name") {
  TempDir tmp;
  tmp.write("docs/a.html", "<html>a</html>");
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  archive::ImportOptions opts;
  opts.base_url = "https://x.test";
  archive::import_paths(arc, {tmp / "docs"}, opts);
  REQUIRE(arc.catalog().all().size() == 1);
  CHECK(arc.catalog().all()[0].uri == "https://x.test/a.html");
  opts.base_url = "https://";  // folders named after their host, as wget -r makes them
  tmp.write("mirror/www.trust.example/news/b.html", "<html>b</html>");
  archive::import_paths(arc, {tmp / "mirror"}, opts);
  CHECK(arc.catalog().history("https://www.trust.example/news/b.html").size() == 1);
  for (const std::string bad : {"x.test/", "ftp://x.test/", "https:///nohost", "https://x.test/?q=1", "not a url"}) {
    CAPTURE(bad);
    opts.base_url = bad;
    try {
      archive::import_paths(arc, {tmp / "docs"}, opts);
      FAIL("accepted");
    } catch (const core::UsageError& e) {
      CHECK(std::string(e.what()).find("--base-url '" + bad + "'") != std::string::npos);
    }
  }
}

TEST_CASE("a folder that cannot be listed is named and skipped; the rest is imported") {
  TempDir tmp;
  tmp.write("docs/a.html", "<html>a</html>");
  tmp.write("docs/z/b.html", "<html>b</html>");
  // Folders nested deeper than PATH_MAX cannot be listed by their path, even by root.
  const std::string name(200, 'd');
  std::vector<int> chain{::open((tmp / "docs").c_str(), O_RDONLY | O_DIRECTORY)};
  REQUIRE(chain.back() >= 0);
  for (int level = 0; level < 24; ++level) {
    REQUIRE(::mkdirat(chain.back(), name.c_str(), 0755) == 0);
    chain.push_back(::openat(chain.back(), name.c_str(), O_RDONLY | O_DIRECTORY));
    REQUIRE(chain.back() >= 0);
  }
  // Removed bottom up through the open descriptors (no path reaches the bottom).
  struct Cleanup {
    std::vector<int>& fds;
    const std::string& name;
    ~Cleanup() {
      for (std::size_t i = fds.size() - 1; i-- > 0;) ::unlinkat(fds[i], name.c_str(), AT_REMOVEDIR);
      for (int f : fds) ::close(f);
    }
  } cleanup{chain, name};
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  auto sum = archive::import_paths(arc, {tmp / "docs"}, {});
  CHECK(sum.stored == 2);
  CHECK(sum.failed == 1);
  REQUIRE(sum.errors.size() == 1);
  CHECK(sum.errors[0].find("cannot list folder") != std::string::npos);
  CHECK(sum.errors[0].find(name + "/" + name) != std::string::npos);  // the deep folder, not docs
}

TEST_CASE("URL spellings: scheme and host case, default port and fragment do not matter") {
  CHECK(core::canonical_url("HTTPS://Example.ORG:443/A/b.html#top") == "https://example.org/A/b.html");
  CHECK(core::canonical_url("http://example.org") == "http://example.org/");
  CHECK(core::canonical_url("http://example.org:8080/x") == "http://example.org:8080/x");
  CHECK(core::canonical_url("http://example.org?q=1") == "http://example.org/?q=1");
  CHECK(core::canonical_url("file:///tmp/a.pdf") == "file:///tmp/a.pdf");
  const auto s = core::url_spellings("HTTPS://Example.org/a#x");
  CHECK(s == std::vector<std::string>{"HTTPS://Example.org/a", "https://example.org/a", "https://example.org:443/a"});
}
