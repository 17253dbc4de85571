# SPDX-License-Identifier: GPL-3.0-or-later
# Interface targets every swaptier target links:
#   swaptier_common_cfg: C++20, warnings (every target, engine included)
#   swaptier_qt_cfg:     strict Qt macros (Qt targets only)
add_library(swaptier_common_cfg INTERFACE)
target_compile_features(swaptier_common_cfg INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(swaptier_common_cfg INTERFACE
  -Wall -Wextra -Wpedantic -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor
  -Wcast-align -Wcast-qual -Wshadow=local -Wimplicit-fallthrough
  -Werror=return-type -Werror=undef)
if(SWAPTIER_WERROR)
  target_compile_options(swaptier_common_cfg INTERFACE -Werror)
endif()

add_library(swaptier_qt_cfg INTERFACE)
target_compile_definitions(swaptier_qt_cfg INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER QT_NO_FOREACH
  QT_DISABLE_DEPRECATED_UP_TO=0x060400)
