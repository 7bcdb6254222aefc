#pragma once

#include <stdexcept>
#include <string>

namespace core {

/// Base of every error the product raises on purpose. `code()` is a stable machine-readable
/// string (it becomes `error.code` in HTTP answers); `what()` is a message for people.
class Error : public std::runtime_error {
 public:
  /// Builds an error with a stable code and a human message.
  Error(std::string code, const std::string& message)
      : std::runtime_error(message), m_code(std::move(code)) {}
  /// Stable machine-readable code, e.g. "invalid_request".
  const std::string& code() const noexcept { return m_code; }

 private:
  std::string m_code;
};

/// The caller sent something invalid (bad JSON, a field out of range): fix the input. HTTP 400.
class InputError : public Error {
 public:
  /// `code` defaults to "invalid_request".
  explicit InputError(const std::string& message, std::string code = "invalid_request")
      : Error(std::move(code), message) {}
};

/// The thing asked for does not exist (unknown city, job, place id). HTTP 404.
class NotFoundError : public Error {
 public:
  /// `code` defaults to "not_found".
  explicit NotFoundError(const std::string& message, std::string code = "not_found")
      : Error(std::move(code), message) {}
};

/// The request is valid but conflicts with the current state (e.g. nothing to publish). HTTP 409.
class ConflictError : public Error {
 public:
  /// `code` defaults to "conflict".
  explicit ConflictError(const std::string& message, std::string code = "conflict")
      : Error(std::move(code), message) {}
};

}  // namespace core
