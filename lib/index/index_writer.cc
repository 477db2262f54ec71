#include <filesystem>
#include <string>

#include <xapian.h>

#include "amicus/index.h"
#include "amicus/text.h"
#include "index/document_builder.h"
#include "index/schema.h"
#include "index/xapian_status.h"

namespace amicus {

struct IndexWriter::Impl {
  std::string path;
  IndexOptions options;
  Xapian::WritableDatabase db;
  internal::DocumentBuilder builder;
  std::uint32_t pending = 0;
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

IndexWriter::~IndexWriter() {
  if (impl_ && impl_->pending > 0) Commit();
}

Status IndexWriter::Open(const std::string& path, const IndexOptions& options,
                         std::unique_ptr<IndexWriter>* out) {
  if (path.empty()) return Status::InvalidArgument("no database path given; pass --db PATH or set AMICUS_DB");
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  if (impl->options.batch_size == 0) impl->options.batch_size = 1;
  try {
    impl->db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, path);
  }
  out->reset(new IndexWriter(std::move(impl)));
  return Status::OK();
}

Status IndexWriter::Add(const Release& release, AddOutcome* outcome) {
  if (release.id.empty()) {
    return Status::InvalidArgument("release without an id cannot be indexed; give every release an \"id\"");
  }
  std::string id_term = schema::Term(schema::kIdPrefix, release.id);
  if (id_term.size() > schema::kMaxTermBytes) {
    return Status::InvalidArgument("release id is longer than " +
                                   std::to_string(schema::kMaxTermBytes - 1) +
                                   " bytes; use a shorter id");
  }
  std::string language = release.language.empty()
                             ? DetectLanguage(release.title + "\n" + release.text)
                             : release.language;
  try {
    Xapian::Document doc = impl_->builder.Build(release, language);
    bool existed = impl_->db.term_exists(id_term);
    impl_->db.replace_document(id_term, doc);
    if (outcome != nullptr) *outcome = existed ? AddOutcome::kReplaced : AddOutcome::kAdded;
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, impl_->path);
  }
  if (++impl_->pending >= impl_->options.batch_size) return Commit();
  return Status::OK();
}

Status IndexWriter::Commit() {
  try {
    impl_->db.commit();
    impl_->pending = 0;
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, impl_->path);
  }
  return Status::OK();
}

std::uint64_t IndexWriter::size() const { return impl_->db.get_doccount(); }

}  // namespace amicus
