package pactfile

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// Regression tests for differences from pact_ffi found by other components.

// TestV2IndexedRuleKeys: "$.query.rate[0]" and "$.headers.X[0]" rule the
// query parameter "rate" and the header "X", as pact_ffi reads them.
func TestV2IndexedRuleKeys(t *testing.T) {
	p, _, err := Parse([]byte(`{"consumer":{"name":"c"},"provider":{"name":"p"},
		"metadata":{"pactSpecification":{"version":"2.0.0"}},
		"interactions":[{"description":"d","request":{"method":"GET","path":"/","query":"rate=1&rate=2",
		"headers":{"X":"a"},
		"matchingRules":{"$.query.rate[0]":{"match":"regex","regex":"\\d+"},"$.query.rate[1]":{"match":"regex","regex":"\\d+"},
		"$.headers.X[0]":{"match":"type"}}},"response":{"status":200}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	rules := p.Interactions[0].Request.MatchingRules
	if l := rules.Get(model.CategoryQuery, "rate"); l == nil || len(l.Rules) != 1 || l.Rules[0].Regex != `\d+` {
		t.Errorf("query rules = %#v", rules.Category(model.CategoryQuery))
	}
	if l := rules.Get(model.CategoryHeader, "X"); l == nil || l.Rules[0].Kind != model.Type {
		t.Errorf("header rules = %#v", rules.Category(model.CategoryHeader))
	}
}

// TestV3MessageContentTypeInMetadata: a V3 message has no body object, so
// the body's content type goes into the metadata when that has none.
func TestV3MessageContentTypeInMetadata(t *testing.T) {
	p := model.NewPact("c", "p", model.V3)
	m := p.AddInteraction(model.AsyncMessage, "no metadata")
	m.Messages.Message.Contents = model.PresentBody([]byte(`{"a":1}`), "application/json")
	k := p.AddInteraction(model.AsyncMessage, "own content type")
	k.Messages.Message.Contents = model.PresentBody([]byte(`hello`), "text/plain")
	k.Messages.Message.Metadata = map[string]any{"content-type": "text/plain; charset=utf-8", "topic": "t"}
	out, _, err := Marshal(p, model.V3)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Messages []struct {
			Description string
			Metadata    map[string]any
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]any{}
	for _, msg := range doc.Messages {
		got[msg.Description] = msg.Metadata
	}
	if want := map[string]any{"contentType": "application/json"}; !reflect.DeepEqual(got["no metadata"], want) {
		t.Errorf("metadata = %v, want %v", got["no metadata"], want)
	}
	// Only the key contentType counts (pact_models as_message).
	if want := map[string]any{"content-type": "text/plain; charset=utf-8", "contentType": "text/plain", "topic": "t"}; !reflect.DeepEqual(got["own content type"], want) {
		t.Errorf("metadata = %v, want %v", got["own content type"], want)
	}
	k.Messages.Message.Metadata["contentType"] = "text/x-mine"
	out, _, _ = Marshal(p, model.V3)
	if !strings.Contains(string(out), `"contentType": "text/x-mine"`) || strings.Contains(string(out), `"contentType": "text/plain"`) {
		t.Errorf("an existing contentType was replaced:\n%s", out)
	}
	if m.Messages.Message.Metadata != nil {
		t.Errorf("Marshal changed the model: %v", m.Messages.Message.Metadata)
	}
	// V4 keeps the content type in the body object only.
	out, _, _ = Marshal(p, model.V4)
	if strings.Count(string(out), `"contentType": "application/json"`) != 1 {
		t.Errorf("V4 output states the content type more than once:\n%s", out)
	}
}

// TestNumbersKeepPrecision: numbers in metadata, provider-state params,
// comments and rule/generator attributes keep their text through a read
// and a write.
func TestNumbersKeepPrecision(t *testing.T) {
	const big = "12345678901234567890123"
	in := `{"consumer":{"name":"c"},"provider":{"name":"p"},
	  "metadata":{"pactSpecification":{"version":"4.0"},"build":{"n":` + big + `,"f":0.1000000000000000055511151231257827}},
	  "interactions":[{"type":"Synchronous/HTTP","description":"d","key":"k","pending":false,
	    "comments":{"id":9007199254740993},
	    "providerStates":[{"name":"s","params":{"id":9007199254740993,"x":1.50}}],
	    "request":{"method":"GET","path":"/",
	      "matchingRules":{"body":{"$.a":{"combine":"AND","matchers":[{"match":"protobuf","limit":` + big + `},
	        {"match":"eachValue","rules":[{"match":"type"}],"value":` + big + `}]}}},
	      "generators":{"body":{"$.a":{"type":"RandomInt","min":9007199254740993,"max":` + big + `}}}},
	    "response":{"status":200}},
	   {"type":"Asynchronous/Messages","description":"m","key":"m","pending":false,
	    "contents":{"content":"x","contentType":"text/plain","encoded":false},
	    "metadata":{"offset":9007199254740993}}]}`
	p, _, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := Marshal(p, model.V4)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"n": ` + big, `"f": 0.1000000000000000055511151231257827`, `"id": 9007199254740993`, `"x": 1.50`,
		`"limit": ` + big, `"min": 9007199254740993`, `"max": ` + big, `"offset": 9007199254740993`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if got := p.Interactions[0].ProviderStates[0].Params["id"]; got != json.Number("9007199254740993") {
		t.Errorf("params id = %#v", got)
	}
	// And again: a second read and write changes nothing.
	p2, _, _ := Parse(out)
	out2, _, _ := Marshal(p2, model.V4)
	if string(out2) != string(out) {
		t.Errorf("second write differs:\n%s\n---\n%s", out, out2)
	}
}

// TestMultipleHeaderValuesRoundTrip: several values of a header outside the
// multi-value list (which a reader does not split) survive V1–V3 files.
func TestMultipleHeaderValuesRoundTrip(t *testing.T) {
	for _, ver := range []model.SpecVersion{model.V1, model.V1_1, model.V2, model.V3} {
		p := model.NewPact("c", "p", ver)
		i := p.AddInteraction(model.HTTP, "d")
		i.Request.Headers = model.Headers{{Name: "Accept", Values: []string{"text/html", "application/json"}}, {Name: "Date", Values: []string{"Mon, 01 Jan 2024"}}, {Name: "X-Trace", Values: []string{"a", "b, c"}}} // in name order, as read
		i.Response.Headers = model.Headers{{Name: "Set-Cookie", Values: []string{"a=1", "b=2"}}}
		out, _, err := Marshal(p, ver)
		if err != nil {
			t.Fatal(err)
		}
		back, _, err := Parse(out)
		if err != nil {
			t.Fatal(err)
		}
		bi := back.Interactions[0]
		if !reflect.DeepEqual(bi.Request.Headers, i.Request.Headers) || !reflect.DeepEqual(bi.Response.Headers, i.Response.Headers) {
			t.Errorf("%v: headers %v / %v, want %v / %v\n%s", ver, bi.Request.Headers, bi.Response.Headers, i.Request.Headers, i.Response.Headers, out)
		}
		if !strings.Contains(string(out), `"Accept": "text/html, application/json"`) {
			t.Errorf("%v: a multi-value header is not joined:\n%s", ver, out)
		}
	}
}
