package pactfile

import (
	"encoding/json"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestStatusRulesKeyedByRoot checks how V3/V4 pacts hold the one rule list of
// the path, method and status categories: path flat, method and status under
// "$" (as pact_models writes them; found side by side with pact-js, whose
// matchStatus gave "status": {"$": {...}}), by both writers, and that they read
// back.
func TestStatusRulesKeyedByRoot(t *testing.T) {
	status := model.Rule{Kind: model.StatusCode}.WithStatus("success")
	regex := model.Rule{Kind: model.Regex, Regex: "/items/\\d+"}
	build := func(ver model.SpecVersion) *model.Pact {
		p := model.NewPact("web", "api", ver)
		i := p.AddInteraction(model.HTTP, "a call")
		i.Request.Method, i.Request.Path = "GET", "/items/1"
		i.Request.MatchingRules = model.MatchingRules{}
		i.Request.MatchingRules.Add(model.CategoryPath, "", regex)
		i.Request.MatchingRules.Add(model.CategoryMethod, "", model.Rule{Kind: model.Regex, Regex: "GET|HEAD"})
		i.Response.Status = 204
		i.Response.MatchingRules = model.MatchingRules{}
		i.Response.MatchingRules.Add(model.CategoryStatus, "", status)
		return p
	}
	wantReq := `{"method":{"$":{"combine":"AND","matchers":[{"match":"regex","regex":"GET|HEAD"}]}},` +
		`"path":{"combine":"AND","matchers":[{"match":"regex","regex":"/items/\\d+"}]}}`
	wantResp := `{"status":{"$":{"combine":"AND","matchers":[{"match":"statusCode","status":"success"}]}}}`
	for _, ver := range []model.SpecVersion{model.V3, model.V4} {
		data, _, err := Marshal(build(ver), ver)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Interactions []struct {
				Request  struct{ MatchingRules json.RawMessage } `json:"request"`
				Response struct{ MatchingRules json.RawMessage } `json:"response"`
			} `json:"interactions"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		if got := compact(t, doc.Interactions[0].Request.MatchingRules); got != wantReq {
			t.Errorf("%v request rules = %s, want %s", ver, got, wantReq)
		}
		if got := compact(t, doc.Interactions[0].Response.MatchingRules); got != wantResp {
			t.Errorf("%v response rules = %s, want %s", ver, got, wantResp)
		}
		back, _, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if l := back.Interactions[0].Response.MatchingRules.Get(model.CategoryStatus, ""); l == nil || len(l.Rules) != 1 || l.Rules[0].Status() != "success" {
			t.Errorf("%v: status rule read back as %+v", ver, back.Interactions[0].Response.MatchingRules)
		}
	}
	// the tree writer, which the fast one falls back to
	w := &writer{ver: model.V4}
	m := &obj{}
	w.rulesInto(m, build(model.V4).Interactions[0].Response.MatchingRules, "test")
	e := encoder{}
	e.value(m, 0)
	if got := compact(t, e.buf); got != `{"matchingRules":`+wantResp+`}` {
		t.Errorf("tree writer: %s", got)
	}
}

func compact(t *testing.T, b []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	out, _ := json.Marshal(v)
	return string(out)
}
