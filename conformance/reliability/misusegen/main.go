// Command misusegen reads include/pact.h and writes a C program that calls
// every declared function with invalid arguments, one bad argument at a time:
// NULL for each pointer, 0 / stale / foreign handles, NULL / freed / foreign /
// wrong-type object pointers, invalid UTF-8, malformed JSON where the comment
// says the parameter is JSON, out-of-range enums, and NULL buffers with a
// non-zero size. Each call must return the function's documented failure value
// and leave a message for pactffi_get_error_message; a watchdog thread turns a
// call that takes longer than 10 s into a failure (a hang).
//
//	go run ./conformance/reliability/misusegen include/pact.h > misuse_gen.c
//
// The failure value comes from the declaration and its comment: false, NULL,
// handle 0, StringResult_Failed, 0 for size_t lengths, a negative port
// ("Returns the port"), "" ("On failure it returns an empty string"),
// X_Unknown for an enum X, 0 ("returns 0 on failure") or non-zero ("Returns 0 on
// success", "Always fails") for integers. A void function fails by leaving a
// message. A NULL argument may instead succeed when the comment gives NULL a
// meaning ("NULL means ...", "NULL is a no-op", "a NULL value is ..."). A
// function whose comment does not say how it fails stops the generator with an
// error, so a new function cannot slip through unchecked.
package main

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

type param struct {
	typ, name string
}

type fn struct {
	ret, name, doc string
	params         []param
}

var (
	declRE    = regexp.MustCompile(`(?s)/\*((?:[^*]|\*[^/])*)\*/\s*\n([A-Za-z][\w \*]*?)\b((?:pactffi|libpact)_\w+)\(([^)]*)\);`)
	commentRE = regexp.MustCompile(`(?s)/\*.*?\*/`)
	sentRE    = regexp.MustCompile(`\.\s+`)
)

// excluded are functions a misuse sweep cannot call meaningfully, with why.
var excluded = map[string]string{
	"pactffi_get_error_message": "the error channel itself (its NULL/length cases are checked by conformance/ctest/misuse.c)",
	"libpact_test_panic":        "the test hook (checked by c/hook.c)",
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: misusegen path/to/pact.h")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fns, err := parse(string(src))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, problems := generate(fns)
	if len(problems) > 0 {
		fmt.Fprintln(os.Stderr, "misusegen: cannot tell how these functions fail from their comments in pact.h:")
		for _, p := range problems {
			fmt.Fprintln(os.Stderr, "  "+p)
		}
		os.Exit(1)
	}
	os.Stdout.WriteString(out)
}

// parse returns every function declaration with the comment right above it.
func parse(h string) ([]fn, error) {
	var fns []fn
	seen := map[string]bool{}
	for _, m := range declRE.FindAllStringSubmatch(h, -1) {
		doc := strings.Join(strings.Fields(strings.ReplaceAll(m[1], "*", " ")), " ")
		f := fn{ret: strings.Join(strings.Fields(m[2]), " "), name: m[3], doc: doc}
		// The comment regexp may swallow several comments; keep the last one.
		if i := strings.LastIndex(m[1], "/*"); i >= 0 {
			f.doc = strings.Join(strings.Fields(strings.ReplaceAll(m[1][i+2:], "*", " ")), " ")
		}
		args := strings.Join(strings.Fields(m[4]), " ")
		if args != "void" && args != "" {
			for _, a := range strings.Split(args, ",") {
				a = strings.TrimSpace(a)
				i := strings.LastIndexAny(a, " *")
				f.params = append(f.params, param{typ: strings.TrimSpace(a[:i+1]), name: a[i+1:]})
			}
		}
		if seen[f.name] {
			return nil, fmt.Errorf("%s is declared twice", f.name)
		}
		seen[f.name] = true
		fns = append(fns, f)
	}
	// Every declaration in the header must have been found (a declaration
	// without a comment above it would be missed by declRE).
	all := regexp.MustCompile(`\b((?:pactffi|libpact)_\w+)\(`).FindAllStringSubmatch(commentRE.ReplaceAllString(h, ""), -1)
	for _, m := range all {
		if !seen[m[1]] {
			return nil, fmt.Errorf("%s is declared without a comment above it", m[1])
		}
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].name < fns[j].name })
	return fns, nil
}

