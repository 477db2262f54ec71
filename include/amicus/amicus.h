// amicus/amicus.h — the whole public API of libamicus in one include.
//
//   ingest.h   read releases from JSONL, text archives and folders
//   text.h     ICU word segmentation, folding, language identification
//   extract.h  entities: people, organizations, legislation, places, dates, money
//   index.h    write releases into an amicus (Xapian) database
//   search.h   ranked, filtered search
//   status.h   the error type every call returns
#ifndef AMICUS_AMICUS_H_
#define AMICUS_AMICUS_H_

#include "amicus/extract.h"
#include "amicus/index.h"
#include "amicus/ingest.h"
#include "amicus/release.h"
#include "amicus/search.h"
#include "amicus/status.h"
#include "amicus/text.h"
#include "amicus/version.h"

#endif  // AMICUS_AMICUS_H_
