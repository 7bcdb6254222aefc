#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include "tests/fakes/fake_server.h"

namespace narrando::testing {

/// A fake of Perplexity's Agent API (POST /v1/responses and /v1/agent) and chat completions
/// (POST /chat/completions) on loopback. It checks the Bearer key (a wrong one gets the HTML 401
/// page the real edge sends), reads the candidates from the request and answers the JSON-schema
/// decisions: keep sights, drop shops, lodging and food. Knobs reproduce the real failure modes.
/// Operations for inject(): "responses" (both Agent API paths) and "chat.completions".
class FakePerplexity : public FakeServer {
 public:
  ~FakePerplexity() override { stop(); }  // the handlers read members that go before the base
  /// `mount` puts the routes below a path (see FakeServer), e.g. "/v1" for an OpenAI-style gateway.
  explicit FakePerplexity(std::string api_key, std::string mount = "");

  std::atomic<bool> think_prefix{false};      ///< prefix answers with a <think> block
  std::atomic<bool> answer_failed{false};     ///< Agent API: 200 with status "failed"
  std::atomic<bool> invent_ids{false};        ///< add a decision for an id that was not asked
  std::atomic<bool> skip_every_third{false};  ///< leave some candidates undecided
  std::atomic<int> delay_ms{0};               ///< answer slowly
  /// Answers `minutes` as the visit of the candidate named `name` (15 for other sights).
  void set_visit_minutes(const std::string& name, int minutes);

 private:
  void answer(const httplib::Request& request, httplib::Response& response, bool chat);
  std::string decisions_for(const std::string& candidates_text) const;

  std::string m_key;
  mutable std::mutex m_minutes_mutex;
  std::map<std::string, int> m_minutes;
};

}  // namespace narrando::testing
