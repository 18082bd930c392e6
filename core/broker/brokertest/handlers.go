package brokertest

import (
	"bytes"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// handler is the stand-in's HTTP handler: record, authenticate, misbehave
// on demand, then route.
func (b *Broker) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", b.index)
	mux.HandleFunc("POST /contracts/publish", b.publishContracts)
	mux.HandleFunc("POST /pacts/provider/{provider}/for-verification", b.forVerification)
	mux.HandleFunc("GET /pacts/provider/{provider}/for-verification", b.forVerification)
	mux.HandleFunc("GET /pacts/provider/{provider}/latest", b.latest)
	mux.HandleFunc("GET /pacts/provider/{provider}/latest/{tag}", b.latest)
	mux.HandleFunc("GET /pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}", b.pact)
	mux.HandleFunc("POST /pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results", b.verificationResults)
	mux.HandleFunc("GET /pacticipants/{name}", b.pacticipantResource)
	mux.HandleFunc("PUT /pacticipants/{name}/branches/{branch}/versions/{version}", b.putBranch)
	mux.HandleFunc("PUT /pacticipants/{name}/versions/{version}/tags/{tag}", b.putTag)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 64<<20))
		r.Body = io.NopCloser(bytes.NewReader(body))
		b.mu.Lock()
		b.requests = append(b.requests, Request{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body})
		f := NoFailure
		if b.failTimes != 0 {
			f = b.failure
			if b.failTimes > 0 {
				b.failTimes--
			}
		}
		b.mu.Unlock()
		if !b.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Basic realm="brokertest"`)
			writeJSON(w, http.StatusUnauthorized, map[string]any{"error": "Unauthorized: missing or wrong credentials"})
			return
		}
		switch f {
		case Status500:
			writeJSON(w, http.StatusInternalServerError, map[string]any{"error": map[string]any{"message": "brokertest: induced failure"}})
			return
		case Hang:
			select {
			case <-r.Context().Done():
			case <-b.done:
			}
			return
		case InvalidJSON:
			w.Header().Set("Content-Type", "application/hal+json;charset=utf-8")
			w.WriteHeader(http.StatusOK)
			io.WriteString(w, `{"_links": {"self": {"href": `)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

func (b *Broker) authorized(r *http.Request) bool {
	switch {
	case b.token != "":
		return subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), []byte("Bearer "+b.token)) == 1
	case b.user != "":
		u, p, ok := r.BasicAuth()
		return ok && u == b.user && p == b.pass
	}
	return true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/hal+json;charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// badRequest answers 400 with the broker's {"errors": {field: [msg]}} shape.
func badRequest(w http.ResponseWriter, field, msg string) {
	writeJSON(w, http.StatusBadRequest, map[string]any{"errors": map[string]any{field: []string{msg}}})
}

func notFound(w http.ResponseWriter, what string) {
	writeJSON(w, http.StatusNotFound, map[string]any{"error": what + " not found"})
}

func (b *Broker) index(w http.ResponseWriter, r *http.Request) {
	links := map[string]any{
		"self":                               b.href("/"),
		"pb:publish-contracts":               map[string]any{"href": b.URL + "/contracts/publish", "title": "Publish contracts"},
		"pb:provider-pacts-for-verification": map[string]any{"href": b.URL + "/pacts/provider/{provider}/for-verification", "templated": true, "title": "Pact versions to be verified for the specified provider"},
		"pb:latest-provider-pacts":           map[string]any{"href": b.URL + "/pacts/provider/{provider}/latest", "templated": true},
		"pb:latest-provider-pacts-with-tag":  map[string]any{"href": b.URL + "/pacts/provider/{provider}/latest/{tag}", "templated": true},
		"pb:pacticipant":                     map[string]any{"href": b.URL + "/pacticipants/{pacticipant}", "templated": true},
	}
	for rel := range b.hidden {
		delete(links, rel)
	}
	writeJSON(w, http.StatusOK, map[string]any{"_links": links})
}

func (b *Broker) publishContracts(w http.ResponseWriter, r *http.Request) {
	var req struct {
		PacticipantName          string   `json:"pacticipantName"`
		PacticipantVersionNumber string   `json:"pacticipantVersionNumber"`
		Branch                   string   `json:"branch"`
		Tags                     []string `json:"tags"`
		BuildURL                 string   `json:"buildUrl"`
		Contracts                []struct {
			ConsumerName  string `json:"consumerName"`
			ProviderName  string `json:"providerName"`
			Specification string `json:"specification"`
			ContentType   string `json:"contentType"`
			Content       string `json:"content"`
		} `json:"contracts"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		badRequest(w, "body", "is not valid JSON: "+err.Error())
		return
	}
	switch {
	case req.PacticipantName == "":
		badRequest(w, "pacticipantName", "is missing")
		return
	case req.PacticipantVersionNumber == "":
		badRequest(w, "pacticipantVersionNumber", "is missing")
		return
	case len(req.Contracts) == 0:
		badRequest(w, "contracts", "must contain at least one contract")
		return
	}
	type decoded struct {
		prov    string
		content []byte
	}
	var pacts []decoded
	for i, c := range req.Contracts {
		field := fmt.Sprintf("contracts[%d]", i)
		content, err := base64.StdEncoding.DecodeString(c.Content)
		switch {
		case c.Specification != "pact" || c.ContentType != "application/json":
			badRequest(w, field, "must have specification 'pact' and contentType 'application/json'")
			return
		case err != nil:
			badRequest(w, field+".content", "is not valid base64: "+err.Error())
			return
		case !json.Valid(content):
			badRequest(w, field+".content", "is not valid JSON")
			return
		case c.ConsumerName != req.PacticipantName:
			badRequest(w, field+".consumerName", fmt.Sprintf("must match pacticipantName %q", req.PacticipantName))
			return
		case c.ProviderName == "":
			badRequest(w, field+".providerName", "is missing")
			return
		}
		pacts = append(pacts, decoded{c.ProviderName, content})
	}
	b.mu.Lock()
	v := b.version(req.PacticipantName, req.PacticipantVersionNumber, req.Branch, req.Tags)
	var contracts []any
	notices := []any{map[string]any{"type": "success", "text": fmt.Sprintf("Created %s version %s with branch %q and tags %v",
		req.PacticipantName, req.PacticipantVersionNumber, req.Branch, req.Tags)}}
	for _, p := range pacts {
		if err := b.publish(req.PacticipantName, p.prov, v, p.content); err != nil {
			b.mu.Unlock()
			badRequest(w, "contracts", err.Error())
			return
		}
		pub := b.pubs[len(b.pubs)-1]
		for _, q := range b.pubs {
			if q.consumer == req.PacticipantName && q.provider == p.prov && q.version == v {
				pub = q
			}
		}
		contracts = append(contracts, map[string]any{"href": b.URL + b.pactPath(pub), "name": "Pact between " + pub.consumer + " and " + pub.provider})
		notices = append(notices, map[string]any{"type": "success", "text": fmt.Sprintf("Pact published for %s version %s and provider %s",
			req.PacticipantName, req.PacticipantVersionNumber, p.prov)})
	}
	b.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"notices": notices,
		"_embedded": map[string]any{
			"pacticipant": map[string]any{"name": req.PacticipantName},
			"version":     map[string]any{"number": req.PacticipantVersionNumber},
		},
		"_links": map[string]any{
			"pb:pacticipant": b.href("/pacticipants/" + esc(req.PacticipantName)),
			"pb:contracts":   contracts,
		},
	})
}

