// ingest/html_reader.cc — HTML press pages: one release per page.
//
// Release fields, each from the first source that has it:
//   title        og:title, twitter:title, JSON-LD headline, the article's
//                <h1>, else <title> without the site name (" | City of X").
//                A site-name prefix/suffix equal to the organization is cut.
//   published    <time datetime> inside the article (not one marked
//                "updated"/"modified"); meta article:published_time,
//                itemprop=datePublished, JSON-LD datePublished; meta date,
//                DC.date, dcterms.*; a visible date near the top of the
//                article ("FOR IMMEDIATE RELEASE: March 3, 2026", a date
//                line, a dateline "ALBANY (March 3, 2026) —"); any other
//                <time datetime> outside chrome; else
//                IngestOptions::default_published.
//   organization og:site_name, JSON-LD publisher, JSON-LD author when it is
//                an organization, JSON-LD Organization/WebSite name, meta
//                publisher / application-name, else the <title> suffix.
//   url          <link rel=canonical>, else og:url (a site's home page is
//                not taken: CMSs misconfigured that way would give every
//                page the same id).
//   id           HtmlIdFromUrl(url); without a url, the archive scheme with
//                position 1: "<file stem>-0001-<hash of title>".
//   language     <html lang>, meta content-language, og:locale, JSON-LD
//                inLanguage: the primary subtag when it is "en" or "es".
//   text         the main article's paragraphs (see ChooseContainer): the
//                most specific body container found ([itemprop=articleBody],
//                .entry-content, .field--name-body, ...), else <article>,
//                else <main>, else #content, else <body>; chrome left out
//                (html_text.h). Leading paragraphs repeating the title or
//                holding extras ("FOR IMMEDIATE RELEASE", a date line, "Media
//                contact") are dropped, as the archive reader does; in the
//                coarse containers (main, #content, body) paragraphs that are
//                mostly links (menus) are dropped too.
//
// Encoding: UTF-8; a page that is not valid UTF-8 is read as Windows-1252
// (what ISO-8859-1 pages really are) unless it declares UTF-8, in which case
// bad bytes become U+FFFD.
#include "ingest/html_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <gumbo.h>
#include <nlohmann/json.hpp>

#include "ingest/html_text.h"
#include "ingest/ingest_internal.h"

namespace amicus {
namespace internal {
namespace {

using nlohmann::json;

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

// Whether `hay`, lower-cased, contains `lower` (given in lower case).
bool ContainsLowerCase(std::string_view hay, std::string_view lower) {
  return ToLower(hay).find(lower) != std::string::npos;
}

// For comparing a paragraph with the title: lower-case letters and digits
// only.
std::string Comparable(std::string_view s) {
  std::string out;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += LowerAscii(c);
    }
  }
  return out;
}

std::size_t WordCount(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = IsSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// ------------------------------------------------------------------ encoding

std::string DeclaredCharset(std::string_view html) {
  const std::string head = ToLower(html.substr(0, 4096));
  const std::size_t at = head.find("charset");
  if (at == std::string::npos) return "";
  std::size_t i = at + 7;
  while (i < head.size() && (IsSpace(head[i]) || head[i] == '=' || head[i] == '"' || head[i] == '\'')) ++i;
  std::size_t j = i;
  while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_')) {
    ++j;
  }
  return head.substr(i, j - i);
}

void AppendUtf8(std::uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string Windows1252ToUtf8(std::string_view s) {
  // 0x80-0x9F; 0 marks the five unassigned bytes (they become U+FFFD).
  static const std::uint16_t k80[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else if (c < 0xA0) {
      AppendUtf8(k80[c - 0x80] != 0 ? k80[c - 0x80] : 0xFFFD, &out);
    } else {
      AppendUtf8(c, &out);
    }
  }
  return out;
}

std::string ToUtf8(std::string_view html) {
  if (html.compare(0, 3, "\xEF\xBB\xBF") == 0) html.remove_prefix(3);
  if (FindInvalidUtf8(html) == std::string_view::npos) return std::string(html);
  const std::string charset = DeclaredCharset(html);
  if (charset == "utf-8" || charset == "utf8") return RepairUtf8(html);
  return Windows1252ToUtf8(html);
}

// ------------------------------------------------------------------ dates

// "YYYY-MM-DD" when `v` starts with a machine-readable date ("2026-02-10",
// "2026-02-10T09:00:00-05:00", "2026/02/10") naming a real day, else "".
std::string IsoDatePrefix(std::string_view v) {
  if (v.size() >= 10 && IsDigit(v[0]) && IsDigit(v[1]) && IsDigit(v[2]) && IsDigit(v[3]) &&
      (v[4] == '-' || v[4] == '/') && v[7] == v[4] && (v.size() == 10 || !IsDigit(v[10]))) {
    std::string iso(v.substr(0, 10));
    iso[4] = iso[7] = '-';
    if (IsValidIsoDate(iso, nullptr)) return iso;
  }
  return "";
}

// "YYYY-MM-DD" from a machine-readable date or a written one.
std::string NormalizeDate(std::string_view v, bool day_first) {
  v = Trim(v);
  std::string iso = IsoDatePrefix(v);
  return iso.empty() ? FindDateInText(v, day_first) : iso;
}

std::string_view StripEdgePunct(std::string_view t) {
  while (!t.empty() && (t.front() == '(' || t.front() == '[' || t.front() == '"' || t.front() == '\'')) {
    t.remove_prefix(1);
  }
  while (!t.empty() && (t.back() == ',' || t.back() == '.' || t.back() == ';' || t.back() == ':' ||
                        t.back() == ')' || t.back() == ']' || t.back() == '"' || t.back() == '\'')) {
    t.remove_suffix(1);
  }
  return t;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "2/10/2026", "02.10.2026", "2-10-2026". Dotted dates are day first
// wherever they are written (the U.S. writes slashes).
std::string NumericDate(std::string_view t, bool day_first) {
  std::string_view parts[3];
  int n = 0;
  std::size_t i = 0;
  char sep = 0;
  while (n < 3) {
    std::size_t j = i;
    while (j < t.size() && IsDigit(t[j])) ++j;
    parts[n++] = t.substr(i, j - i);
    if (j >= t.size()) break;
    if (sep == 0 && (t[j] == '/' || t[j] == '.' || t[j] == '-')) sep = t[j];
    if (t[j] != sep || n == 3) return "";
    i = j + 1;
  }
  if (n != 3 || parts[0].empty() || parts[0].size() > 2 || parts[1].empty() || parts[1].size() > 2 ||
      parts[2].size() != 4 || !AllDigits(parts[2])) {
    return "";
  }
  int a = ToInt(parts[0]), b = ToInt(parts[1]);
  int month = a, day = b;
  if (sep == '.') day_first = true;
  if (a > 12 || (day_first && b <= 12)) std::swap(month, day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ToInt(parts[2]), month, day);
  return IsValidIsoDate(buf, nullptr) ? std::string(buf) : std::string();
}

// ------------------------------------------------------------------ JSON-LD

// JSON as CMSs emit it into <script type="application/ld+json">: wrapped in
// comments or CDATA, with raw newlines inside strings and trailing commas.
// Returns text that strict JSON parsers accept in those cases.
std::string CleanJsonLd(std::string_view s) {
  s = Trim(s);
  auto strip = [&s](std::string_view pre, std::string_view post) {
    if (s.substr(0, pre.size()) == pre) s.remove_prefix(pre.size());
    s = Trim(s);
    if (s.size() >= post.size() && s.substr(s.size() - post.size()) == post) s.remove_suffix(post.size());
    s = Trim(s);
  };
  strip("<!--", "-->");
  strip("//<![CDATA[", "//]]>");
  strip("<![CDATA[", "]]>");
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\' && i + 1 < s.size()) {
        out += c;
        out += s[++i];
        continue;
      }
      if (c == '"') in_string = false;
      out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == ',') {
      std::size_t j = i + 1;
      while (j < s.size() && IsSpace(s[j])) ++j;
      if (j < s.size() && (s[j] == '}' || s[j] == ']')) continue;  // trailing comma
    }
    out += c;
  }
  if (!out.empty() && out.back() == ';') out.pop_back();
  return out;
}

