// Writing command results as JSON on stdout (Poco::JSON, keys in insertion order).
#pragma once
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iostream>

namespace cqc::cli {

// A JSON object that keeps keys in the order they were set.
inline Poco::JSON::Object::Ptr json_object() {
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

// Prints OBJ on one line to stdout, followed by a newline.
inline void print_json(const Poco::JSON::Object::Ptr& obj) {
  obj->stringify(std::cout);
  std::cout << '\n';
}

}  // namespace cqc::cli
