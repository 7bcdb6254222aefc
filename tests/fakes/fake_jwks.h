#pragma once

#include <mutex>
#include <string>

#include "tests/fakes/fake_server.h"

namespace narrando::testing {

/// A fake Supabase Auth JWKS endpoint (GET /auth/v1/.well-known/jwks.json) on loopback: it serves
/// the document a test sets, or 503 while unavailable. Operation for inject() and requests():
/// "jwks".
class FakeJwks : public FakeServer {
 public:
  FakeJwks();
  ~FakeJwks() override { stop(); }  // the handler reads members that go before the base

  /// What SUPABASE_URL is set to for this fake (its base URL).
  std::string supabase_url() const { return base_url(); }
  /// The issuer of the project's tokens: "<supabase_url>/auth/v1".
  std::string issuer() const { return base_url() + "/auth/v1"; }
  /// Serves `document` from now on.
  void serve(const std::string& document);
  /// While false, every request gets 503.
  void set_available(bool available);

 private:
  std::mutex m_mutex;
  std::string m_document = R"({"keys": []})";
  bool m_available = true;
};

}  // namespace narrando::testing
