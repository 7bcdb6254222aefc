#include "console/draw/map_scene.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "shared/algo/polyline.h"
#include "tests/console/fixtures.h"

namespace {

using console::draw::Marker;
using console::draw::Vec2;

console::draw::MapTransform view_of(const core::model::Revision& revision) {
  console::state::MapView view;
  std::vector<core::model::GeoPoint> points;
  for (const auto& a : revision.attractions) points.push_back(a.location);
  console::draw::fit(view, console::draw::bounds_of(points), {800.0, 600.0}, 40.0);
  return console::draw::make_transform(view, {0.0, 0.0}, {800.0, 600.0});
}

const Marker* marker_of(const console::draw::MapScene& scene, const std::string& id) {
  // The topmost marker of an attraction (a tour stop is drawn over its plain marker).
  const auto it = std::find_if(scene.markers.rbegin(), scene.markers.rend(), [&](const Marker& m) {
    return m.attraction_id == id;
  });
  return it == scene.markers.rend() ? nullptr : &*it;
}

TEST(EditScene, DrawsToursInTheirColoursWithNumberedStops) {
  const auto revision = console::testing::sample_revision();
  const auto scene =
      console::draw::build_edit_scene(revision.attractions, revision.tours, view_of(revision), "");
  const Marker* c = marker_of(scene, "c");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->tour, 0);
  EXPECT_EQ(c->label, "3");
  EXPECT_EQ(c->colour, console::draw::tour_colour(0));
  const Marker* e = marker_of(scene, "e");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->colour, console::draw::tour_colour(1));
  EXPECT_EQ(e->label, "2");
  // One path and one direction arrow per leg long enough to carry it.
  EXPECT_EQ(std::count_if(
                scene.paths.begin(), scene.paths.end(), [](const auto& p) { return p.tour == 0; }),
            2);
  EXPECT_FALSE(scene.arrows.empty());
}

TEST(EditScene, DrawsExcludedAttractionsAsHollowGreyRings) {
  const auto revision = console::testing::sample_revision();
  const auto scene =
      console::draw::build_edit_scene(revision.attractions, revision.tours, view_of(revision), "");
  const Marker* x = marker_of(scene, "x");
  ASSERT_NE(x, nullptr);
  EXPECT_FALSE(x->filled);
  EXPECT_EQ(x->colour, console::draw::kExcludedColour);
  EXPECT_EQ(x->tour, -1);
}

TEST(EditScene, MarksTheSelection) {
  const auto revision = console::testing::sample_revision();
  const auto scene =
      console::draw::build_edit_scene(revision.attractions, revision.tours, view_of(revision), "b");
  for (const Marker& m : scene.markers) EXPECT_EQ(m.selected, m.attraction_id == "b");
}

TEST(EditScene, ArrowsPointAlongTheWalk) {
  auto revision = console::testing::sample_revision();
  revision.tours.resize(1);
  revision.tours[0].stops.resize(2);  // a -> b, due east
  revision.tours[0].legs.resize(1);
  revision.tours[0].legs[0].polyline.clear();
  const auto scene =
      console::draw::build_edit_scene(revision.attractions, revision.tours, view_of(revision), "");
  ASSERT_EQ(scene.arrows.size(), 1u);
  const auto& arrow = scene.arrows[0];
  EXPECT_GT(arrow.tip.x, arrow.left.x);  // pointing east: the tip is right of the base
  EXPECT_GT(arrow.tip.x, arrow.right.x);
}

TEST(HitTest, FindsTheNearestMarkerWithinItsRadius) {
  console::draw::MapScene scene;
  scene.markers.push_back({"a", {100.0, 100.0}, 5.0, {}, true, "", -1, false});
  scene.markers.push_back({"b", {106.0, 100.0}, 5.0, {}, true, "", -1, false});
  const Marker* hit = console::draw::hit_test(scene, {104.0, 100.0}, 0.0);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->attraction_id, "b");
  EXPECT_EQ(console::draw::hit_test(scene, {100.0, 108.0}, 0.0), nullptr);
  ASSERT_NE(console::draw::hit_test(scene, {100.0, 108.0}, 3.0), nullptr);
}