struct JsonLdInfo {
  std::string headline;
  std::string published;
  std::string publisher;
  std::string author_org;
  std::string organization;  // an Organization node's name
  std::string website;       // a WebSite node's name
  std::string language;
};

std::vector<std::string> TypesOf(const json& node) {
  std::vector<std::string> out;
  const auto it = node.find("@type");
  if (it == node.end()) return out;
  if (it->is_string()) {
    out.push_back(it->get<std::string>());
  } else if (it->is_array()) {
    for (const json& t : *it) {
      if (t.is_string()) out.push_back(t.get<std::string>());
    }
  }
  return out;
}

bool HasType(const json& node, bool (*pred)(const std::string&)) {
  for (const std::string& t : TypesOf(node)) {
    if (pred(t)) return true;
  }
  return false;
}

bool IsArticleType(const std::string& t) {
  static const char* const kTypes[] = {"NewsArticle", "Article",   "BlogPosting", "PressRelease", "Report",
                                       "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                                       "GovernmentArticle",    "SocialMediaPosting",  "Blog"};
  for (const char* k : kTypes) {
    if (t == k) return true;
  }
  return false;
}

bool IsPageType(const std::string& t) { return t == "WebPage" || t == "ItemPage" || t == "AboutPage"; }

bool IsOrganizationType(const std::string& t) {
  return (t.size() >= 12 && t.compare(t.size() - 12, 12, "Organization") == 0) || t == "NGO" ||
         t == "GovernmentOffice" || t == "Corporation" || t == "LegislativeBuilding" || t == "CityHall";
}

std::string StringOf(const json& v) {
  if (v.is_string()) return CollapseHtmlWhitespace(v.get<std::string>());
  if (v.is_array() && !v.empty()) return StringOf(v.front());
  if (v.is_object()) {
    const auto it = v.find("@value");
    if (it != v.end()) return StringOf(*it);
  }
  return "";
}

std::string Field(const json& node, const char* key) {
  const auto it = node.find(key);
  return it == node.end() ? std::string() : StringOf(*it);
}

class JsonLdGraph {
 public:
  void Add(const json& doc) { Flatten(doc, 0); }

  JsonLdInfo Info() const {
    JsonLdInfo info;
    const json* article = nullptr;
    for (const json* n : nodes_) {
      if (HasType(*n, IsArticleType)) {
        article = n;
        break;
      }
    }
    if (article == nullptr) {
      for (const json* n : nodes_) {
        if (HasType(*n, IsPageType)) {
          article = n;
          break;
        }
      }
    }
    if (article != nullptr) {
      info.headline = Field(*article, "headline");
      if (info.headline.empty() && HasType(*article, IsArticleType)) info.headline = Field(*article, "name");
      info.published = Field(*article, "datePublished");
      if (info.published.empty()) info.published = Field(*article, "dateCreated");
      info.language = Field(*article, "inLanguage");
      const auto pub = article->find("publisher");
      if (pub != article->end()) info.publisher = NameOf(*pub, false);
      const auto author = article->find("author");
      if (author != article->end()) info.author_org = NameOf(*author, true);
    }
    for (const json* n : nodes_) {
      if (info.organization.empty() && HasType(*n, IsOrganizationType)) info.organization = Field(*n, "name");
      if (info.website.empty() && HasType(*n, [](const std::string& t) { return t == "WebSite"; })) {
        info.website = Field(*n, "name");
        if (info.language.empty()) info.language = Field(*n, "inLanguage");
      }
    }
    return info;
  }

 private:
  void Flatten(const json& j, int depth) {
    if (depth > 8) return;
    if (j.is_array()) {
      for (const json& e : j) Flatten(e, depth + 1);
      return;
    }
    if (!j.is_object()) return;
    nodes_.push_back(&j);
    const auto id = j.find("@id");
    if (id != j.end() && id->is_string()) by_id_.emplace(id->get<std::string>(), &j);
    const auto graph = j.find("@graph");
    if (graph != j.end()) Flatten(*graph, depth + 1);
  }

  // The name of a publisher/author value: a string, an object with a name,
  // or a reference {"@id": ...} to a node of the graph. With
  // `organizations_only`, people are skipped.
  std::string NameOf(const json& v, bool organizations_only) const {
    if (v.is_string()) return organizations_only ? std::string() : CollapseHtmlWhitespace(v.get<std::string>());
    if (v.is_array()) {
      for (const json& e : v) {
        std::string name = NameOf(e, organizations_only);
        if (!name.empty()) return name;
      }
      return "";
    }
    if (!v.is_object()) return "";
    const json* node = &v;
    const auto id = v.find("@id");
    if (v.find("name") == v.end() && id != v.end() && id->is_string()) {
      const auto it = by_id_.find(id->get<std::string>());
      if (it == by_id_.end()) return "";
      node = it->second;
    }
    if (organizations_only && !HasType(*node, IsOrganizationType)) return "";
    return Field(*node, "name");
  }

  std::vector<const json*> nodes_;
  std::unordered_map<std::string, const json*> by_id_;
};

// ------------------------------------------------------------------ page

struct Candidate {
  const GumboNode* node = nullptr;
  bool in_chrome = false;  // inside an element whose class/id looks like chrome
};

constexpr int kRanks = 5;

// How specific a container of the article's text `n` is: 0 (the body field
// itself) .. 4 (<body>), or -1 when it is not one.
int ContainerRank(const GumboNode* n) {
  const GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_BODY) return 4;
  if (ContainsLowerCase(HtmlAttr(n, "itemprop"), "articlebody")) return 0;
  const std::string cls = ToLower(HtmlAttr(n, "class"));
  auto has_class = [&cls](std::string_view token) {
    std::size_t pos = 0;
    while ((pos = cls.find(token, pos)) != std::string::npos) {
      const std::size_t end = pos + token.size();
      if ((pos == 0 || IsSpace(cls[pos - 1])) && (end == cls.size() || IsSpace(cls[end]))) return true;
      pos = end;
    }
    return false;
  };
  static const char* const kBodyClasses[] = {
      "entry-content", "post-content",  "post-body",          "article-body",    "article-content",
      "article__body", "article__content", "story-body",      "field--name-body", "field-name-body",
      "news-body",     "release-body",  "press-release-body", "td-post-content", "blog-post-content"};
  for (const char* c : kBodyClasses) {
    if (has_class(c)) return 0;
  }
  if (tag == GUMBO_TAG_ARTICLE || has_class("node__content") || has_class("node-content") || has_class("hentry")) {
    return 1;
  }
  if (tag == GUMBO_TAG_MAIN || EqualsIgnoreCase(HtmlAttr(n, "role"), "main")) return 2;
  const std::string id = ToLower(HtmlAttr(n, "id"));
  static const char* const kContentIds[] = {"content", "main-content", "maincontent", "main", "primary",
                                            "content-main", "page-content", "pagecontent", "bodycontent"};
  for (const char* c : kContentIds) {
    if (id == c) return 3;
  }
  if (has_class("main-content") || has_class("page-content") || has_class("content-main")) return 3;
  return -1;
}

