package broker

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// Link is a HAL link: the target of a relation in a document's "_links".
type Link struct {
	Href      string `json:"href"`
	Name      string `json:"name,omitempty"`
	Title     string `json:"title,omitempty"`
	Templated bool   `json:"templated,omitempty"`
}

// Links are the links of a HAL document by relation name
// ("pb:publish-verification-results", "self", ...). A relation that holds an
// array of links keeps its first one here; see ParseLinkList for all of them.
type Links map[string]Link

// Href is the href of relation rel, or "" when there is none.
//
//	links.Href("pb:publish-verification-results") // "http://broker/pacts/provider/P/consumer/C/pact-version/1f3a/verification-results"
func (l Links) Href(rel string) string { return l[rel].Href }

// names are the relation names, sorted, for error messages.
func (l Links) names() string {
	ns := make([]string, 0, len(l))
	for n := range l {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}

// ParseLinks reads the "_links" of a HAL document. A document without
// "_links" has no links (nil, no error); a document that is not a JSON object
// is an error. A link given as a bare string is taken as its href.
//
//	links, err := broker.ParseLinks([]byte(`{"_links": {"self": {"href": "/"}}}`))
//	// links.Href("self") == "/"
func ParseLinks(doc []byte) (Links, error) {
	all, err := ParseLinkList(doc)
	if err != nil || all == nil {
		return nil, err
	}
	links := make(Links, len(all))
	for rel, ls := range all {
		if len(ls) > 0 {
			links[rel] = ls[0]
		}
	}
	return links, nil
}

// ParseLinkList reads the "_links" of a HAL document keeping every link of a
// relation that holds an array (like "pacts" of pb:latest-provider-pacts).
func ParseLinkList(doc []byte) (map[string][]Link, error) {
	var d struct {
		Links map[string]json.RawMessage `json:"_links"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("reading HAL links: %w", err)
	}
	if d.Links == nil {
		return nil, nil
	}
	out := make(map[string][]Link, len(d.Links))
	for rel, raw := range d.Links {
		raw = []byte(strings.TrimSpace(string(raw)))
		if len(raw) == 0 {
			continue
		}
		switch raw[0] {
		case '[':
			var items []json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, fmt.Errorf("reading HAL link %q: %w", rel, err)
			}
			for _, it := range items {
				if l, ok := parseLink(it); ok {
					out[rel] = append(out[rel], l)
				}
			}
		default:
			if l, ok := parseLink(raw); ok {
				out[rel] = []Link{l}
			}
		}
	}
	return out, nil
}

func parseLink(raw json.RawMessage) (Link, bool) {
	var l Link
	if err := json.Unmarshal(raw, &l); err == nil {
		return l, true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return Link{Href: s}, true
	}
	return Link{}, false
}

var templateVar = regexp.MustCompile(`\{(\w+)\}`)

// expand fills the {name} variables of a templated href with path-escaped
// values; a variable without a value is left as it is.
func expand(href string, values map[string]string) string {
	return templateVar.ReplaceAllStringFunc(href, func(m string) string {
		if v, ok := values[m[1:len(m)-1]]; ok {
			return url.PathEscape(v)
		}
		return m
	})
}

// resolve turns an href found in a broker answer into the URL to request.
// A relative href is taken against the base URL (a leading "/" is kept
// inside the base URL's context path). An absolute href keeps its path and
// query but takes the base URL's scheme and host, unless KeepLinkHosts was
// given or the client has no base URL.
func (c *Client) resolve(href string) (string, error) {
	u, err := url.Parse(href)
	if err != nil {
		return "", fmt.Errorf("invalid link %q from the pact broker: %w", href, err)
	}
	if c.base == nil {
		if !u.IsAbs() {
			if c.baseErr != nil {
				return "", c.baseErr
			}
			return "", fmt.Errorf("relative link %q and no pact broker URL to resolve it against", href)
		}
		return u.String(), nil
	}
	if u.IsAbs() && c.keepHosts {
		return u.String(), nil
	}
	out := *c.base
	out.RawQuery, out.Fragment, out.RawFragment = u.RawQuery, "", ""
	ctxPath := strings.TrimSuffix(c.base.EscapedPath(), "/")
	p := u.EscapedPath()
	switch {
	case p == "":
		p = c.base.EscapedPath()
	case !strings.HasPrefix(p, "/"):
		p = ctxPath + "/" + p
	case ctxPath != "" && p != ctxPath && !strings.HasPrefix(p, ctxPath+"/"):
		p = ctxPath + p
	}
	uu, err := url.Parse(out.Scheme + "://" + out.Host + p)
	if err != nil {
		return "", fmt.Errorf("invalid link %q from the pact broker: %w", href, err)
	}
	uu.User, uu.RawQuery = out.User, out.RawQuery
	return uu.String(), nil
}

// Index is the links of the broker's index (GET on the base URL), fetched
// once and then cached.
func (c *Client) Index(ctx context.Context) (Links, error) {
	c.mu.Lock()
	idx := c.index
	c.mu.Unlock()
	if idx != nil {
		return idx, nil
	}
	if c.base == nil {
		if c.baseErr != nil {
			return nil, c.baseErr
		}
		return nil, fmt.Errorf("no pact broker URL given")
	}
	a, err := c.getJSON(ctx, c.base.String())
	if err != nil {
		return nil, fmt.Errorf("reading the pact broker index: %w", err)
	}
	idx, err = ParseLinks(a.body)
	if err != nil {
		return nil, fmt.Errorf("reading the pact broker index: %w", err)
	}
	if idx == nil {
		return nil, fmt.Errorf("reading the pact broker index %s: expected a HAL document, but it has no '_links': %s", c.base, excerpt(a.body))
	}
	c.mu.Lock()
	c.index = idx
	c.mu.Unlock()
	return idx, nil
}

// follow expands and resolves relation rel of links.
func (c *Client) follow(links Links, rel string, values map[string]string) (string, bool, error) {
	l, ok := links[rel]
	if !ok || l.Href == "" {
		return "", false, nil
	}
	u, err := c.resolve(expand(l.Href, values))
	return u, true, err
}
