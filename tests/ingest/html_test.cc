// Tests of the HTML page reader: pages composed in the shapes real press
// sites use (tests/data/html/: WordPress, Drupal, a table-layout attorney
// general page in Windows-1252, JSON-LD, Spanish, <time datetime>, broken
// markup), the helpers behind it, problems, and routing through
// ReadReleases.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "amicus/ingest.h"
#include "ingest/html_reader.h"

namespace amicus {
namespace {

namespace fs = std::filesystem;

const std::string kDir = std::string(AMICUS_TEST_DATA) + "/html/";

struct Result {
  std::vector<Release> releases;
  std::vector<IngestProblem> problems;
  Status status;
};

Result Read(const std::vector<std::string>& inputs, IngestOptions options = {}) {
  Result r;
  r.status = ReadReleases(
      inputs, options,
      [&](Release&& rel) {
        r.releases.push_back(std::move(rel));
        return true;
      },
      [&](const IngestProblem& p) { r.problems.push_back(p); });
  return r;
}

Result ReadString(const std::string& html, const std::string& name = "page.html", IngestOptions options = {}) {
  Result r;
  std::istringstream in(html);
  r.status = ReadHtml(
      in, name, options,
      [&](Release&& rel) {
        r.releases.push_back(std::move(rel));
        return true;
      },
      [&](const IngestProblem& p) { r.problems.push_back(p); });
  return r;
}

// The one release of a page in tests/data/html, with no problems.
Release Page(const std::string& file) {
  Result r = Read({kDir + file});
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  for (const IngestProblem& p : r.problems) ADD_FAILURE() << p.ToString();
  EXPECT_EQ(r.releases.size(), 1u) << file;
  return r.releases.empty() ? Release() : r.releases.front();
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void ExpectAbsent(const Release& r, const std::vector<std::string>& parts) {
  for (const std::string& part : parts) EXPECT_FALSE(Has(r.text, part)) << "\"" << part << "\" in:\n" << r.text;
}

TEST(HtmlPageTest, WordPressNonProfitPost) {
  const Release r = Page("wordpress-nonprofit.html");
  EXPECT_EQ(r.title, "Immigrant Families Rally for a Fair State Budget");  // og:title without the site
  EXPECT_EQ(r.published, "2026-02-10");  // <time class="entry-date published">, not the "updated" one
  EXPECT_EQ(r.organization, "Riverside Immigrant Justice Alliance");
  EXPECT_EQ(r.url, "https://rija.example.org/2026/02/10/immigrant-families-rally/");
  EXPECT_EQ(r.id, "rija-example-org-2026-02-10-immigrant-families-rally");
  EXPECT_EQ(r.language, "en");
  EXPECT_EQ(r.source, kDir + "wordpress-nonprofit.html");
  // The text starts at the dateline; entities and &nbsp; decoded; list items
  // on their own lines; <br> a line break.
  EXPECT_EQ(r.text.rfind("ALBANY, N.Y. \xE2\x80\x94 Hundreds of immigrant families", 0), 0u) << r.text;
  EXPECT_TRUE(Has(r.text, "\xE2\x80\x9COur families cannot wait another year,\xE2\x80\x9D said Rosa Alvarez"));
  EXPECT_TRUE(Has(r.text, "$45 million"));
  EXPECT_TRUE(Has(r.text, "The coalition\xE2\x80\x99s demands include:\n\n"
                          "Full funding for the Access to Representation program\n"
                          "Expanded language access at state agencies"))
      << r.text;
  EXPECT_TRUE(Has(r.text, "The rally was the third this year.\nMore actions are planned for March."));
  ExpectAbsent(r, {"Share this", "Twitter", "Related", "Last year's rally", "Posted in", "Tagged", "Leave a Reply",
                   "Recent Posts", "Newsletter", "Donate Today", "Skip to content", "cookies", "All rights reserved",
                   "gaTracking", "wpemoji", "Posted on", "Communications Team", "Post navigation"});
  EXPECT_FALSE(Has(r.text, "\n\n\n"));
  EXPECT_FALSE(Has(r.text, "  "));
}

TEST(HtmlPageTest, DrupalCityHallPressRelease) {
  const Release r = Page("drupal-city-hall.html");
  EXPECT_EQ(r.title, "Mayor Launches Tenant Legal Aid Fund");  // the article's h1, not the site-name h1
  EXPECT_EQ(r.published, "2026-01-22");                        // dcterms.date
  EXPECT_EQ(r.organization, "City of Fairhaven");              // <title> suffix
  EXPECT_EQ(r.url, "https://www.fairhaven.example.gov/news/mayor-launches-tenant-legal-aid-fund");
  EXPECT_EQ(r.id, "fairhaven-example-gov-news-mayor-launches-tenant-legal-aid-fund");
  EXPECT_EQ(r.text,
            "FAIRHAVEN, CA \xE2\x80\x93 Mayor Linda Okafor today launched the Tenant Legal Aid Fund, a $2.5 "
            "million program that will give every tenant facing eviction in Fairhaven access to a lawyer.\n\n"
            "\"No family in Fairhaven should lose its home because it could not afford a lawyer,\" said Mayor "
            "Okafor.\n\n"
            "How to apply\n\n"
            "Tenants can call 311 or visit City Hall, 100 Main Street, Monday through Friday.");
}

TEST(HtmlPageTest, AttorneyGeneralStaticPageWithVisibleDateOnly) {
  const Release r = Page("ag-static-release.htm");
  EXPECT_EQ(r.title, "Attorney General Sues Contractor Over Wage Theft");
  EXPECT_EQ(r.published, "2026-03-03");  // "FOR IMMEDIATE RELEASE: March 3, 2026"
  EXPECT_EQ(r.organization, "Office of the Attorney General");
  EXPECT_EQ(r.url, "");
  EXPECT_EQ(r.language, "");
  // No canonical URL: the archive scheme on the file name.
  EXPECT_EQ(r.id.rfind("ag-static-release-0001-", 0), 0u) << r.id;
  EXPECT_EQ(r.id.size(), std::string("ag-static-release-0001-").size() + 8);
  // Windows-1252 bytes and &#151; become UTF-8 punctuation.
  EXPECT_EQ(r.text.rfind("SPRINGFIELD \xE2\x80\x94 Attorney General Dana Whitfield today filed a lawsuit", 0), 0u)
      << r.text;
  EXPECT_TRUE(Has(r.text, "\xE2\x80\x9C" "Every worker in this state has the right to be paid"));
  EXPECT_TRUE(Has(r.text, "(555) 555-0199 \xE2\x80\x93 interpreters are available."));
  ExpectAbsent(r, {"FOR IMMEDIATE RELEASE", "Contact: Press Office", "Home", "File a Complaint", "-30-", "Copyright",
                   "Privacy Policy", "MM_swapImage"});
}

TEST(HtmlPageTest, JsonLdNewsArticle) {
  const Release r = Page("senate-jsonld.html");
  EXPECT_EQ(r.title, "Senator Ruiz Introduces the Safe Courthouse Act");
  EXPECT_EQ(r.published, "2026-02-27");                         // JSON-LD datePublished (with trailing commas)
  EXPECT_EQ(r.organization, "Office of State Senator Ana Ruiz");  // JSON-LD publisher, not the <title> suffix
  // Tracking parameters are not part of the id.
  EXPECT_EQ(r.id.rfind("ruiz-senate-example-gov-newsroom-press-releases-senator-ruiz-", 0), 0u) << r.id;
  EXPECT_LE(r.id.size(), 80u);
  EXPECT_EQ(r.id, internal::HtmlIdFromUrl("https://ruiz.senate.example.gov/newsroom/press-releases/"
                                          "senator-ruiz-introduces-the-safe-courthouse-act"));
  EXPECT_EQ(r.text.rfind("WASHINGTON \xE2\x80\x94 State Senator Ana Ruiz today introduced", 0), 0u) << r.text;
  EXPECT_TRUE(Has(r.text, "without fear,\xE2\x80\x9D said Senator Ruiz."));
  // The related-story teaser is an <article> too, and longer than nothing:
  // the one outside "related" wins.
  ExpectAbsent(r, {"Legal Clinics", "More News", "Post on X", "Email this page", "official website", "Room 401",
                   "February 27, 2026"});
}

TEST(HtmlPageTest, SpanishCityPage) {
  const Release r = Page("ciudad-comunicado.html");
  EXPECT_EQ(r.language, "es");
  EXPECT_EQ(r.title, "Alcald\xC3\xAD" "a ampl\xC3\xAD" "a servicios legales para inmigrantes");
  EXPECT_EQ(r.published, "2026-02-10");  // "10/02/2026" on a Spanish page is day first
  EXPECT_EQ(r.organization, "Ciudad de Fairhaven");
  EXPECT_EQ(r.text.rfind("FAIRHAVEN, CA \xE2\x80\x93 La alcaldesa Linda Okafor anunci\xC3\xB3 hoy", 0), 0u) << r.text;
  EXPECT_TRUE(Has(r.text, "a partir del 2 de marzo de 2026."));
  ExpectAbsent(r, {"English", "Inicio", "Residentes", "Compartir", "Derechos reservados", "inyectado", "Publicado"});
}

TEST(HtmlPageTest, TimeDatetimeInTheArticle) {
  const Release r = Page("assembly-time.html");
  // Not the event in the sidebar (April 1), not "updated" (January 20), not
  // the hearing in the body (February 3).
  EXPECT_EQ(r.published, "2026-01-15");
  EXPECT_EQ(r.title, "Lee Bill to Protect Student Privacy Passes Assembly");
  EXPECT_EQ(r.organization, "Assemblymember Jordan Lee, District 48");
  EXPECT_EQ(r.url, "https://a48.assembly.example.gov/press/2026-01-15-student-privacy");  // og:url
  EXPECT_EQ(r.text,
            "SACRAMENTO \xE2\x80\x94 The Assembly today passed AB 1234 by Assemblymember Jordan Lee, which bars "
            "schools from sharing student records with immigration authorities without a court order.\n\n"
            "The measure now goes to the Senate. A hearing is scheduled for February 3.");
}

TEST(HtmlPageTest, BrokenMarkup) {
  const Release r = Page("broken-markup.html");
  // The unclosed <h1> swallows the article; the <title> gives the title.
  EXPECT_EQ(r.title, "Coalition Condemns Raids at Farmworker Housing");
  EXPECT_EQ(r.organization, "Valley Farmworker Coalition");
  EXPECT_EQ(r.published, "2026-03-09");  // <meta name="date" content="March 9, 2026">
  EXPECT_EQ(r.text.rfind("SALINAS, Calif. \xE2\x80\x94 The Valley Farmworker Coalition on Monday condemned", 0), 0u)
      << r.text;
  EXPECT_TRUE(Has(r.text, "saying at least 40 people were detained before dawn."));
  EXPECT_TRUE(Has(r.text, "\"These are families who feed this country,\" said coalition director Miguel Sandoval."));
  EXPECT_TRUE(Has(r.text, "The coalition will hold a vigil Thursday at 6 p.m. at Closter Park."));
  ExpectAbsent(r, {"Tracking pixel", "document.write", "color: red", "Home", "Privacy", "\xC2\xA9"});
}

TEST(HtmlPageTest, FolderFindsEveryPage) {
  Result r = Read({kDir});
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.problems.empty()) << r.problems.front().ToString();
  std::size_t pages = 0;
  for (const auto& e : fs::directory_iterator(kDir)) {
    const std::string ext = e.path().extension().string();
    pages += ext == ".html" || ext == ".htm";
  }
  EXPECT_GE(pages, 7u);
  ASSERT_EQ(r.releases.size(), pages);
  std::set<std::string> ids;
  for (const Release& rel : r.releases) {
    EXPECT_FALSE(rel.title.empty()) << rel.source;
    EXPECT_EQ(rel.published.size(), 10u) << rel.source;
    EXPECT_FALSE(rel.organization.empty()) << rel.source;
    EXPECT_GT(rel.text.size(), 100u) << rel.source;
    ids.insert(rel.id);
  }
  EXPECT_EQ(ids.size(), pages);
  // Stable: reading again gives the same ids in the same order.
  Result again = Read({kDir});
  ASSERT_EQ(again.releases.size(), r.releases.size());
  for (std::size_t i = 0; i < r.releases.size(); ++i) EXPECT_EQ(again.releases[i].id, r.releases[i].id);
}

TEST(HtmlPageTest, MixedFolderReadsHtmlBesideOtherFormats) {
  const fs::path root = fs::path(::testing::TempDir()) / ("amicus_html_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  fs::copy_file(kDir + "assembly-time.html", root / "b-page.html");
  std::ofstream(root / "a.jsonl") << R"({"id": "j1", "meta": {"title": "T"}, "text": "x"})" << "\n";
  // Sniffed: no extension, starts with markup.
  std::ofstream(root / "c-saved-page") << "\n<!DOCTYPE html><html><head><title>Sniffed Page | Some Org</title>"
                                          "</head><body><main><p>Body text of a page saved without an extension."
                                          "</p></main></body></html>";
  Result r = Read({root.string()});
  EXPECT_TRUE(r.problems.empty()) << r.problems.front().ToString();
  ASSERT_EQ(r.releases.size(), 3u);
  EXPECT_EQ(r.releases[0].id, "j1");
  EXPECT_EQ(r.releases[1].title, "Lee Bill to Protect Student Privacy Passes Assembly");
  EXPECT_EQ(r.releases[2].title, "Sniffed Page");
  EXPECT_EQ(r.releases[2].organization, "Some Org");
  EXPECT_EQ(r.releases[2].text, "Body text of a page saved without an extension.");
  EXPECT_EQ(r.releases[2].id.rfind("c-saved-page-0001-", 0), 0u);

  // --input-format html forces the reader on any name.
  std::ofstream(root / "d.txt") << "<p>Forced through the HTML reader.</p>";
  IngestOptions options;
  options.format = InputFormat::kHtml;
  Result forced = Read({(root / "d.txt").string()}, options);
  ASSERT_EQ(forced.releases.size(), 1u);
  EXPECT_EQ(forced.releases[0].text, "Forced through the HTML reader.");
  fs::remove_all(root);
}

TEST(HtmlPageTest, DefaultPublishedWhenThePageHasNoDate) {
  IngestOptions options;
  options.default_published = "2026-05-01";
  Result r = ReadString("<html><body><article><h1>No Date Here</h1><p>Some text about the city budget.</p>"
                        "</article></body></html>",
                        "<stdin>", options);
  ASSERT_EQ(r.releases.size(), 1u);
  EXPECT_EQ(r.releases[0].published, "2026-05-01");
  EXPECT_EQ(r.releases[0].title, "No Date Here");
  EXPECT_EQ(r.releases[0].text, "Some text about the city budget.");
  EXPECT_EQ(r.releases[0].id.rfind("stdin-0001-", 0), 0u);
  // Without a default, the date stays unknown.
  Result none = ReadString("<article><p>Text.</p></article>");
  ASSERT_EQ(none.releases.size(), 1u);
  EXPECT_EQ(none.releases[0].published, "");
}

TEST(HtmlPageTest, YoastJsonLdGraphWithReferences) {
  // WordPress + Yoast: one @graph, the publisher given by reference.
  Result r = ReadString(R"(<html lang="es"><head><title>x</title>
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[
 {"@type":"Article","@id":"https://org.example/p/#article","headline":"Titular del comunicado",
  "datePublished":"2026-03-05T08:00:00+00:00","author":{"name":"Equipo","@id":"https://org.example/#/person/1"},
  "publisher":{"@id":"https://org.example/#organization"},"inLanguage":"es"},
 {"@type":"WebSite","@id":"https://org.example/#website","name":"Sitio Web"},
 {"@type":"Organization","@id":"https://org.example/#organization","name":"Red de Apoyo Comunitario"}]}</script>
</head><body><div class="entry-content"><p>Texto del comunicado.</p></div></body></html>)");
  ASSERT_EQ(r.releases.size(), 1u);
  EXPECT_EQ(r.releases[0].title, "Titular del comunicado");
  EXPECT_EQ(r.releases[0].published, "2026-03-05");
  EXPECT_EQ(r.releases[0].organization, "Red de Apoyo Comunitario");
  EXPECT_EQ(r.releases[0].language, "es");
  EXPECT_EQ(r.releases[0].text, "Texto del comunicado.");
}

TEST(HtmlPageTest, ProblemsSayWhatToDo) {
  Result empty = ReadString("  \n ", "empty.html");
  EXPECT_TRUE(empty.releases.empty());
  ASSERT_EQ(empty.problems.size(), 1u);
  EXPECT_EQ(empty.problems[0].file, "empty.html");
  EXPECT_TRUE(Has(empty.problems[0].message, "empty page")) << empty.problems[0].message;

  // A page whose article is loaded by JavaScript: only chrome is left.
  Result js = ReadString("<html><head><title>News | City</title></head><body><nav><a href='/'>Home</a></nav>"
                         "<div id='app'></div><script>render()</script><footer>Footer</footer></body></html>",
                         "app.html");
  EXPECT_TRUE(js.releases.empty());
  ASSERT_EQ(js.problems.size(), 1u);
  EXPECT_TRUE(Has(js.problems[0].message, "no article text found")) << js.problems[0].message;
  EXPECT_TRUE(Has(js.problems[0].message, "JavaScript"));
  EXPECT_EQ(js.problems[0].ToString().rfind("app.html: ", 0), 0u);

  // An endless page: the reader stops at the cap instead of reading on.
  struct Endless : std::streambuf {
    char buf[4096];
    int_type underflow() override {
      std::fill(buf, buf + sizeof buf, 'x');
      setg(buf, buf, buf + sizeof buf);
      return 'x';
    }
  } endless;
  std::istream endless_in(&endless);
  Result big;
  big.status = ReadHtml(
      endless_in, "huge.html", {}, [&](Release&& rel) { big.releases.push_back(std::move(rel)); return true; },
      [&](const IngestProblem& p) { big.problems.push_back(p); });
  EXPECT_TRUE(big.releases.empty());
  ASSERT_EQ(big.problems.size(), 1u);
  EXPECT_TRUE(Has(big.problems[0].message, "larger than 50 MB"));

  IngestOptions strict;
  strict.strict = true;
  Result s = ReadString("", "empty.html", strict);
  EXPECT_FALSE(s.status.ok());
  EXPECT_TRUE(Has(s.status.message(), "empty.html: empty page")) << s.status.ToString();
}

TEST(HtmlPageTest, SinkCanStop) {
  int n = 0;
  Status s = ReadReleases({kDir}, {}, [&](Release&&) { return ++n < 2; }, nullptr);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(n, 2);
}

TEST(HtmlHelpersTest, FindDateInText) {
  using internal::FindDateInText;
  EXPECT_EQ(FindDateInText("FOR IMMEDIATE RELEASE: March 3, 2026", false), "2026-03-03");
  EXPECT_EQ(FindDateInText("Posted on Feb. 10, 2026 by admin", false), "2026-02-10");
  EXPECT_EQ(FindDateInText("Tuesday, March 3rd, 2026", false), "2026-03-03");
  EXPECT_EQ(FindDateInText("(3 March 2026)", false), "2026-03-03");
  EXPECT_EQ(FindDateInText("martes, 10 de febrero de 2026", true), "2026-02-10");
  EXPECT_EQ(FindDateInText("Updated 2026-02-10T09:00:00-05:00", false), "2026-02-10");
  EXPECT_EQ(FindDateInText("Date: 10/02/2026", false), "2026-10-02");  // US: month first
  EXPECT_EQ(FindDateInText("Fecha: 10/02/2026", true), "2026-02-10");
  EXPECT_EQ(FindDateInText("25/12/2026", false), "2026-12-25");  // 25 cannot be a month
  EXPECT_EQ(FindDateInText("February 30, 2026", false), "");
  EXPECT_EQ(FindDateInText("Call 555-0100 or visit us", false), "");
  EXPECT_EQ(FindDateInText("in May we march", false), "");
}

TEST(HtmlHelpersTest, IdFromUrl) {
  using internal::HtmlIdFromUrl;
  EXPECT_EQ(HtmlIdFromUrl("https://www.ag.ny.gov/press-release/2026/x?id=4#top"),
            "ag-ny-gov-press-release-2026-x-id-4");
  EXPECT_EQ(HtmlIdFromUrl("http://example.org/news/a/"), HtmlIdFromUrl("https://www.example.org/news/a"));
  EXPECT_EQ(HtmlIdFromUrl("https://example.org/n?utm_source=x&id=7&fbclid=abc"), "example-org-n-id-7");
  const std::string a = HtmlIdFromUrl("https://example.org/" + std::string(100, 'a') + "/one");
  const std::string b = HtmlIdFromUrl("https://example.org/" + std::string(100, 'a') + "/two");
  EXPECT_LE(a.size(), 80u);
  EXPECT_NE(a, b);
  EXPECT_EQ(HtmlIdFromUrl(""), "");
}

TEST(HtmlHelpersTest, SplitTitleAndSite) {
  std::string title, site;
  internal::SplitTitleAndSite("Mayor Signs Bill | Press Releases | City of X", "", &title, &site);
  EXPECT_EQ(title, "Mayor Signs Bill");
  EXPECT_EQ(site, "City of X");
  internal::SplitTitleAndSite("Mayor Signs Bill \xE2\x80\x93 Org Name", "", &title, &site);
  EXPECT_EQ(title, "Mayor Signs Bill");
  EXPECT_EQ(site, "Org Name");
  internal::SplitTitleAndSite("City of X: Mayor Signs Bill", "City of X", &title, &site);
  EXPECT_EQ(title, "Mayor Signs Bill");
  internal::SplitTitleAndSite("Mayor Signs Bill", "", &title, &site);
  EXPECT_EQ(title, "Mayor Signs Bill");
  EXPECT_EQ(site, "");
}

// IngestOptions::canonical_publisher: the page's own publisher name and its
// URL go to the caller's resolver; an empty answer keeps the page's name.
TEST(HtmlPageTest, CanonicalPublisherHook) {
  IngestOptions options;
  std::string seen_name, seen_url;
  options.canonical_publisher = [&](std::string_view name, std::string_view url) {
    seen_name = std::string(name);
    seen_url = std::string(url);
    return name == "Office of State Senator Ana Ruiz" ? std::string("Canonical Office") : std::string();
  };
  std::vector<Release> got;
  Status s = ReadReleases({kDir + "senate-jsonld.html", kDir + "wordpress-nonprofit.html"}, options,
                          [&](Release&& r) {
                            got.push_back(std::move(r));
                            return true;
                          },
                          [](const IngestProblem& p) { ADD_FAILURE() << p.ToString(); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].organization, "Canonical Office");
  EXPECT_EQ(got[1].organization, "Riverside Immigrant Justice Alliance");  // the resolver did not know it
  EXPECT_EQ(seen_name, "Riverside Immigrant Justice Alliance");
  EXPECT_EQ(seen_url, "https://rija.example.org/2026/02/10/immigrant-families-rally/");
}

}  // namespace
}  // namespace amicus
