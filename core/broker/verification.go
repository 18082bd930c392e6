package broker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Selection says which pacts a provider wants to verify, in the terms of the
// broker's "pacts for verification" API.
type Selection struct {
	// Provider is the provider's name (required).
	Provider string
	// ConsumerVersionSelectors are sent as given, e.g.
	// {"mainBranch": true}, {"deployedOrReleased": true},
	// {"consumer": "Web", "latest": true}, {"branch": "feat-x"},
	// {"tag": "prod", "latest": true}. None means the broker's default.
	ConsumerVersionSelectors []map[string]any
	// ProviderVersionTags and ProviderVersionBranch name the provider version
	// that will be verified; the broker uses them to work out pending pacts.
	// The branch is preferred over tags.
	ProviderVersionTags   []string
	ProviderVersionBranch string
	// EmptyBranch sends "providerVersionBranch": "" when
	// ProviderVersionBranch is empty, as pact_ffi does for a branch given as
	// an empty string (pact-js passes "" when it has none); otherwise an
	// empty branch is left out.
	EmptyBranch bool
	// IncludePendingStatus asks the broker to mark pending pacts.
	IncludePendingStatus bool
	// IncludeWipPactsSince (a date such as "2024-01-31", or an RFC 3339 time)
	// asks for work-in-progress pacts published since then.
	IncludeWipPactsSince string
}

// Notice is a message from the broker. Pacts for verification carry notices
// with When ("before_verification", "after_verification:success_true_published_false", ...);
// publishing contracts answers notices with Type ("info", "warning", ...).
type Notice struct {
	When string `json:"when,omitempty"`
	Type string `json:"type,omitempty"`
	Text string `json:"text"`
}

// PactForVerification is one pact the broker asks the provider to verify.
type PactForVerification struct {
	// URL is the pact's URL (its "self" link, resolved).
	URL string
	// ShortDescription is the broker's reason in a few words ("latest from
	// main branch", ...).
	ShortDescription string
	// Pending pacts must not fail the provider's build when they fail; WIP
	// (work in progress) pacts are pending pacts that no selector named.
	Pending bool
	WIP     bool
	// Notices are the broker's messages about this pact; print the
	// "before_verification" ones before verifying it.
	Notices []Notice
	// Pact is the pact document as fetched (with the broker's "_links" and,
	// from a real broker, an "_id" in each interaction).
	Pact []byte
	// Links are the fetched pact's "_links".
	Links Links
	// PublishResultsURL is the pact's pb:publish-verification-results link,
	// resolved ("" when the broker gave none).
	PublishResultsURL string
	// Err is set when this pact could not be fetched; the other pacts of the
	// list are still usable.
	Err error
}

// pfvRequest is the body of POST pb:provider-pacts-for-verification; fields
// are omitted when unset, as the reference client does.
type pfvRequest struct {
	ProviderVersionTags      []string         `json:"providerVersionTags,omitempty"`
	IncludePendingStatus     bool             `json:"includePendingStatus"`
	IncludeWipPactsSince     string           `json:"includeWipPactsSince,omitempty"`
	ConsumerVersionSelectors []map[string]any `json:"consumerVersionSelectors"`
	ProviderVersionBranch    *string          `json:"providerVersionBranch,omitempty"`
}

type pfvResponse struct {
	Embedded *struct {
		Pacts []struct {
			ShortDescription       string `json:"shortDescription"`
			VerificationProperties struct {
				Pending bool     `json:"pending"`
				WIP     bool     `json:"wip"`
				Notices []Notice `json:"notices"`
			} `json:"verificationProperties"`
			Links map[string]json.RawMessage `json:"_links"`
		} `json:"pacts"`
	} `json:"_embedded"`
}

