package pactfile

import (
	"reflect"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func metadataPact(v model.SpecVersion, md map[string]any) *model.Pact {
	p := model.NewPact("c", "p", v)
	p.Metadata = md
	return p
}

func TestMetadataSection(t *testing.T) {
	rust := map[string]any{"ffi": "0.5.8", "models": "1.2"}
	tests := []struct {
		name    string
		pact    *model.Pact
		section string
		want    map[string]any
		ok      bool
	}{
		{"spec version rebuilt", metadataPact(model.V3, nil), "pactSpecification", map[string]any{"version": "3.0.0"}, true},
		{"spec version V4", metadataPact(model.V4, nil), "pactSpecification", map[string]any{"version": "4.0"}, true},
		{"spec version wins over Metadata", metadataPact(model.V2, map[string]any{"pactSpecification": map[string]any{"version": "9"}}), "pactSpecification", map[string]any{"version": "2.0.0"}, true},
		{"object section", metadataPact(model.V3, map[string]any{"pactRust": rust}), "pactRust", rust, true},
		{"not an object", metadataPact(model.V3, map[string]any{"s": "text"}), "s", nil, false},
		{"missing", metadataPact(model.V3, map[string]any{"pactRust": rust}), "nothing", nil, false},
		{"nil metadata", metadataPact(model.V3, nil), "pactRust", nil, false},
		{"case matters", metadataPact(model.V3, nil), "PactSpecification", nil, false},
	}
	for _, tt := range tests {
		got, ok := MetadataSection(tt.pact, tt.section)
		if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: MetadataSection(%q) = %v, %v; want %v, %v", tt.name, tt.section, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMetadataKeys(t *testing.T) {
	spec := MetadataKey{"pactSpecification", "version"}
	tests := []struct {
		name string
		md   map[string]any
		want []MetadataKey
	}{
		{"none", nil, []MetadataKey{spec}},
		{"sorted sections and keys, spec last", map[string]any{
			"zed": map[string]any{"b": 1, "a": 2},
			"abc": map[string]any{"k": "v"},
		}, []MetadataKey{{"abc", "k"}, {"zed", "a"}, {"zed", "b"}, spec}},
		{"non-object sections skipped", map[string]any{"a": "text", "b": []any{1}, "c": map[string]any{}}, []MetadataKey{spec}},
		{"spec in Metadata sorts with the others", map[string]any{
			"pactSpecification": map[string]any{"version": "x"},
			"zed":               map[string]any{"k": 1},
		}, []MetadataKey{spec, {"zed", "k"}}},
	}
	for _, tt := range tests {
		got := MetadataKeys(metadataPact(model.V3, tt.md))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: MetadataKeys = %v; want %v", tt.name, got, tt.want)
		}
	}
}