struct TimeElement {
  const GumboNode* node;
  std::string datetime;
};

struct PageScan {
  std::string_view source;  // the page's UTF-8 markup, for the footer's statements
  const GumboNode* html = nullptr;
  const GumboNode* body = nullptr;
  std::string title_tag;
  std::vector<std::pair<std::string, std::string>> metas;  // lower-cased key -> content
  std::string canonical;
  std::vector<std::string> json_ld;
  std::vector<const GumboNode*> h1s;
  std::vector<TimeElement> times;           // <time datetime> outside chrome
  std::vector<std::string> item_published;  // itemprop=datePublished on other elements
  std::vector<Candidate> candidates[kRanks];
};

bool IsHardChrome(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
      return true;
    default:
      break;
  }
  const std::string_view role = HtmlAttr(n, "role");
  return EqualsIgnoreCase(role, "navigation") || EqualsIgnoreCase(role, "complementary") ||
         EqualsIgnoreCase(role, "contentinfo") || EqualsIgnoreCase(role, "search") ||
         gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr ||
         EqualsIgnoreCase(HtmlAttr(n, "aria-hidden"), "true");
}

void Scan(const GumboNode* n, int depth, bool hard_chrome, bool class_chrome, PageScan* scan) {
  if (depth > kMaxHtmlDepth || (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)) return;
  const GumboTag tag = n->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_HTML: scan->html = n; break;
    case GUMBO_TAG_BODY: if (scan->body == nullptr) scan->body = n; break;
    case GUMBO_TAG_TITLE:
      if (scan->title_tag.empty() && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
        scan->title_tag = HtmlInlineText(n);
      }
      return;
    case GUMBO_TAG_META: {
      const std::string_view content = HtmlAttr(n, "content");
      for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
        const std::string_view k = HtmlAttr(n, key);
        if (!k.empty() && !content.empty()) scan->metas.emplace_back(ToLower(Trim(k)), std::string(Trim(content)));
      }
      return;
    }
    case GUMBO_TAG_LINK: {
      const std::string rel = ToLower(HtmlAttr(n, "rel"));
      if (scan->canonical.empty() && rel.find("canonical") != std::string::npos) {
        scan->canonical = std::string(Trim(HtmlAttr(n, "href")));
      }
      return;
    }
    case GUMBO_TAG_SCRIPT: {
      if (ContainsLowerCase(HtmlAttr(n, "type"), "ld+json")) {
        const GumboVector& children = n->v.element.children;
        std::string text;
        for (unsigned i = 0; i < children.length; ++i) {
          const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
          if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
            text += c->v.text.text;
          }
        }
        scan->json_ld.push_back(std::move(text));
      }
      return;
    }
    default: break;
  }
  hard_chrome = hard_chrome || IsHardChrome(n);
  if (!hard_chrome) {
    if (tag == GUMBO_TAG_H1) scan->h1s.push_back(n);
    if (tag == GUMBO_TAG_TIME) {
      const std::string_view dt = HtmlAttr(n, "datetime");
      if (!dt.empty()) scan->times.push_back({n, std::string(dt)});
    }
    if (ContainsLowerCase(HtmlAttr(n, "itemprop"), "datepublished")) {
      std::string_view v = HtmlAttr(n, "datetime");
      if (v.empty()) v = HtmlAttr(n, "content");
      scan->item_published.push_back(v.empty() ? HtmlInlineText(n) : std::string(v));
    }
    const int rank = ContainerRank(n);
    if (rank >= 0) scan->candidates[rank].push_back({n, class_chrome});
  }
  if (tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_MAIN && tag != GUMBO_TAG_ARTICLE &&
      (IsChromeClassOrId(HtmlAttr(n, "class"), false) || IsChromeClassOrId(HtmlAttr(n, "id"), false))) {
    class_chrome = true;
  }
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Scan(static_cast<const GumboNode*>(children.data[i]), depth + 1, hard_chrome, class_chrome, scan);
  }
}

