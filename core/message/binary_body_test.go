package message

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestIsBinaryBody(t *testing.T) {
	text := []byte("hi")
	for _, c := range []struct {
		b    model.Body
		ct   string
		want bool
	}{
		{model.Body{Content: text}, "", false},
		{model.Body{Content: text}, "text/plain", false},
		{model.Body{Content: text}, "application/json", false},
		{model.Body{Content: text}, "image/png", true},
		{model.Body{Content: text}, "application/octet-stream", true},
		{model.Body{Content: text, Hint: model.HintBinary}, "text/plain", true},
		{model.Body{Content: []byte{0xff, 0xfe}}, "text/plain", true},
		{model.Body{Content: []byte{0xff, 0xfe}}, "", true},
	} {
		if got := IsBinaryBody(c.b, c.ct); got != c.want {
			t.Errorf("IsBinaryBody(%q hint %v, %q) = %v, want %v", c.b.Content, c.b.Hint, c.ct, got, c.want)
		}
	}
}
