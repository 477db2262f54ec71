// amicus/version.h — the library's version, for programs that want to print
// or check it.
#ifndef AMICUS_VERSION_H_
#define AMICUS_VERSION_H_

namespace amicus {

// "MAJOR.MINOR.PATCH" of the libamicus the program runs with.
const char* Version();

}  // namespace amicus

#endif  // AMICUS_VERSION_H_
