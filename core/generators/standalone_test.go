package generators

import (
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestGenerateOne(t *testing.T) {
	v, err := GenerateOne(model.Generator{Type: "ProviderState", Attrs: map[string]any{"expression": "${id}"}}, "", Context{"id": "42"})
	if err != nil || v != "42" {
		t.Errorf("ProviderState = %#v, %v; want \"42\"", v, err)
	}
	v, err = GenerateOne(model.Generator{Type: "RandomInt", Attrs: map[string]any{"min": 3, "max": 3}}, 0, Context{})
	if err != nil {
		t.Fatalf("RandomInt: %v", err)
	}
	if n, ok := model.JSONNumber(v); !ok || n != 3 {
		t.Errorf("RandomInt(3, 3) = %#v", v)
	}
	if _, err := GenerateOne(model.Generator{Type: "NoSuchGenerator"}, "", Context{}); err == nil || !(strings.HasPrefix(err.Error(), "Failed to generate value - ") || strings.HasSuffix(err.Error(), "produced no value")) {
		t.Errorf("unknown generator: %v", err)
	}
}
