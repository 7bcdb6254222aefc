// The one rule for which revision is read or worked on.
#include "server/service/revision_choice.h"

#include <gtest/gtest.h>

#include "shared/model/working_revision.h"

namespace {

using server::config::Role;
using server::service::revision_for;
using server::service::revision_number;

core::model::City city_with(std::optional<int> published, std::optional<int> draft) {
  core::model::City city;
  city.published_revision = published;
  city.draft_revision = draft;
  return city;
}

TEST(RevisionChoice, EditorsWorkOnTheDraftElseThePublishedOne) {
  EXPECT_EQ(core::model::working_revision(city_with(1, 2)), 2);
  EXPECT_EQ(core::model::working_revision(city_with(1, std::nullopt)), 1);
  EXPECT_EQ(core::model::working_revision(city_with(std::nullopt, 1)), 1);
  EXPECT_EQ(core::model::working_revision(city_with(std::nullopt, std::nullopt)), std::nullopt);
  EXPECT_EQ(revision_number(city_with(1, 2), revision_for(Role::Editor)), 2);
  EXPECT_EQ(revision_number(city_with(1, 2), revision_for(Role::Editor, 1)), 1)
      << "an editor may ask for one";
}

TEST(RevisionChoice, TheAppReadsOnlyThePublishedRevision) {
  EXPECT_EQ(revision_number(city_with(1, 2), revision_for(Role::App)), 1);
  EXPECT_EQ(revision_number(city_with(std::nullopt, 1), revision_for(Role::App)), std::nullopt);
  EXPECT_EQ(revision_number(city_with(1, 2), revision_for(Role::App, 2)), 1)
      << "the app cannot ask for a draft";
}

}  // namespace
