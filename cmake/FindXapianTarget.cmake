# Defines the imported target Xapian::Xapian from the xapian-config.cmake that
# libxapian-dev ships (it sets variables, not targets). Used by the build and
# by the installed amicus-config.cmake.
if(NOT TARGET Xapian::Xapian)
  find_package(xapian CONFIG REQUIRED)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()