// failure returns a C expression over r that is true when r is the function's
// failure value, or "" when the comment does not say.
func failure(f fn) string {
	doc := f.doc
	switch {
	case f.ret == "void":
		return "1" // decided by the last error alone
	case f.ret == "bool":
		return "r == false"
	case strings.HasSuffix(f.ret, "*") && regexp.MustCompile(`Returns NULL (if (it|they) match|on a match)`).MatchString(doc):
		return "r != NULL" // NULL means "matches"; a bad argument must not look like a match
	case strings.HasSuffix(f.ret, "*") && strings.Contains(doc, "On failure it returns an empty string"):
		return "(r == NULL || r[0] == 0)"
	case strings.HasSuffix(f.ret, "*"):
		return "r == NULL"
	case f.ret == "PactHandle" || f.ret == "InteractionHandle" || f.ret == "MessagePactHandle" || f.ret == "MessageHandle":
		return "r == 0"
	case f.ret == "struct StringResult":
		return "r.tag == StringResult_Failed"
	case strings.HasPrefix(f.ret, "enum "):
		// Enums returned by pact.h have an Unknown member for failures; a
		// new enum without one makes the generated program fail to compile.
		return "r == " + strings.TrimPrefix(f.ret, "enum ") + "_Unknown"
	case f.ret == "size_t" || f.ret == "uintptr_t":
		return "r == 0"
	case strings.Contains(doc, "Returns the port"):
		return "r < 0"
	case regexp.MustCompile(`returns 0 on failure|, or 0 for `).MatchString(doc) && !strings.Contains(doc, "0 on success"):
		return "r == 0"
	case regexp.MustCompile(`Returns 0\b|0 on success|Always fails|Returns 0 if`).MatchString(doc):
		return "r != 0"
	}
	return ""
}

// nullAccepted reports whether the comment gives a NULL p a meaning.
func nullAccepted(f fn, p param) bool {
	ptrs := 0
	for _, q := range f.params {
		if strings.HasSuffix(q.typ, "*") {
			ptrs++
		}
	}
	word := regexp.MustCompile(`\b` + regexp.QuoteMeta(p.name) + `\b`)
	bad := regexp.MustCompile(`\bNULL if\b|\bif [\w ,/]+ is NULL|must not be NULL|[Rr]eturns|fail|not live`)
	for _, s := range sentRE.Split(f.doc, -1) {
		if !strings.Contains(s, "NULL") || bad.MatchString(s) {
			continue
		}
		if word.MatchString(s) || ptrs == 1 || strings.Contains(s, "NULL is a no-op") {
			return true
		}
	}
	return false
}

// anyAccepted reports whether the comment says p is ignored or the whole
// function is a no-op, so no value of p can fail.
func anyAccepted(f fn, p param) bool {
	if strings.HasPrefix(f.doc, "A no-op") {
		return true
	}
	word := regexp.QuoteMeta(p.name)
	return regexp.MustCompile(`\b` + word + `\b[^.]*\bis ignored`).MatchString(f.doc)
}

// isJSON reports whether the comment says p holds JSON.
func isJSON(f fn, p param) bool {
	// The name a few words before or after "JSON": "params is a JSON
	// object", "context_json (may be NULL) is a JSON object", "pact-file
	// JSON in pact_str". JSON that a value "may be" is optional: malformed
	// JSON is then a plain string.
	name := regexp.QuoteMeta(p.name)
	word := regexp.MustCompile(`\b` + name + `\b(?:\W+\w+){0,5}?\W+JSON\b|\bJSON(?:\W+\w+){0,2}?\W+` + name + `\b`)
	strs := 0
	for _, q := range f.params {
		if q.typ == "const char *" {
			strs++
		}
	}
	if strs == 1 && p.typ == "const char *" && strings.Contains(f.doc, "on malformed JSON") {
		return true
	}
	for _, s := range sentRE.Split(f.doc, -1) {
		if word.MatchString(s) && !strings.Contains(s, p.name+" may be") && !regexp.MustCompile(`(when|if) (it is )?valid JSON|JSON when valid`).MatchString(s) {
			return true
		}
	}
	return false
}

// goodString is a plausible valid value for a string parameter.
func goodString(f fn, p param) string {
	switch p.name {
	case "addr":
		return `"127.0.0.1"`
	case "transport":
		return `"http"`
	case "method":
		return `"GET"`
	case "path":
		return `"/"`
	case "content_type":
		return `"application/json"`
	case "status":
		return `"200"`
	case "directory", "dir":
		return `"."`
	case "file_name":
		return `"misuse.log"`
	}
	if isJSON(f, p) {
		return `"{}"`
	}
	return `"x"`
}

