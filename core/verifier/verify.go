package verifier

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/libpact/libpact/core/generators"
	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/model"
)

// run is the state of one Verify call.
type run struct {
	cfg        Config
	http       *http.Client
	brokerHTTP *http.Client
	descRe     *regexp.Regexp
	stateRe    *regexp.Regexp

	mu   sync.Mutex // guards logs
	logs []string
}

// outcome is the result of verifying one interaction: an error that stopped
// it (err) or the mismatches found (none: it passed).
type outcome struct {
	err        error
	mismatches []matching.Mismatch
	// metadata is the expected message metadata the outcome was matched
	// against, when it differs from the interaction's (expectedAsyncMessage)
	metadata map[string]any
	// diff holds the bodies for the diff after a body mismatch (nil when
	// the expected body is not JSON)
	diff *bodyDiff
}

func (o outcome) ok() bool { return o.err == nil && len(o.mismatches) == 0 }

// logf records a log line for the run (Report.Logs) and passes it to the
// library's logger.
func (v *run) logf(level, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	line := time.Now().UTC().Format("2006-01-02T15:04:05.000Z") + " " + level + " " + msg
	v.mu.Lock()
	v.logs = append(v.logs, line)
	v.mu.Unlock()
	lvl := logging.Info
	switch level {
	case "ERROR":
		lvl = logging.Error
	case "WARN":
		lvl = logging.Warn
	case "DEBUG":
		lvl = logging.Debug
	}
	logging.Log(lvl, msg, "provider", v.cfg.Provider.Name)
}

// filter applies the request filter hook.
func (v *run) filter(req *http.Request) error {
	if v.cfg.RequestFilter == nil {
		return nil
	}
	v.logf("INFO", "Invoking request filter for request")
	if err := v.cfg.RequestFilter(req); err != nil {
		return fmt.Errorf("request filter failed: %w", err)
	}
	return nil
}

