#pragma once
// The one way this project includes Valijson (only schema/registry.cpp). It is kept for what it
// alone does here: proving at load that it accepts every schema (a malformed one becomes a
// located diagnostic), and deciding verdicts as the oracle the tests compare the walk against.
//
// Valijson is used with exceptions on (VALIJSON_USE_EXCEPTIONS, which CMake also sets for its
// users): by default it prints and abort()s on a schema it cannot compile, and a user's bad
// schema must become a diagnostic, not a crash.
//
// With that flag, its RapidJSON adapter would also redefine RAPIDJSON_ASSERT, in the including
// file only, as a function that builds a std::string of the file name on every check. RapidJSON's
// inline code then has two meanings in one program, and the linker keeps either for every file:
// it kept that one, which cost half a million string allocations at start-up and some on every
// reply. The adapter uses the macro for nothing else, so it is read with the flag off, and
// RapidJSON keeps its own assert everywhere. (tests: `no_throwing_rapidjson_assert`)
#ifndef VALIJSON_USE_EXCEPTIONS
#define VALIJSON_USE_EXCEPTIONS 1
#endif
#include <valijson/exceptions.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#undef VALIJSON_USE_EXCEPTIONS
#include <valijson/adapters/rapidjson_adapter.hpp>
#define VALIJSON_USE_EXCEPTIONS 1
