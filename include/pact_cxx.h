/*
 * pact_cxx.h - used only by pact.h, and only when compiling C++: the first inclusion opens extern "C" { and the
 * second closes it. The braces live here rather than in pact.h so that tools which drop preprocessor lines and
 * parse the rest as C (pact-python's cffi build does this) see plain C declarations.
 */
#ifndef PACT_CXX_OPEN
#define PACT_CXX_OPEN
extern "C" {
#else
#undef PACT_CXX_OPEN
}
#endif
