package verifier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/libpact/libpact/core/model"
)

// The state change errors, word for word as the reference reports them (the
// compatibility suite compares the setup one).
const (
	errSetupFailed    = "One or more of the setup state change handlers has failed"
	errTeardownFailed = "One or more of the teardown state change handlers has failed"
)

// stateError is a failed state change: Message is the reference's wording,
// Cause says which state failed and why.
type stateError struct {
	Message string
	Cause   string
}

func (e *stateError) Error() string { return e.Message }

// runStates calls the state change handler for each provider state of i (or
// once with the empty state when there is none), in order, and returns the
// merged values the handlers answered with.
func (v *run) runStates(ctx context.Context, i *model.Interaction, action string) (map[string]any, error) {
	states := i.ProviderStates
	if len(states) == 0 {
		states = []model.ProviderState{{Name: ""}}
	}
	values := map[string]any{}
	var causes []string
	for _, s := range states {
		if s.Name == "" {
			v.logf("INFO", "Running %s provider state change handler with empty state for '%s'", action, i.Description)
		} else {
			v.logf("INFO", "Running %s provider state change handler '%s' for '%s'", action, s.Name, i.Description)
		}
		got, err := v.changeState(ctx, i, s, action)
		if err != nil {
			v.logf("ERROR", "Provider %s state change for '%s' has failed - %v", action, s.Name, err)
			causes = append(causes, fmt.Sprintf("state '%s': %v", s.Name, err))
			continue
		}
		for k, val := range got {
			values[k] = val
		}
	}
	if len(causes) > 0 {
		msg := errSetupFailed
		if action == "teardown" {
			msg = errTeardownFailed
		}
		return nil, &stateError{Message: msg, Cause: strings.Join(causes, "; ")}
	}
	return values, nil
}

// changeState performs one state change.
func (v *run) changeState(ctx context.Context, i *model.Interaction, s model.ProviderState, action string) (map[string]any, error) {
	sc := &v.cfg.StateChange
	if sc.Func != nil {
		return sc.Func(ctx, s, action)
	}
	if sc.URL == "" {
		if s.Name != "" && action == "setup" {
			v.logf("WARN", "State Change ignored as there is no state change URL provided for interaction %s", i.ID)
		}
		return nil, nil
	}
	retries := sc.Retries
	if retries == 0 {
		retries = 2
	}
	if retries < 0 {
		retries = 0
	}
	backoff := 100 * time.Millisecond
	var lastErr error
	for attempt := 0; attempt <= retries; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return nil, lastErr
			case <-time.After(backoff):
			}
			backoff *= 2
		}
		values, retry, err := v.stateRequest(ctx, s, action)
		if err == nil {
			return values, nil
		}
		lastErr = err
		if !retry {
			break
		}
	}
	return nil, lastErr
}

// stateRequest sends one state change request; retry says whether a failure
// is worth retrying (5xx, 408, 429, no answer).
func (v *run) stateRequest(ctx context.Context, s model.ProviderState, action string) (map[string]any, bool, error) {
	sc := &v.cfg.StateChange
	var req *http.Request
	var err error
	if sc.AsQuery {
		u, perr := url.Parse(sc.URL)
		if perr != nil {
			return nil, false, fmt.Errorf("invalid state change URL %q: %w", sc.URL, perr)
		}
		q := u.Query()
		q.Set("state", s.Name)
		q.Set("action", action)
		keys := make([]string, 0, len(s.Params))
		for k := range s.Params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			switch val := s.Params[k].(type) {
			case string:
				q.Set(k, val)
			default:
				b, _ := json.Marshal(val)
				q.Set(k, string(b))
			}
		}
		u.RawQuery = q.Encode()
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, u.String(), nil)
	} else {
		params := s.Params
		if params == nil {
			params = map[string]any{}
		}
		body, merr := json.Marshal(map[string]any{"state": s.Name, "params": params, "action": action})
		if merr != nil {
			return nil, false, fmt.Errorf("encoding the state change request: %w", merr)
		}
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, sc.URL, bytes.NewReader(body))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
		}
	}
	if err != nil {
		return nil, false, fmt.Errorf("invalid state change URL %q: %w", sc.URL, err)
	}
	req.Header.Set("User-Agent", "libpact")
	resp, err := v.http.Do(req)
	if err != nil {
		// A handler that did not answer in time is not retried: it would
		// only multiply the wait.
		var ne net.Error
		retry := !(errors.As(err, &ne) && ne.Timeout())
		return nil, retry, fmt.Errorf("Invalid response: %w", v.describeError(req, err))
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		retry := resp.StatusCode >= 500 || resp.StatusCode == 408 || resp.StatusCode == 429
		excerpt := strings.Join(strings.Fields(string(data)), " ")
		if len(excerpt) > 200 {
			excerpt = excerpt[:200] + "..."
		}
		if excerpt != "" {
			excerpt = " - " + excerpt
		}
		return nil, retry, fmt.Errorf("Invalid status code: %d (POST %s)%s", resp.StatusCode, req.URL.Redacted(), excerpt)
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mt == "application/json" || strings.HasSuffix(mt, "+json") {
		var m map[string]any
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		if d.Decode(&m) == nil {
			return model.DecodeNumbers(m).(map[string]any), false, nil
		}
	}
	return map[string]any{}, false, nil
}
