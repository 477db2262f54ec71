#include "extract/knowledge_base.h"

#include "extract/span.h"
#include "extract/finder.h"

namespace amicus {

Status KnowledgeBase::Load(const internal::KnowledgeFiles& files, std::shared_ptr<const KnowledgeBase>* out) {
  auto kb = std::shared_ptr<KnowledgeBase>(new KnowledgeBase());
  Status s = kb->lexicon.Load(files);
  if (s.ok()) s = kb->words.Load(files, kb->lexicon);
  if (s.ok()) s = kb->orgs.Load(files, kb->lexicon);
  if (s.ok()) s = kb->people.Load(files, kb->lexicon);
  if (s.ok()) s = kb->acts.Load(files, kb->lexicon);
  if (s.ok()) s = kb->dates.Load(files, kb->lexicon);
  if (s.ok()) s = kb->money.Load(files, kb->lexicon);
  if (s.ok()) s = internal::Gazetteer::Load(files, kb->lexicon, &kb->places);
  if (s.ok()) s = internal::Linker::Load(files, kb->lexicon, &kb->linker);
  if (!s.ok()) return s;
  *out = std::move(kb);
  return Status::OK();
}

Status KnowledgeBase::Embedded(std::shared_ptr<const KnowledgeBase>* out) {
  // Built once per process; later calls share it. Magic-static init is
  // thread-safe, so concurrent first calls build it once.
  struct Shared {
    Status status;
    std::shared_ptr<const KnowledgeBase> kb;
  };
  static const Shared shared = [] {
    Shared s;
    s.status = Load(internal::KnowledgeFiles::Embedded(), &s.kb);
    return s;
  }();
  if (shared.status.ok()) *out = shared.kb;
  return shared.status;
}

namespace internal {

void Claims::Take(const std::vector<TextSpan>& spans) {
  taken.insert(taken.end(), spans.begin(), spans.end());
  NormalizeSpans(&taken);
}

}  // namespace internal
}  // namespace amicus
