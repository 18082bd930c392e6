package main

/*
#include "types.h"
*/
import "C"

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/verifier"
)

// The provider verifier: a VerifierHandle is a token pointer from the
// verifiers table; the setters fill a verifier.Config, and
// pactffi_verifier_execute runs verifier.Verify on a goroutine while the
// calling thread waits (the provider under test may run in this process on
// other threads; nothing needs the caller's thread).
//
// Output and logs are kept per handle and printed to stdout only when the
// environment variable LIBPACT_VERIFIER_STDOUT is "1" or "true" (the
// reference always prints them).

// verifierHandle is the state behind a VerifierHandle.
type verifierHandle struct {
	mu     sync.Mutex // guards everything below
	cfg    verifier.Config
	report *verifier.Report
	extra  []string // output lines added by execute itself (e.g. "Verification execution failed: ...")
}

var verifiers = newPtrTable[*verifierHandle]("VerifierHandle")

// lastLogs keeps the log of the last verification of each provider, for
// pactffi_verifier_logs_for_provider.
var (
	lastLogsMu sync.Mutex
	lastLogs   = map[string]string{}
)

func init() { registerTable("verifiers", verifiers.Len) }

func newVerifierHandle(name, version string) *verifierHandle {
	return &verifierHandle{cfg: verifier.Config{
		Provider:        verifier.Provider{Name: "provider", Scheme: "http", Host: "localhost", Path: "/"},
		Coloured:        true,
		NoPactsIsError:  true,
		FollowRedirects: true,
		RequestTimeout:  verifier.DefaultRequestTimeout,
		AppName:         name,
		AppVersion:      version,
	}}
}

func getVerifier(h *C.VerifierHandle, fn string) (*verifierHandle, error) {
	v, err := verifiers.Get(unsafe.Pointer(h))
	if err != nil {
		return nil, errorf(fn, "%v", err)
	}
	return v, nil
}

