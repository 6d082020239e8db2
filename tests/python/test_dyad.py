"""The Python module as a user calls it: code a sentence, read a store written by dyad ingest.
Usage: python3 tests/python/test_dyad.py BUILD_DIR SOURCE_DIR"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

BUILD, SRC = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(SRC, "python"))
os.environ["DYAD"] = os.path.join(BUILD, "dyad")
import dyad  # noqa: E402


class Code(unittest.TestCase):
    def test_a_french_sentence_gives_a_cameo_event_with_its_evidence(self):
        evs = dyad.code("La Russie a signé un accord de coopération avec le Venezuela.", lang="fr",
                        date="2024-05-01")
        self.assertEqual(len(evs), 1)
        e = evs[0]
        self.assertEqual((e["source"]["country"], e["target"]["country"], e["code"]), ("RUS", "VEN", "057"))
        self.assertEqual(e["verb"]["text"], "signé")
        self.assertTrue(e["rule"]["file"].endswith(".txt") and e["rule"]["line"] > 0)

    def test_a_bad_record_raises_naming_it(self):
        with self.assertRaises(dyad.DyadError) as cm:
            dyad.code_records([{"id": "ok", "text": "Russia invaded Ukraine."}, {"id": "broken"}])
        self.assertIn("broken", str(cm.exception))

    def test_not_strict_keeps_the_good_records(self):
        evs = dyad.code_records([{"id": "ok", "lang": "en", "text": "Russia invaded Ukraine."}, {"id": "broken"}],
                                strict=False)
        self.assertEqual([e["doc_id"] for e in evs], ["ok"])


class StoreTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        src = os.path.join(cls.tmp.name, "in.jsonl")
        with open(src, "w") as f:
            f.write('{"id":"a","lang":"en","date":"2024-03-01","source":"x","text":"Russia signed an agreement with Venezuela."}\n')
            f.write('{"id":"b","lang":"en","date":"2024-03-02","source":"y","text":"Russia signed an agreement with Venezuela."}\n')
            # an event the sentence places in a month: dated "2023-10"
            f.write('{"id":"c","lang":"en","date":"2024-03-02","source":"y","text":"In October 2023 Russia criticized Cuba."}\n')
        cls.db = os.path.join(cls.tmp.name, "t.db")
        subprocess.run([os.environ["DYAD"], "ingest", "-q", src, "--db", cls.db], check=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_two_mentions_make_one_event_with_both_sentences(self):
        with dyad.Store(self.db) as db:
            evs = db.events(country="VEN")
            self.assertEqual(len(evs), 1)
            self.assertEqual((evs[0]["num_mentions"], evs[0]["num_sources"]), (2, 2))
            ms = db.mentions(evs[0]["id"])
            self.assertEqual(sorted(m["doc_id"] for m in ms), ["a", "b"])
            self.assertEqual(db.events(country="UKR"), [])
            self.assertEqual(len(db.events(code="05")), 1)

    def test_a_month_date_is_in_every_range_that_overlaps_it(self):
        with dyad.Store(self.db) as db:
            self.assertEqual([e["date"] for e in db.events(country="CUB")], ["2023-10"])
            self.assertEqual(len(db.events(country="CUB", date_from="2023-10-15", date_to="2023-10-31")), 1)
            self.assertEqual(db.events(country="CUB", date_from="2023-11-01"), [])
            self.assertEqual(db.events(country="CUB", date_to="2023-09-30"), [])

    def test_filter_values_are_never_sql(self):
        with dyad.Store(self.db) as db:
            self.assertEqual(db.events(country="VEN' OR 1=1 --"), [])
            self.assertEqual(db.events(actor="%"), [])

    def test_the_store_is_read_only(self):
        with dyad.Store(self.db) as db:
            with self.assertRaises(sqlite3.OperationalError):
                list(db.sql("DELETE FROM events"))

    def test_a_foreign_file_is_refused(self):
        other = os.path.join(self.tmp.name, "other.db")
        sqlite3.connect(other).execute("CREATE TABLE x(y)").connection.close()
        with self.assertRaises(dyad.DyadError):
            dyad.Store(other)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=1)
