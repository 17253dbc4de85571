# SPDX-License-Identifier: GPL-3.0-or-later
# swaptier_add_test(<name> SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s])
# One executable per tst_*.cpp, linked against library targets (never re-compiled sources),
# registered with ctest. Tests run with QT_QPA_PLATFORM=offscreen so no display is needed.
function(swaptier_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} Qt6::Test swaptier_common_cfg)
  set_target_properties(${name} PROPERTIES AUTOMOC ON RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 600)
  endif()
  set_tests_properties(${name} PROPERTIES
    LABELS "${T_LABELS}"
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SWAPTIER_TEST_TMPDIR=${CMAKE_BINARY_DIR}/test-tmp")
endfunction()
