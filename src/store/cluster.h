// store/cluster.h — the rule that groups event mentions into events.
//
// A mention (one coded Event record) joins an existing event when
//   1. it has the same status (fact, intent, reported, hypothetical, denied, negated);
//   2. it has the same dyad at country level: each side is the actor's country when it
//      has one, else its code; the pair is order-insensitive for symmetric codes;
//   3. its code is compatible: same 3-digit base code, or same root when one side is
//      vaguer (a 2-digit code or an xx0 base), or 042/043 (a visit seen from either side);
//   4. every mention date of the event, with this one, lies within window_days;
//   5. places do not disagree (both given and different = two events).
// Items 1, 2 and the root make the block key; 3-5 are checked per candidate event.
// Mentions with status denied or negated never support an asserted event: they form
// events of their own status, and are linked to the fact or reported event they
// contradict with a "contests" link. docs/STORE.md explains the rule in full.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dyad/event.h"

namespace dyad::store {

struct ClusterParams {
  int window_days = 2;  // largest span, in days, between the dates of one event's mentions
};

// Why a mention joined its event (links.match).
enum class Match { none, new_event, same_code, vaguer_code, converse_code };
const char* to_string(Match m);

// "negated" when the polarity is negated, else the modality: fact, intent, reported,
// hypothetical, denied.
std::string mention_status(const Event& e);
// Statuses whose mentions contest (contradict) an event: denied, negated.
bool contests(std::string_view status);
// Statuses a contesting mention can be linked to: fact, reported, intent.
bool contestable(std::string_view status);

// The actor at country level: its country when known, else its code, else "-".
std::string actor_key(const ActorRef& a);

// Codes whose dyad is order-insensitive whatever the actors are (documented list).
bool symmetric_code(std::string_view base);
// Order-insensitive dyad: a symmetric code, or a root 03-06 code between two countries.
bool is_symmetric(const Event& e);

// A 2-digit root code or a 3-digit "not specified" code (xx0).
bool is_vague(std::string_view base);
// How a mention's base code fits an event's base code (same root assumed by the block).
Match code_match(std::string_view event_base, std::string_view mention_base);

// Places agree when either is empty or they are equal, ignoring ASCII case. Ingest compares
// the places' countries, so that "Caracas" and "Venezuela" mentions of one event agree.
bool places_agree(std::string_view a, std::string_view b);
// A place with its kind ("city", "region", "country") and country: places also agree when one
// is the country the other lies in ("Caracas" and "Venezuela"), not when they are two cities.
struct PlaceRef {
  std::string_view name, kind, country;
};
bool places_agree(const PlaceRef& a, const PlaceRef& b);

struct Block {
  std::string key;  // "fact|RUS~VEN|05" (symmetric, sorted) or "fact|GON>ARN|19" (directed)
  std::string dyad;  // "RUS~VEN" or "GON>ARN"
  bool symmetric = false;
};
Block block_of(const Event& e, std::string_view status);
// The same dyad and root under another status ("fact|RUS~VEN|05" -> "denied|RUS~VEN|05").
std::string with_status(std::string_view key, std::string_view status);

// Days since 1970-01-01 for "YYYY-MM-DD"; nullopt when not a date.
std::optional<int32_t> day_number(std::string_view iso);
std::string iso_date(int32_t day);

}  // namespace dyad::store