func (b *Broker) pact(w http.ResponseWriter, r *http.Request) {
	prov, cons, sha := r.PathValue("provider"), r.PathValue("consumer"), r.PathValue("sha")
	b.mu.Lock()
	var found *publication
	for _, p := range b.pubs {
		if p.provider == prov && p.consumer == cons && p.sha == sha {
			found = p
		}
	}
	b.mu.Unlock()
	if found == nil {
		notFound(w, "pact")
		return
	}
	path := b.pactPath(found)
	links := map[string]any{
		"self":                            map[string]any{"href": b.URL + path, "name": "Pact between " + cons + " and " + prov},
		"pb:publish-verification-results": map[string]any{"href": b.URL + path + "/verification-results", "title": "Publish verification results"},
		"pb:provider":                     map[string]any{"href": b.URL + "/pacticipants/" + esc(prov), "name": prov},
		"pb:consumer":                     map[string]any{"href": b.URL + "/pacticipants/" + esc(cons), "name": cons},
	}
	out, err := jsonSet(found.content, "_links", links)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]any{"error": err.Error()})
		return
	}
	w.Header().Set("Content-Type", "application/hal+json;charset=utf-8")
	w.Write(out)
}

func (b *Broker) verificationResults(w http.ResponseWriter, r *http.Request) {
	prov, cons, sha := r.PathValue("provider"), r.PathValue("consumer"), r.PathValue("sha")
	body, _ := io.ReadAll(r.Body)
	var req struct {
		Success                    *bool        `json:"success"`
		ProviderApplicationVersion string       `json:"providerApplicationVersion"`
		TestResults                []TestResult `json:"testResults"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		badRequest(w, "body", "is not valid JSON: "+err.Error())
		return
	}
	if req.Success == nil {
		badRequest(w, "success", "is missing")
		return
	}
	if req.ProviderApplicationVersion == "" {
		badRequest(w, "providerApplicationVersion", "is missing")
		return
	}
	b.mu.Lock()
	known := false
	for _, p := range b.pubs {
		known = known || p.provider == prov && p.consumer == cons && p.sha == sha
	}
	if !known {
		b.mu.Unlock()
		notFound(w, "pact")
		return
	}
	b.version(prov, req.ProviderApplicationVersion, "", nil)
	b.results = append(b.results, Result{
		Provider: prov, Consumer: cons, PactVersion: sha,
		ProviderVersion: req.ProviderApplicationVersion, Success: *req.Success,
		TestResults: req.TestResults, Body: json.RawMessage(body),
	})
	n := len(b.results)
	b.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]any{
		"success":                    *req.Success,
		"providerApplicationVersion": req.ProviderApplicationVersion,
		"_links": map[string]any{"self": b.href(fmt.Sprintf("/pacts/provider/%s/consumer/%s/pact-version/%s/verification-results/%d",
			esc(prov), esc(cons), sha, n))},
	})
}

func (b *Broker) pacticipantResource(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	b.mu.Lock()
	p := b.pacticipants[name]
	var main string
	if p != nil {
		main = p.mainBranch
	}
	b.mu.Unlock()
	if p == nil {
		notFound(w, "pacticipant")
		return
	}
	base := "/pacticipants/" + esc(name)
	writeJSON(w, http.StatusOK, map[string]any{
		"name":       name,
		"mainBranch": main,
		"_links": map[string]any{
			"self":              b.href(base),
			"pb:branch-version": map[string]any{"href": b.URL + base + "/branches/{branch}/versions/{version}", "templated": true},
			"pb:version-tag":    map[string]any{"href": b.URL + base + "/versions/{version}/tags/{tag}", "templated": true},
		},
	})
}

func (b *Broker) putBranch(w http.ResponseWriter, r *http.Request) {
	name, branch, number := r.PathValue("name"), r.PathValue("branch"), r.PathValue("version")
	b.mu.Lock()
	if b.pacticipants[name] == nil {
		b.mu.Unlock()
		notFound(w, "pacticipant")
		return
	}
	v := b.version(name, number, branch, nil)
	if v.branch != branch { // a version may be on one branch only, here
		v.branch = branch
	}
	b.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]any{"name": branch, "_links": map[string]any{"self": b.href(r.URL.Path)}})
}

func (b *Broker) putTag(w http.ResponseWriter, r *http.Request) {
	name, number, tag := r.PathValue("name"), r.PathValue("version"), r.PathValue("tag")
	b.mu.Lock()
	if b.pacticipants[name] == nil {
		b.mu.Unlock()
		notFound(w, "pacticipant")
		return
	}
	b.version(name, number, "", []string{tag})
	b.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]any{"name": tag, "_links": map[string]any{"self": b.href(r.URL.Path)}})
}

// latest serves the pre-"pacts for verification" endpoints: the latest pact
// of each consumer (with a tag: the latest with that tag).
func (b *Broker) latest(w http.ResponseWriter, r *http.Request) {
	prov, tag := r.PathValue("provider"), r.PathValue("tag")
	b.mu.Lock()
	if b.pacticipants[prov] == nil {
		b.mu.Unlock()
		notFound(w, "provider")
		return
	}
	byConsumer := map[string]*publication{}
	for _, p := range b.pubs {
		if p.provider != prov || tag != "" && !contains(p.version.tags, tag) {
			continue
		}
		if q := byConsumer[p.consumer]; q == nil || p.version.seq > q.version.seq {
			byConsumer[p.consumer] = p
		}
	}
	var pubs []*publication
	for _, p := range byConsumer {
		pubs = append(pubs, p)
	}
	sortPubs(pubs)
	list := []any{}
	for _, p := range pubs {
		list = append(list, map[string]any{"href": b.URL + b.pactPath(p), "name": p.consumer, "title": "Pact between " + p.consumer + " (" + p.version.number + ") and " + prov})
	}
	b.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"_links": map[string]any{
		"self":     b.href(r.URL.Path),
		"provider": map[string]any{"href": b.URL + "/pacticipants/" + esc(prov), "name": prov},
		"pb:pacts": list,
		"pacts":    list,
	}})
}

// jsonSet sets a top-level key of a JSON object.
func jsonSet(doc []byte, key string, v any) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		return nil, err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	m[key] = raw
	return json.Marshal(m)
}
