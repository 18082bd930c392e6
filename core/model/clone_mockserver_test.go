package model

import (
	"reflect"
	"testing"
)

func TestPactCloneIsDeep(t *testing.T) {
	p := NewPact("c", "p", V4)
	p.Metadata["x"] = map[string]any{"a": []any{1.0, "b"}}
	i := p.AddInteraction(HTTP, "d")
	i.ProviderStates = []ProviderState{{Name: "s", Params: map[string]any{"id": 1.0}}}
	i.Request.Query = Query{{Name: "a", Values: []string{"1"}}}
	i.Request.Headers = Headers{{Name: "X", Values: []string{"y"}}}
	i.Request.Body = PresentBody([]byte(`{"a":1}`), "application/json")
	var variant PathRules
	variant.Add("$", Rule{Kind: Type})
	i.Request.MatchingRules.Add(CategoryBody, "$.a", Rule{Kind: ArrayContains}.WithVariants([]Variant{{Index: 0, Rules: variant}}))
	i.Response.Generators = Generators{}
	i.Response.Generators.Add(CategoryBody, "$.id", Generator{Type: "RandomInt", Attrs: map[string]any{"min": 1.0}})

	c := p.Clone()
	if !reflect.DeepEqual(p, c) {
		t.Fatalf("clone differs:\n%#v\n%#v", p, c)
	}
	ci := c.Interactions[0]
	ci.Description = "changed"
	ci.ProviderStates[0].Params["id"] = 2.0
	ci.Request.Query.Values("a")[0] = "2"
	ci.Request.Headers.Values("X")[0] = "z"
	ci.Request.Body.Content[0] = '['
	ci.Request.MatchingRules.Get(CategoryBody, "$.a").Rules[0].Variants()[0].Rules.Get("$").Rules[0].Kind = Regex
	ci.Response.Generators[CategoryBody]["$.id"].Attrs["min"] = 5.0
	c.Metadata["x"].(map[string]any)["a"].([]any)[0] = 9.0

	switch {
	case i.Description != "d", i.ProviderStates[0].Params["id"] != 1.0, i.Request.Query.Values("a")[0] != "1",
		i.Request.Headers.Values("X")[0] != "y", i.Request.Body.Content[0] != '{',
		i.Request.MatchingRules.Get(CategoryBody, "$.a").Rules[0].Variants()[0].Rules.Get("$").Rules[0].Kind != Type,
		i.Response.Generators[CategoryBody]["$.id"].Attrs["min"] != 1.0,
		p.Metadata["x"].(map[string]any)["a"].([]any)[0] != 1.0:
		t.Fatal("changing the clone changed the original")
	}
}
