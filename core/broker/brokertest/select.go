package brokertest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// defaultSelectors are the broker's defaults when a provider sends none.
var defaultSelectors = []map[string]any{{"mainBranch": true}, {"deployedOrReleased": true}}

type pfvRequest struct {
	ConsumerVersionSelectors []map[string]any `json:"consumerVersionSelectors"`
	ProviderVersionTags      []string         `json:"providerVersionTags"`
	ProviderVersionBranch    string           `json:"providerVersionBranch"`
	IncludePendingStatus     bool             `json:"includePendingStatus"`
	IncludeWipPactsSince     string           `json:"includeWipPactsSince"`
}

// entry is one pact version in the answer, with why it was selected.
type entry struct {
	pub     *publication
	reasons []string
	wip     bool
}

func (b *Broker) forVerification(w http.ResponseWriter, r *http.Request) {
	prov := r.PathValue("provider")
	var req pfvRequest
	if r.Method == http.MethodPost {
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			badRequest(w, "body", "is not valid JSON: "+err.Error())
			return
		}
	}
	var since time.Time
	if req.IncludeWipPactsSince != "" {
		var err error
		if since, err = parseSince(req.IncludeWipPactsSince); err != nil {
			badRequest(w, "includeWipPactsSince", err.Error())
			return
		}
	}
	selectors := req.ConsumerVersionSelectors
	if len(selectors) == 0 {
		selectors = defaultSelectors
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.pacticipants[prov] == nil {
		notFound(w, "provider "+prov)
		return
	}
	byKey := map[string]*entry{}
	var entries []*entry
	for i, sel := range selectors {
		pubs, reason, err := b.selectPubs(prov, sel, req.ProviderVersionBranch)
		if err != nil {
			badRequest(w, "consumerVersionSelectors", fmt.Sprintf("selector %d: %v", i+1, err))
			return
		}
		for _, p := range pubs {
			key := p.consumer + "\x00" + p.sha
			e := byKey[key]
			if e == nil {
				e = &entry{pub: p}
				byKey[key] = e
				entries = append(entries, e)
			}
			reason := strings.ReplaceAll(reason, "{consumer}", p.consumer)
			if !contains(e.reasons, reason) {
				e.reasons = append(e.reasons, reason)
			}
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, c := entries[i].pub, entries[j].pub
		if a.consumer != c.consumer {
			return a.consumer < c.consumer
		}
		return a.version.seq < c.version.seq
	})
	if !since.IsZero() {
		entries = append(entries, b.wipEntries(prov, since, req, byKey)...)
	}
	pacts := []any{}
	for _, e := range entries {
		pacts = append(pacts, b.describe(e, req))
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"_embedded": map[string]any{"pacts": pacts},
		"_links": map[string]any{"self": map[string]any{
			"href": b.URL + "/pacts/provider/" + esc(prov) + "/for-verification", "title": "Pacts to be verified"}},
	})
}

func parseSince(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want e.g. 2024-01-31 or 2024-01-31T10:00:00Z)", s)
}

// selector is a parsed consumer version selector.
type selector struct {
	kind                                string // mainBranch, branch, matchingBranch, tag, deployed, released, deployedOrReleased, latest
	consumer, value, environment, fallb string
	latest                              *bool
}

func parseSelector(sel map[string]any) (selector, error) {
	var s selector
	setKind := func(k string) error {
		if s.kind != "" {
			return fmt.Errorf("%q cannot be combined with %q", k, s.kind)
		}
		s.kind = k
		return nil
	}
	keys := make([]string, 0, len(sel))
	for k := range sel {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := sel[k]
		str, isStr := v.(string)
		flag, isBool := v.(bool)
		switch k {
		case "consumer", "branch", "tag", "environment", "fallbackTag", "fallbackBranch":
			if !isStr || str == "" {
				return s, fmt.Errorf("%q must be a non-empty string", k)
			}
		case "mainBranch", "matchingBranch", "deployed", "released", "deployedOrReleased":
			if !isBool || !flag {
				return s, fmt.Errorf("%q can only be true", k)
			}
		case "latest":
			if !isBool {
				return s, fmt.Errorf("%q must be true or false", k)
			}
		default:
			return s, fmt.Errorf("unknown key %q", k)
		}
		var err error
		switch k {
		case "consumer":
			s.consumer = str
		case "environment":
			s.environment = str
		case "fallbackTag", "fallbackBranch":
			s.fallb = str
		case "latest":
			s.latest = &flag
		case "branch", "tag":
			s.value = str
			err = setKind(k)
		default:
			err = setKind(k)
		}
		if err != nil {
			return s, err
		}
	}
	if s.kind == "" {
		if s.latest == nil || !*s.latest {
			return s, fmt.Errorf("must name versions: mainBranch, branch, matchingBranch, tag, deployed, released, deployedOrReleased or latest")
		}
		s.kind = "latest"
	}
	if s.environment != "" && s.kind != "deployed" && s.kind != "released" && s.kind != "deployedOrReleased" {
		return s, fmt.Errorf("\"environment\" needs deployed, released or deployedOrReleased")
	}
	return s, nil
}

