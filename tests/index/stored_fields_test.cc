// The document data layout (index/document_builder.h): what the indexer
// writes is what the searcher reads back, line breaks in values cannot
// break it, and databases of the older JSON layout still read.
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/document_builder.h"
#include "index/entity_terms.h"

namespace amicus::internal {
namespace {

TEST(StoredFieldsTest, RoundTrip) {
  Release r;
  r.id = "d001";
  r.title = "Mayor signs\norder";
  r.published = "2026-01-20";
  r.organization = "NYC Office of the Mayor";
  r.url = "https://example.org/a";
  r.text = "New York, NY - Today.\n\nSecond = paragraph.\n";
  EntityNames names;
  names[0] = {"Zohran Mamdani", "Ana Ruiz"};
  names[3] = {"New York, NY"};
  const std::string data = DocumentBuilder::StoredFields(r, "en", names);
  StoredDocument got;
  ASSERT_TRUE(ParseStoredFields(data, &got)) << data;
  EXPECT_EQ(got.id, "d001");
  EXPECT_EQ(got.title, "Mayor signs order");  // a line break in a value is a space
  EXPECT_EQ(got.published, "2026-01-20");
  EXPECT_EQ(got.organization, "NYC Office of the Mayor");
  EXPECT_EQ(got.url, "https://example.org/a");
  EXPECT_EQ(got.language, "en");
  EXPECT_EQ(got.text, r.text);
  EXPECT_TRUE(got.has_entities);
  EXPECT_EQ(got.people, (std::vector<std::string>{"Zohran Mamdani", "Ana Ruiz"}));
  EXPECT_EQ(got.locations, (std::vector<std::string>{"New York, NY"}));
  EXPECT_TRUE(got.organizations.empty());
  // Readable as lines: the id first, the text after the empty line.
  EXPECT_EQ(data.rfind("id=d001\n", 0), 0u);
  EXPECT_NE(data.find("\n\nNew York, NY - Today."), std::string::npos);
}

TEST(StoredFieldsTest, EmptyTextAndOlderJsonLayout) {
  Release r;
  r.id = "x";
  StoredDocument got;
  ASSERT_TRUE(ParseStoredFields(DocumentBuilder::StoredFields(r, "es", EntityNames()), &got));
  EXPECT_EQ(got.id, "x");
  EXPECT_EQ(got.language, "es");
  EXPECT_EQ(got.text, "");
  ASSERT_TRUE(ParseStoredFields(R"({"id":"d9","title":"T","language":"es","text":"Hola\nmundo"})", &got));
  EXPECT_EQ(got.id, "d9");
  EXPECT_EQ(got.title, "T");
  EXPECT_EQ(got.text, "Hola\nmundo");
  EXPECT_FALSE(got.has_entities);  // the names are only in the slots there
}

TEST(StoredFieldsTest, NotAmicusData) {
  StoredDocument got;
  EXPECT_FALSE(ParseStoredFields("", &got));
  EXPECT_FALSE(ParseStoredFields("just some text", &got));
  EXPECT_FALSE(ParseStoredFields("title=x\n\ntext", &got));  // no id
  EXPECT_FALSE(ParseStoredFields("{\"title\":\"x\"}", &got));
}

}  // namespace
}  // namespace amicus::internal
