// ingest/html_text.cc — text of a Gumbo subtree as paragraphs, and the
// chrome filter. See html_text.h.
//
// Chrome is recognized three ways: by tag (nav, aside, footer, script, form
// controls, ...), by ARIA role and hidden-ness, and by words in class/id
// values ("share", "related", "cookie", "breadcrumb", "sidebar", ...). Class
// words are matched per word of a token ("post-navigation" -> "post",
// "navigation"), which catches the theme-specific names real sites use
// without a list per CMS. Elements that carry the page itself (html, body,
// main, article, [itemprop=articleBody]) are never dropped by class: CMSs
// put words such as "tag-immigration" or "has-sidebar" on them.
#include "ingest/html_text.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace amicus {
namespace internal {
namespace {

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

bool ContainsIgnoreCase(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

// Counts as a letter for link density and "has text": ASCII letters and
// digits, and lead bytes of non-ASCII letters (U+00C0.. except the
// U+2000-U+2FFF block of punctuation, dashes and symbols).
bool IsLetterByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xDF) ||
         (c >= 0xE3 && c <= 0xF4);
}

// Length of a character to skip (zero-width space/joiners, soft hyphen,
// BOM), or 0. `s` starts at a lead byte.
std::size_t InvisibleLength(std::string_view s) {
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xAD) {
    return 2;  // soft hyphen
  }
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 && static_cast<unsigned char>(s[1]) == 0x80) {
    const unsigned char c = static_cast<unsigned char>(s[2]);
    if (c >= 0x8B && c <= 0x8D) return 3;  // U+200B..U+200D
  }
  if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) return 3;
  return 0;
}

// Length of a whitespace character at the start of `s` (ASCII space or
// U+00A0 no-break space), or 0.
std::size_t SpaceLength(std::string_view s) {
  if (IsHtmlSpace(s[0])) return 1;
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) return 2;
  return 0;
}

bool InList(std::string_view w, const char* const* list, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (w == list[i]) return true;
  }
  return false;
}

// Words that mark chrome wherever they appear in a class or id token.
const char* const kChromeWords[] = {
    "share",     "shares",   "sharing",   "sharedaddy", "sharethis", "addthis",   "addtoany",  "a2a",
    "social",    "related",  "relatedposts", "cookie",  "cookies",   "consent",   "gdpr",      "breadcrumb",
    "breadcrumbs", "newsletter", "subscribe", "signup",  "sidebar",   "widget",    "widgets",   "nav",
    "navbar",    "navigation", "menu",     "submenu",   "comments",  "comment",   "respond",   "pagination",
    "pager",     "skip",     "print",     "footer",     "masthead",  "popup",     "modal",     "toolbar",
    "translate", "gtranslate", "feedback", "survey",    "search",    "login",     "ads",       "advert",
    "advertisement", "sponsor", "banner",  "offcanvas", "tags",      "byline",    "meta",      "rss",
    "backtotop", "tweet",    "facebook",  "twitter",    "linkedin",  "whatsapp"};
// Of those, the ones a date search keeps ("Posted on February 10, 2026").
const char* const kDateKeepWords[] = {"byline", "meta"};
// Whole tokens (not words) that mark hidden or chrome text.
const char* const kChromeTokens[] = {"hidden",        "visually-hidden",   "visuallyhidden", "sr-only",
                                     "screen-reader-text", "element-invisible", "invisible",  "d-none",
                                     "hide",          "cat-links",         "tags-links",     "read-more",
                                     "more-link",     "skip-link",         "wp-block-navigation"};

