// The dateline of a press release: the place (and sometimes date or wire
// marker) that opens its first paragraph, ended by a dash:
//   "BUFFALO, N.Y. – ...", "WASHINGTON —", "ALBANY, N.Y. (February 10, 2026) —",
//   "ROCHESTER, N.Y., Jan. 9, 2026 /PRNewswire/ --", "Nueva York, NY — Hoy",
//   "(Houston, TX) —", "(Vieques)-", "February 6, 2025 (SAINT PAUL) —".
// The city is given in its proper case ("El Paso"), the region as a USPS code
// ("NY", "DC"); a big city alone ("CHICAGO —") gets its usual state.
// Word classes (words_places.tsv, through Gazetteer::words()):
// dateline.capital_cities ("WASHINGTON —" is D.C.), dateline.city_word
// ("NEW YORK —" is New York City), dateline.city_names and
// dateline.city_by_state (the dateline's city name of a place).
//
// Thread-safety: stateless; the Gazetteer is read only.
#ifndef AMICUS_LIB_EXTRACT_DATELINE_H_
#define AMICUS_LIB_EXTRACT_DATELINE_H_

#include <string_view>

#include "extract/places.h"

namespace amicus::internal {

// The state a publisher names ("U.S. Representative Al Green (D-TX)",
// "Office of Minnesota Attorney General", "Junta de Calidad Ambiental de
// Puerto Rico"): the first capitalized state name or upper-case USPS code,
// as its USPS code; "" when none.
std::string_view PublisherState(std::string_view publisher, const Gazetteer& g);

// True and *out filled when one of the first lines of `text` opens with a
// dateline (a subheadline or a "FOR IMMEDIATE RELEASE" / date / contact
// block may come first). `publisher` (Release::organization, may be empty)
// names the state whose city a bare "OLYMPIA —" is, when it names one.
bool ExtractDateline(std::string_view text, const Gazetteer& g, DatelineMatch* out,
                     std::string_view publisher = {});

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_DATELINE_H_