TEST(HitTest, PrefersTheMarkerOnTopAndSkipsNonAttractions) {
  console::draw::MapScene scene;
  scene.markers.push_back({"under", {50.0, 50.0}, 6.0, {}, true, "", -1, false});
  scene.markers.push_back({"over", {50.0, 50.0}, 6.0, {}, true, "", -1, false});
  scene.markers.push_back({"", {70.0, 50.0}, 6.0, {}, false, "", -1, false});
  EXPECT_EQ(console::draw::hit_test(scene, {51.0, 50.0}, 0.0)->attraction_id, "over");
  EXPECT_EQ(console::draw::hit_test(scene, {70.0, 50.0}, 0.0), nullptr);
}

TEST(ReplayScene, ShowsCandidatesAppearingBeforeTheFilter) {
  const auto run = console::testing::sample_run();
  const auto transform = view_of(console::testing::sample_revision());
  const auto half = console::draw::build_replay_scene(
      run, {console::state::ReplayStage::Candidates, 0.5}, transform, "");
  const auto count = std::count_if(half.markers.begin(), half.markers.end(), [](const Marker& m) {
    return !m.attraction_id.empty();
  });
  EXPECT_EQ(count, 3);
  for (const Marker& m : half.markers) {
    if (!m.attraction_id.empty()) {
      EXPECT_EQ(m.colour, console::draw::kCandidateColour);
    }
  }
  EXPECT_TRUE(half.arrows.empty());
}

TEST(ReplayScene, FadesDroppedCandidatesAndDrawsNoTourDuringTheFilter) {
  const auto run = console::testing::sample_run();
  const auto scene = console::draw::build_replay_scene(run,
                                                       {console::state::ReplayStage::Filter, 1.0},
                                                       view_of(console::testing::sample_revision()),
                                                       "");
  const Marker* x = marker_of(scene, "x");
  ASSERT_NE(x, nullptr);
  EXPECT_FALSE(x->filled);
  EXPECT_LT(x->colour.a, 255);
  EXPECT_EQ(marker_of(scene, "a")->colour, console::draw::kKeptColour);
  for (const Marker& m : scene.markers) EXPECT_EQ(m.tour, -1);
}

TEST(ReplayScene, WritesTheReasonBesideEachDroppedCandidateWhileItFades) {
  const auto run = console::testing::sample_run();
  const auto transform = view_of(console::testing::sample_revision());
  const auto fading = console::draw::build_replay_scene(
      run, {console::state::ReplayStage::Filter, 0.5}, transform, "");
  const auto dropped = std::find_if(
      run.decisions.begin(), run.decisions.end(), [](const auto& d) { return !d.included; });
  ASSERT_NE(dropped, run.decisions.end());
  ASSERT_FALSE(dropped->reason.empty());
  const auto caption = std::find_if(
      fading.captions.begin(), fading.captions.end(), [&](const console::draw::Caption& c) {
        return c.text == dropped->reason.substr(0, c.text.size());
      });
  ASSERT_NE(caption, fading.captions.end());
  const Vec2 at = marker_of(fading, dropped->id)->at;
  EXPECT_GT(caption->at.x, at.x);
  EXPECT_NEAR(caption->at.y, at.y, 10.0);
  EXPECT_LT(caption->colour.a, 255);
  // Once the planner runs, the reasons are gone (hover still tells them): only the bounds' caption
  // is left.
  const auto planning = console::draw::build_replay_scene(
      run, {console::state::ReplayStage::Planning, 0.0}, transform, "");
  ASSERT_EQ(planning.captions.size(), 1u);
  EXPECT_EQ(planning.captions[0].text, console::draw::kBoundsCaption);
}