// selectPubs is what one selector selects, and the reason to give.
func (b *Broker) selectPubs(prov string, raw map[string]any, provBranch string) ([]*publication, string, error) {
	s, err := parseSelector(raw)
	if err != nil {
		return nil, "", err
	}
	latestOnly := true
	var pred func(c *pacticipant, v *version) bool
	var reason string
	switch s.kind {
	case "mainBranch":
		pred = func(c *pacticipant, v *version) bool { return c.mainBranch != "" && v.branch == c.mainBranch }
		reason = "latest version of {consumer} from its main branch"
	case "branch", "matchingBranch":
		branch := s.value
		if s.kind == "matchingBranch" {
			if provBranch == "" {
				return nil, "", fmt.Errorf("\"matchingBranch\" needs providerVersionBranch")
			}
			branch = provBranch
		}
		latestOnly = s.latest == nil || *s.latest
		pred = func(_ *pacticipant, v *version) bool { return v.branch == branch }
		reason = "version of {consumer} from branch '" + branch + "'"
	case "tag":
		latestOnly = s.latest != nil && *s.latest
		tag := s.value
		pred = func(_ *pacticipant, v *version) bool { return contains(v.tags, tag) }
		reason = "version of {consumer} tagged '" + tag + "'"
	case "deployed", "released", "deployedOrReleased":
		latestOnly = false
		if s.environment != "" && s.environment != Environment {
			return nil, "", nil
		}
		kind := s.kind
		pred = func(_ *pacticipant, v *version) bool {
			return (kind != "released" && v.deployed) || (kind != "deployed" && v.released)
		}
		reason = map[string]string{"deployed": "currently deployed", "released": "currently released",
			"deployedOrReleased": "currently deployed or released"}[kind] + " version of {consumer}"
	case "latest":
		pred = func(*pacticipant, *version) bool { return true }
		reason = "latest version of {consumer}"
	}
	if latestOnly && s.kind != "mainBranch" && s.kind != "latest" {
		reason = "latest " + reason
	}
	pick := func(pred func(c *pacticipant, v *version) bool) []*publication {
		var out []*publication
		latest := map[string]*publication{}
		for _, p := range b.pubs {
			if p.provider != prov || s.consumer != "" && p.consumer != s.consumer {
				continue
			}
			if !pred(b.pacticipants[p.consumer], p.version) {
				continue
			}
			if !latestOnly {
				out = append(out, p)
			} else if q := latest[p.consumer]; q == nil || p.version.seq > q.version.seq {
				latest[p.consumer] = p
			}
		}
		for _, p := range latest {
			out = append(out, p)
		}
		return out
	}
	pubs := pick(pred)
	if len(pubs) == 0 && s.fallb != "" && (s.kind == "branch" || s.kind == "tag") {
		fb := s.fallb
		if s.kind == "branch" {
			pubs = pick(func(_ *pacticipant, v *version) bool { return v.branch == fb })
			reason = "latest version of {consumer} from fallback branch '" + fb + "'"
		} else {
			pubs = pick(func(_ *pacticipant, v *version) bool { return contains(v.tags, fb) })
			reason = "latest version of {consumer} tagged with fallback tag '" + fb + "'"
		}
	}
	return pubs, reason, nil
}