std::string Meta(const PageScan& scan, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    for (const auto& kv : scan.metas) {
      if (kv.first == key) return CollapseHtmlWhitespace(kv.second);
    }
  }
  return "";
}

bool IsAncestorOrSelf(const GumboNode* ancestor, const GumboNode* n) {
  for (int i = 0; n != nullptr && i <= kMaxHtmlDepth + 2; n = n->parent, ++i) {
    if (n == ancestor) return true;
  }
  return false;
}

// Whether `n` sits in the site's header (a <header>/role=banner that is not
// part of an article or main).
bool InSiteHeader(const GumboNode* n) {
  bool in_header = false;
  for (const GumboNode* p = n->parent; p != nullptr && p->type == GUMBO_NODE_ELEMENT; p = p->parent) {
    const GumboTag tag = p->v.element.tag;
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) return false;
    if (tag == GUMBO_TAG_HEADER || EqualsIgnoreCase(HtmlAttr(p, "role"), "banner")) in_header = true;
  }
  return in_header;
}

std::size_t Letters(const std::vector<HtmlParagraph>& paragraphs) {
  std::size_t n = 0;
  for (const HtmlParagraph& p : paragraphs) n += p.letters;
  return n;
}

struct Container {
  const GumboNode* node = nullptr;
  int rank = kRanks;
  std::vector<HtmlParagraph> paragraphs;
};

// The most specific container that has text; among containers of the same
// kind, the one with the most text (pages list related articles too), and
// containers inside chrome-looking elements only when there is no other.
Container ChooseContainer(const PageScan& scan) {
  constexpr std::size_t kMaxPerRank = 32;
  for (int rank = 0; rank < kRanks; ++rank) {
    for (int pass = 0; pass < 2; ++pass) {
      Container best;
      std::size_t best_letters = 0;
      std::size_t tried = 0;
      for (const Candidate& c : scan.candidates[rank]) {
        if (pass == 0 && c.in_chrome) continue;
        if (++tried > kMaxPerRank) break;
        std::vector<HtmlParagraph> paragraphs = HtmlParagraphs(c.node, HtmlTextMode::kArticle);
        const std::size_t letters = Letters(paragraphs);
        if (letters > best_letters) {
          best_letters = letters;
          best.node = c.node;
          best.rank = rank;
          best.paragraphs = std::move(paragraphs);
        }
      }
      if (best.node != nullptr) return best;
    }
  }
  return Container();
}

// The article element around the chosen container, for the date and the
// <h1>: the nearest <article> (or <main>) ancestor, else the container.
const GumboNode* ScopeOf(const GumboNode* container) {
  const GumboNode* main = nullptr;
  for (const GumboNode* p = container; p != nullptr && p->type == GUMBO_NODE_ELEMENT; p = p->parent) {
    const GumboTag tag = p->v.element.tag;
    if (tag == GUMBO_TAG_BODY) break;
    if (tag == GUMBO_TAG_ARTICLE) return p;
    if (main == nullptr && (tag == GUMBO_TAG_MAIN || EqualsIgnoreCase(HtmlAttr(p, "role"), "main"))) main = p;
  }
  return main != nullptr ? main : container;
}

// The date that a line starts with ("February 11, 2019 (SAINT PAUL) —",
// "10.02.2026 – ..."), or "". Its first four words only: a date further on
// is what the sentence talks about.
std::string DateAtStart(std::string_view line, bool day_first) {
  std::size_t end = 0;
  for (int words = 0; words < 4 && end < line.size(); ++words) {
    while (end < line.size() && IsSpace(line[end])) ++end;
    while (end < line.size() && !IsSpace(line[end])) ++end;
  }
  const std::string_view head = line.substr(0, end);
  std::string date = FindDateInText(head, day_first);
  if (date.empty()) return "";
  // The date must begin with the line's first word: "On March 3, 2026, the
  // council voted" is about March 3.
  std::size_t second = 0;
  while (second < head.size() && !IsSpace(head[second])) ++second;
  return FindDateInText(head.substr(second), day_first) == date ? std::string() : date;
}

// "phila.gov", "www.bmas.de": a site's address, not its owner's name.
bool LooksLikeDomain(std::string_view s) {
  if (s.find(' ') != std::string_view::npos) return false;
  const std::size_t dot = s.rfind('.');
  return dot != std::string_view::npos && dot > 0 && s.size() - dot >= 3;
}

// "BFN", "ZDH", "BMFSFJ": letters, all capitals.
bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 10) return false;
  for (char c : s) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

// Text of many words in capitals only ("INTERNET ARCHIVE. ALL OTHER").
bool IsShouted(std::string_view s) {
  std::size_t upper = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper > 12;
}