// Verify runs a verification and returns its report. The error is non-nil
// only when the verification could not run at all (an invalid filter
// regex, a bad configuration); a pact that cannot be loaded, a provider that
// cannot be reached and a failing state change are failures recorded in the
// report, and every other interaction is still verified.
//
// ctx bounds the whole run; each request is also bounded by
// Config.RequestTimeout.
func Verify(ctx context.Context, cfg Config) (*Report, error) {
	applyEnvFilter(&cfg.Filter)
	v := &run{cfg: cfg}
	if cfg.Filter.Description != "" {
		re, err := regexp.Compile(cfg.Filter.Description)
		if err != nil {
			return nil, fmt.Errorf("invalid interaction description filter %q: %w", cfg.Filter.Description, err)
		}
		v.descRe = re
	}
	if cfg.Filter.State != "" {
		re, err := regexp.Compile(cfg.Filter.State)
		if err != nil {
			return nil, fmt.Errorf("invalid provider state filter %q: %w", cfg.Filter.State, err)
		}
		v.stateRe = re
	}
	if cfg.Publish != nil && cfg.Publish.ProviderVersion == "" {
		return nil, errors.New("publishing verification results needs a provider version")
	}
	for name, val := range cfg.CustomHeaders {
		if err := CheckCustomHeader(name, val); err != nil {
			return nil, err
		}
	}
	v.http, v.brokerHTTP = httpClients(&cfg)
	defer v.http.CloseIdleConnections()

	if cfg.AppName != "" {
		v.logf("DEBUG", "Verification run for %s %s", cfg.AppName, cfg.AppVersion)
	}
	rep := &Report{Result: true, Notices: []map[string]string{}, Output: []string{}}
	var errs, pendingErrs []Failure
	pacts := v.loadSources(ctx)
	verified := 0
	for _, l := range pacts {
		if l.err != nil {
			if l.notFound && !cfg.NoPactsIsError {
				v.logf("WARN", "Ignoring no pacts error - %v", l.err)
				continue
			}
			v.logf("ERROR", "Failed to load pact - %v", l.err)
			errs = append(errs, Failure{Interaction: "Failed to load pact", Error: l.err.Error()})
			continue
		}
		verified++
		for _, n := range l.notices {
			rep.Notices = append(rep.Notices, noticeMap(n))
			if n.When == "before_verification" {
				rep.Output = append(rep.Output, n.Text)
			}
		}
		rep.Output = append(rep.Output, "\nVerifying a pact between "+v.bold(l.pact.Consumer)+" and "+v.bold(l.pact.Provider))
		if len(l.pact.Interactions) == 0 {
			rep.Output = append(rep.Output, v.paint(yellow, "WARNING: Pact file has no interactions"))
			continue
		}
		results, out := v.verifyPact(ctx, &l)
		rep.Output = append(rep.Output, out...)
		for _, r := range results {
			if r.OK {
				continue
			}
			f := Failure{Interaction: r.Description, InteractionID: r.ID, Error: r.Error, Cause: r.Cause,
				Mismatches: r.Mismatches, diff: r.diff}
			if r.Pending {
				pendingErrs = append(pendingErrs, f)
			} else {
				errs = append(errs, f)
			}
		}
		rep.Interactions = append(rep.Interactions, results...)
		if cfg.Publish != nil && l.fromBroker {
			if err := v.publish(ctx, &l, results); err != nil {
				v.logf("ERROR", "Publishing of verification results failed with an error: %v", err)
				rep.PublishErrors = append(rep.PublishErrors, err.Error())
			} else {
				v.logf("INFO", "Results published to Pact Broker")
			}
		} else if cfg.Publish != nil {
			v.logf("INFO", "Not publishing results as publishing for pact source %s is not possible", l.source)
		}
		when := afterNotice(cfg.Publish != nil, len(errs) > 0, len(pendingErrs) > 0)
		for _, n := range l.notices {
			if n.When == when {
				rep.Output = append(rep.Output, n.Text)
			}
		}
	}
	if verified == 0 && len(errs) == 0 {
		// not a failure: pact_verifier fails only for a broker that has no
		// pacts (NoPactsIsError), and passes when files or directories hold none
		v.logf("WARN", "No pacts were found to verify for provider '%s' (sources: %s)", cfg.Provider.Name, sourceList(cfg.Sources))
	}
	rep.Errors, rep.PendingErrors = errs, pendingErrs
	if len(pendingErrs) > 0 {
		rep.Output = append(rep.Output, "\nPending Failures:\n")
		rep.Output = v.failureLines(rep.Output, pendingErrs)
		rep.Output = append(rep.Output, fmt.Sprintf("\nThere were %d non-fatal pact failures on pending pacts or interactions (see docs.pact.io/pending for more information)\n", len(pendingErrs)))
	}
	if len(errs) > 0 {
		rep.Output = append(rep.Output, "\nFailures:\n")
		rep.Output = v.failureLines(rep.Output, errs)
		rep.Output = append(rep.Output, fmt.Sprintf("\nThere were %d pact failures\n", len(errs)))
		rep.Result = false
	} else {
		rep.Output = append(rep.Output, "")
	}
	v.mu.Lock()
	rep.Logs = v.logs
	v.mu.Unlock()
	if cfg.Stdout != nil {
		fmt.Fprintln(cfg.Stdout, rep.Text())
	}
	if cfg.JUnitFile != "" {
		if err := os.WriteFile(cfg.JUnitFile, rep.JUnit(), 0o644); err != nil {
			return rep, fmt.Errorf("writing the JUnit report: %w", err)
		}
	}
	return rep, nil
}

func sourceList(ss []Source) string {
	if len(ss) == 0 {
		return "none given"
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, ", ")
}

// applyEnvFilter reads PACT_DESCRIPTION, PACT_PROVIDER_STATE and
// PACT_PROVIDER_NO_STATE when no interaction filter is configured.
func applyEnvFilter(f *Filter) {
	if f.Description != "" || f.State != "" || f.NoState {
		return
	}
	f.Description = os.Getenv("PACT_DESCRIPTION")
	f.State = os.Getenv("PACT_PROVIDER_STATE")
	switch strings.ToLower(os.Getenv("PACT_PROVIDER_NO_STATE")) {
	case "true", "1", "yes":
		f.NoState = true
	}
}

// selected applies the description and state filters (as the reference's
// filter_interaction does: regexes match anywhere in the text; the state
// filter, or NoState, with no states selects interactions without states).
func (v *run) selected(i *model.Interaction) bool {
	f := &v.cfg.Filter
	hasState := f.State != "" || f.NoState
	if v.descRe != nil && !v.descRe.MatchString(i.Description) {
		return false
	}
	if !hasState {
		return true
	}
	if len(i.ProviderStates) == 0 {
		return f.State == ""
	}
	if v.stateRe == nil {
		return false
	}
	for _, s := range i.ProviderStates {
		if v.stateRe.MatchString(s.Name) {
			return true
		}
	}
	return false
}

