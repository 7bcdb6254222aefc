#pragma once

#include <string>

#include "server/clients/pricing.h"
#include "server/clients/service_caller.h"
#include "server/pipeline/interfaces.h"

namespace server::clients {

/// LLM filter settings.
struct LlmSettings {
  std::string api_key;
  std::string style =
      "agent";  ///< "agent": POST /v1/responses (Perplexity Agent API); "chat": /chat/completions
  std::string model = "perplexity/sonar";
  std::size_t batch_size = 40;  ///< candidates per request
  int max_output_tokens = 6000;
};

/// AttractionFilter that asks an LLM, with a JSON-schema answer, whether each candidate is worth
/// a stop, why, a one-line description and a visit length. The heuristic filter scores every
/// candidate and decides what the LLM does not (unknown ids ignored, missing ones kept as the
/// heuristics decided); any failure of a batch falls back to the heuristics for that batch and
/// the outcome says so. Duplicates and the best N are decided on the whole list afterwards.
class LlmAttractionFilter : public pipeline::AttractionFilter {
 public:
  LlmAttractionFilter(ServiceCaller caller, LlmSettings settings, const PriceTable& prices);

  pipeline::FilterOutcome filter(const core::model::City& city,
                                 std::vector<core::model::Attraction> candidates,
                                 const core::model::GenerationOptions& options,
                                 pipeline::RunContext& context) override;

 private:
  std::string ask(const std::vector<const core::model::Attraction*>& batch,
                  const core::model::City& city,
                  const core::model::GenerationOptions& options,
                  pipeline::RunContext& context) const;

  ServiceCaller m_caller;
  LlmSettings m_settings;
  PriceTable m_prices;  // a copy: the table it came from may move
};

}  // namespace server::clients
