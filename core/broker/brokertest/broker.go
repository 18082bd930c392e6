// Package brokertest is an in-memory Pact Broker for tests: a real HTTP
// server on a loopback port (net/http/httptest) speaking enough of the
// broker's HAL API for a consumer to publish pacts and a provider to fetch
// them, verify them and publish results.
//
//	b := brokertest.New(brokertest.WithToken("t0k3n"))
//	defer b.Close()
//	c := broker.New(b.URL, broker.TokenAuth("t0k3n"))
//	c.PublishContracts(ctx, broker.PublishRequest{ConsumerVersion: "1", Branch: "main", Pacts: [][]byte{pact}})
//	b.MarkDeployed("Web", "1")
//	pacts, _ := c.PactsForVerification(ctx, broker.Selection{Provider: "Orders",
//		ConsumerVersionSelectors: []map[string]any{{"deployedOrReleased": true}}})
//	...
//	for _, r := range b.Results() { ... }
//
// # What it implements
//
// The index (GET /) with the relations pb:publish-contracts,
// pb:provider-pacts-for-verification, pb:latest-provider-pacts,
// pb:latest-provider-pacts-with-tag and pb:pacticipant (WithoutRelations
// hides some, to act as an older broker), and:
//
//   - POST /contracts/publish: base64 pacts of one consumer version, with
//     branch and tags. The consumer's main branch is the first of "main",
//     "master" or "develop" it publishes (SetMainBranch overrides). Served
//     pacts get an "_id" in each interaction (a hash of its content), as a
//     real broker's do, plus "_links" with pb:publish-verification-results,
//     pb:provider and pb:consumer. A pact version is identified by its
//     content: the same content published twice is one pact version.
//   - POST (and GET) /pacts/provider/{provider}/for-verification with the
//     consumer version selectors {mainBranch: true}, {branch: x}
//     (latest of the branch; "latest": false for all), {matchingBranch: true},
//     {tag: x, latest: true} ({tag: x} alone: all versions with the tag),
//     {latest: true}, {deployedOrReleased: true}, {deployed: true},
//     {released: true}, each optionally with consumer, environment,
//     fallbackTag or fallbackBranch. Any other key is answered with 400 and
//     an "errors" document, as is a selector that selects nothing. No
//     selectors means the broker's default: {mainBranch: true} and
//     {deployedOrReleased: true}.
//   - Pending status (includePendingStatus): a pact version is pending until
//     it has a successful verification from a provider version on the
//     requested providerVersionBranch or on the provider's main branch (with
//     providerVersionTags instead: from a provider version with one of the
//     tags; with neither: from any provider version).
//   - Work-in-progress pacts (includeWipPactsSince): the latest pact of each
//     consumer branch and tag, published at or after the date, pending, and
//     not selected by a selector, is added with wip and pending set.
//   - Notices: a before_verification notice saying why each pact is
//     included, and with includePendingStatus one about its pending state and
//     after_verification ones.
//   - GET /pacts/provider/{provider}/latest[/{tag}] (the fallback endpoints).
//   - POST .../verification-results: stored and returned by Results().
//   - GET /pacticipants/{name} with pb:branch-version and pb:version-tag;
//     PUT on those records a provider version's branch and tags.
//   - Authentication (WithBasicAuth, WithToken): any request without the
//     right credentials is answered 401.
//   - Failures on demand (Fail): answer 500, hang until the client gives up,
//     or answer 200 with a body that is not JSON.
//
// Deployments and releases are recorded directly with MarkDeployed and
// MarkReleased (environment "production"), and pacts can be added without
// HTTP with AddPact. Every request is recorded (Requests).
package brokertest

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"sync"
	"time"

	"github.com/tidwall/gjson"
	"github.com/tidwall/sjson"
)

// Environment is the environment MarkDeployed and MarkReleased record.
const Environment = "production"

// Failure is how the stand-in misbehaves (see Fail).
type Failure int

const (
	// NoFailure answers normally.
	NoFailure Failure = iota
	// Status500 answers 500 Internal Server Error with a JSON error body.
	Status500
	// Hang never answers; the request ends when the client gives up or the
	// stand-in is closed.
	Hang
	// InvalidJSON answers 200 with a HAL content type and a truncated body.
	InvalidJSON
)

