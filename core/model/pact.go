// Package model is the in-memory form of a Pact contract, shared by every other
// package of libpact: the pact-file reader and writer, the matching engine, the
// generators, the mock server and the verifier.
//
// The model is version-neutral: a V1 pact and a V4 pact load into the same
// types, and SpecVersion records which version the pact was read as (or is to
// be written as). Fields that a version cannot express are simply left at their
// zero value.
//
// Example:
//
//	p := model.NewPact("web", "api", model.V4)
//	i := p.AddInteraction(model.HTTP, "a request for users")
//	i.Request.Method, i.Request.Path = "GET", "/users"
//	i.Response.Status = 200
package model

// SpecVersion is a version of the Pact specification.
type SpecVersion int

// The specification versions, in order. Unknown sorts first.
const (
	Unknown SpecVersion = iota
	V1
	V1_1
	V2
	V3
	V4
)

// String returns the version as written in pact metadata, e.g. "3.0.0" or "4.0".
func (v SpecVersion) String() string {
	switch v {
	case V1:
		return "1.0.0"
	case V1_1:
		return "1.1.0"
	case V2:
		return "2.0.0"
	case V3:
		return "3.0.0"
	case V4:
		return "4.0"
	}
	return "unknown"
}

// Pact is one contract between a consumer and a provider.
//
// Metadata holds every metadata key other than the specification version
// (which SpecVersion carries), e.g. "pactRust", "pact-jvm", "plugins".
type Pact struct {
	Consumer     string
	Provider     string
	Interactions []*Interaction
	Metadata     map[string]any
	SpecVersion  SpecVersion
}

// NewPact returns an empty pact between consumer and provider.
//
//	p := model.NewPact("web", "api", model.V3)
func NewPact(consumer, provider string, v SpecVersion) *Pact {
	return &Pact{Consumer: consumer, Provider: provider, SpecVersion: v, Metadata: map[string]any{}}
}

// AddInteraction appends a new interaction of the given type and returns it.
// Its request, response and message parts are empty but ready to fill in.
func (p *Pact) AddInteraction(t InteractionType, description string) *Interaction {
	i := NewInteraction(t, description)
	p.Interactions = append(p.Interactions, i)
	return i
}

// InteractionType is the kind of an interaction: V4 names them in the "type"
// attribute; earlier versions have HTTP interactions or (V3) message pacts.
type InteractionType int

// The interaction kinds.
const (
	HTTP         InteractionType = iota // "Synchronous/HTTP"
	AsyncMessage                        // "Asynchronous/Messages"
	SyncMessage                         // "Synchronous/Messages"
)

// String returns the V4 "type" attribute value, e.g. "Synchronous/HTTP".
func (t InteractionType) String() string {
	switch t {
	case AsyncMessage:
		return "Asynchronous/Messages"
	case SyncMessage:
		return "Synchronous/Messages"
	}
	return "Synchronous/HTTP"
}

// ParseInteractionType parses a V4 "type" attribute. ok is false for an
// unknown name.
func ParseInteractionType(s string) (t InteractionType, ok bool) {
	switch s {
	case "Synchronous/HTTP":
		return HTTP, true
	case "Asynchronous/Messages":
		return AsyncMessage, true
	case "Synchronous/Messages":
		return SyncMessage, true
	}
	return HTTP, false
}

// ProviderState is a named state the provider must be in, with optional
// parameters of any JSON type.
type ProviderState struct {
	Name   string
	Params map[string]any
}

// Interaction is one request/response pair, one asynchronous message or one
// synchronous request/response message exchange.
//
// Which parts are meaningful depends on Type:
//   - HTTP: Request and Response.
//   - AsyncMessage: Messages.Message.
//   - SyncMessage: Messages.Request and Messages.Responses.
//
// The message parts are out of line, so that an HTTP interaction does not
// carry them: Messages is nil until they are set (NewInteraction creates them
// for a message type). Read them through Messages with a nil check, and
// write them through MessageParts, which creates them:
//
//	i := model.NewInteraction(model.AsyncMessage, "an event")
//	i.MessageParts().Message.Metadata = map[string]any{"topic": "a"}
type Interaction struct {
	Type           InteractionType
	Description    string
	ProviderStates []ProviderState

	// V4 attributes.
	Key               string         // stable identity; computed on write when empty
	Pending           bool           // failures do not fail verification
	Comments          map[string]any // "text": []string, "testname": string, "references": {...}
	PluginConfig      map[string]any // "pluginConfiguration"
	InteractionMarkup map[string]any // "interactionMarkup"
	Transport         string         // e.g. "http", "grpc"
	ID                string         // broker "_id", kept for verification results

	Request  Request
	Response Response

	Messages *MessageParts // nil when the interaction has no message parts
}

// MessageParts are the parts of a message interaction: Message for an
// asynchronous message, Request and Responses for a synchronous one.
type MessageParts struct {
	Message   MessageContents
	Request   MessageContents
	Responses []MessageContents
}

// MessageParts returns i's message parts, creating empty ones first when i
// has none. It changes i, so it is for code that writes the parts (or owns i);
// a reader that may share i with other goroutines reads i.Messages instead.
//
//	i.MessageParts().Request.Contents = body
func (i *Interaction) MessageParts() *MessageParts {
	if i.Messages == nil {
		i.Messages = &MessageParts{}
	}
	return i.Messages
}

// MessagePartsOrEmpty returns i.Messages, or new empty parts, not kept in i,
// when i has none: for code that only reads them, so that i is not changed.
//
//	m := i.MessagePartsOrEmpty().Message // the zero MessageContents for an HTTP interaction
func (i *Interaction) MessagePartsOrEmpty() *MessageParts {
	if i.Messages == nil {
		return &MessageParts{}
	}
	return i.Messages
}

// NewInteraction returns an interaction of type t with an empty request,
// response or message, ready to be filled in.
func NewInteraction(t InteractionType, description string) *Interaction {
	i := &Interaction{Type: t, Description: description}
	i.Request = Request{Method: "GET", Path: "/"}
	i.Response = Response{Status: 200}
	if t != HTTP {
		i.Messages = &MessageParts{}
	}
	return i
}

// StateNames returns the names of the interaction's provider states, in order.
func (i *Interaction) StateNames() []string {
	out := make([]string, len(i.ProviderStates))
	for n, s := range i.ProviderStates {
		out[n] = s.Name
	}
	return out
}

// Request is the HTTP request part of an interaction, or a request received
// by the mock server.
//
// Query lists the parameters with their values in order; a parameter given with
// no "=" has the single value "" and is recorded in QueryNoValue. RawQuery
// keeps the query exactly as a V1/V2 pact file or an HTTP request line gave it
// (empty when the query came as a V3/V4 map).
type Request struct {
	Method        string
	Path          string
	Query         Query
	QueryNoValue  map[string]bool
	RawQuery      string
	Headers       Headers
	Body          Body
	MatchingRules MatchingRules
	Generators    Generators
}

// Response is the HTTP response part of an interaction, or a response received
// by the verifier.
type Response struct {
	Status        int
	Headers       Headers
	Body          Body
	MatchingRules MatchingRules
	Generators    Generators
}

// MessageContents is the payload of a message: contents and metadata, with
// their matching rules (categories "body" and "metadata") and generators.
//
// Metadata values may be any JSON value.
type MessageContents struct {
	Contents      Body
	Metadata      map[string]any
	MatchingRules MatchingRules
	Generators    Generators
}
