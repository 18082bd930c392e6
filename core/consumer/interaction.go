package consumer

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/libpact/libpact/core/integration"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// errNotHTTP is returned by the HTTP-only methods on message interactions.
func (i *Interaction) errNotHTTP() error {
	return fmt.Errorf("interaction %q is a %s interaction, not an HTTP one", i.I.Description, i.I.Type)
}

func (i *Interaction) http() error {
	if err := i.Check(); err != nil {
		return err
	}
	if i.I.Type != model.HTTP {
		return i.errNotHTTP()
	}
	return nil
}

// UponReceiving sets the interaction's description (for a message, pact_ffi's
// message_expects_to_receive).
func (i *Interaction) UponReceiving(description string) error {
	if err := i.Check(); err != nil {
		return err
	}
	i.b.rename(i.I, description)
	return nil
}

// Given adds a provider state with no parameters.
func (i *Interaction) Given(name string) error {
	if err := i.Check(); err != nil {
		return err
	}
	i.I.ProviderStates = append(i.I.ProviderStates, model.ProviderState{Name: name})
	return nil
}

// jsonOrString parses s as JSON, or returns it as a string when it is not.
func jsonOrString(s string) any {
	var v any
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	if err := d.Decode(&v); err != nil || d.More() {
		return s
	}
	return model.DecodeNumbers(v)
}

// GivenWithParam adds the parameter name=value to the provider state called
// state, creating the state if the interaction does not have it yet. value
// is parsed as JSON when it is valid JSON, else kept as a string.
func (i *Interaction) GivenWithParam(state, name, value string) error {
	if err := i.Check(); err != nil {
		return err
	}
	v := jsonOrString(value)
	for n := range i.I.ProviderStates {
		if i.I.ProviderStates[n].Name == state {
			if i.I.ProviderStates[n].Params == nil {
				i.I.ProviderStates[n].Params = map[string]any{}
			}
			i.I.ProviderStates[n].Params[name] = v
			return nil
		}
	}
	i.I.ProviderStates = append(i.I.ProviderStates, model.ProviderState{Name: state, Params: map[string]any{name: v}})
	return nil
}

// ErrInvalidParams is returned by GivenWithParams for parameters that are
// not valid JSON.
var ErrInvalidParams = errors.New("provider state parameters are not valid JSON")

// GivenWithParams adds a provider state whose parameters are the JSON object
// params; any other JSON value v becomes {"value": v}.
func (i *Interaction) GivenWithParams(state, params string) error {
	var v any
	d := json.NewDecoder(strings.NewReader(params))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidParams, err)
	}
	if d.More() {
		return fmt.Errorf("%w: unexpected data after the JSON value", ErrInvalidParams)
	}
	if err := i.Check(); err != nil {
		return err
	}
	v = model.DecodeNumbers(v)
	m, ok := v.(map[string]any)
	if !ok {
		m = map[string]any{"value": v}
	}
	i.I.ProviderStates = append(i.I.ProviderStates, model.ProviderState{Name: state, Params: m})
	return nil
}

// part returns the HTTP request or response fields the part selects.
func (i *Interaction) httpPart(p Part) (*model.Headers, *model.Body, *model.MatchingRules, *model.Generators) {
	if p == Response {
		r := &i.I.Response
		return &r.Headers, &r.Body, &r.MatchingRules, &r.Generators
	}
	r := &i.I.Request
	return &r.Headers, &r.Body, &r.MatchingRules, &r.Generators
}

// addRules appends rules to the list at category c and key, creating both
// as needed.
func addRules(m *model.MatchingRules, c model.Category, key string, rules []model.Rule) {
	if len(rules) == 0 {
		return
	}
	if l := m.Get(c, key); l != nil {
		l.Rules = append(l.Rules, rules...)
		return
	}
	for _, r := range rules { // a new list of its own: the first rule goes to the slot the path comes with
		m.Add(c, key, r)
	}
}

func addGenerator(g *model.Generators, c model.Category, key string, gen *model.Generator) {
	if gen == nil {
		return
	}
	if *g == nil {
		*g = model.Generators{}
	}
	g.Add(c, key, *gen)
}

// WithRequest sets the request method and path. The path may be integration
// JSON or a matching-rule expression, e.g.
// {"value": "/users/1", "pact:matcher:type": "regex", "regex": "/users/\\d+"}.
func (i *Interaction) WithRequest(method, path string) error {
	if err := i.http(); err != nil {
		return err
	}
	ex, rules, gen, err := integration.ProcessValue(path)
	if err != nil {
		return fmt.Errorf("request path: %w", err)
	}
	i.I.Request.Method = method
	i.I.Request.Path = ex
	addRules(&i.I.Request.MatchingRules, model.CategoryPath, "", rules)
	addGenerator(&i.I.Request.Generators, model.CategoryPath, "", gen)
	return nil
}

