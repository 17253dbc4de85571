# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DDIR=<engine dir> -DSTAMP=<file> -P CheckQtFree.cmake
# Fails if any engine source or header includes a Qt header (<QFoo>, <QtCore/...>, "qglobal.h").
file(GLOB_RECURSE files "${DIR}/*.h" "${DIR}/*.cpp")
set(bad "")
foreach(f IN LISTS files)
  file(STRINGS "${f}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](Q[A-Za-z]|Qt[A-Za-z]*/|q[a-z]+\\.h)")
  if(hits)
    list(APPEND bad "${f}: ${hits}")
  endif()
endforeach()
if(bad)
  string(REPLACE ";" "\n  " bad "${bad}")
  message(FATAL_ERROR "engine/ must stay Qt-free, but:\n  ${bad}")
endif()
file(TOUCH "${STAMP}")
