#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace server::clients {

/// One candidate as the LLM judged it.
struct LlmDecision {
  std::string id;
  bool keep = false;
  std::string reason;
  std::string description;
  int visit_minutes = 0;
};

/// The JSON schema the LLM must answer with (byte-stable: Perplexity caches schemas).
const nlohmann::json& decisions_schema();

/// The answer text of a Perplexity Agent API response (`output[].content[].text` of
/// output_text parts). Throws server::UpstreamError (service "llm") when the response says it
/// failed or carries no text.
std::string agent_answer_text(const nlohmann::json& response);

/// The answer text of a chat-completions response (`choices[0].message.content`, a string or an
/// array of text parts). Throws server::UpstreamError when there is none or it was cut short.
std::string chat_answer_text(const nlohmann::json& response);

/// `text` without reasoning (everything up to the last "</think>") and Markdown code fences.
std::string strip_reasoning(const std::string& text);

/// The decisions in an answer. Entries with a missing id or keep are skipped; the answer as a
/// whole must be a JSON object with a "decisions" array, else core::InputError.
std::vector<LlmDecision> parse_decisions(const std::string& text);

}  // namespace server::clients