var handleTypes = map[string]bool{"PactHandle": true, "MessagePactHandle": true, "InteractionHandle": true, "MessageHandle": true}

// good returns the C expression for a valid-looking value of p.
func good(f fn, i int) string {
	p := f.params[i]
	t := p.typ
	switch {
	case t == "PactHandle":
		return "P"
	case t == "MessagePactHandle":
		return "MP"
	case t == "InteractionHandle":
		return "I"
	case t == "MessageHandle":
		return "M"
	case t == "const char *":
		return goodString(f, p)
	case t == "int32_t" && strings.Contains(p.name, "port"):
		return "PORT"
	case strings.HasPrefix(t, "enum "), t == "bool", t == "double", strings.Contains(t, "int"), strings.Contains(t, "size_t"),
		t == "unsigned char", t == "unsigned short", t == "unsigned long", t == "int":
		return "0"
	case strings.HasSuffix(t, "*"), t == "PluginLogCallback":
		return "NULL"
	}
	return "0"
}

type variant struct {
	desc    string
	args    []string
	nullArg bool // the bad argument is NULL (it may be documented as accepted)
	param   param
}

// variants returns one call per bad value of each parameter.
func variants(f fn) []variant {
	var vs []variant
	base := make([]string, len(f.params))
	for i := range f.params {
		base[i] = good(f, i)
	}
	add := func(i int, val, desc string, isNull bool) {
		args := append([]string(nil), base...)
		args[i] = val
		vs = append(vs, variant{desc: f.params[i].name + "=" + desc, args: args, nullArg: isNull, param: f.params[i]})
	}
	for i, p := range f.params {
		t := p.typ
		next := ""
		if i+1 < len(f.params) {
			next = f.params[i+1].typ
		}
		switch {
		case t == "PactHandle":
			add(i, "0", "0", false)
			add(i, "STALE_PACT", "a freed handle", false)
			add(i, "0xFFF0", "a handle never issued", false)
		case t == "MessagePactHandle":
			add(i, "0", "0", false)
			add(i, "STALE_MPACT", "a freed handle", false)
			add(i, "0xFFF0", "a handle never issued", false)
		case t == "InteractionHandle":
			add(i, "0", "0", false)
			add(i, "(InteractionHandle)((uint32_t)STALE_PACT << 16 | 1)", "an interaction of a freed pact", false)
			add(i, "(InteractionHandle)((uint32_t)P << 16 | 0xFFF0)", "an index never issued", false)
			add(i, "(InteractionHandle)0xFFF00001u", "a pact never issued", false)
		case t == "MessageHandle":
			add(i, "0", "0", false)
			add(i, "(MessageHandle)((uint32_t)STALE_MPACT << 16 | 1)", "a message of a freed pact", false)
			add(i, "(MessageHandle)((uint32_t)MP << 16 | 0xFFF0)", "an index never issued", false)
		case t == "int32_t" && strings.Contains(p.name, "port"):
			add(i, "0", "0", false)
			add(i, "-1", "-1", false)
			add(i, "STALE_PORT", "a port whose server was cleaned up", false)
		case t == "const char *":
			add(i, "NULL", "NULL", true)
			add(i, "BAD_UTF8", "invalid UTF-8", false)
			if isJSON(f, p) {
				add(i, "BAD_JSON", "malformed JSON", false)
			}
		case t == "char *":
			add(i, "NULL", "NULL", true)
		case t == "const char *const *":
			a := append([]string(nil), base...)
			a[i] = "NULL"
			if i+1 < len(f.params) {
				a[i+1] = "3"
			}
			vs = append(vs, variant{desc: p.name + "=NULL with length 3", args: a, nullArg: true, param: p})
		case (t == "const uint8_t *" || t == "const unsigned char *") && (next == "size_t" || next == "uintptr_t"):
			a := append([]string(nil), base...)
			a[i] = "NULL"
			a[i+1] = "16"
			vs = append(vs, variant{desc: p.name + "=NULL with size 16", args: a, nullArg: true, param: p})
		case t == "const uint8_t *" || t == "const unsigned char *":
			add(i, "NULL", "NULL", true)
		case strings.Contains(t, "struct ") && strings.HasSuffix(t, "*"):
			cast := "(" + t + ")"
			add(i, "NULL", "NULL", true)
			add(i, cast+"FOREIGN", "a foreign pointer (malloc'd by the caller)", false)
			add(i, cast+"STALE_PTR", "a deleted object", false)
			if strings.Contains(t, "struct Pact *") && !strings.Contains(t, "Iterator") {
				add(i, cast+"LIVE_CONSUMER", "a live object of another type (Consumer)", false)
			} else {
				add(i, cast+"LIVE_PACT", "a live object of another type (Pact)", false)
			}
		case strings.HasPrefix(t, "enum "):
			add(i, "("+t+")42", "42 (out of range)", false)
			add(i, "("+t+")-1", "-1 (out of range)", false)
		}
	}
	return vs
}