// valuesOf is integration.ProcessValues for a header or query value,
// without its copies: a plain value is held in one, anything else may be
// shared with the integration memo (ProcessValuesShared). The caller must
// not change the examples or the rules, and copies the examples it keeps.
//
//	var one [1]string
//	exs, rules, gen, err := valuesOf("application/json", &one) // exs is one[:]
func valuesOf(value string, one *[1]string) ([]string, []model.Rule, *model.Generator, error) {
	if integration.IsPlainValue(value) {
		one[0] = value
		return one[:], nil, nil, nil
	}
	return integration.ProcessValuesShared(value)
}

// valueRuleKey returns the rule key for value index of a header or query
// parameter: its name, as pact_ffi writes it (the matching engine applies
// header and query rules to every value of the name). When a later value
// (index > 0) brings rules of its own they replace the name's rules, which is
// what the reference's pact files end up with.
func valueRuleKey(m *model.MatchingRules, c model.Category, name string, index int, hasRules bool) string {
	if index > 0 && hasRules {
		m.Category(c).DeleteFunc(func(path string) bool { return path == name })
	}
	return name
}

// setAt sets values[index] = v, growing values as needed.
func setAt(values []string, index int, v string) []string {
	for len(values) <= index {
		values = append(values, "")
	}
	values[index] = v
	return values
}

// WithQueryParameter sets value index of the query parameter name. The value
// may be integration JSON; an array example with index 0 appends every item.
// A nil value records a parameter without a value ("?flag").
func (i *Interaction) WithQueryParameter(name string, index int, value *string) error {
	if err := i.http(); err != nil {
		return err
	}
	if name == "" {
		return errors.New("the query parameter name is empty")
	}
	r := &i.I.Request
	if r.Query == nil {
		r.Query = model.Query{}
	}
	cur, _ := r.Query.Get(name)
	if value == nil {
		r.Query.Set(name, setAt(cur, index, ""))
		if r.QueryNoValue == nil {
			r.QueryNoValue = map[string]bool{}
		}
		r.QueryNoValue[name] = true
		return nil
	}
	var one [1]string
	exs, rules, gen, err := valuesOf(*value, &one)
	if err != nil {
		return fmt.Errorf("query parameter %s: %w", name, err)
	}
	key := valueRuleKey(&r.MatchingRules, model.CategoryQuery, name, index, len(rules) > 0)
	addRules(&r.MatchingRules, model.CategoryQuery, key, rules)
	addGenerator(&r.Generators, model.CategoryQuery, key, gen)
	switch {
	case len(exs) == 1 && index == 0 && cur == nil:
		r.Query.Add(name, exs[0]) // the first value: a field of its own (exs may be shared)
	case len(exs) == 1:
		r.Query.Set(name, setAt(cur, index, exs[0]))
	case index == 0:
		r.Query.Set(name, append(cur, exs...))
	case len(exs) > 1:
		r.Query.Set(name, setAt(cur, index, exs[0]))
	default:
		r.Query.Set(name, setAt(cur, index, ""))
	}
	return nil
}

// WithHeader sets value index of header name on the request or response, as
// pact_ffi's with_header_v2: the value may be integration JSON (an array
// example replaces every value); at index 0 a known multi-value header such
// as Accept is split on commas.
func (i *Interaction) WithHeader(p Part, name string, index int, value string) error {
	if err := i.http(); err != nil {
		return err
	}
	if name == "" {
		return errors.New("the header name is empty")
	}
	headers, _, rules, gens := i.httpPart(p)
	var one [1]string
	exs, rs, gen, err := valuesOf(value, &one)
	if err != nil {
		return fmt.Errorf("header %s: %w", name, err)
	}
	key := valueRuleKey(rules, model.CategoryHeader, name, index, len(rs) > 0)
	addRules(rules, model.CategoryHeader, key, rs)
	addGenerator(gens, model.CategoryHeader, key, gen)
	if *headers == nil {
		*headers = model.Headers{}
	}
	var existing []string
	var has bool
	if len(*headers) > 0 {
		existing, has = headers.Get(name)
	}
	if len(exs) != 1 { // an array of values replaces them all
		headers.Set(name, slices.Clone(exs)...) // exs may be shared
		return nil
	}
	v := exs[0]
	switch {
	case index > 0:
		headers.Set(name, setAt(append([]string(nil), existing...), index, v)...)
	case len(*headers) == 0 && !pactfile.SplitsHeaderValue(name, v):
		headers.Add(name, v) // the first header, one value: Add puts the two in one block
	case !has || len(existing) == 0:
		headers.Set(name, pactfile.SplitHeaderValue(name, v)...)
	default:
		split := pactfile.SplitHeaderValue(name, v)
		if len(split) > 1 {
			headers.Set(name, split...)
		} else {
			vals := append([]string(nil), existing...)
			vals[0] = v
			headers.Set(name, vals...)
		}
	}
	return nil
}

