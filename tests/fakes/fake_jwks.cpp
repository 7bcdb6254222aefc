#include "tests/fakes/fake_jwks.h"

namespace narrando::testing {

FakeJwks::FakeJwks() {
  m_server.Get("/auth/v1/.well-known/jwks.json",
               [this](const httplib::Request&, httplib::Response& response) {
                 if (take_fault("jwks", response)) return;
                 std::lock_guard lock(m_mutex);
                 if (!m_available) {
                   response.status = 503;
                   response.set_content(R"({"message": "unavailable"})", "application/json");
                   return;
                 }
                 response.set_header("Cache-Control", "public, max-age=600");
                 response.set_content(m_document, "application/json");
               });
  start();
}

void FakeJwks::serve(const std::string& document) {
  std::lock_guard lock(m_mutex);
  m_document = document;
}

void FakeJwks::set_available(bool available) {
  std::lock_guard lock(m_mutex);
  m_available = available;
}

}  // namespace narrando::testing