TEST(ReplayScene, CaptionsNeverOverlapAndLongReasonsAreShortened) {
  auto run = console::testing::sample_run();
  for (auto& d : run.decisions) {
    d.included = false;
    d.reason = "a shop, not a sight: dropped because the category is retail and nothing else";
  }
  run.decisions.push_back(run.decisions.front());  // the same place twice: only one caption fits
  run.decisions.back().id = "twin";
  const auto scene = console::draw::build_replay_scene(run,
                                                       {console::state::ReplayStage::Filter, 0.2},
                                                       view_of(console::testing::sample_revision()),
                                                       "");
  ASSERT_FALSE(scene.captions.empty());
  EXPECT_LT(scene.captions.size(), run.decisions.size());
  for (std::size_t i = 0; i < scene.captions.size(); ++i) {
    EXPECT_LE(scene.captions[i].text.size(), 32u);
    if (scene.captions[i].text != console::draw::kBoundsCaption) {
      EXPECT_EQ(scene.captions[i].text.substr(scene.captions[i].text.size() - 3), "...");
    }
    for (std::size_t j = i + 1; j < scene.captions.size(); ++j) {
      const bool apart = std::abs(scene.captions[i].at.x - scene.captions[j].at.x) >= 240.0 ||
                         std::abs(scene.captions[i].at.y - scene.captions[j].at.y) >= 16.0;
      EXPECT_TRUE(apart) << i << " and " << j;
    }
  }
}

TEST(ReplayScene, AReasonSharedByManyDroppedCandidatesIsWrittenOnce) {
  auto run = console::testing::sample_run();
  for (std::size_t i = 0; i < run.decisions.size(); ++i) {
    run.decisions[i].included = false;
    run.decisions[i].reason = i % 2 ? "below the 80 best-scored stops" : "a shop";
  }
  const auto scene = console::draw::build_replay_scene(run,
                                                       {console::state::ReplayStage::Filter, 0.5},
                                                       view_of(console::testing::sample_revision()),
                                                       "");
  const auto count = [&](const std::string& text) {
    return std::count_if(scene.captions.begin(), scene.captions.end(), [&](const auto& c) {
      return c.text == text;
    });
  };
  EXPECT_EQ(count("below the 80 best-scored stops"), 1);
  EXPECT_EQ(count("a shop"), 1);
}

TEST(ReplayTimeline, TheSliderNamesTheStageAndHowFarItWent) {
  EXPECT_EQ(console::state::replay_position_label({console::state::ReplayStage::Planning, 1.0}),
            "4/5 Planning: 100%");
  EXPECT_EQ(console::state::replay_position_label({console::state::ReplayStage::City, 0.25}),
            "1/5 City: 25%");
}

const console::draw::Path* bounds_of_scene(const console::draw::MapScene& scene) {
  const auto it = std::find_if(
      scene.paths.begin(), scene.paths.end(), [](const auto& p) { return p.closed && p.tour < 0; });
  return it == scene.paths.end() ? nullptr : &*it;
}

const console::draw::Caption* bounds_caption(const console::draw::MapScene& scene) {
  const auto it = std::find_if(scene.captions.begin(), scene.captions.end(), [](const auto& c) {
    return c.text == console::draw::kBoundsCaption;
  });
  return it == scene.captions.end() ? nullptr : &*it;
}

