// The database password stays secret in every form DATABASE_URL takes (issue 15, point 4): the
// URL's userinfo, its query parameters, libpq's keyword/value pairs; in `config`, in the
// configuration lines the server logs at start, and in the errors a bad connection string gives.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "server/cli/cli.h"
#include "server/config/config.h"
#include "server/support/secrets.h"

namespace {

struct SecretForm {
  const char* name;
  std::string database_url;
  std::vector<std::string> secret_parts;  ///< none of these may show
  std::string redacted;                   ///< what describe() shows
};

class DatabaseUrlSecret : public ::testing::TestWithParam<SecretForm> {};

TEST_P(DatabaseUrlSecret, IsMaskedInTheConfigurationLines) {
  const auto config = server::config::from_environment({{"DATABASE_URL", GetParam().database_url}});
  bool shown = false;
  for (const std::string& line : server::config::describe(config)) {
    for (const std::string& part : GetParam().secret_parts)
      EXPECT_EQ(line.find(part), std::string::npos) << line;
    if (line.rfind("DATABASE_URL=", 0) == 0) {
      shown = true;
      EXPECT_EQ(line, "DATABASE_URL=" + GetParam().redacted);
    }
  }
  EXPECT_TRUE(shown);
}

TEST_P(DatabaseUrlSecret, IsMaskedByTheConfigCommand) {
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(server::cli::run({"config"}, {{"DATABASE_URL", GetParam().database_url}}, out, err), 0)
      << err.str();
  for (const std::string& part : GetParam().secret_parts) {
    EXPECT_EQ(out.str().find(part), std::string::npos) << out.str();
  }
}

TEST_P(DatabaseUrlSecret, IsScrubbedFromErrorsThatQuoteIt) {
  const std::string message = "could not connect: " + GetParam().database_url + " failed";
  const std::string scrubbed = server::support::scrub(
      message, server::support::connection_passwords(GetParam().database_url));
  for (const std::string& part : GetParam().secret_parts)
    EXPECT_EQ(scrubbed.find(part), std::string::npos) << scrubbed;
}

INSTANTIATE_TEST_SUITE_P(
    Forms,
    DatabaseUrlSecret,
    ::testing::Values(SecretForm{"Userinfo",
                                 "postgres://u:hunter2@db:5432/n?sslmode=require",
                                 {"hunter2"},
                                 "postgres://u:***@db:5432/n?sslmode=require"},
                      SecretForm{"UserinfoWithAnAt",
                                 "postgres://u:hun@ter2@db/n",
                                 {"hun@ter2", "ter2"},
                                 "postgres://u:***@db/n"},
                      SecretForm{"UserinfoPercentEncoded",
                                 "postgresql://u:hun%40ter2@db/n",
                                 {"hun%40ter2", "hun@ter2"},
                                 "postgresql://u:***@db/n"},
                      SecretForm{"QueryParameter",
                                 "postgres://db:5432/n?user=u&password=hunter2&sslmode=require",
                                 {"hunter2"},
                                 "postgres://db:5432/n?user=u&password=***&sslmode=require"},
                      SecretForm{"QueryParameterFirst",
                                 "postgres://db/n?password=hunter2",
                                 {"hunter2"},
                                 "postgres://db/n?password=***"},
                      SecretForm{"QuerySslPassword",
                                 "postgres://u:pw1secret@db/n?sslpassword=keypass2",
                                 {"pw1secret", "keypass2"},
                                 "postgres://u:***@db/n?sslpassword=***"},
                      SecretForm{"Keywords",
                                 "host=db dbname=n user=u password=hunter2 sslmode=require",
                                 {"hunter2"},
                                 "host=db dbname=n user=u password=*** sslmode=require"},
                      SecretForm{"KeywordsSpaced",
                                 "host=db password = hunter2 dbname=n",
                                 {"hunter2"},
                                 "host=db password = *** dbname=n"},
                      SecretForm{"KeywordsQuoted",
                                 "host=db password='hun ter2' dbname=n",
                                 {"hun ter2", "ter2'"},
                                 "host=db password=*** dbname=n"},
                      SecretForm{"KeywordsQuotedEscape",
                                 R"(password='hun\'ter2' host=db)",
                                 {"ter2"},
                                 "password=*** host=db"}),
    [](const auto& form) { return std::string(form.param.name); });

TEST(DatabaseUrlSecret, AMalformedUrlIsRefusedWithoutQuotingIt) {
  try {
    server::config::from_environment({{"DATABASE_URL", "mysql://u:hunter2@db/n"}});
    FAIL() << "accepted";
  } catch (const std::exception& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
  }
}

TEST(DatabaseUrlSecret, LibpqRefusingAPasswordItQuotesLeavesNoTraceInTheError) {
  // libpq quotes an invalid percent-encoding back ("invalid percent-encoded token: ...").
  std::ostringstream out;
  std::ostringstream err;
  const int code = server::cli::run(
      {"migrate"}, {{"DATABASE_URL", "postgres://u:hun%zzter2@127.0.0.1:1/n"}}, out, err);
  EXPECT_NE(code, 0);
  EXPECT_FALSE(err.str().empty());
  EXPECT_EQ(err.str().find("zzter2"), std::string::npos) << err.str();
  EXPECT_EQ(out.str().find("zzter2"), std::string::npos) << out.str();
}

}  // namespace
