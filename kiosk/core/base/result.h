// Errors as values at module boundaries: a Problem names where (file, JSON pointer) and what is wrong.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace core {

struct Problem {
  std::string file;     // e.g. "questionnaire.json" (empty when not about a file)
  std::string pointer;  // JSON pointer, e.g. "/steps/2/questions/0/id"
  std::string message;  // what is wrong, in words a clinic editor can act on

  std::string ToString() const;
};

using Problems = std::vector<Problem>;

std::string Join(const Problems& problems);

// A value or the problems that stopped it.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}
  Result(Problems problems) : data_(std::move(problems)) {}
  static Result Fail(std::string message) { return Result(Problems{Problem{"", "", std::move(message)}}); }

  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(data_); }
  const T& value() const { return std::get<T>(data_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Problems& problems() const { return std::get<Problems>(data_); }
  std::string error() const { return ok() ? std::string() : Join(problems()); }

 private:
  std::variant<T, Problems> data_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace core
