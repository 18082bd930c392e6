package verifier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// loaded is one pact to verify, or the reason a pact could not be loaded.
type loaded struct {
	pact     *model.Pact
	source   Source
	duration time.Duration // time taken to load
	err      error         // load failure (pact is nil)
	notFound bool          // err means "the broker has no pacts": subject to NoPactsIsError

	// Set for pacts that came from a broker (or a URL served by one).
	fromBroker bool
	client     *broker.Client
	pending    bool
	wip        bool
	notices    []broker.Notice
	publishURL string
	links      broker.Links
}

// loadSources loads every source in order; load failures are returned as
// entries with err set.
func (v *run) loadSources(ctx context.Context) []loaded {
	var out []loaded
	for _, s := range v.cfg.Sources {
		start := time.Now()
		switch s.Kind {
		case SourceFile:
			p, err := readPact(s.Path)
			if err != nil {
				out = append(out, loaded{source: s, err: fmt.Errorf("Failed to load pact '%s' - %w", s.Path, err)})
				continue
			}
			out = append(out, loaded{pact: p, source: s, duration: time.Since(start)})
		case SourceDir:
			out = append(out, v.loadDir(s)...)
		case SourceJSON:
			p, _, err := pactfile.Parse(s.JSON)
			if err != nil {
				out = append(out, loaded{source: s, err: fmt.Errorf("Failed to load pact '<json>' - %w", err)})
				continue
			}
			out = append(out, loaded{pact: p, source: s, duration: time.Since(start)})
		case SourceURL:
			out = append(out, v.loadURL(ctx, s))
		case SourceBroker:
			out = append(out, v.loadBroker(ctx, s)...)
		default:
			out = append(out, loaded{source: s, err: fmt.Errorf("Could not load pacts, unknown pact source %d", s.Kind)})
		}
	}
	// Consumer filter (load failures are kept so that they are reported).
	if len(v.cfg.Filter.Consumers) > 0 {
		kept := out[:0]
		for _, l := range out {
			if l.pact == nil || slices.Contains(v.cfg.Filter.Consumers, l.pact.Consumer) {
				kept = append(kept, l)
			}
		}
		out = kept
	}
	return out
}

// readPact reads and parses one pact file. A file that is not JSON gives
// the reference's error, "Failed to parse Pact JSON" (pact_models'
// read_pact), the parser's details going to the log.
func readPact(path string) (*model.Pact, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p, _, err := pactfile.Parse(data)
	if err != nil && !json.Valid(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) {
		logging.LogError("Failed to parse Pact JSON", "file", path, "error", err.Error())
		return nil, errors.New("Failed to parse Pact JSON")
	}
	return p, err
}

// loadDir reads every *.json file under s.Path whose provider is the one
// being verified.
func (v *run) loadDir(s Source) []loaded {
	var files []string
	err := filepath.WalkDir(s.Path, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".json") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return []loaded{{source: s, err: fmt.Errorf("Could not load pacts from directory '%s' - %w", s.Path, err)}}
	}
	sort.Strings(files)
	var out []loaded
	for _, f := range files {
		start := time.Now()
		p, err := readPact(f)
		if err != nil {
			out = append(out, loaded{source: s, err: fmt.Errorf("Failed to load pact from '%s' - %s: %w", s.Path, filepath.Base(f), err)})
			continue
		}
		if v.cfg.Provider.Name != "" && p.Provider != v.cfg.Provider.Name {
			v.logf("DEBUG", "Skipping pact file %s: its provider is '%s', not '%s'", f, p.Provider, v.cfg.Provider.Name)
			continue
		}
		out = append(out, loaded{pact: p, source: FileSource(f), duration: time.Since(start)})
	}
	return out
}