// verifyPact verifies the selected interactions of one pact and returns
// their results and the output lines.
func (v *run) verifyPact(ctx context.Context, l *loaded) ([]InteractionResult, []string) {
	p := l.pact
	var results []InteractionResult
	var out []string
	for _, i := range p.Interactions {
		if !v.selected(i) {
			continue
		}
		start := time.Now()
		o := v.verifyInteraction(ctx, p, i)
		elapsed := time.Since(start).Truncate(time.Millisecond)

		desc := "Verifying a pact between " + p.Consumer + " and " + p.Provider
		out = append(out, "")
		line := fmt.Sprintf("  %s (%s loading, %s verification)", i.Description,
			humanDuration(l.duration.Truncate(time.Millisecond)), humanDuration(elapsed))
		if i.Pending {
			line += " " + v.paint(yellow, "[PENDING]")
		}
		out = append(out, line)
		for n, s := range i.ProviderStates {
			word := " And "
			if n == 0 {
				word = " Given "
			}
			desc += word + s.Name
			out = append(out, "    "+word+s.Name)
		}
		desc += " - " + i.Description
		if p.SpecVersion == model.V4 {
			out = commentLines(out, i)
		}
		out = v.resultLines(out, i, o)

		r := InteractionResult{
			ID: i.ID, Description: desc, InteractionDescription: i.Description,
			Consumer: p.Consumer, Provider: p.Provider, ProviderStates: i.StateNames(),
			Pending: l.pending || i.Pending, Duration: elapsed, OK: o.ok(), Mismatches: o.mismatches,
			diff: o.diff,
		}
		if p.SpecVersion == model.V4 {
			// the key the pact file holds, none when it holds none: pact_verifier
			// reports interaction.key() and does not compute one
			r.Key = i.Key
		}
		if o.err != nil {
			r.Error = o.err.Error()
			var se *stateError
			if errors.As(o.err, &se) {
				r.Cause = se.Cause
			}
		}
		results = append(results, r)
	}
	out = append(out, "")
	return results, out
}

// verifyInteraction runs the provider states, verifies the interaction and
// runs the teardowns. A setup failure skips the interaction and the
// teardown.
func (v *run) verifyInteraction(ctx context.Context, p *model.Pact, i *model.Interaction) outcome {
	v.logf("DEBUG", "Verifying interaction %s %s (%s)", i.Type, i.Description, i.ID)
	values, err := v.runStates(ctx, i, "setup")
	if err != nil {
		return outcome{err: err}
	}
	psContext := map[string]any{}
	for _, s := range i.ProviderStates {
		for k, val := range s.Params {
			psContext[k] = val
		}
	}
	for k, val := range values {
		psContext[k] = val
	}
	gctx := generators.Context{"providerState": psContext}
	v.logf("INFO", "Running provider verification for '%s'", i.Description)

	var o outcome
	switch {
	case i.Transport != "" && !knownTransport(i.Transport):
		o = outcome{err: fmt.Errorf("interaction uses the '%s' transport, which needs a plugin; libpact does not support plugins", i.Transport)}
	case i.Type == model.AsyncMessage:
		o = v.verifyMessage(ctx, p.SpecVersion, i)
	case i.Type == model.SyncMessage:
		o = v.verifySyncMessage(ctx, p.SpecVersion, i, gctx)
	default:
		o = v.verifyHTTP(ctx, p.SpecVersion, i, gctx)
	}
	if v.cfg.StateChange.Teardown {
		if _, err := v.runStates(ctx, i, "teardown"); err != nil {
			return outcome{err: err}
		}
	}
	return o
}

func knownTransport(t string) bool {
	switch strings.ToLower(t) {
	case "http", "https", "message", "async-message", "sync-message":
		return true
	}
	return false
}

// verifyHTTP replays the request (generated in provider mode) and matches
// the response.
func (v *run) verifyHTTP(ctx context.Context, ver model.SpecVersion, i *model.Interaction, gctx generators.Context) outcome {
	req, err := generators.GenerateRequest(&i.Request, generators.Provider, gctx)
	if err != nil {
		v.logf("WARN", "Some generators of the request could not run: %v", err)
	}
	transport := i.Transport
	if strings.EqualFold(transport, "http") {
		transport = ""
	}
	hreq, err := v.newRequest(ctx, v.cfg.Provider.baseURL(transport, "http"), &req)
	if err != nil {
		return outcome{err: err}
	}
	if err := v.filter(hreq); err != nil {
		return outcome{err: err}
	}
	v.logf("INFO", "Sending request %s %s to provider", hreq.Method, hreq.URL.Redacted())
	resp, err := v.send(hreq)
	if err != nil {
		return outcome{err: err}
	}
	v.logf("INFO", "Received response: status %d", resp.Status)
	o := outcome{mismatches: matching.MatchResponse(&i.Response, resp)}
	if len(o.mismatches) > 0 {
		o.diff = newBodyDiff(ver, false, i.Response.Body, resp.Body, i.Response.Headers.First("Content-Type"), resp.Headers.First("Content-Type"))
	}
	return o
}