// pending says whether a pact version is pending for the provider version
// described by the request, and describes what would make it not pending.
func (b *Broker) pending(p *publication, req pfvRequest) (bool, string) {
	prov := b.pacticipants[p.provider]
	var from string
	switch {
	case req.ProviderVersionBranch != "":
		from = "a version of " + p.provider + " on branch '" + req.ProviderVersionBranch + "'"
		if prov.mainBranch != "" && prov.mainBranch != req.ProviderVersionBranch {
			from += " or on its main branch '" + prov.mainBranch + "'"
		}
	case len(req.ProviderVersionTags) > 0:
		from = "a version of " + p.provider + " tagged " + strings.Join(req.ProviderVersionTags, " or ")
	default:
		from = "any version of " + p.provider
	}
	for _, res := range b.results {
		if !res.Success || res.Provider != p.provider || res.Consumer != p.consumer || res.PactVersion != p.sha {
			continue
		}
		v := prov.versions[res.ProviderVersion]
		if v == nil {
			continue
		}
		switch {
		case req.ProviderVersionBranch != "":
			if v.branch == req.ProviderVersionBranch || prov.mainBranch != "" && v.branch == prov.mainBranch {
				return false, from
			}
		case len(req.ProviderVersionTags) > 0:
			for _, t := range req.ProviderVersionTags {
				if contains(v.tags, t) {
					return false, from
				}
			}
		default:
			return false, from
		}
	}
	return true, from
}

// wipEntries are the work-in-progress pacts: the latest of each consumer
// branch and tag, published since, pending, and not already selected.
func (b *Broker) wipEntries(prov string, since time.Time, req pfvRequest, selected map[string]*entry) []*entry {
	latest := map[string]*publication{} // consumer + branch/tag -> latest
	for _, p := range b.pubs {
		if p.provider != prov {
			continue
		}
		keys := []string{}
		if p.version.branch != "" {
			keys = append(keys, "branch\x00"+p.version.branch)
		}
		for _, t := range p.version.tags {
			keys = append(keys, "tag\x00"+t)
		}
		for _, k := range keys {
			k = p.consumer + "\x00" + k
			if q := latest[k]; q == nil || p.version.seq > q.version.seq {
				latest[k] = p
			}
		}
	}
	seen := map[string]bool{}
	var out []*entry
	for _, p := range latest {
		key := p.consumer + "\x00" + p.sha
		if selected[key] != nil || seen[key] || p.created.Before(since) {
			continue
		}
		if pending, _ := b.pending(p, req); !pending {
			continue
		}
		seen[key] = true
		out = append(out, &entry{pub: p, wip: true})
	}
	sort.Slice(out, func(i, j int) bool {
		a, c := out[i].pub, out[j].pub
		if a.consumer != c.consumer {
			return a.consumer < c.consumer
		}
		return a.version.seq < c.version.seq
	})
	return out
}

// describe is the answer's entry for one pact.
func (b *Broker) describe(e *entry, req pfvRequest) map[string]any {
	p := e.pub
	url := b.URL + b.pactPath(p)
	props := map[string]any{}
	var notices []any
	notice := func(when, text string) {
		notices = append(notices, map[string]any{"when": when, "text": text})
	}
	short := strings.Join(e.reasons, ", ")
	pending, from := b.pending(p, req)
	if e.wip {
		short = "work in progress"
		props["wip"] = true
		props["pending"] = true
		notice("before_verification", fmt.Sprintf("The pact at %s is included as a work in progress (WIP) pact: it is the latest for a branch or tag of %s (version %s), was published after %s, and has not yet been successfully verified by %s.",
			url, p.consumer, p.version.number, req.IncludeWipPactsSince, from))
	} else {
		notice("before_verification", fmt.Sprintf("The pact at %s is included because it is the pact of the %s (version %s).",
			url, strings.Join(e.reasons, "; and of the "), p.version.number))
	}
	if req.IncludePendingStatus || e.wip {
		if !e.wip {
			props["pending"] = pending
		}
		if pending || e.wip {
			notice("before_verification", fmt.Sprintf("This pact is pending: it has not yet been successfully verified by %s, so a failure will not fail the build.", from))
			notice("after_verification:success_true_published_true", "This pact is no longer pending for this provider version now that a successful result is published.")
			notice("after_verification:success_false_published_true", "This pact is still pending: the failed result was published and does not fail the build.")
		} else {
			notice("before_verification", fmt.Sprintf("This pact is not pending: it has been successfully verified by %s, so a failure will fail the build.", from))
		}
	}
	props["notices"] = notices
	return map[string]any{
		"shortDescription":       short,
		"verificationProperties": props,
		"_links": map[string]any{"self": map[string]any{
			"href": url, "name": fmt.Sprintf("Pact between %s (%s) and %s", p.consumer, p.version.number, p.provider)}},
	}
}
