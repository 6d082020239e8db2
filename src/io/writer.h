// io/writer.h — events out as JSON Lines, CSV or GDELT 2.0 event rows.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::io {

enum class Format { jsonl, csv, gdelt };

// "jsonl" | "csv" | "gdelt"; anything else is an Error of kind "bad_format".
Result<Format> parse_format(std::string_view name);

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void write(const Event& e) = 0;
  virtual void finish() = 0;  // flushes
};

// A CSV writer prints its header at construction; GDELT rows have no header.
std::unique_ptr<EventWriter> make_writer(Format f, std::ostream& out);

// Appends `s` as a quoted JSON string (control characters escaped; UTF-8 kept).
void append_json_string(std::string& out, std::string_view s);
// Appends `s` as one RFC 4180 CSV field: quoted when it holds a comma, a quote, CR or LF.
void append_csv_field(std::string& out, std::string_view s);
// One event as a JSON object, no trailing newline.
std::string event_to_json(const Event& e);
// The 61 GDELT 2.0 event-table fields of one event, in GDELT's order, tab-free.
std::string event_to_gdelt(const Event& e);

}  // namespace dyad::io