func generate(fns []fn) (string, []string) {
	var b strings.Builder
	var problems []string
	b.WriteString(prelude)
	var names []string
	total := 0
	for _, f := range fns {
		if why, ok := excluded[f.name]; ok {
			fmt.Fprintf(&b, "/* %s: not called (%s) */\n", f.name, why)
			continue
		}
		if len(f.params) == 0 {
			fmt.Fprintf(&b, "/* %s: no parameters to misuse */\n", f.name)
			continue
		}
		fail := failure(f)
		if fail == "" {
			problems = append(problems, f.ret+" "+f.name+": the comment says neither what it returns on failure nor 'Returns 0 ...'")
			continue
		}
		vs := variants(f)
		if len(vs) == 0 {
			fmt.Fprintf(&b, "/* %s: no pointer, handle or enum parameter to misuse */\n", f.name)
			continue
		}
		names = append(names, f.name)
		fmt.Fprintf(&b, "static void call_%s(void) {\n", f.name)
		for _, v := range vs {
			total++
			ok := "0"
			if (v.nullArg && nullAccepted(f, v.param)) || anyAccepted(f, v.param) {
				ok = "1"
			}
			fmt.Fprintf(&b, "  begin(%q, %q);\n", f.name, v.desc)
			call := f.name + "(" + strings.Join(v.args, ", ") + ")"
			switch {
			case f.ret == "void":
				fmt.Fprintf(&b, "  %s;\n  end(1, %s);\n", call, ok)
			case f.ret == "struct StringResult":
				fmt.Fprintf(&b, "  { struct StringResult r = %s; end(%s, %s); if (r.tag == StringResult_Ok) pactffi_string_delete(r.ok); else pactffi_string_delete(r.failed); }\n", call, fail, ok)
			default:
				fmt.Fprintf(&b, "  { %s r = %s; end(%s, %s); }\n", cType(f.ret), call, fail, ok)
			}
		}
		b.WriteString("}\n\n")
	}
	b.WriteString("static void *run_all(void *arg) {\n  slot = (int)(intptr_t)arg;\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  call_%s();\n", n)
	}
	b.WriteString("  return NULL;\n}\n\n")
	b.WriteString(`/* MISUSE_THREADS=n runs the whole sweep in n threads at once (default 1). */
int main(void) {
  int k, threads = getenv("MISUSE_THREADS") ? atoi(getenv("MISUSE_THREADS")) : 1;
  pthread_t th[MAX_THREADS];
  if (threads < 1) threads = 1;
  if (threads > MAX_THREADS) threads = MAX_THREADS;
  setup();
  for (k = 0; k < threads; k++) pthread_create(&th[k], NULL, run_all, (void *)(intptr_t)k);
  for (k = 0; k < threads; k++) pthread_join(th[k], NULL);
`)
	fmt.Fprintf(&b, "  return finish(threads, %d, %d);\n}\n", len(names), total)
	return b.String(), problems
}

// cType turns a return type into a declaration type for the result variable.
func cType(t string) string {
	if strings.HasPrefix(t, "const ") && strings.HasSuffix(t, "*") {
		return t
	}
	return t
}

