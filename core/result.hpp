// Result<T>: a value or the reason there is none. For recoverable failures (a document that
// cannot be extracted, a file that cannot be read); exceptions are for bugs and fatal I/O.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace cqc::core {

struct Failure {
  std::string reason;  // human-readable, names the thing at fault
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Failure failure) : v_(std::move(failure)) {}  // NOLINT
  // True when a value is held.
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  // The value; only when ok().
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  // The failure reason; only when !ok().
  const std::string& error() const { return std::get<1>(v_).reason; }

 private:
  std::variant<T, Failure> v_;
};

}  // namespace cqc::core
