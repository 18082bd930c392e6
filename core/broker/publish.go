package broker

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/tidwall/gjson"
)

// PublishRequest is a set of pacts of one consumer version to publish.
type PublishRequest struct {
	// Pacticipant is the consumer's name; "" takes it from the first pact.
	Pacticipant string
	// ConsumerVersion is the consumer application's version (required).
	ConsumerVersion string
	// Branch is the consumer version's repository branch; Tags are its tags.
	Branch string
	Tags   []string
	// BuildURL links the publication to the CI build.
	BuildURL string
	// Pacts are the pact documents (JSON) to publish, one per provider.
	Pacts [][]byte
	// OnConflict is "overwrite" or "merge" (the broker's onConflict, for
	// pacts written in parts by parallel test runs); "" is the broker's default.
	OnConflict string
}

// PublishResponse is what the broker said about a publication.
type PublishResponse struct {
	// Notices are the broker's messages ("Created Foo version 1 with branch
	// main", ...); print them.
	Notices []Notice
	// Body is the broker's whole answer.
	Body []byte
}

type contract struct {
	ConsumerName  string `json:"consumerName"`
	ProviderName  string `json:"providerName"`
	Specification string `json:"specification"`
	ContentType   string `json:"contentType"`
	Content       string `json:"content"`
	OnConflict    string `json:"onConflict,omitempty"`
}

type publishBody struct {
	PacticipantName          string     `json:"pacticipantName"`
	PacticipantVersionNumber string     `json:"pacticipantVersionNumber"`
	Branch                   string     `json:"branch,omitempty"`
	Tags                     []string   `json:"tags,omitempty"`
	BuildURL                 string     `json:"buildUrl,omitempty"`
	Contracts                []contract `json:"contracts"`
}

// PublishContracts publishes pacts through pb:publish-contracts (POST
// /contracts/publish, Pact Broker 2.86.0 or later): each pact goes base64
// encoded with specification "pact" and content type application/json, and
// the consumer and provider names are read from the pact.
//
//	resp, err := c.PublishContracts(ctx, broker.PublishRequest{
//		ConsumerVersion: "1.0.0+abc", Branch: "main", Pacts: [][]byte{pactJSON},
//	})
func (c *Client) PublishContracts(ctx context.Context, r PublishRequest) (*PublishResponse, error) {
	if r.ConsumerVersion == "" {
		return nil, errors.New("publishing pacts: no consumer version given")
	}
	if len(r.Pacts) == 0 {
		return nil, errors.New("publishing pacts: no pacts given")
	}
	body := publishBody{
		PacticipantName:          r.Pacticipant,
		PacticipantVersionNumber: r.ConsumerVersion,
		Branch:                   r.Branch,
		Tags:                     r.Tags,
		BuildURL:                 r.BuildURL,
	}
	for i, p := range r.Pacts {
		if !gjson.ValidBytes(p) {
			return nil, fmt.Errorf("publishing pacts: pact %d is not valid JSON", i+1)
		}
		cons := gjson.GetBytes(p, "consumer.name").String()
		prov := gjson.GetBytes(p, "provider.name").String()
		if cons == "" || prov == "" {
			return nil, fmt.Errorf("publishing pacts: pact %d has no consumer.name or provider.name", i+1)
		}
		if body.PacticipantName == "" {
			body.PacticipantName = cons
		}
		body.Contracts = append(body.Contracts, contract{
			ConsumerName: cons, ProviderName: prov,
			Specification: "pact", ContentType: "application/json",
			Content:    base64.StdEncoding.EncodeToString(p),
			OnConflict: r.OnConflict,
		})
	}
	wrap := func(err error) error {
		return fmt.Errorf("publishing pacts of %s version %s: %w", body.PacticipantName, r.ConsumerVersion, err)
	}
	idx, err := c.Index(ctx)
	if err != nil {
		return nil, wrap(err)
	}
	target, ok, err := c.follow(idx, "pb:publish-contracts", nil)
	if err != nil {
		return nil, wrap(err)
	}
	if !ok {
		return nil, wrap(fmt.Errorf("the pact broker has no 'pb:publish-contracts' link (it needs Pact Broker 2.86.0 or later; links: %s)", idx.names()))
	}
	data, err := json.Marshal(body)
	if err != nil {
		return nil, wrap(err)
	}
	a, err := c.sendJSON(ctx, http.MethodPost, target, data)
	if err != nil {
		return nil, wrap(err)
	}
	resp := &PublishResponse{Body: a.body}
	var n struct {
		Notices []Notice `json:"notices"`
	}
	if len(a.body) > 0 && json.Unmarshal(a.body, &n) == nil {
		resp.Notices = n.Notices
	}
	return resp, nil
}

// Result is a verification result to publish for one pact.
type Result struct {
	// Success is the overall outcome (a failed pending pact is still false).
	Success bool
	// ProviderApplicationVersion is the verified provider version (required).
	ProviderApplicationVersion string
	// BuildURL links the result to the CI build.
	BuildURL string
	// VerifiedBy names the verifier; zero means {"libpact", Version}.
	VerifiedBy VerifiedBy
	// TestResults are the per-interaction outcomes.
	TestResults []TestResult

	// ProviderBranch and ProviderTags, when given, are recorded on the
	// provider version (pb:branch-version, then pb:version-tag) before the
	// result is published. They need the provider resource: PactLinks'
	// pb:provider link, or else the index's pb:pacticipant with Provider.
	ProviderBranch string
	ProviderTags   []string
	Provider       string
	PactLinks      Links
}

// VerifiedBy names the verifier in a result.
type VerifiedBy struct {
	Implementation string         `json:"implementation"`
	Version        string         `json:"version"`
	ClientLanguage map[string]any `json:"clientLanguage,omitempty"`
}

