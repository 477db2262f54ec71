#include "amicus/version.h"

namespace amicus {

const char* Version() { return AMICUS_VERSION_STRING; }

}  // namespace amicus