// Broker is a running stand-in. Its methods are safe for concurrent use.
type Broker struct {
	// URL is the base URL, e.g. "http://127.0.0.1:41234".
	URL string

	srv       *httptest.Server
	user      string // basic auth, when set
	pass      string
	token     string // bearer token, when set
	hidden    map[string]bool
	done      chan struct{}
	closeOnce sync.Once

	mu           sync.Mutex // guards everything below
	now          func() time.Time
	pacticipants map[string]*pacticipant
	pubs         []*publication // in publication order
	results      []Result
	requests     []Request
	failure      Failure
	failTimes    int // requests left to fail; < 0: all
	seq          int
}

type pacticipant struct {
	name       string
	mainBranch string
	versions   map[string]*version
}

type version struct {
	number   string
	branch   string
	tags     []string
	seq      int
	deployed bool
	released bool
}

type publication struct {
	consumer, provider string
	version            *version
	sha                string
	content            []byte // with "_id"s, without "_links"
	created            time.Time
	seq                int
}

// Result is a verification result the stand-in received.
type Result struct {
	Provider        string
	Consumer        string
	PactVersion     string // the pact content's id (from the publish URL)
	ProviderVersion string
	Success         bool
	TestResults     []TestResult
	// Body is the request body as received.
	Body json.RawMessage
}

// TestResult is one entry of a result's testResults.
type TestResult struct {
	InteractionID string           `json:"interactionId"`
	Success       bool             `json:"success"`
	Mismatches    []map[string]any `json:"mismatches"`
}

// Request is a request the stand-in received.
type Request struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

// Option configures a stand-in.
type Option func(*Broker)

// WithBasicAuth demands HTTP basic authentication.
func WithBasicAuth(username, password string) Option {
	return func(b *Broker) { b.user, b.pass = username, password }
}

// WithToken demands a bearer token.
func WithToken(token string) Option { return func(b *Broker) { b.token = token } }

// WithoutRelations leaves relations out of the index, e.g.
// "pb:provider-pacts-for-verification" to act as a broker older than 2.x.
func WithoutRelations(rels ...string) Option {
	return func(b *Broker) {
		for _, r := range rels {
			b.hidden[r] = true
		}
	}
}

// WithClock sets the clock that dates publications (for WIP pacts).
func WithClock(now func() time.Time) Option { return func(b *Broker) { b.now = now } }

// New starts a stand-in on a loopback port. Close it when done.
func New(opts ...Option) *Broker {
	b := &Broker{
		hidden:       map[string]bool{},
		done:         make(chan struct{}),
		now:          time.Now,
		pacticipants: map[string]*pacticipant{},
	}
	for _, o := range opts {
		o(b)
	}
	b.srv = httptest.NewServer(b.handler())
	b.URL = b.srv.URL
	return b
}

// Close stops the stand-in, ending hanging requests first.
func (b *Broker) Close() {
	b.closeOnce.Do(func() {
		close(b.done)
		b.srv.Close()
	})
}

// Fail makes the next times requests fail as f (times < 0: every request
// until Fail(NoFailure, 0)).
func (b *Broker) Fail(f Failure, times int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failure, b.failTimes = f, times
}

// SetMainBranch sets a pacticipant's main branch (creating the pacticipant).
func (b *Broker) SetMainBranch(name, branch string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pacticipant(name).mainBranch = branch
}

// MarkDeployed records that a consumer version is deployed to Environment.
func (b *Broker) MarkDeployed(consumer, versionNumber string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, err := b.existingVersion(consumer, versionNumber)
	if err == nil {
		v.deployed = true
	}
	return err
}

// MarkReleased records that a consumer version is released to Environment.
func (b *Broker) MarkReleased(consumer, versionNumber string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, err := b.existingVersion(consumer, versionNumber)
	if err == nil {
		v.released = true
	}
	return err
}