// PactsForVerification asks the broker which pacts provider s.Provider must
// verify and fetches each of them. It uses pb:provider-pacts-for-verification,
// and on an older broker without it falls back to pb:latest-provider-pacts
// (or pb:latest-provider-pacts-with-tag for {"tag": x} selectors); the
// fallback cannot express other selectors and fails for them.
//
// The call fails when the list cannot be obtained; a pact of the list that
// cannot be fetched has Err set and Pact nil. No pacts is not an error: the
// result is empty.
func (c *Client) PactsForVerification(ctx context.Context, s Selection) ([]PactForVerification, error) {
	if s.Provider == "" {
		return nil, errors.New("pacts for verification: no provider name given")
	}
	wrap := func(err error) error {
		return fmt.Errorf("fetching pacts for verification of provider %q: %w", s.Provider, err)
	}
	idx, err := c.Index(ctx)
	if err != nil {
		return nil, wrap(err)
	}
	vars := map[string]string{"provider": s.Provider}
	target, ok, err := c.follow(idx, "pb:provider-pacts-for-verification", vars)
	if err != nil {
		return nil, wrap(err)
	}
	if !ok {
		pacts, err := c.latestProviderPacts(ctx, idx, s)
		if err != nil {
			return nil, wrap(err)
		}
		return pacts, nil
	}
	// As pact_verifier does, GET the resource first and POST to its "self"
	// link (the broker's index may point elsewhere than where it takes the
	// POST); an answer without one keeps the link's URL.
	_, pfvLinks, err := c.fetchDoc(ctx, target, false)
	if err != nil {
		return nil, wrap(err)
	}
	if self := pfvLinks.Href("self"); self != "" {
		if target, err = c.resolve(self); err != nil {
			return nil, wrap(err)
		}
	}
	req := pfvRequest{
		ProviderVersionTags:      s.ProviderVersionTags,
		IncludePendingStatus:     s.IncludePendingStatus,
		IncludeWipPactsSince:     s.IncludeWipPactsSince,
		ConsumerVersionSelectors: s.ConsumerVersionSelectors,
	}
	if s.ProviderVersionBranch != "" || s.EmptyBranch {
		req.ProviderVersionBranch = &s.ProviderVersionBranch
	}
	if req.ConsumerVersionSelectors == nil {
		req.ConsumerVersionSelectors = []map[string]any{}
	}
	body, err := json.Marshal(req)
	if err != nil {
		return nil, wrap(fmt.Errorf("encoding the request (a selector holds a value JSON cannot encode): %w", err))
	}
	a, err := c.sendJSON(ctx, http.MethodPost, target, body)
	if err != nil {
		return nil, wrap(err)
	}
	var resp pfvResponse
	err = json.Unmarshal(a.body, &resp)
	if err == nil && (resp.Embedded == nil || resp.Embedded.Pacts == nil) {
		err = errors.New(`no "_embedded.pacts" list`)
	}
	if err != nil {
		return nil, wrap(&Error{Method: http.MethodPost, URL: target, StatusCode: a.status, Body: excerpt(a.body),
			Problem: fmt.Sprintf("an unexpected document (%v)", err)})
	}
	out := make([]PactForVerification, 0, len(resp.Embedded.Pacts))
	for i, p := range resp.Embedded.Pacts {
		pv := PactForVerification{
			ShortDescription: p.ShortDescription,
			Pending:          p.VerificationProperties.Pending,
			WIP:              p.VerificationProperties.WIP,
			Notices:          p.VerificationProperties.Notices,
		}
		self, _ := parseLink(p.Links["self"])
		if self.Href == "" {
			pv.Err = fmt.Errorf("pact %d of the list from %s has no 'self' link", i+1, target)
			out = append(out, pv)
			continue
		}
		pv.URL, pv.Err = c.resolve(self.Href)
		if pv.Err == nil {
			c.fetchInto(ctx, &pv)
		}
		out = append(out, pv)
	}
	return out, nil
}

// fetchInto fetches pv.URL into pv.
func (c *Client) fetchInto(ctx context.Context, pv *PactForVerification) {
	body, links, err := c.fetchDoc(ctx, pv.URL, true)
	if err != nil {
		pv.Err = fmt.Errorf("fetching pact %s: %w", pv.URL, err)
		return
	}
	pv.Pact, pv.Links = body, links
	if href := links.Href("pb:publish-verification-results"); href != "" {
		pv.PublishResultsURL, pv.Err = c.resolve(href)
	}
}

// fetchDoc GETs a JSON document and its links; with checkType the answer
// must have a JSON content type (or none).
func (c *Client) fetchDoc(ctx context.Context, u string, checkType bool) ([]byte, Links, error) {
	a, err := c.getJSONType(ctx, u, checkType)
	if err != nil {
		return nil, nil, err
	}
	links, err := ParseLinks(a.body)
	if err != nil {
		return nil, nil, err
	}
	if links == nil {
		links = Links{}
	}
	return a.body, links, nil
}