const prelude = `/* Generated by conformance/reliability/misusegen from include/pact.h; do not edit. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pact.h"

/* The test hooks of ffi/testhook.go (documented in the "Test hooks" section of pact.h; declared here too so
 * that this file does not depend on that section being present). */
int libpact_test_panic(int mode);
int libpact_test_live_handles(void);

static const char *BAD_UTF8 = "caf\xc3\x28 \xff";
static const char *BAD_JSON = "{\"a\": [1, 2";
static PactHandle P, STALE_PACT;
static MessagePactHandle MP, STALE_MPACT;
static InteractionHandle I;
static MessageHandle M;
static int32_t PORT, STALE_PORT;
static void *FOREIGN, *STALE_PTR, *LIVE_PACT, *LIVE_CONSUMER;

/* Each thread's current call, for the watchdog (MISUSE_THREADS threads run the sweep at once). */
#define MAX_THREADS 64
static struct {
  const char *volatile fn, *volatile desc;
  volatile time_t start;
} cur[MAX_THREADS];
static _Thread_local int slot;
static int calls, failures, accepted_null; /* updated with __atomic builtins */

/* watchdog turns a call that takes more than 10 s into a reported hang. */
static void *watchdog(void *arg) {
  int k;
  (void)arg;
  for (;;) {
    sleep(1);
    for (k = 0; k < MAX_THREADS; k++) {
      if (cur[k].start && time(NULL) - cur[k].start > 10) {
        fprintf(stderr, "HANG %s(%s): no return after 10 s\n", cur[k].fn, cur[k].desc);
        fflush(stderr);
        _exit(3);
      }
    }
  }
  return NULL;
}

static void begin(const char *fn, const char *desc) {
  libpact_test_panic(0); /* clears the thread's last error */
  cur[slot].fn = fn;
  cur[slot].desc = desc;
  cur[slot].start = time(NULL);
  __atomic_fetch_add(&calls, 1, __ATOMIC_RELAXED);
}

/* end checks one call: failed says whether it returned its failure value (1 for void functions, which fail by
 * leaving a message); null_ok says the comment gives the NULL argument a meaning, so any outcome is fine. */
static void end(int failed, int null_ok) {
  char msg[4096];
  int n = pactffi_get_error_message(msg, sizeof msg);
  int has_msg = n > 1;
  cur[slot].start = 0;
  if (failed && has_msg) return;
  if (null_ok) {
    __atomic_fetch_add(&accepted_null, 1, __ATOMIC_RELAXED);
    return;
  }
  __atomic_fetch_add(&failures, 1, __ATOMIC_RELAXED);
  if (!failed)
    fprintf(stderr, "FAIL %s(%s): returned a success value%s%s\n", cur[slot].fn, cur[slot].desc,
            has_msg ? "; last error: " : "", has_msg ? msg : "");
  else
    fprintf(stderr, "FAIL %s(%s): failed but left no message for pactffi_get_error_message\n", cur[slot].fn,
            cur[slot].desc);
}

static void setup(void) {
  pthread_t t;
  const char *tmp = getenv("MISUSE_TMP");
  if (tmp && chdir(tmp) != 0) { perror("chdir"); exit(2); }
  pthread_create(&t, NULL, watchdog, NULL);
  P = pactffi_new_pact("misuse-consumer", "misuse-provider");
  I = pactffi_new_interaction(P, "an interaction");
  MP = pactffi_new_message_pact("misuse-consumer", "misuse-provider");
  M = pactffi_new_message(MP, "a message");
  STALE_PACT = pactffi_new_pact("stale", "stale");
  pactffi_free_pact_handle(STALE_PACT);
  STALE_MPACT = pactffi_new_message_pact("stale", "stale");
  pactffi_free_message_pact_handle(STALE_MPACT);
  {
    PactHandle q = pactffi_new_pact("misuse-server", "misuse-provider");
    InteractionHandle qi = pactffi_new_interaction(q, "served");
    pactffi_with_request(qi, "GET", "/");
    PORT = pactffi_create_mock_server_for_transport(q, "127.0.0.1", 0, "http", NULL);
    STALE_PORT = pactffi_create_mock_server_for_transport(q, "127.0.0.1", 0, "http", NULL);
    pactffi_cleanup_mock_server(STALE_PORT);
  }
  FOREIGN = calloc(1, 256);
  LIVE_PACT = pactffi_pact_handle_to_pointer(P);
  LIVE_CONSUMER = (void *)pactffi_pact_get_consumer(LIVE_PACT);
  STALE_PTR = pactffi_pact_handle_to_pointer(P);
  pactffi_pact_model_delete(STALE_PTR);
  if (!P || !I || !MP || !M || !STALE_PACT || !STALE_MPACT || PORT <= 0 || STALE_PORT <= 0 || !LIVE_PACT || !LIVE_CONSUMER || !STALE_PTR) {
    fprintf(stderr, "misuse: setup failed (P=%u I=%u MP=%u M=%u port=%d)\n", P, I, MP, M, PORT);
    exit(2);
  }
}

static int finish(int threads, int functions, int generated) {
  printf("misuse sweep: %d functions, %d calls (%d generated x %d threads), %d documented NULL uses accepted, %d failures, "
         "0 crashes, 0 hangs\n",
         functions, calls, generated, threads, accepted_null, failures);
  return failures ? 1 : 0;
}

`
