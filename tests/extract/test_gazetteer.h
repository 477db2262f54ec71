// Test helpers: the knowledge base and the gazetteer built from the
// compiled-in knowledge, loaded once for the whole test binary (tests only
// read them).
#ifndef AMICUS_TESTS_EXTRACT_TEST_GAZETTEER_H_
#define AMICUS_TESTS_EXTRACT_TEST_GAZETTEER_H_

#include <memory>

#include <gtest/gtest.h>

#include "extract/knowledge_base.h"
#include "extract/knowledge_file.h"
#include "extract/places.h"

namespace amicus::internal {

inline const KnowledgeBase& TestKnowledge() {
  static const std::shared_ptr<const KnowledgeBase> kb = [] {
    std::shared_ptr<const KnowledgeBase> p;
    Status s = KnowledgeBase::Embedded(&p);
    EXPECT_TRUE(s.ok()) << s.message();
    return p;
  }();
  return *kb;
}

inline const Gazetteer& TestGazetteer() {
  static const Gazetteer* g = [] {
    return TestKnowledge().places.get();
  }();
  return *g;
}

}  // namespace amicus::internal

#endif  // AMICUS_TESTS_EXTRACT_TEST_GAZETTEER_H_
