# One static library per stage folder under harness/, built from every .cpp in it (main.cpp
# excepted). Globbing with CONFIGURE_DEPENDS lets a new file join its stage without editing
# this list, so people working on different stages never touch the same build file.
function(ac_module name)
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/harness/${name}/*.cpp)
  list(FILTER sources EXCLUDE REGEX "/main\\.cpp$")
  set(target ac_${name})
  if(sources)
    add_library(${target} STATIC ${sources})
    if(APICONFORM_UNITY)
      set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 16)
      # A batch #includes each .cpp, so GCC takes it for a header and warns that a class defined in
      # it has a member whose type is in the file's anonymous namespace. In the file alone, as
      # written, that is fine.
      if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -Wno-subobject-linkage)
      endif()
    endif()
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/harness
      ${RapidJSON_INCLUDE_DIRS} ${VALIJSON_INCLUDE} ${HTTPLIB_INCLUDE})
    target_compile_definitions(${target} PUBLIC RAPIDJSON_HAS_STDSTRING=1)
    target_link_libraries(${target} PUBLIC ${ARGN})
  else()
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${PROJECT_SOURCE_DIR}/harness
      ${RapidJSON_INCLUDE_DIRS} ${VALIJSON_INCLUDE} ${HTTPLIB_INCLUDE})
    target_compile_definitions(${target} INTERFACE RAPIDJSON_HAS_STDSTRING=1)
    target_link_libraries(${target} INTERFACE ${ARGN})
  endif()
endfunction()

# One GoogleTest executable per stage: tests/unit/<stage>/*.cpp -> test_<stage>, run by ctest as one
# test (`unit_<stage>`): its ~900 tests take milliseconds each, and one process per test cost more
# than the tests themselves under ASan (about 0.15 s to start and end each process, mostly in the
# kernel: a CI run spent 274 s of system time). One test: build/tests/test_<stage> --gtest_filter=...
function(ac_unit_tests name)
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/unit/${name}/*.cpp)
  if(NOT sources)
    return()
  endif()
  add_executable(test_${name} ${sources})
  target_link_libraries(test_${name} PRIVATE ac_${name} ac_test_support GTest::gtest_main ${ARGN})
  # gtest.h is the heaviest header of every test file; parsing it once per target saves minutes.
  target_precompile_headers(test_${name} PRIVATE <gtest/gtest.h> <string> <vector>)
  add_test(NAME unit_${name} COMMAND test_${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  # COST 10: up to half a minute under ASan, so started before the short end-to-end tests (see the
  # COST note in tests/CMakeLists.txt).
  set_tests_properties(unit_${name} PROPERTIES COST 10
    ENVIRONMENT "APICONFORM_BIN=$<TARGET_FILE:apiconform>;APICONFORM_SOURCE=${PROJECT_SOURCE_DIR}")
endfunction()