// SetHeader sets header name to exactly value (no integration JSON, no
// splitting), replacing any values it had.
func (i *Interaction) SetHeader(p Part, name, value string) error {
	if err := i.http(); err != nil {
		return err
	}
	if name == "" {
		return errors.New("the header name is empty")
	}
	headers, _, _, _ := i.httpPart(p)
	if *headers == nil {
		*headers = model.Headers{}
	}
	headers.Set(name, value)
	return nil
}

// ResponseStatus sets the response status code.
func (i *Interaction) ResponseStatus(status int) error {
	if err := i.http(); err != nil {
		return err
	}
	i.I.Response.Status = status
	return nil
}

// ResponseStatusV2 sets the response status from a string that may be
// integration JSON, e.g. {"pact:matcher:type": "statusCode", "status":
// "success", "value": 200}. Without an example value the status is left
// as it was (200 by default).
func (i *Interaction) ResponseStatusV2(status string) error {
	if err := i.http(); err != nil {
		return err
	}
	ex, rules, gen, err := integration.ProcessValue(status)
	if err != nil {
		return fmt.Errorf("response status: %w", err)
	}
	if ex != "" {
		n, err := strconv.Atoi(strings.TrimSpace(ex))
		if err != nil {
			return fmt.Errorf("response status %q is not a number", ex)
		}
		i.I.Response.Status = n
	}
	addRules(&i.I.Response.MatchingRules, model.CategoryStatus, "", rules)
	addGenerator(&i.I.Response.Generators, model.CategoryStatus, "", gen)
	return nil
}

// SetKey sets the V4 interaction key ("" clears it, so it is computed).
func (i *Interaction) SetKey(key string) error {
	if err := i.Check(); err != nil {
		return err
	}
	i.I.Key = key
	return nil
}

// SetPending marks the V4 interaction pending.
func (i *Interaction) SetPending(pending bool) error {
	if err := i.Check(); err != nil {
		return err
	}
	i.I.Pending = pending
	return nil
}

func (i *Interaction) comments() map[string]any {
	if i.I.Comments == nil {
		i.I.Comments = map[string]any{}
	}
	return i.I.Comments
}

// SetComment sets comment key to value (parsed as JSON when it is valid
// JSON); a nil value removes the comment.
func (i *Interaction) SetComment(key string, value *string) error {
	if err := i.Check(); err != nil {
		return err
	}
	if value == nil {
		delete(i.comments(), key)
		return nil
	}
	i.comments()[key] = jsonOrString(*value)
	return nil
}

// AddTextComment appends a line to the "text" comments.
func (i *Interaction) AddTextComment(text string) error {
	if err := i.Check(); err != nil {
		return err
	}
	c := i.comments()
	switch t := c["text"].(type) {
	case []any:
		c["text"] = append(t, text)
	case []string:
		out := make([]any, 0, len(t)+1)
		for _, s := range t {
			out = append(out, s)
		}
		c["text"] = append(out, text)
	default:
		c["text"] = []any{text}
	}
	return nil
}

// SetTestName records the name of the test that defined the interaction
// (the "testname" comment).
func (i *Interaction) SetTestName(name string) error {
	if err := i.Check(); err != nil {
		return err
	}
	i.comments()["testname"] = name
	return nil
}

// AddReference records comments.references[group][name] = value (value
// parsed as JSON when it is valid JSON).
func (i *Interaction) AddReference(group, name, value string) error {
	if err := i.Check(); err != nil {
		return err
	}
	c := i.comments()
	refs, ok := c["references"].(map[string]any)
	if !ok {
		refs = map[string]any{}
		c["references"] = refs
	}
	g, ok := refs[group].(map[string]any)
	if !ok {
		g = map[string]any{}
		refs[group] = g
	}
	g[name] = jsonOrString(value)
	return nil
}