bool TokenIsChrome(std::string_view token, bool for_dates) {
  std::string lower(token);
  for (char& c : lower) c = LowerAscii(c);
  if (InList(lower, kChromeTokens, sizeof kChromeTokens / sizeof *kChromeTokens)) return true;
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && (lower[i] == '-' || lower[i] == '_')) ++i;
    std::size_t j = i;
    while (j < lower.size() && lower[j] != '-' && lower[j] != '_') ++j;
    if (j > i) {
      const std::string_view word(lower.data() + i, j - i);
      if (InList(word, kChromeWords, sizeof kChromeWords / sizeof *kChromeWords) &&
          !(for_dates && InList(word, kDateKeepWords, sizeof kDateKeepWords / sizeof *kDateKeepWords))) {
        return true;
      }
    }
    i = j;
  }
  return false;
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL: case GUMBO_TAG_HTML:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
      return true;
    default:
      return false;
  }
}

// Tags whose content is never article text.
bool IsDroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST: case GUMBO_TAG_LEGEND: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_APPLET:
    case GUMBO_TAG_NOEMBED:
      return true;
    default:
      return false;
  }
}

bool IsChromeRole(std::string_view role) {
  static const char* const kRoles[] = {"navigation", "banner", "contentinfo", "complementary", "search",
                                       "dialog",     "alertdialog", "menu",   "menubar",       "toolbar"};
  for (const char* r : kRoles) {
    if (EqualsIgnoreCase(role, r)) return true;
  }
  return false;
}

bool IsHiddenStyle(std::string_view style) {
  std::string s;
  for (char c : style) {
    if (!IsHtmlSpace(c)) s += LowerAscii(c);
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// Elements that carry the page itself are never dropped by class or id.
bool IsPageCarrier(const GumboNode* n) {
  const GumboTag tag = n->v.element.tag;
  return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE ||
         ContainsIgnoreCase(HtmlAttr(n, "itemprop"), "articlebody");
}

class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(HtmlTextMode mode) : mode_(mode) {}

  void Walk(const GumboNode* n, int depth, bool is_root) {
    if (depth > kMaxHtmlDepth) return;
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        Text(n->v.text.text);
        return;
      case GUMBO_NODE_WHITESPACE:
        if (pre_depth_ > 0) {
          Text(n->v.text.text);
        } else {
          space_ = true;
        }
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:
        return;  // comments, the document node
    }
    const GumboTag tag = n->v.element.tag;
    if (!is_root && Dropped(n, tag)) return;
    if (tag == GUMBO_TAG_BR) {
      LineBreak();
      return;
    }
    if (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_WBR) return;
    const bool block = IsBlockTag(tag);
    const bool line = tag == GUMBO_TAG_LI;
    const bool link = tag == GUMBO_TAG_A;
    const bool pre = tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP ||
                     tag == GUMBO_TAG_PLAINTEXT;
    const bool article = tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
    if (block) ParagraphBreak();
    if (line) LineBreak();
    link_depth_ += link;
    pre_depth_ += pre;
    article_depth_ += article;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      Walk(static_cast<const GumboNode*>(children.data[i]), depth + 1, false);
    }
    link_depth_ -= link;
    pre_depth_ -= pre;
    article_depth_ -= article;
    if (block) ParagraphBreak();
    if (line) LineBreak();
  }

  std::vector<HtmlParagraph> Take() {
    ParagraphBreak();
    return std::move(paragraphs_);
  }

 private:
  bool Dropped(const GumboNode* n, GumboTag tag) const {
    if (IsDroppedTag(tag)) return true;
    const bool site_header =
        tag == GUMBO_TAG_HEADER || EqualsIgnoreCase(HtmlAttr(n, "role"), "banner");
    if (site_header) return mode_ == HtmlTextMode::kArticle || article_depth_ == 0;
    const GumboVector& attrs = n->v.element.attributes;
    if (attrs.length == 0) return false;
    if (gumbo_get_attribute(&attrs, "hidden") != nullptr) return true;
    if (EqualsIgnoreCase(HtmlAttr(n, "aria-hidden"), "true")) return true;
    if (IsChromeRole(HtmlAttr(n, "role"))) return true;
    const std::string_view style = HtmlAttr(n, "style");
    if (!style.empty() && IsHiddenStyle(style)) return true;
    if (IsPageCarrier(n)) return false;
    const bool for_dates = mode_ == HtmlTextMode::kDates;
    return IsChromeClassOrId(HtmlAttr(n, "class"), for_dates) || IsChromeClassOrId(HtmlAttr(n, "id"), for_dates);
  }

  void Text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      if (pre_depth_ > 0 && (s[i] == '\n' || s[i] == '\r')) {
        LineBreak();
        ++i;
        continue;
      }
      if (const std::size_t sp = SpaceLength(s.substr(i))) {
        space_ = true;
        i += sp;
        continue;
      }
      if (static_cast<unsigned char>(s[i]) >= 0x80) {
        if (const std::size_t inv = InvisibleLength(s.substr(i))) {
          i += inv;
          continue;
        }
      }
      // Start of a run of visible characters.
      std::string& out = current_.text;
      if (line_break_ && !out.empty()) {
        out += '\n';
      } else if (space_ && !out.empty() && out.back() != '\n') {
        out += ' ';
      }
      line_break_ = false;
      space_ = false;
      std::size_t j = i;
      while (j < s.size() && !IsHtmlSpace(s[j]) &&
             !(static_cast<unsigned char>(s[j]) >= 0x80 &&
               (SpaceLength(s.substr(j)) != 0 || InvisibleLength(s.substr(j)) != 0))) {
        if (IsLetterByte(static_cast<unsigned char>(s[j]))) {
          ++current_.letters;
          if (link_depth_ > 0) ++current_.link_letters;
        }
        ++j;
      }
      out.append(s.data() + i, j - i);
      i = j;
    }
  }

  void LineBreak() {
    if (!current_.text.empty()) line_break_ = true;
    space_ = false;
  }

  void ParagraphBreak() {
    if (!current_.text.empty()) {
      paragraphs_.push_back(std::move(current_));
      current_ = HtmlParagraph();
    }
    line_break_ = false;
    space_ = false;
  }

  HtmlTextMode mode_;
  std::vector<HtmlParagraph> paragraphs_;
  HtmlParagraph current_;
  bool space_ = false;
  bool line_break_ = false;
  int link_depth_ = 0;
  int pre_depth_ = 0;
  int article_depth_ = 0;
};

