// Xapian exceptions turned into amicus::Status values with messages that say
// what to do. Internal: used by the index and search stages, which catch
// every Xapian::Error at the library boundary.
#ifndef AMICUS_LIB_INDEX_XAPIAN_STATUS_H_
#define AMICUS_LIB_INDEX_XAPIAN_STATUS_H_

#include <string>

#include <xapian.h>

#include "amicus/status.h"

namespace amicus::internal {

inline Status XapianErrorToStatus(const Xapian::Error& e, const std::string& path) {
  const std::string what = e.get_type() + std::string(": ") + e.get_msg();
  const std::string type = e.get_type();
  if (type == "DatabaseLockError") {
    return Status::Locked(path + ": database is locked by another indexer; wait for it to finish (or stop it) and run again");
  }
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") {
    return Status::NotFound(path + ": cannot open the database (" + what +
                            "); check the path, or index some releases into it first with amicus-index");
  }
  if (type == "DatabaseCorruptError") {
    return Status::Corruption(path + ": the database is damaged (" + what +
                              "); run xapian-check on it, or rebuild it with amicus-index");
  }
  if (type == "DatabaseModifiedError") {
    return Status::IOError(path + ": the database changed while it was read (" + what + "); retry");
  }
  return Status::IOError(path + ": " + what);
}

}  // namespace amicus::internal

#endif  // AMICUS_LIB_INDEX_XAPIAN_STATUS_H_
