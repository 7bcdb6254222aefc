#include "server/http/request_context.h"

namespace server::http {

RequestContext& RequestContext::current() {
  thread_local RequestContext context;
  return context;
}

}  // namespace server::http