void AppendInlineText(const GumboNode* n, int depth, std::string* out) {
  if (depth > kMaxHtmlDepth) return;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
    *out += n->v.text.text;
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
  const GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE) {
    return;
  }
  if (tag == GUMBO_TAG_BR || IsBlockTag(tag)) *out += ' ';
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    AppendInlineText(static_cast<const GumboNode*>(children.data[i]), depth + 1, out);
  }
  if (IsBlockTag(tag)) *out += ' ';
}

}  // namespace

std::string_view HtmlAttr(const GumboNode* n, const char* name) {
  if (n == nullptr || (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr || a->value == nullptr ? std::string_view() : std::string_view(a->value);
}

std::string CollapseHtmlWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    if (const std::size_t sp = SpaceLength(s.substr(i))) {
      space = true;
      i += sp;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      if (const std::size_t inv = InvisibleLength(s.substr(i))) {
        i += inv;
        continue;
      }
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += s[i++];
  }
  return out;
}

std::string HtmlInlineText(const GumboNode* n) {
  std::string raw;
  AppendInlineText(n, 0, &raw);
  return CollapseHtmlWhitespace(raw);
}

bool IsChromeClassOrId(std::string_view value, bool for_dates) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && IsHtmlSpace(value[i])) ++i;
    std::size_t j = i;
    while (j < value.size() && !IsHtmlSpace(value[j])) ++j;
    if (j > i && TokenIsChrome(value.substr(i, j - i), for_dates)) return true;
    i = j;
  }
  return false;
}

std::vector<HtmlParagraph> HtmlParagraphs(const GumboNode* root, HtmlTextMode mode) {
  ParagraphBuilder builder(mode);
  if (root != nullptr) builder.Walk(root, 0, true);
  return builder.Take();
}

}  // namespace internal
}  // namespace amicus