// What a page's footer says its owner is: "The Official Website of X",
// "\u00a9 2021 X", "Copyright \u00a9 X 2021. All rights reserved." X runs to
// the end of its line or sentence; photo credits ("\u00a9 Name/Agency"),
// generic words ("Copyright Information", "All rights reserved") and text
// starting in lower case are no names. Returns "" when there is none.
std::string FooterOrganization(std::string_view html) {
  static const char* const kMarkers[] = {"official website of ", "official site of ", "\xC2\xA9", "&copy;",
                                         "copyright "};
  const std::string lower = ToLower(html);
  std::string acronym;  // "\u00a9 BMFSFJ": kept only if no spelled-out name follows
  for (const char* marker : kMarkers) {
    for (std::size_t at = lower.find(marker); at != std::string::npos; at = lower.find(marker, at + 1)) {
      std::size_t i = at + std::strlen(marker);
      std::size_t end = html.find('<', i);
      if (end == std::string_view::npos || end - i > 200) continue;
      std::string_view rest = Trim(html.substr(i, end - i));
      // Skip what comes before the name: "the", "\u00a9", years, "Copyright".
      while (true) {
        std::size_t sp = 0;
        while (sp < rest.size() && !IsSpace(rest[sp])) ++sp;
        const std::string word = ToLower(StripEdgePunct(rest.substr(0, sp)));
        const bool year = word.size() >= 4 && AllDigits(std::string_view(word).substr(0, 4));
        if (rest.empty() || !(word == "the" || word == "\xC2\xA9" || word == "&copy;" || word == "copyright" ||
                              year || word.empty())) {
          break;
        }
        rest = Trim(rest.substr(sp));
      }
      // The name ends at a sentence end, a separator or a year.
      std::size_t stop = rest.size();
      const std::string rest_lower = ToLower(rest);
      for (const char* sep : {". ", " | ", " - ", ", all rights", " all rights", " alle rechte", " todos los"}) {
        const std::size_t k = rest_lower.find(sep);
        if (k != std::string::npos && k < stop) stop = k;
      }
      std::string_view name = Trim(rest.substr(0, std::min(stop, rest.find('&'))));
      while (!name.empty() && (name.back() == '.' || IsDigit(name.back()) || name.back() == ' ' || name.back() == '-')) {
        name.remove_suffix(1);
      }
      if (name.size() < 3 || name.size() > 120 || !(name[0] >= 'A' && name[0] <= 'Z')) continue;
      // Photo credits, "Copyright Information", text inside an HTML comment,
      // a shouted legal notice: no names.
      if (name.find('/') != std::string_view::npos || name.find("--") != std::string_view::npos ||
          EqualsIgnoreCase(name, "Information") || ContainsLowerCase(name, "rights reserved") ||
          ContainsLowerCase(name, "derechos") || IsShouted(name)) {
        continue;
      }
      if (IsAcronym(name)) {
        if (acronym.empty()) acronym = std::string(name);
        continue;
      }
      return CollapseHtmlWhitespace(name);
    }
  }
  return acronym;
}

// "Bundesministerium f\u00fcr Bildung und Forschung - BMBF", "Office of X (OX)":
// a name followed by its own acronym loses the acronym.
std::string WithoutTrailingAcronym(const std::string& name) {
  for (const char* sep : {" - ", " \xE2\x80\x93 ", " | ", " ("}) {
    const std::size_t at = name.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    std::string tail = name.substr(at + std::strlen(sep));
    if (!tail.empty() && tail.back() == ')') tail.pop_back();
    if (IsAcronym(tail)) return name.substr(0, at);
  }
  return name;
}

// A visible publication date among `paragraphs[begin, end)`: a short line
// holding a date ("FOR IMMEDIATE RELEASE: March 3, 2026", "Posted on Feb.
// 10, 2026 by ...") or a dateline that carries one. Dates inside long body
// sentences are what the release talks about, not when it was published.
std::string VisibleDate(const std::vector<HtmlParagraph>& paragraphs, std::size_t begin, std::size_t end,
                        bool day_first) {
  constexpr std::size_t kShortLine = 160;
  end = std::min(end, paragraphs.size());
  for (std::size_t i = begin; i < end; ++i) {
    std::string_view text = paragraphs[i].text;
    while (!text.empty()) {  // each line of the paragraph
      const std::size_t nl = text.find('\n');
      const std::string_view line = Trim(text.substr(0, nl));
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      if (line.size() <= kShortLine) {
        std::string date = FindDateInText(line, day_first);
        if (!date.empty()) return date;
      } else if (std::string date = DateAtStart(line, day_first); !date.empty()) {
        // "February 11, 2019 (SAINT PAUL) \u2014 Minnesota Attorney General ...":
        // the release's first paragraph opens with its date.
        return date;
      }
      Dateline dl;
      if (MatchDateline(line, &dl) && !dl.published.empty()) return dl.published;
    }
  }
  return "";
}

std::string PrimaryLanguage(std::string_view tag) {
  tag = Trim(tag);
  std::size_t end = 0;
  while (end < tag.size() && tag[end] != '-' && tag[end] != '_') ++end;
  const std::string primary = ToLower(tag.substr(0, end));
  return primary == "en" || primary == "es" ? primary : std::string();
}

// A URL that names a site's home page rather than a page on it.
bool IsHomePage(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const std::size_t slash = url.find('/');
  if (slash == std::string_view::npos) return true;
  std::string_view path = url.substr(slash);
  const std::size_t hash = path.find('#');
  if (hash != std::string_view::npos) path = path.substr(0, hash);
  return path == "/" || path.empty() || path == "/index.html" || path == "/index.php";
}

std::string Clean(std::string_view s) { return CollapseHtmlWhitespace(s); }

}  // namespace

// ------------------------------------------------------------------ public

std::string FindDateInText(std::string_view text, bool day_first) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && !IsSpace(text[j])) ++j;
    if (j > i) tokens.push_back(text.substr(i, j - i));
    i = j;
  }
  auto join = [&tokens](std::size_t from, std::size_t n) {
    std::string s;
    for (std::size_t k = from; k < from + n; ++k) {
      std::string_view t = tokens[k];
      if (k == from) {
        while (!t.empty() && (t.front() == '(' || t.front() == '[')) t.remove_prefix(1);
      }
      if (k + 1 == from + n) t = StripEdgePunct(t);
      if (!s.empty()) s += ' ';
      s.append(t.data(), t.size());
    }
    return s;
  };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const std::string_view t = StripEdgePunct(tokens[k]);
    if (t.empty()) continue;
    if (IsDigit(t[0])) {
      std::string iso = IsoDatePrefix(t);
      if (!iso.empty()) return iso;
      std::string numeric = NumericDate(t, day_first);
      if (!numeric.empty()) return numeric;
      // "10 de febrero de 2026"
      if (k + 4 < tokens.size() && EqualsIgnoreCase(tokens[k + 1], "de")) {
        std::string d = ParseWrittenDate(join(k, 5));
        if (!d.empty()) return d;
      }
      // "3 March 2026" -> "March 3 2026"
      if (k + 2 < tokens.size() && t.size() <= 2 && AllDigits(t)) {
        std::string swapped(StripEdgePunct(tokens[k + 1]));
        swapped += ' ';
        swapped.append(t.data(), t.size());
        swapped += ' ';
        swapped += std::string(StripEdgePunct(tokens[k + 2]));
        std::string d = ParseWrittenDate(swapped);
        if (!d.empty()) return d;
      }
    } else if (k + 2 < tokens.size() && std::isalpha(static_cast<unsigned char>(t[0]))) {
      // "February 10, 2026", "Feb. 10, 2026", "March 3rd, 2026"
      std::string d = ParseWrittenDate(join(k, 3));
      if (!d.empty()) return d;
    }
  }
  return "";
}

