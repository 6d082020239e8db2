// store/output.h — events, series and actors as text: terminal tables, JSON Lines, CSV,
// and the exports (GDELT 2.0 event + mentions tables, PLOVER JSON Lines, CSV).
//
// Codes are always written as strings with their leading zeros ("010"). CSV follows
// RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "store/store.h"

namespace dyad::store {

enum class OutFormat { table, jsonl, csv };
Result<OutFormat> parse_out_format(std::string_view name);  // "table" | "jsonl" | "csv"

// Event listings (dyad query).
std::string events_table(const std::vector<EventRow>& rows);
std::string event_json(const EventRow& e);  // one object, no newline
extern const char* const kEventCsvHeader;   // 30 columns, see docs/STORE.md
std::string event_csv(const EventRow& e);   // one row with its CRLF
std::string format_events(const std::vector<EventRow>& rows, OutFormat f);

std::string format_series(const std::vector<SeriesRow>& rows, OutFormat f, bool by_quad);
std::string format_actors(const std::vector<ActorRow>& rows, OutFormat f);

// Exports (dyad export).
enum class ExportFormat { gdelt, plover, csv };
Result<ExportFormat> parse_export_format(std::string_view name);  // "gdelt" | "plover" | "csv"

struct ExportStats {
  size_t events = 0;    // event records written
  size_t mentions = 0;  // mention records written to the mentions file
  size_t skipped = 0;   // events with no PLOVER category (CAMEO roots 01, 02), PLOVER only
};

// GDELT 2.0 event row (61 tab-separated fields) of an event, from its representative mention.
std::string event_gdelt(const EventRow& e, const MentionRow& rep);
// GDELT 2.0 mentions row (16 tab-separated fields) of one member mention.
std::string mention_gdelt(const EventRow& e, const MentionRow& m);
// PLOVER JSON object of an event (members: its member mentions, for event_text and citations).
std::string event_plover(const EventRow& e, const std::vector<MentionRow>& members);
// The PLOVER quad category of a PLOVER event type (PLOVER manual, "Quad categories"); 0 if none.
int plover_quad(std::string_view type);

// Writes every event the filter selects, in event id order. `mentions`, when given, receives
// the mentions table: GDELT 2.0 mentions rows (gdelt), CSV with header (csv), or JSON Lines
// (plover). Write errors on the streams are reported as "io_error".
Result<ExportStats> export_events(Store& st, const Filter& f, ExportFormat fmt, std::ostream& out,
                                  std::ostream* mentions = nullptr);

}  // namespace dyad::store
