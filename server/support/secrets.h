#pragma once

#include <string>
#include <vector>

/// Keeping secrets out of logs, `config` and error messages.
namespace server::support {

/// `conninfo` (DATABASE_URL: a postgres:// URL or a libpq keyword/value string) with every
/// password replaced by "***": the URL's userinfo password, its password and sslpassword query
/// parameters, and the password and sslpassword keywords (quoted or not).
std::string redact_connection_string(const std::string& conninfo);

/// The passwords `conninfo` carries, as written and percent-decoded (what libpq may quote back).
std::vector<std::string> connection_passwords(const std::string& conninfo);

/// `text` with every occurrence of each non-empty secret replaced by "***".
std::string scrub(std::string text, const std::vector<std::string>& secrets);

}  // namespace server::support