std::string HtmlIdFromUrl(std::string_view url) {
  url = Trim(url);
  const std::size_t hash = url.find('#');
  if (hash != std::string_view::npos) url = url.substr(0, hash);
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos && scheme < 10) url.remove_prefix(scheme + 3);
  if (url.substr(0, 2) == "//") url.remove_prefix(2);
  if (url.size() >= 4 && EqualsIgnoreCase(url.substr(0, 4), "www.")) url.remove_prefix(4);
  // Tracking parameters change between shares of the same page.
  std::string normalized;
  const std::size_t q = url.find('?');
  normalized.assign(url.substr(0, q));
  if (q != std::string_view::npos) {
    std::string_view query = url.substr(q + 1);
    std::string kept;
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      const std::string_view param = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      const std::string lower = ToLower(param);
      if (param.empty() || lower.rfind("utm_", 0) == 0 || lower.rfind("fbclid", 0) == 0 ||
          lower.rfind("gclid", 0) == 0) {
        continue;
      }
      kept += kept.empty() ? "" : "&";
      kept.append(param.data(), param.size());
    }
    if (!kept.empty()) normalized += "?" + kept;
  }
  while (!normalized.empty() && normalized.back() == '/') normalized.pop_back();
  std::string id;
  for (char c : normalized) {
    c = LowerAscii(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  constexpr std::size_t kMaxId = 80;
  if (id.size() > kMaxId) {
    id.resize(kMaxId - 9);
    while (!id.empty() && id.back() == '-') id.pop_back();
    char buf[16];
    std::snprintf(buf, sizeof buf, "-%08x", static_cast<unsigned>(Fnv1a32(ToLower(normalized))));
    id += buf;
  }
  return id;
}

void SplitTitleAndSite(std::string_view title, std::string_view known_site, std::string* page_title,
                       std::string* site) {
  const std::string t = Clean(title);
  std::string page = t, name;
  static const char* const kSeparators[] = {" | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " :: ",
                                            " \xC2\xB7 ", " \xC2\xBB ", ": "};
  const std::string known = Clean(known_site);
  if (!known.empty()) {
    name = known;
    for (const char* sep : kSeparators) {
      const std::string suffix = sep + known;
      const std::string prefix = known + sep;
      if (t.size() > suffix.size() && EqualsIgnoreCase(std::string_view(t).substr(t.size() - suffix.size()), suffix)) {
        page = t.substr(0, t.size() - suffix.size());
        break;
      }
      if (t.size() > prefix.size() && EqualsIgnoreCase(std::string_view(t).substr(0, prefix.size()), prefix)) {
        page = t.substr(prefix.size());
        break;
      }
    }
  } else if (t.find(" | ") != std::string::npos) {
    // "Title | Section | Site": the site is last, the title the longest part.
    std::vector<std::string> parts;
    std::size_t start = 0, bar;
    while ((bar = t.find(" | ", start)) != std::string::npos) {
      parts.push_back(std::string(Trim(std::string_view(t).substr(start, bar - start))));
      start = bar + 3;
    }
    parts.push_back(std::string(Trim(std::string_view(t).substr(start))));
    name = parts.back();
    parts.pop_back();
    page.clear();
    for (const std::string& p : parts) {
      if (p.size() > page.size()) page = p;
    }
  } else {
    for (const char* sep : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " :: ", " \xC2\xB7 ", " \xC2\xBB "}) {
      const std::size_t pos = t.rfind(sep);
      if (pos == std::string::npos) continue;
      const std::string suffix(Trim(std::string_view(t).substr(pos + std::string_view(sep).size())));
      if (!suffix.empty() && suffix.size() <= 60 && suffix.size() < pos) {
        name = suffix;
        page = t.substr(0, pos);
      }
      break;
    }
  }
  if (page_title != nullptr) *page_title = std::string(Trim(page));
  if (site != nullptr) *site = std::move(name);
}

namespace {

// Reads one parsed page into a release, a field at a time (each method's
// comment at the top of this file says where the field comes from).
class PageReader {
 public:
  PageReader(const PageScan& scan, const JsonLdInfo& ld, const IngestOptions& options)
      : scan_(scan), ld_(ld), options_(options) {}

  // Returns "" and fills *r, or what is wrong and what to do.
  std::string Read(Release* r) {
    ReadLanguage(r);
    ReadOrganization(r);
    container_ = ChooseContainer(scan_);
    scope_ = container_.node != nullptr ? ScopeOf(container_.node) : scan_.body;
    FindHeadline();
    ReadTitle(r);
    ReadUrl(r);
    NameCanonically(r);
    ReadPublished(r);
    ReadText(r);
    if (r->text.empty()) {
      return "no article text found in the page" + (r->title.empty() ? std::string() : " \"" + r->title + "\"") +
             "; skipped. If the site builds its pages with JavaScript, save the page from a browser after it has "
             "loaded, or convert it to JSONL";
    }
    return "";
  }

 private:
  // Language first: it decides how "10/02/2026" is read.
  void ReadLanguage(Release* r) {
    r->language = PrimaryLanguage(HtmlAttr(scan_.html, "lang"));
    if (r->language.empty()) r->language = PrimaryLanguage(HtmlAttr(scan_.html, "xml:lang"));
    if (r->language.empty()) r->language = PrimaryLanguage(Meta(scan_, {"content-language", "language", "dc.language"}));
    if (r->language.empty()) r->language = PrimaryLanguage(Meta(scan_, {"og:locale"}));
    if (r->language.empty()) r->language = PrimaryLanguage(ld_.language);
    // Everyone but the U.S. writes the day first: a German or French page
    // (not a language amicus analyses, so r->language stays empty) too.
    const std::string declared = ToLower(Trim(HtmlAttr(scan_.html, "lang")).substr(0, 2));
    day_first_ = r->language == "es" || (r->language.empty() && declared.size() == 2 && declared != "en");
  }

