// Package consumer builds pacts the way a consumer test describes them: a
// Builder over a model.Pact, with one method per pact_ffi consumer call
// (with_request, with_header_v2, with_body, given_with_params, ...). The
// C ABI in ffi/ only converts arguments and calls these methods.
//
//	b := consumer.New("web", "api")
//	n, _ := b.NewInteraction(model.HTTP, "a request for users")
//	i, _ := b.Interaction(n)
//	i.WithRequest("GET", "/users")
//	i.ResponseStatus(200)
//	i.WithBody(consumer.Response, "application/json", `{"id": {"pact:matcher:type": "integer", "value": 1}}`)
//
// Once a mock server has been started for the pact, Lock makes it immutable:
// every mutating method then fails with ErrLocked.
package consumer

import (
	"errors"
	"fmt"

	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/model"
)

// FFIVersion is the pact_ffi version libpact implements, recorded in pact
// metadata and returned by pactffi_version.
const FFIVersion = "0.5.8"

// Part selects the request or the response of an interaction (pact_ffi's
// InteractionPart).
type Part int

// The interaction parts.
const (
	Request Part = iota
	Response
)

// String returns "request" or "response".
func (p Part) String() string {
	if p == Response {
		return "response"
	}
	return "request"
}

// ErrLocked is returned by every mutating method once a mock server has been
// started for the pact.
var ErrLocked = errors.New("a mock server has already been started for this pact, so it can no longer be changed")

// Builder is a pact under construction. It is not safe for concurrent use;
// the caller serializes access (ffi/ holds a mutex per pact).
type Builder struct {
	Pact   *model.Pact
	locked bool
}

// New returns a builder for an empty V3 pact between consumer and provider,
// the default of pact_ffi's new_pact.
func New(consumerName, providerName string) *Builder {
	p := model.NewPact(consumerName, providerName, model.V3)
	p.Metadata["pactRust"] = map[string]any{"ffi": FFIVersion}
	return &Builder{Pact: p}
}

// Lock makes the pact immutable (a mock server is serving it).
func (b *Builder) Lock() { b.locked = true }

// Locked reports whether Lock has been called.
func (b *Builder) Locked() bool { return b.locked }

// check returns ErrLocked when the pact can no longer change.
func (b *Builder) check() error {
	if b.locked {
		return ErrLocked
	}
	return nil
}

// SetSpecVersion sets the specification version the pact is written as.
func (b *Builder) SetSpecVersion(v model.SpecVersion) error {
	if err := b.check(); err != nil {
		return err
	}
	if v < model.V1 || v > model.V4 {
		return fmt.Errorf("unknown pact specification version %d", int(v))
	}
	b.Pact.SpecVersion = v
	return nil
}

// SetMetadata sets metadata[namespace][name] = value (pact_ffi's
// with_pact_metadata).
func (b *Builder) SetMetadata(namespace, name, value string) error {
	if err := b.check(); err != nil {
		return err
	}
	if namespace == "" {
		return errors.New("the metadata namespace is empty")
	}
	if namespace == "pactRust" || namespace == "pactSpecification" {
		return fmt.Errorf("%q is a read-only metadata namespace", namespace)
	}
	if b.Pact.Metadata == nil {
		b.Pact.Metadata = map[string]any{}
	}
	ns, ok := b.Pact.Metadata[namespace].(map[string]any)
	if !ok {
		ns = map[string]any{}
		b.Pact.Metadata[namespace] = ns
	}
	ns[name] = value
	return nil
}

// NewInteraction appends an interaction of type t and returns its 1-based
// index, as pact_ffi packs it into an InteractionHandle. As in pact_ffi, an
// existing interaction with the same description is replaced by the new one
// (keeping its index), so a test that runs twice does not duplicate it.
func (b *Builder) NewInteraction(t model.InteractionType, description string) (int, error) {
	if err := b.check(); err != nil {
		return 0, err
	}
	for n, i := range b.Pact.Interactions {
		if i.Description == description {
			logging.LogWarn("replacing the existing interaction with the same description", "description", description)
			b.Pact.Interactions[n] = model.NewInteraction(t, description)
			return n + 1, nil
		}
	}
	b.Pact.AddInteraction(t, description)
	return len(b.Pact.Interactions), nil
}

// Interaction returns the builder of the interaction at 1-based index n.
func (b *Builder) Interaction(n int) (*Interaction, error) {
	if n < 1 || n > len(b.Pact.Interactions) {
		return nil, fmt.Errorf("the pact has no interaction %d (it has %d)", n, len(b.Pact.Interactions))
	}
	return &Interaction{I: b.Pact.Interactions[n-1], b: b}, nil
}

// Interaction builds one interaction of a Builder's pact.
type Interaction struct {
	I *model.Interaction
	b *Builder
}

// Check returns ErrLocked when the interaction's pact can no longer change.
// Every mutating method calls it first.
func (i *Interaction) Check() error { return i.b.check() }

// Builder returns the pact builder the interaction belongs to.
func (i *Interaction) Builder() *Builder { return i.b }
