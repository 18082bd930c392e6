package pactfile

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestWriteOrder: pact_models writes a V1–V3 pact's interactions in the
// pact's own order and a V4 pact's sorted by description alone (ties keep
// their order); a merged pact is ordered by description, state names and
// type. Found side by side with pact-python, whose tests define several
// interactions on one pact.
func TestWriteOrder(t *testing.T) {
	build := func(ver model.SpecVersion, defs ...string) *model.Pact {
		p := model.NewPact("c", "p", ver)
		for _, d := range defs {
			desc, state, _ := strings.Cut(d, "|")
			i := p.AddInteraction(model.HTTP, desc)
			if state != "" {
				i.ProviderStates = []model.ProviderState{{Name: state}}
			}
			i.Request.Method, i.Request.Path, i.Response.Status = "GET", "/"+desc+state, 200
		}
		return p
	}
	order := func(t *testing.T, p *model.Pact, ver model.SpecVersion) string {
		t.Helper()
		out, _, err := Marshal(p, ver)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Interactions []struct {
				Description    string `json:"description"`
				ProviderStates []struct {
					Name string `json:"name"`
				} `json:"providerStates"`
			} `json:"interactions"`
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, i := range doc.Interactions {
			n := i.Description
			if len(i.ProviderStates) > 0 {
				n += "|" + i.ProviderStates[0].Name
			}
			names = append(names, n)
		}
		return strings.Join(names, ",")
	}
	tests := []struct {
		name string
		ver  model.SpecVersion
		defs []string
		want string
	}{
		{"V3 keeps the defined order", model.V3, []string{"z", "b", "a"}, "z,b,a"},
		{"V2 keeps the defined order", model.V2, []string{"z", "a"}, "z,a"},
		{"V4 sorts by description", model.V4, []string{"z", "b", "a"}, "a,b,z"},
		{"V4 keeps the order of ties", model.V4, []string{"b|s2", "a|y", "b|s1", "a|x"}, "a|y,a|x,b|s2,b|s1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := order(t, build(tt.ver, tt.defs...), tt.ver); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
	t.Run("merge sorts by description and states", func(t *testing.T) {
		for _, ver := range []model.SpecVersion{model.V3, model.V4} {
			existing := build(ver, "z", "b|s2")
			if err := Merge(existing, build(ver, "b|s1", "a")); err != nil {
				t.Fatal(err)
			}
			if got, want := order(t, existing, ver), "a,b|s1,b|s2,z"; got != want {
				t.Errorf("%s: got %s, want %s", ver, got, want)
			}
		}
	})
}