  // The issuing organization: the first name the page's metadata gives
  // that is a name (not a domain, a date or an acronym that the footer
  // spells out), else what the footer states ("The Official Website of
  // ...", "\u00a9 2021 Bundesamt f\u00fcr Naturschutz").
  void ReadOrganization(Release* r) {
    std::string title_page, title_site;
    SplitTitleAndSite(scan_.title_tag, "", &title_page, &title_site);
    title_page_ = title_page;
    const std::string footer = FooterOrganization(scan_.source);
    std::string domain_like;
    for (const std::string& raw :
         {Meta(scan_, {"og:site_name"}), ld_.publisher, ld_.author_org, ld_.organization, ld_.website,
          Meta(scan_, {"publisher", "dc.publisher", "dcterms.publisher", "application-name"}), title_site}) {
      const std::string candidate = Clean(raw);
      if (candidate.empty() || !FindDateInText(candidate, true).empty()) continue;
      if (LooksLikeDomain(candidate)) {
        if (domain_like.empty()) domain_like = candidate;
        continue;
      }
      r->organization = IsAcronym(candidate) && !footer.empty() ? footer : WithoutTrailingAcronym(candidate);
      return;
    }
    r->organization = !footer.empty() ? footer : domain_like;
  }

  // The article's <h1>: inside the article first, else outside the site's
  // header, else any.
  void FindHeadline() {
    const GumboNode* h1 = nullptr;
    for (int pass = 0; pass < 3 && h1 == nullptr; ++pass) {
      for (const GumboNode* n : scan_.h1s) {
        if (pass == 0 && !IsAncestorOrSelf(scope_, n)) continue;
        if (pass == 1 && InSiteHeader(n)) continue;
        if (!HtmlInlineText(n).empty()) {
          h1 = n;
          h1_in_article_ = pass == 0 && scope_ != scan_.body;
          break;
        }
      }
    }
    h1_text_ = h1 != nullptr ? HtmlInlineText(h1) : std::string();
    // An unclosed <h1> swallows the article on broken pages; that is no title.
    constexpr std::size_t kMaxTitle = 300;
    if (h1_text_.size() > kMaxTitle) h1_text_.clear();
  }

  // The title is the headline a reader sees. The metadata titles come first
  // (they are the headline without page furniture on most sites), but the
  // article's own <h1> wins where a metadata title is that headline with
  // something around it ("Headline | Office of the Mayor | Press Release",
  // "BMAS - Headline", "Comunicado 057 \u00b7 Headline") or is a section's
  // name instead ("Media releases" above every release of a site).
  void ReadTitle(Release* r) {
    for (const std::string& candidate :
         {Meta(scan_, {"og:title"}), Meta(scan_, {"twitter:title"}), ld_.headline, h1_text_, title_page_}) {
      if (!candidate.empty()) {
        SplitTitleAndSite(candidate, r->organization, &r->title, nullptr);
        if (!r->title.empty()) break;
      }
    }
    if (h1_text_.empty() || r->title == h1_text_) return;
    const std::string headline = Comparable(h1_text_), title = Comparable(r->title);
    const bool wrapped = headline.size() >= 12 && title.size() > headline.size() &&
                         (title.compare(0, headline.size(), headline) == 0 ||
                          title.compare(title.size() - headline.size(), headline.size(), headline) == 0);
    constexpr int kHeadlineWords = 4;
    const bool section_name = h1_in_article_ && WordCount(h1_text_) >= kHeadlineWords &&
                              WordCount(r->title) < kHeadlineWords && title.find(headline) == std::string::npos;
    if (wrapped || section_name) r->title = h1_text_;
  }

  // The knowledge's name for the publisher, where the tools gave one
  // (IngestOptions::canonical_publisher).
  void NameCanonically(Release* r) const {
    if (!options_.canonical_publisher) return;
    const std::string url = !r->url.empty() ? r->url : Meta(scan_, {"og:url"});
    std::string canonical = options_.canonical_publisher(r->organization, url);
    if (!canonical.empty()) r->organization = std::move(canonical);
  }

  void ReadUrl(Release* r) {
    for (const std::string& candidate : {scan_.canonical, Meta(scan_, {"og:url"})}) {
      if (!candidate.empty() && !IsHomePage(candidate)) {
        r->url = candidate;
        break;
      }
    }
  }

  // 1. <time datetime> in the article, the one marked published first.
  std::string TimeInArticle() const {
    const TimeElement* in_scope = nullptr;
    for (const TimeElement& t : scan_.times) {
      if (scope_ == nullptr || !IsAncestorOrSelf(scope_, t.node)) continue;
      const std::string cls = ToLower(HtmlAttr(t.node, "class"));
      if (cls.find("updated") != std::string::npos || cls.find("modified") != std::string::npos) continue;
      const bool marked = cls.find("publish") != std::string::npos || cls.find("entry-date") != std::string::npos ||
                          gumbo_get_attribute(&t.node->v.element.attributes, "pubdate") != nullptr ||
                          ContainsLowerCase(HtmlAttr(t.node, "itemprop"), "datepublished");
      if (in_scope == nullptr || marked) in_scope = &t;
      if (marked) break;
    }
    return in_scope != nullptr ? NormalizeDate(in_scope->datetime, day_first_) : std::string();
  }

  // 2. Metadata that says "published"; 3. generic date metadata.
  std::string DateInMetadata() const {
    std::string d = NormalizeDate(
        Meta(scan_, {"article:published_time", "og:article:published_time", "article:published", "datepublished"}),
        day_first_);
    for (std::size_t i = 0; d.empty() && i < scan_.item_published.size(); ++i) {
      d = NormalizeDate(scan_.item_published[i], day_first_);
    }
    if (d.empty()) d = NormalizeDate(ld_.published, day_first_);
    if (d.empty()) {
      d = NormalizeDate(Meta(scan_, {"date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
                                     "dcterms.created", "publish-date", "publish_date", "pubdate", "publication_date",
                                     "citation_publication_date", "parsely-pub-date", "sailthru.date"}),
                        day_first_);
    }
    return d;
  }