// brokerClient returns a broker client for base with the run's HTTP settings.
func (v *run) brokerClient(base string, auth broker.Auth) *broker.Client {
	opts := []broker.Option{broker.WithHTTPClient(v.brokerHTTP)}
	if v.cfg.BrokerRetries > 0 {
		opts = append(opts, broker.WithRetries(v.cfg.BrokerRetries))
	}
	if v.cfg.RequestTimeout > 0 && v.cfg.RequestTimeout > broker.DefaultTimeout {
		opts = append(opts, broker.WithTimeout(v.cfg.RequestTimeout))
	}
	return broker.New(base, auth, opts...)
}

// loadURL fetches one pact by URL. A pact with a
// pb:publish-verification-results link is treated as coming from a broker.
func (v *run) loadURL(ctx context.Context, s Source) loaded {
	start := time.Now()
	// As the reference does, the broker behind a pact URL is taken to be at
	// the root of the URL's host (used when publishing results).
	base := ""
	if u, err := url.Parse(s.URL); err == nil && u.IsAbs() && u.Host != "" {
		base = u.Scheme + "://" + u.Host
	}
	c := v.brokerClient(base, s.Auth)
	body, links, err := c.FetchPact(ctx, s.URL)
	if err != nil {
		return loaded{source: s, err: fmt.Errorf("Failed to load pact '%s' - %w", s.URL, err)}
	}
	p, _, err := pactfile.Parse(body)
	if err != nil {
		return loaded{source: s, err: fmt.Errorf("Failed to load pact '%s' - %w", s.URL, err)}
	}
	l := loaded{pact: p, source: s, duration: time.Since(start), links: links}
	if href := links.Href("pb:publish-verification-results"); href != "" {
		l.fromBroker, l.client, l.publishURL = true, c, href
	}
	return l
}

// loadBroker asks a broker for the pacts to verify.
func (v *run) loadBroker(ctx context.Context, s Source) []loaded {
	start := time.Now()
	c := v.brokerClient(s.URL, s.Auth)
	sel := broker.Selection{
		Provider:                 v.cfg.Provider.Name,
		ConsumerVersionSelectors: s.Selectors,
		ProviderVersionTags:      s.ProviderTags,
		ProviderVersionBranch:    s.ProviderBranch,
		EmptyBranch:              s.ProviderBranchGiven,
		IncludePendingStatus:     s.EnablePending,
		IncludeWipPactsSince:     s.IncludeWIPSince,
	}
	what := "matching the given consumer version selectors "
	if !s.WithSelectors {
		what = ""
	}
	pacts, err := c.PactsForVerification(ctx, sel)
	if err != nil {
		// A 404 (e.g. "provider not found") means the broker has no pacts for
		// the provider, as the reference's PactBrokerError::NotFound does.
		var be *broker.Error
		notFound := errors.As(err, &be) && be.StatusCode == http.StatusNotFound
		return []loaded{{source: s, notFound: notFound, err: fmt.Errorf("No pacts found for provider '%s' %sin pact broker '%s': %w",
			v.cfg.Provider.Name, what, s.URL, err)}}
	}
	if len(pacts) == 0 {
		return []loaded{{source: s, notFound: true, err: fmt.Errorf("No pacts found for provider '%s' %sin pact broker '%s'",
			v.cfg.Provider.Name, what, s.URL)}}
	}
	elapsed := time.Since(start)
	var out []loaded
	for _, pv := range pacts {
		l := loaded{source: s, fromBroker: true, client: c, pending: pv.Pending, wip: pv.WIP,
			notices: pv.Notices, publishURL: pv.PublishResultsURL, links: pv.Links, duration: elapsed}
		if pv.Err != nil {
			l.err = fmt.Errorf("Failed to load pact from '%s' - %w", s.URL, pv.Err)
			out = append(out, l)
			continue
		}
		p, _, err := pactfile.Parse(pv.Pact)
		if err != nil {
			l.err = fmt.Errorf("Failed to load pact from '%s' - %s: %w", s.URL, pv.URL, err)
			out = append(out, l)
			continue
		}
		l.pact = p
		out = append(out, l)
	}
	return out
}
