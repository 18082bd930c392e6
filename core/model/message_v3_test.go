package model

import (
	"reflect"
	"testing"
)

func TestV3Metadata(t *testing.T) {
	for _, c := range []struct {
		md   map[string]any
		ct   string
		want map[string]any
	}{
		{nil, "", nil},
		{nil, "application/json", map[string]any{"contentType": "application/json"}},
		{map[string]any{"a": "b"}, "text/plain", map[string]any{"a": "b", "contentType": "text/plain"}},
		{map[string]any{"contentType": "x/y"}, "text/plain", map[string]any{"contentType": "x/y"}},
		{map[string]any{"ContentType": "x/y"}, "text/plain", map[string]any{"ContentType": "x/y", "contentType": "text/plain"}},
	} {
		mc := MessageContents{Metadata: c.md, Contents: Body{ContentType: c.ct}}
		got := mc.V3Metadata()
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("V3Metadata(%v, %q) = %v, want %v", c.md, c.ct, got, c.want)
		}
		if _, had := c.md["contentType"]; c.md != nil && !had && c.ct != "" {
			if _, ok := c.md["contentType"]; ok {
				t.Errorf("V3Metadata changed its input %v", c.md)
			}
		}
	}
}