// FetchPact GETs the pact at rawURL (with the client's credentials) and
// returns its body and "_links" (empty for a pact not served by a broker).
// An absolute URL is used as given; a relative one is taken against the
// client's base URL. Relative hrefs in the links are made absolute against
// the pact's URL. This is the way to read a pact named by a webhook. The
// body must be JSON whatever its content type (a pact served as text/plain,
// as raw file hosts do, is accepted).
//
//	body, links, err := c.FetchPact(ctx, os.Getenv("PACT_URL"))
//	publish := links.Href("pb:publish-verification-results")
func (c *Client) FetchPact(ctx context.Context, rawURL string) ([]byte, Links, error) {
	u := rawURL
	if !strings.Contains(rawURL, "://") {
		var err error
		if u, err = c.resolve(rawURL); err != nil {
			return nil, nil, fmt.Errorf("fetching pact %s: %w", rawURL, err)
		}
	}
	body, links, err := c.fetchDoc(ctx, u, false)
	if err != nil {
		return nil, nil, fmt.Errorf("fetching pact %s: %w", rawURL, err)
	}
	if from, err := url.Parse(u); err == nil {
		for rel, l := range links {
			if h, err := url.Parse(l.Href); err == nil && !h.IsAbs() && !l.Templated {
				l.Href = from.ResolveReference(h).String()
				links[rel] = l
			}
		}
	}
	return body, links, nil
}

// latestProviderPacts is the fallback for brokers without pacts for
// verification: pb:latest-provider-pacts, or pb:latest-provider-pacts-with-tag
// for each {"tag": x} selector.
func (c *Client) latestProviderPacts(ctx context.Context, idx Links, s Selection) ([]PactForVerification, error) {
	type source struct{ rel, tag, consumer string }
	var sources []source
	for _, sel := range s.ConsumerVersionSelectors {
		src := source{rel: "pb:latest-provider-pacts"}
		for k, v := range sel {
			str, isStr := v.(string)
			switch {
			case k == "tag" && isStr:
				src.rel, src.tag = "pb:latest-provider-pacts-with-tag", str
			case k == "consumer" && isStr:
				src.consumer = str
			case k == "latest" && v == true:
			default:
				b, _ := json.Marshal(sel)
				return nil, fmt.Errorf("the pact broker has no 'pb:provider-pacts-for-verification' link (links: %s), and selector %s cannot be expressed without it", idx.names(), b)
			}
		}
		sources = append(sources, src)
	}
	if len(sources) == 0 {
		sources = []source{{rel: "pb:latest-provider-pacts"}}
	}
	seen := map[string]bool{}
	var out []PactForVerification
	for _, src := range sources {
		target, ok, err := c.follow(idx, src.rel, map[string]string{"provider": s.Provider, "tag": src.tag})
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("the pact broker has neither a 'pb:provider-pacts-for-verification' nor a '%s' link (links: %s)", src.rel, idx.names())
		}
		a, err := c.send404(ctx, target)
		if err != nil {
			return nil, err
		}
		if a == nil { // 404: no pacts for this provider (and tag)
			continue
		}
		all, err := ParseLinkList(a.body)
		if err != nil {
			return nil, err
		}
		list := all["pb:pacts"]
		if len(list) == 0 {
			list = all["pacts"]
		}
		desc := "latest"
		if src.tag != "" {
			desc = "latest with tag " + src.tag
		}
		for _, l := range list {
			if src.consumer != "" && l.Name != src.consumer && l.Title != src.consumer {
				continue
			}
			pv := PactForVerification{ShortDescription: desc}
			pv.URL, pv.Err = c.resolve(l.Href)
			if pv.Err == nil && seen[pv.URL] {
				continue
			}
			seen[pv.URL] = true
			if pv.Err == nil {
				c.fetchInto(ctx, &pv)
			}
			out = append(out, pv)
		}
	}
	return out, nil
}

// send404 GETs a JSON document, reading 404 as "nothing there" (nil, nil).
func (c *Client) send404(ctx context.Context, u string) (*answer, error) {
	a, err := c.getJSON(ctx, u)
	var e *Error
	if errors.As(err, &e) && e.StatusCode == http.StatusNotFound && e.Problem == "" {
		return nil, nil
	}
	return a, err
}
