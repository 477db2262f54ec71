// Test helper: the gazetteer built from the compiled-in knowledge, loaded once
// for the whole test binary and never freed (tests only read it).
#ifndef AMICUS_TESTS_EXTRACT_TEST_GAZETTEER_H_
#define AMICUS_TESTS_EXTRACT_TEST_GAZETTEER_H_

#include <memory>

#include <gtest/gtest.h>

#include "extract/knowledge_file.h"
#include "extract/places.h"

namespace amicus::internal {

inline const Gazetteer& TestGazetteer() {
  static const Gazetteer* g = [] {
    std::unique_ptr<Gazetteer> p;
    Status s = Gazetteer::Load(KnowledgeFiles::Embedded(), &p);
    EXPECT_TRUE(s.ok()) << s.message();
    return p.release();
  }();
  return *g;
}

}  // namespace amicus::internal

#endif  // AMICUS_TESTS_EXTRACT_TEST_GAZETTEER_H_
