// GPX is XML 1.0 (issue 15, finding 8): names come from Google, the LLM and editors, so they may
// hold characters XML forbids even escaped (controls, U+FFFE, U+FFFF, surrogates) or bytes that
// are not UTF-8. Those are dropped; every other character, escaped where XML needs it, stays.
#include <gtest/gtest.h>

#include <string>

#include "shared/formats/gpx.h"

namespace {

struct NameCase {
  const char* label;
  std::string name;      ///< a stop name as stored
  std::string expected;  ///< what the GPX's <name> holds
};

class GpxNames : public ::testing::TestWithParam<NameCase> {};

std::string first_waypoint_name(const std::string& gpx) {
  const std::string open = "<wpt ";
  const std::size_t wpt = gpx.find(open);
  const std::size_t start = gpx.find("<name>", wpt) + 6;
  return gpx.substr(start, gpx.find("</name>", start) - start);
}

TEST_P(GpxNames, HoldOnlyCharactersXmlAllows) {
  core::model::City city;
  city.name = "Town";
  core::model::Revision revision;
  core::model::Tour tour;
  tour.title = "Walk";
  core::model::TourStop stop;
  stop.name = GetParam().name;
  stop.location = {41.1, -8.6};
  tour.stops.push_back(stop);
  revision.tours.push_back(tour);
  const std::string gpx = core::formats::tours_gpx(city, revision);
  EXPECT_EQ(first_waypoint_name(gpx), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Names,
    GpxNames,
    ::testing::Values(NameCase{"Plain", "Torre dos Clerigos", "Torre dos Clerigos"},
                      NameCase{"Escaped",
                               "Fish & <Chips> \"Bar\" 'Inn'",
                               "Fish &amp; &lt;Chips&gt; &quot;Bar&quot; &apos;Inn&apos;"},
                      NameCase{"Multibyte",
                               "Caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80",
                               "Caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80"},
                      NameCase{"NonCharacterFFFE",
                               "a\xEF\xBF\xBE"
                               "b",
                               "ab"},
                      NameCase{"NonCharacterFFFF",
                               "a\xEF\xBF\xBF"
                               "b",
                               "ab"},
                      NameCase{"LastAllowedBmp",
                               "a\xEF\xBF\xBD"
                               "b",
                               "a\xEF\xBF\xBD"
                               "b"},
                      NameCase{"Controls",
                               std::string("a\x01\x1F\x7F"
                                           "b\tc\x00"
                                           "d",
                                           10),
                               "a\x7F"
                               "b\tcd"},
                      NameCase{"Surrogate",
                               "a\xED\xA0\x80"
                               "b",
                               "ab"},
                      NameCase{"StrayContinuation",
                               "a\x80\xBF"
                               "b",
                               "ab"},
                      NameCase{"InvalidByte",
                               "a\xFF\xFE"
                               "b",
                               "ab"},
                      NameCase{"Truncated", "ab\xE6\x9D", "ab"},
                      NameCase{"Overlong",
                               "a\xC0\xAF"
                               "b",
                               "ab"},
                      NameCase{"BeyondUnicode",
                               "a\xF4\x90\x80\x80"
                               "b",
                               "ab"}),
    [](const auto& name_case) { return std::string(name_case.param.label); });

}  // namespace