// The view frames the attractions, so the city's (larger) bounding box runs off the canvas: it
// must read as a frame, faint and dashed, and say what it is.
TEST(ReplayScene, DrawsTheCityBoundsAsAFaintCaptionedDashedFrame) {
  const auto run = console::testing::sample_run();
  const auto transform = view_of(console::testing::sample_revision());
  const auto scene = console::draw::build_replay_scene(
      run, {console::state::ReplayStage::City, 1.0}, transform, "");
  const console::draw::Path* frame = bounds_of_scene(scene);
  ASSERT_NE(frame, nullptr);
  EXPECT_GT(frame->dash_px, 0.0);
  EXPECT_LT(frame->colour.a, 160);
  EXPECT_LE(frame->thickness, 1.0);
  ASSERT_EQ(frame->points.size(), 4u);
  const Vec2 north_west = transform.to_screen(
      core::model::GeoPoint{run.city.viewport.high.lat_deg, run.city.viewport.low.lon_deg});
  EXPECT_EQ(frame->points[0], north_west);
  EXPECT_LT(north_west.x, 0.0);  // the corner is off the canvas here ...
  EXPECT_LT(north_west.y, 0.0);
  const console::draw::Caption* caption = bounds_caption(scene);
  ASSERT_NE(
      caption,
      nullptr);  // ... so the caption sits inside the canvas's corner, under the fallback's note
  EXPECT_TRUE(transform.contains(caption->at));
  EXPECT_GE(caption->at.y, 28.0);
  EXPECT_EQ(caption->colour, frame->colour);
}

TEST(ReplayScene, PutsTheBoundsCaptionInTheFramesCornerWhenItIsOnTheCanvas) {
  auto run = console::testing::sample_run();
  console::state::MapView view;
  console::draw::fit(view, run.city.viewport, {800.0, 600.0}, 100.0);  // the whole box inside
  const auto transform = console::draw::make_transform(view, {0.0, 0.0}, {800.0, 600.0});
  const auto scene = console::draw::build_replay_scene(
      run, {console::state::ReplayStage::City, 1.0}, transform, "");
  const Vec2 corner = bounds_of_scene(scene)->points[0];
  const console::draw::Caption* caption = bounds_caption(scene);
  ASSERT_NE(caption, nullptr);
  EXPECT_GT(caption->at.x, corner.x);
  EXPECT_LT(caption->at.x, corner.x + 10.0);
  EXPECT_GT(caption->at.y, corner.y);
  EXPECT_LT(caption->at.y, corner.y + 10.0);
  // A box wholly off the canvas gets no caption.
  run.city.viewport = {{41.30, -8.40}, {41.32, -8.38}};
  EXPECT_EQ(bounds_caption(console::draw::build_replay_scene(
                run, {console::state::ReplayStage::City, 1.0}, transform, "")),
            nullptr);
}

TEST(ReplayScene, DrawsPlannedToursLegByLeg) {
  const auto run = console::testing::sample_run();
  const auto transform = view_of(console::testing::sample_revision());
  const auto start = console::draw::build_replay_scene(
      run, {console::state::ReplayStage::Planning, 0.5}, transform, "");
  const auto done = console::draw::build_replay_scene(
      run, {console::state::ReplayStage::Planning, 1.0}, transform, "");
  const auto legs = [](const console::draw::MapScene& s) {
    return std::count_if(s.paths.begin(), s.paths.end(), [](const auto& p) { return p.tour >= 0; });
  };
  EXPECT_EQ(legs(done), 3);   // 2 legs of tour 1, 1 of tour 2
  EXPECT_EQ(legs(start), 2);  // half of each tour, rounded up
  EXPECT_EQ(marker_of(done, "c")->tour, 0);
}

TEST(LegPaths, DecodePolylinesAndFallBackToStraightSegments) {
  auto tour = console::testing::sample_revision().tours[0];
  tour.legs[0].polyline = core::algo::encode_polyline(
      {tour.stops[0].location, {41.1405, -8.6140}, tour.stops[1].location});
  tour.legs[1].polyline = "not a polyline ~~~";
  const auto legs = console::draw::leg_paths(tour);
  ASSERT_EQ(legs.size(), 2u);
  EXPECT_EQ(legs[0].size(), 3u);
  ASSERT_EQ(legs[1].size(), 2u);
  EXPECT_EQ(legs[1][1], tour.stops[2].location);
}

}  // namespace