// AddPact publishes a pact without HTTP: the consumer and provider names
// are read from it.
func (b *Broker) AddPact(consumerVersion, branch string, tags []string, pact []byte) error {
	cons := gjson.GetBytes(pact, "consumer.name").String()
	prov := gjson.GetBytes(pact, "provider.name").String()
	if !gjson.ValidBytes(pact) || cons == "" || prov == "" {
		return fmt.Errorf("brokertest: AddPact needs a JSON pact with consumer.name and provider.name")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	v := b.version(cons, consumerVersion, branch, tags)
	return b.publish(cons, prov, v, pact)
}

// Results are the verification results received, in order.
func (b *Broker) Results() []Result {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]Result(nil), b.results...)
}

// Requests are the requests received, in order.
func (b *Broker) Requests() []Request {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]Request(nil), b.requests...)
}

// pacticipant finds or creates a pacticipant; b.mu is held.
func (b *Broker) pacticipant(name string) *pacticipant {
	p := b.pacticipants[name]
	if p == nil {
		p = &pacticipant{name: name, versions: map[string]*version{}}
		b.pacticipants[name] = p
	}
	return p
}

func (b *Broker) existingVersion(name, number string) (*version, error) {
	if p := b.pacticipants[name]; p != nil {
		if v := p.versions[number]; v != nil {
			return v, nil
		}
	}
	return nil, fmt.Errorf("brokertest: no version %q of %q", number, name)
}

// version finds or creates a version, setting its branch (when it has none)
// and adding tags; b.mu is held.
func (b *Broker) version(name, number, branch string, tags []string) *version {
	p := b.pacticipant(name)
	v := p.versions[number]
	if v == nil {
		b.seq++
		v = &version{number: number, seq: b.seq}
		p.versions[number] = v
	}
	if v.branch == "" && branch != "" {
		v.branch = branch
		if p.mainBranch == "" && (branch == "main" || branch == "master" || branch == "develop") {
			p.mainBranch = branch
		}
	}
	for _, t := range tags {
		if !contains(v.tags, t) {
			v.tags = append(v.tags, t)
		}
	}
	return v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// publish stores a pact for a consumer version, replacing the version's
// earlier pact with the same provider; b.mu is held.
func (b *Broker) publish(cons, prov string, v *version, pact []byte) error {
	b.pacticipant(prov)
	content, sha, err := withIDs(pact)
	if err != nil {
		return err
	}
	b.seq++
	pub := &publication{consumer: cons, provider: prov, version: v, sha: sha, content: content, created: b.now(), seq: b.seq}
	for i, old := range b.pubs {
		if old.consumer == cons && old.provider == prov && old.version == v {
			b.pubs[i] = pub
			return nil
		}
	}
	b.pubs = append(b.pubs, pub)
	return nil
}

// withIDs strips "_links", gives every interaction and message an "_id" (a
// hash of its content) and returns the content's id.
func withIDs(pact []byte) ([]byte, string, error) {
	out, err := sjson.DeleteBytes(pact, "_links")
	if err != nil {
		return nil, "", err
	}
	for _, key := range []string{"interactions", "messages"} {
		n := int(gjson.GetBytes(out, key+".#").Int())
		for i := 0; i < n; i++ {
			path := fmt.Sprintf("%s.%d", key, i)
			if gjson.GetBytes(out, path+"._id").Exists() {
				continue
			}
			sum := sha1.Sum([]byte(gjson.GetBytes(out, path).Raw))
			if out, err = sjson.SetBytes(out, path+"._id", hex.EncodeToString(sum[:])); err != nil {
				return nil, "", err
			}
		}
	}
	var v any
	if err := json.Unmarshal(out, &v); err != nil {
		return nil, "", fmt.Errorf("brokertest: pact is not JSON: %w", err)
	}
	canon, _ := json.Marshal(v) // sorted keys: same content, same id
	sum := sha1.Sum(canon)
	return out, hex.EncodeToString(sum[:]), nil
}

// links builders

func (b *Broker) href(path string) map[string]any { return map[string]any{"href": b.URL + path} }

func esc(s string) string { return url.PathEscape(s) }

func (b *Broker) pactPath(p *publication) string {
	return "/pacts/provider/" + esc(p.provider) + "/consumer/" + esc(p.consumer) + "/pact-version/" + p.sha
}

// sortPubs orders publications by consumer name, then version order.
func sortPubs(ps []*publication) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].consumer != ps[j].consumer {
			return ps[i].consumer < ps[j].consumer
		}
		return ps[i].version.seq < ps[j].version.seq
	})
}