  // 4. A date written near the top of the article, or next to the title
  // on the whole page (a byline under the <h1>, outside the body's field).
  std::string DateNearTitle(const GumboNode* scope, const std::string& title) const {
    if (scope == nullptr) return "";
    const std::vector<HtmlParagraph> lines = HtmlParagraphs(scope, HtmlTextMode::kDates);
    std::size_t begin = 0, end = 12;
    if (scope == scan_.body) {
      // Whole page: look around the title (press pages put the date just
      // above or below it), or at the top when the title is not found.
      const std::string want = Comparable(h1_text_.empty() ? title : h1_text_);
      end = 20;
      for (std::size_t i = 0; !want.empty() && i < lines.size(); ++i) {
        if (Comparable(lines[i].text) == want) {
          begin = i >= 3 ? i - 3 : 0;
          end = i + 12;
          break;
        }
      }
    }
    return VisibleDate(lines, begin, end, day_first_);
  }

  void ReadPublished(Release* r) const {
    r->published = TimeInArticle();
    if (r->published.empty()) r->published = DateInMetadata();
    if (r->published.empty()) r->published = DateNearTitle(scope_, r->title);
    if (r->published.empty() && scope_ != scan_.body) r->published = DateNearTitle(scan_.body, r->title);
    // 5. Any <time datetime> outside chrome.
    for (std::size_t i = 0; r->published.empty() && i < scan_.times.size(); ++i) {
      r->published = NormalizeDate(scan_.times[i].datetime, day_first_);
    }
    if (r->published.empty()) r->published = options_.default_published;
  }

  void ReadText(Release* r) const {
    const std::string title_key = Comparable(r->title);
    const std::string h1_key = Comparable(h1_text_);
    bool leading = true;
    for (const HtmlParagraph& p : container_.paragraphs) {
      if (p.letters == 0) continue;  // "###", "* * *", separators
      if (p.text.size() <= 6 && Comparable(p.text) == "30") continue;  // "-30-", the wire's end mark
      // Menus: in coarse containers, paragraphs that are mostly links.
      if (container_.rank >= 2 && p.link_letters * 10 >= p.letters * 7) continue;
      if (leading) {
        const std::string key = Comparable(p.text);
        if (key == title_key || key == h1_key || IsHeaderExtra(p.text, nullptr)) continue;
        // A short date line: "Publicado: 10/02/2026", "Posted Feb. 10, 2026 by Staff".
        constexpr std::size_t kDateLine = 80;
        if (p.text.size() <= kDateLine && !FindDateInText(p.text, day_first_).empty()) continue;
        leading = false;
      }
      if (!r->text.empty()) r->text += "\n\n";
      r->text += p.text;
    }
  }

  const PageScan& scan_;
  const JsonLdInfo& ld_;
  const IngestOptions& options_;
  bool day_first_ = false;
  std::string title_page_;  // the <title> without the site's name
  Container container_;
  const GumboNode* scope_ = nullptr;
  std::string h1_text_;
  bool h1_in_article_ = false;  // the <h1> is inside the article, not the page's
};

}  // namespace

std::string ExtractHtmlRelease(std::string_view raw, const std::string& name, const IngestOptions& options,
                               Release* out, std::vector<std::string>* notes) {
  if (Trim(raw).empty()) {
    return "empty page; nothing to read. Check that the file was saved completely";
  }
  std::string html = ToUtf8(raw);
  if (const std::size_t fixed = RepairDoubleEncodedUtf8(&html); fixed > 0 && notes != nullptr) {
    notes->push_back(std::to_string(fixed) + (fixed == 1 ? " character was" : " characters were") +
                     " UTF-8 saved twice (read as Windows-1252 and encoded again, as "
                     "\"\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2\" for \"\xE2\x80\x99\"); repaired");
  }
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // we never look at parse errors
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parsed(
      gumbo_parse_with_options(&gumbo_options, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (parsed == nullptr || parsed->root == nullptr) {
    return "the HTML parser could not read this page; skipped. Check that it is an HTML file";
  }
  PageScan scan;
  scan.source = html;
  Scan(parsed->root, 0, false, false, &scan);

  JsonLdGraph graph;
  std::vector<json> ld_docs;
  ld_docs.reserve(scan.json_ld.size());
  for (const std::string& text : scan.json_ld) {
    json doc = json::parse(CleanJsonLd(text), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded()) ld_docs.push_back(std::move(doc));
  }
  for (const json& doc : ld_docs) graph.Add(doc);
  const JsonLdInfo ld = graph.Info();

  Release r;
  r.source = name;
  r.line = 0;
  PageReader reader(scan, ld, options);
  std::string why = reader.Read(&r);
  if (!why.empty()) return why;
  r.id = !r.url.empty() ? HtmlIdFromUrl(r.url) : std::string();
  if (r.id.empty()) r.id = ArchiveReleaseId(ArchiveIdStem(name), 1, r.title);
  *out = std::move(r);
  return "";
}

bool ReadHtmlStream(std::istream& in, const std::string& name, const IngestOptions& options,
                    const ReleaseSink& on_release, ProblemReporter* reporter) {
  std::string data;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > kMaxHtmlBytes) {
      return reporter->Report(name, 0,
                              "page is larger than 50 MB; skipped. amicus reads one press release per HTML page: "
                              "save the single release's page, or convert the content to JSONL",
                              Status::Code::kInvalidArgument);
    }
    if (in.eof()) break;
  }
  if (in.bad()) return reporter->Report(name, 0, "read error; the page may be unreadable", Status::Code::kIOError);
  Release release;
  std::vector<std::string> notes;
  const std::string why = ExtractHtmlRelease(data, name, options, &release, &notes);
  if (!why.empty()) return reporter->Report(name, 0, why, Status::Code::kCorruption);
  for (const std::string& note : notes) {
    if (!reporter->Report(name, 0, note, Status::Code::kCorruption)) return false;
  }
  return on_release(std::move(release));
}

}  // namespace internal

Status ReadHtml(std::istream& in, const std::string& name, const IngestOptions& options,
                const ReleaseSink& on_release, const ProblemSink& on_problem) {
  internal::ProblemReporter reporter(on_problem, options.strict);
  try {
    internal::ReadHtmlStream(in, name, options, on_release, &reporter);
  } catch (const std::exception& e) {  // std::bad_alloc: never cross the API
    return Status::Internal(name + ": reading failed: " + e.what());
  }
  return reporter.status();
}

}  // namespace amicus