// TestResult is the outcome of one interaction. InteractionID is the
// interaction's "_id" in the pact served by the broker (or its V4 key).
type TestResult struct {
	InteractionID          string         `json:"interactionId"`
	InteractionDescription string         `json:"interactionDescription,omitempty"`
	Success                bool           `json:"success"`
	Mismatches             []TestMismatch `json:"mismatches,omitempty"`
	Exceptions             []Exception    `json:"exceptions,omitempty"`
}

// TestMismatch is one mismatch in the broker's terms: Attribute is "method",
// "path", "status", "query", "header", "body" or "metadata"; Identifier the
// query parameter, header, body path or metadata key.
type TestMismatch struct {
	Attribute   string `json:"attribute"`
	Identifier  string `json:"identifier,omitempty"`
	Description string `json:"description"`
}

// Exception is an error that stopped an interaction from being verified.
type Exception struct {
	Message string `json:"message"`
}

type resultBody struct {
	Success                    bool         `json:"success"`
	ProviderApplicationVersion string       `json:"providerApplicationVersion"`
	VerifiedBy                 VerifiedBy   `json:"verifiedBy"`
	BuildURL                   string       `json:"buildUrl,omitempty"`
	TestResults                []TestResult `json:"testResults"`
}

// PublishVerificationResults publishes r to publishURL, a pact's
// pb:publish-verification-results link (PactForVerification.PublishResultsURL).
// When r.ProviderBranch or r.ProviderTags are given they are recorded first.
//
//	err := c.PublishVerificationResults(ctx, p.PublishResultsURL, broker.Result{
//		Success: true, ProviderApplicationVersion: "2.0.1", ProviderBranch: "main",
//		Provider: "Orders", PactLinks: p.Links,
//		TestResults: []broker.TestResult{{InteractionID: "a1b2", Success: true}},
//	})
func (c *Client) PublishVerificationResults(ctx context.Context, publishURL string, r Result) error {
	if publishURL == "" {
		return errors.New("publishing verification results: the pact has no 'pb:publish-verification-results' link")
	}
	if r.ProviderApplicationVersion == "" {
		return errors.New("publishing verification results: no provider application version given")
	}
	wrap := func(err error) error {
		return fmt.Errorf("publishing verification results to %s: %w", publishURL, err)
	}
	if r.ProviderBranch != "" || len(r.ProviderTags) > 0 {
		if err := c.publishProviderVersion(ctx, r); err != nil {
			return wrap(err)
		}
	}
	target, err := c.resolve(publishURL)
	if err != nil {
		return wrap(err)
	}
	body := resultBody{
		Success:                    r.Success,
		ProviderApplicationVersion: r.ProviderApplicationVersion,
		VerifiedBy:                 r.VerifiedBy,
		BuildURL:                   r.BuildURL,
		TestResults:                r.TestResults,
	}
	if body.VerifiedBy.Implementation == "" {
		body.VerifiedBy.Implementation = "libpact"
	}
	if body.VerifiedBy.Version == "" {
		body.VerifiedBy.Version = Version
	}
	if body.TestResults == nil {
		body.TestResults = []TestResult{}
	}
	data, err := json.Marshal(body)
	if err != nil {
		return wrap(err)
	}
	if _, err := c.sendJSON(ctx, http.MethodPost, target, data); err != nil {
		return wrap(err)
	}
	return nil
}

// publishProviderVersion records the provider version's branch and tags.
func (c *Client) publishProviderVersion(ctx context.Context, r Result) error {
	var provURL string
	var err error
	if href := r.PactLinks.Href("pb:provider"); href != "" {
		provURL, err = c.resolve(href)
	} else if r.Provider != "" {
		idx, ierr := c.Index(ctx)
		if ierr != nil {
			return ierr
		}
		var ok bool
		provURL, ok, err = c.follow(idx, "pb:pacticipant", map[string]string{"pacticipant": r.Provider})
		if err == nil && !ok {
			err = fmt.Errorf("cannot record the provider version's branch and tags: no 'pb:provider' link in the pact, and no 'pb:pacticipant' link in the pact broker index (links: %s)", idx.names())
		}
	} else {
		err = errors.New("cannot record the provider version's branch and tags: no 'pb:provider' link in the pact and no provider name given")
	}
	if err != nil {
		return err
	}
	_, links, err := c.fetchDoc(ctx, provURL, true)
	if err != nil {
		return fmt.Errorf("reading the provider resource: %w", err)
	}
	if r.ProviderBranch != "" {
		u, ok, err := c.follow(links, "pb:branch-version", map[string]string{
			"branch": r.ProviderBranch, "version": r.ProviderApplicationVersion})
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("cannot record provider branch %q: the provider resource %s has no 'pb:branch-version' link (it needs Pact Broker 2.86.0 or later)", r.ProviderBranch, provURL)
		}
		if _, err := c.sendJSON(ctx, http.MethodPut, u, []byte("{}")); err != nil {
			return fmt.Errorf("recording provider branch %q: %w", r.ProviderBranch, err)
		}
	}
	for _, tag := range r.ProviderTags {
		u, ok, err := c.follow(links, "pb:version-tag", map[string]string{
			"tag": tag, "version": r.ProviderApplicationVersion})
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("cannot record provider tag %q: the provider resource %s has no 'pb:version-tag' link", tag, provURL)
		}
		if _, err := c.sendJSON(ctx, http.MethodPut, u, []byte("{}")); err != nil {
			return fmt.Errorf("recording provider tag %q: %w", tag, err)
		}
	}
	return nil
}
