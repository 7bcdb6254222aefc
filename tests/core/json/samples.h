#pragma once

// Model values with every member set, for the JSON round-trip tests.
#include "shared/model/attraction.h"
#include "shared/model/city.h"
#include "shared/model/revision.h"
#include "shared/model/tour.h"

namespace narrando::testing {

inline core::model::Attraction sample_attraction() {
  using namespace core::model;
  Attraction a;
  a.id = attraction_id("osm:way/247168260");
  a.source_id = "osm:way/247168260";
  a.name = "Torre dos Clérigos";
  a.location = {41.1456539, -8.6146419};
  a.types = {"tower", "tourist_attraction"};
  a.rating = 4.7;
  a.rating_count = 51234;
  a.summary = "Baroque bell tower";
  a.wikidata = "Q1052563";
  a.wikipedia = "pt:Torre dos Clérigos";
  a.name_variants = 7;
  a.interest_score = 87.5;
  a.visit_minutes = 20;
  a.included = true;
  a.reason = "tower; Wikidata";
  a.decided_by = Decider::Llm;
  a.editor.included = false;
  a.editor.name = "Clérigos Tower";
  a.editor.visit_minutes = 25;
  a.editor.locked_tour = 2;
  return a;
}

inline core::model::Tour sample_tour() {
  using namespace core::model;
  Tour t;
  t.index = 1;
  t.title = "Tour 2: Clérigos";
  t.start = GeoPoint{41.1, -8.6};
  t.stops = {{"a1", "One", {41.1, -8.61}, 10, 40.0, true},
             {"a2", "Two", {41.2, -8.62}, 15, 55.5, false}};
  t.legs = {{120.5, 1.6, "_p~iF~ps|U"}, {300.0, 4.0, ""}};
  t.budget_minutes = 180;
  recompute_totals(t);
  t.order_locked = true;
  return t;
}

inline core::model::City sample_city() {
  core::model::City city;
  city.id = "35ebada7-f4e5-41f5-8dd0-03c72ee0dc38";
  city.place_id = "geonames:2735943";
  city.name = "Porto";
  city.country_code = "PT";
  city.centre = {41.14961, -8.61099};
  city.viewport = {{41.12, -8.63}, {41.16, -8.58}};
  city.source = core::model::PlaceSource::Embedded;
  city.note = "Historic centre only";
  city.published_revision = 1;
  city.draft_revision = 2;
  city.created_at = "2026-12-07T08:00:00.000Z";
  city.updated_at = "2026-12-07T09:00:00.000Z";
  return city;
}

inline core::model::Revision sample_revision() {
  core::model::Revision revision;
  revision.city_id = sample_city().id;
  revision.number = 2;
  revision.status = core::model::RevisionStatus::Draft;
  revision.origin = core::model::RevisionOrigin::Edit;
  revision.created_at = "2026-12-07T09:00:00.000Z";
  revision.options.tours = 2;
  revision.attractions = {sample_attraction()};
  revision.tours = {sample_tour()};
  return revision;
}

}  // namespace narrando::testing