// withVerifier runs f on the handle under its lock, recording errors as the
// thread's last error. It reports success.
func withVerifier(h *C.VerifierHandle, fn string, f func(v *verifierHandle) error) bool {
	v, err := getVerifier(h, fn)
	if err != nil {
		setError(err)
		return false
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := f(v); err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	clearError()
	return true
}

// optStr converts an optional string argument, def for NULL.
func optStr(p *C.char, name, def string) (string, error) {
	s, ok, err := optCstr(p, name)
	if err != nil {
		return "", err
	}
	if !ok {
		return def, nil
	}
	return s, nil
}

// cstrings converts an array of n C strings; NULL entries and empty strings
// are skipped, as the reference does.
func cstrings(p **C.char, n C.ushort, name string) ([]string, error) {
	if p == nil || n == 0 {
		return nil, nil
	}
	items := unsafe.Slice(p, int(n))
	var out []string
	for i, item := range items {
		if item == nil {
			continue
		}
		s, err := cstr(item, fmt.Sprintf("%s[%d]", name, i))
		if err != nil {
			return nil, err
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

// authOf builds broker credentials: a username (with an optional password)
// wins over a token.
func authOf(username, password, token *C.char) (broker.Auth, error) {
	u, err := optStr(username, "username", "")
	if err != nil {
		return broker.Auth{}, err
	}
	p, err := optStr(password, "password", "")
	if err != nil {
		return broker.Auth{}, err
	}
	t, err := optStr(token, "token", "")
	if err != nil {
		return broker.Auth{}, err
	}
	if u != "" {
		return broker.BasicAuth(u, p), nil
	}
	return broker.TokenAuth(t), nil
}

//export pactffi_verifier_new
func pactffi_verifier_new() (ret *C.VerifierHandle) {
	defer guard(&ret, nil, "pactffi_verifier_new")
	clearError()
	return (*C.VerifierHandle)(verifiers.Add(newVerifierHandle("", "")))
}

//export pactffi_verifier_new_for_application
func pactffi_verifier_new_for_application(name, version *C.char) (ret *C.VerifierHandle) {
	defer guard(&ret, nil, "pactffi_verifier_new_for_application")
	n, err := optStr(name, "name", "unknown")
	if err != nil {
		setError(errorf("pactffi_verifier_new_for_application", "%v", err))
		return nil
	}
	v, err := optStr(version, "version", "unknown")
	if err != nil {
		setError(errorf("pactffi_verifier_new_for_application", "%v", err))
		return nil
	}
	clearError()
	return (*C.VerifierHandle)(verifiers.Add(newVerifierHandle(n, v)))
}

//export pactffi_verifier_shutdown
func pactffi_verifier_shutdown(handle *C.VerifierHandle) {
	defer guardVoid("pactffi_verifier_shutdown")
	if handle == nil {
		clearError()
		return
	}
	if _, err := verifiers.Remove(unsafe.Pointer(handle)); err != nil {
		setError(errorf("pactffi_verifier_shutdown", "%v", err))
		return
	}
	clearError()
}

//export pactffi_verifier_set_provider_info
func pactffi_verifier_set_provider_info(handle *C.VerifierHandle, name, scheme, host *C.char, port C.ushort, path *C.char) {
	defer guardVoid("pactffi_verifier_set_provider_info")
	withVerifier(handle, "pactffi_verifier_set_provider_info", func(v *verifierHandle) error {
		n, err := optStr(name, "name", "provider")
		if err != nil {
			return err
		}
		s, err := optStr(scheme, "scheme", "http")
		if err != nil {
			return err
		}
		h, err := optStr(host, "host", "localhost")
		if err != nil {
			return err
		}
		p, err := optStr(path, "path", "/")
		if err != nil {
			return err
		}
		// As the reference does, this replaces the provider, including the
		// transports added before, with one transport for the scheme.
		v.cfg.Provider = verifier.Provider{Name: n, Scheme: s, Host: h, Port: int(port), Path: p,
			Transports: []verifier.Transport{{Protocol: s, Port: int(port), Path: p, Scheme: s}}}
		return nil
	})
}

//export pactffi_verifier_add_provider_transport
func pactffi_verifier_add_provider_transport(handle *C.VerifierHandle, protocol *C.char, port C.ushort, path, scheme *C.char) {
	defer guardVoid("pactffi_verifier_add_provider_transport")
	withVerifier(handle, "pactffi_verifier_add_provider_transport", func(v *verifierHandle) error {
		proto, err := optStr(protocol, "protocol", "")
		if err != nil {
			return err
		}
		p, err := optStr(path, "path", "/")
		if err != nil {
			return err
		}
		s, err := optStr(scheme, "scheme", "")
		if err != nil {
			return err
		}
		v.cfg.Provider.Transports = append(v.cfg.Provider.Transports,
			verifier.Transport{Protocol: proto, Port: int(port), Path: p, Scheme: s})
		return nil
	})
}

//export pactffi_verifier_set_filter_info
func pactffi_verifier_set_filter_info(handle *C.VerifierHandle, filterDescription, filterState *C.char, filterNoState C.uchar) {
	defer guardVoid("pactffi_verifier_set_filter_info")
	withVerifier(handle, "pactffi_verifier_set_filter_info", func(v *verifierHandle) error {
		d, err := optStr(filterDescription, "filter_description", "")
		if err != nil {
			return err
		}
		s, err := optStr(filterState, "filter_state", "")
		if err != nil {
			return err
		}
		v.cfg.Filter.Description, v.cfg.Filter.State, v.cfg.Filter.NoState = d, s, filterNoState > 0
		return nil
	})
}

//export pactffi_verifier_set_provider_state
func pactffi_verifier_set_provider_state(handle *C.VerifierHandle, url *C.char, teardown, body C.uchar) {
	defer guardVoid("pactffi_verifier_set_provider_state")
	withVerifier(handle, "pactffi_verifier_set_provider_state", func(v *verifierHandle) error {
		u, err := optStr(url, "url", "")
		if err != nil {
			return err
		}
		v.cfg.StateChange = verifier.StateChange{URL: u, Teardown: teardown > 0, AsQuery: body == 0}
		return nil
	})
}

//export pactffi_verifier_set_verification_options
func pactffi_verifier_set_verification_options(handle *C.VerifierHandle, disableSSLVerification C.uchar, requestTimeout C.ulong) (ret C.int) {
	defer guard(&ret, 1, "pactffi_verifier_set_verification_options")
	ok := withVerifier(handle, "pactffi_verifier_set_verification_options", func(v *verifierHandle) error {
		v.cfg.DisableTLSVerification = disableSSLVerification > 0
		// 0 keeps the default (the reference would time every request out at once).
		v.cfg.RequestTimeout = time.Duration(uint64(requestTimeout)) * time.Millisecond
		if requestTimeout == 0 {
			v.cfg.RequestTimeout = verifier.DefaultRequestTimeout
		}
		return nil
	})
	return exitCode(ok)
}

func exitCode(ok bool) C.int {
	if ok {
		return 0
	}
	return 1
}

//export pactffi_verifier_set_coloured_output
func pactffi_verifier_set_coloured_output(handle *C.VerifierHandle, colouredOutput C.uchar) (ret C.int) {
	defer guard(&ret, 1, "pactffi_verifier_set_coloured_output")
	return exitCode(withVerifier(handle, "pactffi_verifier_set_coloured_output", func(v *verifierHandle) error {
		v.cfg.Coloured = colouredOutput > 0
		return nil
	}))
}

//export pactffi_verifier_set_no_pacts_is_error
func pactffi_verifier_set_no_pacts_is_error(handle *C.VerifierHandle, isError C.uchar) (ret C.int) {
	defer guard(&ret, 1, "pactffi_verifier_set_no_pacts_is_error")
	return exitCode(withVerifier(handle, "pactffi_verifier_set_no_pacts_is_error", func(v *verifierHandle) error {
		v.cfg.NoPactsIsError = isError > 0
		return nil
	}))
}

//export pactffi_verifier_set_publish_options
func pactffi_verifier_set_publish_options(handle *C.VerifierHandle, providerVersion, buildURL *C.char, providerTags **C.char, providerTagsLen C.ushort, providerBranch *C.char) (ret C.int) {
	defer guard(&ret, 1, "pactffi_verifier_set_publish_options")
	return exitCode(withVerifier(handle, "pactffi_verifier_set_publish_options", func(v *verifierHandle) error {
		ver, err := cstr(providerVersion, "provider_version")
		if err != nil {
			return err
		}
		if ver == "" {
			return fmt.Errorf("provider_version is empty; results are published for a provider version")
		}
		b, err := optStr(buildURL, "build_url", "")
		if err != nil {
			return err
		}
		tags, err := cstrings(providerTags, providerTagsLen, "provider_tags")
		if err != nil {
			return err
		}
		branch, err := optStr(providerBranch, "provider_branch", "")
		if err != nil {
			return err
		}
		v.cfg.Publish = &verifier.PublishOptions{ProviderVersion: ver, BuildURL: b, ProviderTags: tags, ProviderBranch: branch}
		return nil
	}))
}

//export pactffi_verifier_set_consumer_filters
func pactffi_verifier_set_consumer_filters(handle *C.VerifierHandle, consumerFilters **C.char, consumerFiltersLen C.ushort) {
	defer guardVoid("pactffi_verifier_set_consumer_filters")
	withVerifier(handle, "pactffi_verifier_set_consumer_filters", func(v *verifierHandle) error {
		c, err := cstrings(consumerFilters, consumerFiltersLen, "consumer_filters")
		if err != nil {
			return err
		}
		v.cfg.Filter.Consumers = c
		return nil
	})
}

//export pactffi_verifier_add_custom_header
func pactffi_verifier_add_custom_header(handle *C.VerifierHandle, headerName, headerValue *C.char) {
	defer guardVoid("pactffi_verifier_add_custom_header")
	withVerifier(handle, "pactffi_verifier_add_custom_header", func(v *verifierHandle) error {
		n, err := cstr(headerName, "header_name")
		if err != nil {
			return err
		}
		val, err := cstr(headerValue, "header_value")
		if err != nil {
			return err
		}
		if err := verifier.CheckCustomHeader(n, val); err != nil {
			return err
		}
		if v.cfg.CustomHeaders == nil {
			v.cfg.CustomHeaders = map[string]string{}
		}
		v.cfg.CustomHeaders[n] = val
		return nil
	})
}

//export pactffi_verifier_set_follow_redirects
func pactffi_verifier_set_follow_redirects(handle *C.VerifierHandle, follow C.uchar) {
	defer guardVoid("pactffi_verifier_set_follow_redirects")
	withVerifier(handle, "pactffi_verifier_set_follow_redirects", func(v *verifierHandle) error {
		v.cfg.FollowRedirects = follow > 0
		return nil
	})
}

//export pactffi_verifier_add_file_source
func pactffi_verifier_add_file_source(handle *C.VerifierHandle, file *C.char) {
	defer guardVoid("pactffi_verifier_add_file_source")
	withVerifier(handle, "pactffi_verifier_add_file_source", func(v *verifierHandle) error {
		f, err := cstr(file, "file")
		if err != nil {
			return err
		}
		v.cfg.Sources = append(v.cfg.Sources, verifier.FileSource(f))
		return nil
	})
}

//export pactffi_verifier_add_directory_source
func pactffi_verifier_add_directory_source(handle *C.VerifierHandle, directory *C.char) {
	defer guardVoid("pactffi_verifier_add_directory_source")
	withVerifier(handle, "pactffi_verifier_add_directory_source", func(v *verifierHandle) error {
		d, err := cstr(directory, "directory")
		if err != nil {
			return err
		}
		v.cfg.Sources = append(v.cfg.Sources, verifier.DirSource(d))
		return nil
	})
}

//export pactffi_verifier_url_source
func pactffi_verifier_url_source(handle *C.VerifierHandle, url, username, password, token *C.char) {
	defer guardVoid("pactffi_verifier_url_source")
	withVerifier(handle, "pactffi_verifier_url_source", func(v *verifierHandle) error {
		u, err := cstr(url, "url")
		if err != nil {
			return err
		}
		auth, err := authOf(username, password, token)
		if err != nil {
			return err
		}
		v.cfg.Sources = append(v.cfg.Sources, verifier.URLSource(u, auth))
		return nil
	})
}

//export pactffi_verifier_broker_source
func pactffi_verifier_broker_source(handle *C.VerifierHandle, url, username, password, token *C.char) {
	defer guardVoid("pactffi_verifier_broker_source")
	withVerifier(handle, "pactffi_verifier_broker_source", func(v *verifierHandle) error {
		u, err := cstr(url, "url")
		if err != nil {
			return err
		}
		auth, err := authOf(username, password, token)
		if err != nil {
			return err
		}
		src := verifier.BrokerSource(u, auth, nil)
		src.WithSelectors = false
		v.cfg.Sources = append(v.cfg.Sources, src)
		return nil
	})
}

//export pactffi_verifier_broker_source_with_selectors
func pactffi_verifier_broker_source_with_selectors(handle *C.VerifierHandle, url, username, password, token *C.char,
	enablePending C.uchar, includeWipPactsSince *C.char, providerTags **C.char, providerTagsLen C.ushort,
	providerBranch *C.char, consumerVersionSelectors **C.char, consumerVersionSelectorsLen C.ushort,
	consumerVersionTags **C.char, consumerVersionTagsLen C.ushort) (ret C.int) {
	defer guard(&ret, -2, "pactffi_verifier_broker_source_with_selectors")
	const fn = "pactffi_verifier_broker_source_with_selectors"
	v, err := getVerifier(handle, fn)
	if err != nil {
		setError(err)
		return -2
	}
	fail := func(code C.int, err error) C.int {
		setError(errorf(fn, "%v", err))
		return code
	}
	u, err := cstr(url, "url")
	if err != nil {
		return fail(-2, err)
	}
	auth, err := authOf(username, password, token)
	if err != nil {
		return fail(-2, err)
	}
	wip, err := optStr(includeWipPactsSince, "include_wip_pacts_since", "")
	if err != nil {
		return fail(-2, err)
	}
	ptags, err := cstrings(providerTags, providerTagsLen, "provider_tags")
	if err != nil {
		return fail(-2, err)
	}
	branch, err := optStr(providerBranch, "provider_branch", "")
	if err != nil {
		return fail(-2, err)
	}
	rawSels, err := cstrings(consumerVersionSelectors, consumerVersionSelectorsLen, "consumer_version_selectors")
	if err != nil {
		return fail(-2, err)
	}
	ctags, err := cstrings(consumerVersionTags, consumerVersionTagsLen, "consumer_version_tags")
	if err != nil {
		return fail(-2, err)
	}
	var sels []map[string]any
	switch {
	case len(rawSels) > 0:
		for i, s := range rawSels {
			var m map[string]any
			if err := json.Unmarshal([]byte(s), &m); err != nil {
				return fail(-1, fmt.Errorf("consumer_version_selectors[%d] %q is not a JSON object: %v", i, s, err))
			}
			sels = append(sels, m)
		}
	case len(ctags) > 0:
		for _, t := range ctags {
			sels = append(sels, map[string]any{"tag": t, "latest": true})
		}
	}
	src := verifier.BrokerSource(u, auth, sels)
	src.EnablePending = enablePending > 0
	src.IncludeWIPSince = wip
	src.ProviderTags = ptags
	src.ProviderBranch = branch
	src.ProviderBranchGiven = providerBranch != nil
	v.mu.Lock()
	v.cfg.Sources = append(v.cfg.Sources, src)
	v.mu.Unlock()
	clearError()
	return 0
}

// printOutput says whether verification output goes to stdout too.
func printOutput() bool {
	switch strings.ToLower(os.Getenv("LIBPACT_VERIFIER_STDOUT")) {
	case "1", "true", "yes":
		return true
	}
	return false
}

// runVerification runs Verify on a goroutine and waits for it, so that the
// calling thread (a C thread) only waits.
func runVerification(cfg verifier.Config) (*verifier.Report, error) {
	type result struct {
		rep *verifier.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{err: fmt.Errorf("internal error (a bug in libpact, please report it): %v", p)}
				logging.LogError(r.err.Error())
			}
			done <- r
		}()
		r.rep, r.err = verifier.Verify(context.Background(), cfg)
	}()
	r := <-done
	return r.rep, r.err
}

//export pactffi_verifier_execute
func pactffi_verifier_execute(handle *C.VerifierHandle) (ret C.int) {
	defer guard(&ret, 2, "pactffi_verifier_execute")
	v, err := getVerifier(handle, "pactffi_verifier_execute")
	if err != nil {
		setError(err)
		return 2
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	cfg := v.cfg
	if printOutput() {
		cfg.Stdout = os.Stdout
	}
	rep, err := runVerification(cfg)
	v.report, v.extra = rep, nil
	if rep != nil {
		lastLogsMu.Lock()
		lastLogs[cfg.Provider.Name] = strings.Join(rep.Logs, "\n")
		lastLogsMu.Unlock()
	}
	if err != nil {
		v.extra = []string{"Verification execution failed: " + err.Error()}
		setError(errorf("pactffi_verifier_execute", "verification execution failed: %v", err))
		return 2
	}
	clearError()
	if rep.Result {
		return 0
	}
	setError(errorf("pactffi_verifier_execute", "verification failed: %d failure(s); see pactffi_verifier_output or pactffi_verifier_json", len(rep.Errors)))
	return 1
}

// output returns the handle's output lines.
func (v *verifierHandle) output() []string {
	var out []string
	if v.report != nil {
		out = append(out, v.report.Output...)
	}
	return append(out, v.extra...)
}

//export pactffi_verifier_logs
func pactffi_verifier_logs(handle *C.VerifierHandle) (ret *C.char) {
	defer guard(&ret, nil, "pactffi_verifier_logs")
	v, err := getVerifier(handle, "pactffi_verifier_logs")
	if err != nil {
		setError(err)
		return nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	logs := ""
	if v.report != nil {
		logs = strings.Join(v.report.Logs, "\n")
	}
	clearError()
	return ownedString(logs)
}

//export pactffi_verifier_logs_for_provider
func pactffi_verifier_logs_for_provider(providerName *C.char) (ret *C.char) {
	defer guard(&ret, nil, "pactffi_verifier_logs_for_provider")
	name, err := cstr(providerName, "provider_name")
	if err != nil {
		setError(errorf("pactffi_verifier_logs_for_provider", "%v", err))
		return nil
	}
	// An unknown provider gives "", as pact_ffi's empty log buffer does.
	lastLogsMu.Lock()
	logs := lastLogs[name]
	lastLogsMu.Unlock()
	clearError()
	return ownedString(logs)
}

//export pactffi_verifier_output
func pactffi_verifier_output(handle *C.VerifierHandle, stripAnsi C.uchar) (ret *C.char) {
	defer guard(&ret, nil, "pactffi_verifier_output")
	v, err := getVerifier(handle, "pactffi_verifier_output")
	if err != nil {
		setError(err)
		return nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	out := strings.Join(v.output(), "\n")
	if stripAnsi > 0 {
		out = verifier.StripANSI(out)
	}
	clearError()
	return ownedString(out)
}

//export pactffi_verifier_json
func pactffi_verifier_json(handle *C.VerifierHandle) (ret *C.char) {
	defer guard(&ret, nil, "pactffi_verifier_json")
	v, err := getVerifier(handle, "pactffi_verifier_json")
	if err != nil {
		setError(err)
		return nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	rep := v.report
	if rep == nil {
		rep = &verifier.Report{Result: len(v.extra) == 0}
	}
	if len(v.extra) > 0 {
		cp := *rep
		cp.Output = v.output()
		rep = &cp
	}
	clearError()
	return ownedString(string(rep.JSON()))
}

//export pactffi_verifier_cli_args
func pactffi_verifier_cli_args() (ret *C.char) {
	defer guard(&ret, nil, "pactffi_verifier_cli_args")
	clearError()
	return ownedString(string(verifier.CLIArgsJSON()))
}

// pactffi_verify runs a verification from command-line style arguments, one
// per line (pact_ffi 0.4.x). It prints the output to stdout, as the CLI
// does, and returns 0 (passed), 1 (failed), 2 (args is NULL), 3 (internal
// error) or 4 (invalid arguments).
//
//export pactffi_verify
func pactffi_verify(args *C.char) (ret C.int) {
	defer guard(&ret, 3, "pactffi_verify")
	if args == nil {
		setErrorf("pactffi_verify: args is NULL; pass the CLI arguments, one per line")
		return 2
	}
	s, err := cstr(args, "args")
	if err != nil {
		setError(errorf("pactffi_verify", "%v", err))
		return 4
	}
	cfg, opts, err := verifier.ParseArgs(strings.Split(s, "\n"))
	if err != nil {
		setError(errorf("pactffi_verify", "invalid arguments: %v", err))
		fmt.Fprintln(os.Stderr, "pactffi_verify: invalid arguments:", err)
		return 4
	}
	cfg.Stdout = os.Stdout
	rep, err := runVerification(cfg)
	if err != nil {
		setError(errorf("pactffi_verify", "verification execution failed: %v", err))
		fmt.Fprintln(os.Stdout, "Verification execution failed:", err)
		return 4
	}
	lastLogsMu.Lock()
	lastLogs[cfg.Provider.Name] = strings.Join(rep.Logs, "\n")
	lastLogsMu.Unlock()
	if opts.JSONFile != "" {
		if err := os.WriteFile(opts.JSONFile, rep.JSON(), 0o644); err != nil {
			setError(errorf("pactffi_verify", "writing the JSON report: %v", err))
		}
	}
	if rep.Result {
		clearError()
		return 0
	}
	setErrorf("pactffi_verify: verification failed: %d failure(s)", len(rep.Errors))
	return 1
}
