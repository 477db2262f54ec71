// ingest/html_text.h — turning a Gumbo subtree into paragraphs of text, and
// deciding which elements are page chrome (navigation, share buttons,
// cookie banners, ...) rather than the article.
//
// Used by html_reader.cc only. Pure functions of the tree; thread-compatible
// (the Gumbo tree is only read).
#ifndef AMICUS_LIB_INGEST_HTML_TEXT_H_
#define AMICUS_LIB_INGEST_HTML_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace amicus {
namespace internal {

// Deeper elements are ignored: real pages nest a few dozen levels, and the
// walks below are recursive.
constexpr int kMaxHtmlDepth = 512;

// The value of attribute `name` of element `n`, "" when absent (or `n` is
// not an element).
std::string_view HtmlAttr(const GumboNode* n, const char* name);
// True when `n` is an element with tag `tag`.
inline bool IsTag(const GumboNode* n, GumboTag tag) {
  return n != nullptr && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) &&
         n->v.element.tag == tag;
}

// All the text under `n` on one line, whitespace collapsed (scripts and
// styles left out). For titles, headings and dates.
std::string HtmlInlineText(const GumboNode* n);
// `s` with whitespace runs (including U+00A0) turned into one space,
// zero-width characters and soft hyphens removed, and trimmed.
std::string CollapseHtmlWhitespace(std::string_view s);

// Why a subtree is being read.
enum class HtmlTextMode {
  kArticle,  // the release text: every kind of chrome is left out
  kDates,    // looking for a visible date: bylines, "posted on" lines and
             // the article's own <header> are kept
};

// True when the class or id value names page chrome: share/social widgets,
// related posts, cookie/consent banners, breadcrumbs, menus, sidebars,
// comments, "sr-only" text, ... `for_dates` keeps "meta"/"byline" blocks.
bool IsChromeClassOrId(std::string_view value, bool for_dates);

struct HtmlParagraph {
  std::string text;            // lines joined by '\n' (from <br> and <li>)
  std::size_t letters = 0;     // letters and digits (bytes of them)
  std::size_t link_letters = 0;  // of which inside <a>
};

// The paragraphs of the subtree at `root` (root itself is always read, even
// if it looks like chrome): block elements end paragraphs, <br> and <li>
// end lines, inline elements join, whitespace is collapsed.
std::vector<HtmlParagraph> HtmlParagraphs(const GumboNode* root, HtmlTextMode mode);

}  // namespace internal
}  // namespace amicus

#endif  // AMICUS_LIB_INGEST_HTML_TEXT_H_
