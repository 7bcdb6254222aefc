#pragma once

#include <string>

namespace server::support {

/// A name for this process in job leases: "<role>-<hostname>-<pid>", unique per live process.
std::string worker_id(const std::string& role);

}  // namespace server::support
