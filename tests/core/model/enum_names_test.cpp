// Every enum of the vocabulary has one name per enumerator, each name once, and reading a name
// is the exact inverse of writing it: anything else is refused, never read as a default.
#include "shared/model/enum_names.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "shared/model/attraction.h"
#include "shared/model/city.h"
#include "shared/model/job.h"
#include "shared/model/revision.h"
#include "shared/model/routes_policy.h"
#include "shared/model/stage.h"
#include "shared/model/walking_network.h"

namespace {

using namespace core::model;

template <class E>
class Vocabulary : public ::testing::Test {};

using Enums = ::testing::Types<Stage,
                               JobStatus,
                               CityStatus,
                               PlaceSource,
                               RevisionStatus,
                               RevisionOrigin,
                               RoutesPolicy,
                               WalkingNetwork,
                               Decider>;
TYPED_TEST_SUITE(Vocabulary, Enums);

TYPED_TEST(Vocabulary, EveryEnumeratorHasOneNameThatReadsBack) {
  using E = TypeParam;
  std::set<std::string> names;
  std::set<E> values;
  for (const auto& entry : EnumNames<E>::kNames) {
    EXPECT_TRUE(names.insert(entry.name).second) << "name twice: " << entry.name;
    EXPECT_TRUE(values.insert(entry.value).second) << "enumerator twice: " << entry.name;
    EXPECT_STREQ(to_string(entry.value), entry.name);
    EXPECT_EQ(enum_from_name<E>(entry.name), entry.value);
    EXPECT_EQ(parse_enum<E>(entry.name), entry.value);
  }
  // The enumerators are 0..N-1 (enum class without explicit values): each must be in the table.
  for (std::size_t i = 0; i < EnumNames<E>::kNames.size(); ++i) {
    EXPECT_TRUE(values.contains(static_cast<E>(i))) << "enumerator " << i << " has no name";
  }
}

TYPED_TEST(Vocabulary, UnknownNamesAreRefusedNotDefaulted) {
  using E = TypeParam;
  EXPECT_EQ(enum_from_name<E>(""), std::nullopt);
  EXPECT_EQ(enum_from_name<E>("unknown"), std::nullopt);
  const std::string upper = [] {
    std::string name = EnumNames<E>::kNames.front().name;
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
  }();
  EXPECT_EQ(enum_from_name<E>(upper), std::nullopt) << "names are exact";
  EXPECT_THROW(parse_enum<E>("unknown"), core::InputError);
}

TEST(ParseEnum, NamesWhereAndEveryAllowedName) {
  try {
    parse_enum<RoutesPolicy>("always", "settings.routes_policy");
    FAIL() << "accepted";
  } catch (const core::InputError& e) {
    EXPECT_STREQ(
        e.what(),
        "settings.routes_policy must be one of \"off\", \"legs\", \"matrix\", got \"always\"");
  }
}

TEST(Stage, TheTableIsThePipelineOrder) {
  const auto stages = enum_values<Stage>();
  ASSERT_EQ(stages.size(), 7u);
  EXPECT_STREQ(to_string(stages.front()), "city");
  EXPECT_STREQ(to_string(stages[3]), "distances");
  EXPECT_STREQ(to_string(stages.back()), "store");
}

TEST(JobStatus, FinishedMeansSucceededOrFailed) {
  EXPECT_FALSE(finished(JobStatus::Queued));
  EXPECT_FALSE(finished(JobStatus::Running));
  EXPECT_TRUE(finished(JobStatus::Succeeded));
  EXPECT_TRUE(finished(JobStatus::Failed));
}

}  // namespace
