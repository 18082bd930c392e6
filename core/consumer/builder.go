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
	"slices"

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
//
// Pact.Interactions must only be added to, replaced or renamed through the
// Builder (NewInteraction, Interaction.UponReceiving): the builder keeps an
// index of the descriptions to find an interaction to replace in constant
// time, and rebuilds it only when the number of interactions changed behind
// its back.
type Builder struct {
	Pact   *model.Pact
	locked bool
	// byDesc maps a description to the 0-based position of the first
	// interaction that has it; byDescAll holds every position, in
	// increasing order, of the descriptions that two or more interactions
	// share (renames can make them). indexed is len(Pact.Interactions) when
	// the index was last up to date.
	byDesc    map[string]int
	byDescAll map[string][]int
	indexed   int
	// last is the builder Interaction returned last: the C ABI asks for the
	// same interaction once per call, usually many times in a row.
	last *Interaction
	// handles is where the next Interactions come from, a few dozen at a
	// time: a pact of thousands of interactions needs one of each.
	handles []Interaction
}

// handlesAtOnce is the number of Interactions a Builder allocates at once.
const handlesAtOnce = 32

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
	b.reindex()
	if n, ok := b.byDesc[description]; ok {
		logging.LogWarn("replacing the existing interaction with the same description", "description", description)
		b.Pact.Interactions[n] = model.NewInteraction(t, description)
		return n + 1, nil
	}
	b.Pact.AddInteraction(t, description)
	n := len(b.Pact.Interactions) - 1
	b.byDesc[description] = n // a new description: it had no position
	b.indexed = len(b.Pact.Interactions)
	return n + 1, nil
}

// positions returns the positions of the interactions described by d, in
// increasing order. The slice must not be changed.
func (b *Builder) positions(d string) []int {
	if all, ok := b.byDescAll[d]; ok {
		return all
	}
	if n, ok := b.byDesc[d]; ok {
		return []int{n}
	}
	return nil
}

// setPositions records ns as the positions of the interactions described
// by d.
func (b *Builder) setPositions(d string, ns []int) {
	switch len(ns) {
	case 0:
		delete(b.byDesc, d)
		delete(b.byDescAll, d)
	case 1:
		b.byDesc[d] = ns[0]
		delete(b.byDescAll, d)
	default:
		b.byDesc[d] = ns[0]
		if b.byDescAll == nil {
			b.byDescAll = map[string][]int{}
		}
		b.byDescAll[d] = ns
	}
}

// reindex rebuilds the description index when it is missing or the number
// of interactions changed without the builder.
func (b *Builder) reindex() {
	if b.byDesc != nil && b.indexed == len(b.Pact.Interactions) {
		return
	}
	b.byDesc = make(map[string]int, len(b.Pact.Interactions))
	b.byDescAll = nil
	for n, i := range b.Pact.Interactions {
		if _, ok := b.byDesc[i.Description]; !ok {
			b.byDesc[i.Description] = n
		} else {
			b.setPositions(i.Description, append(slices.Clone(b.positions(i.Description)), n))
		}
	}
	b.indexed = len(b.Pact.Interactions)
}

// rename changes the description of the interaction i to description,
// keeping the index up to date.
func (b *Builder) rename(i *model.Interaction, description string) {
	b.reindex()
	old := i.Description
	i.Description = description
	if old == description {
		return
	}
	ns := b.positions(old)
	for k, n := range ns {
		if b.Pact.Interactions[n] == i {
			b.setPositions(old, append(ns[:k:k], ns[k+1:]...))
			ns = b.positions(description)
			k, _ := slices.BinarySearch(ns, n)
			b.setPositions(description, slices.Insert(slices.Clone(ns), k, n))
			return
		}
	}
	// i was not found under its old description (it is not one of this
	// pact's interactions, or the pact was changed behind the builder):
	// start over.
	b.byDesc = nil
	b.reindex()
}

// Interaction returns the builder of the interaction at 1-based index n.
func (b *Builder) Interaction(n int) (*Interaction, error) {
	if n < 1 || n > len(b.Pact.Interactions) {
		return nil, fmt.Errorf("the pact has no interaction %d (it has %d)", n, len(b.Pact.Interactions))
	}
	i := b.Pact.Interactions[n-1]
	if b.last == nil || b.last.I != i {
		if len(b.handles) == 0 {
			b.handles = make([]Interaction, handlesAtOnce)
		}
		b.last = &b.handles[0]
		b.handles = b.handles[1:]
		*b.last = Interaction{I: i, b: b}
	}
	return b.last, nil
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
