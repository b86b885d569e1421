// The one CSV cell rule (core/base/csv.h), with the cases of issue 16: formulas after a ";" separator,
// behind whitespace or line breaks, in full-width forms; quoting of separators and quotes.
#include <doctest/doctest.h>

#include "core/base/csv.h"

using core::CsvField;

TEST_SUITE("csv") {
  TEST_CASE("plain text and text with formula characters inside stay as they are") {
    CHECK(CsvField("plain") == "plain");
    CHECK(CsvField("") == "");
    CHECK(CsvField("Muñoz") == "Muñoz");
    CHECK(CsvField("1-2") == "1-2");
    CHECK(CsvField("a=b") == "a=b");
    CHECK(CsvField("ana@example.org") == "ana@example.org");
  }

  TEST_CASE("separators, quotes, line breaks and edge spaces are quoted, quotes doubled") {
    CHECK(CsvField("a,b") == "\"a,b\"");
    CHECK(CsvField("a;b") == "\"a;b\"");
    CHECK(CsvField("a\tb") == "\"a\tb\"");
    CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(CsvField("two\nlines") == "\"two\nlines\"");
    CHECK(CsvField(" edge") == "\" edge\"");
    CHECK(CsvField("edge ") == "\"edge \"");
  }

  TEST_CASE("a cell starting with = + - @ is defused, phone numbers and negative numbers included") {
    CHECK(CsvField("=1+1") == "'=1+1");
    CHECK(CsvField("@SUM(A1)") == "'@SUM(A1)");
    CHECK(CsvField("-cmd") == "'-cmd");
    CHECK(CsvField("+34 600 123 456") == "'+34 600 123 456");
    CHECK(CsvField("-5") == "'-5");
    CHECK(CsvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  }

  TEST_CASE("a formula after a separator is defused where that cell would start (Excel in es, fr, de)") {
    CHECK(CsvField("Ann;=cmd|' /C calc'!A0") == "\"Ann;'=cmd|' /C calc'!A0\"");
    CHECK(CsvField("a,@b") == "\"a,'@b\"");
    CHECK(CsvField("x\t+y") == "\"x\t'+y\"");
    CHECK(CsvField("a; -b") == "\"a;' -b\"");
    CHECK(CsvField("a\r\n=b") == "\"a\r\n'=b\"");
  }

  TEST_CASE("a formula behind leading whitespace or a line break is defused") {
    CHECK(CsvField(" =1+1") == "' =1+1");
    CHECK(CsvField("\n=1+1") == "\"\n'=1+1\"");
    CHECK(CsvField("\t=1+1") == "\"\t'=1+1\"");
    CHECK(CsvField("\r@x") == "\"\r'@x\"");
    CHECK(CsvField("\xC2\xA0=1") == "'\xC2\xA0=1");          // no-break space
    CHECK(CsvField("\xE3\x80\x80=1") == "'\xE3\x80\x80=1");  // ideographic space
  }

  TEST_CASE("full-width = + - @ are defused like their ASCII forms") {
    CHECK(CsvField("＝1+1") == "'＝1+1");
    CHECK(CsvField("＋34") == "'＋34");
    CHECK(CsvField("－1") == "'－1");
    CHECK(CsvField("＠SUM(A1)") == "'＠SUM(A1)");
    CHECK(CsvField("x;＝cmd") == "\"x;'＝cmd\"");
  }
}
