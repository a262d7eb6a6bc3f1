# Third-party libraries, all from Debian 12 packages (scripts/install-deps.sh).
find_package(PkgConfig REQUIRED)
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
find_package(CURL REQUIRED)
find_package(Poco REQUIRED COMPONENTS Foundation Net JSON Data DataSQLite Zip)
find_package(pugixml REQUIRED)
find_package(doctest REQUIRED)
