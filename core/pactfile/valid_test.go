package pactfile

import (
	"encoding/json"
	"strings"
	"testing"
)

var validCases = []string{
	`{}`, ` [ ] `, `{"a":[1,-0.5e+3,true,false,null,"\u00e9\n\/"]}`, `"x"`, `0`, `-`, `01`, `1.`, `.5`, `1e`, `[1,]`,
	`{"a":1,}`, `{"a" 1}`, `"\x"`, `"\u12"`, `"\u12g4"`, "\"a\tb\"", `[`, `]`, ``, ` `, `nul`, `truex`, `{"a":1}}`,
	"\"\xff\"", `[1 2]`, `{,}`, strings.Repeat("[", 10001) + strings.Repeat("]", 10001), strings.Repeat("[", 100) + strings.Repeat("]", 100), strings.Repeat("[", 10000) + strings.Repeat("]", 10000), strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000),
}

func TestValidJSON(t *testing.T) {
	for _, c := range validCases {
		if got, want := validJSON([]byte(c)), json.Valid([]byte(c)); got != want {
			t.Errorf("validJSON(%.40q) = %v, json.Valid says %v", c, got, want)
		}
	}
}

// FuzzValidJSON: validJSON agrees with encoding/json.Valid.
func FuzzValidJSON(f *testing.F) {
	for _, c := range validCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validJSON(b), json.Valid(b); got != want {
			t.Fatalf("validJSON(%q) = %v, json.Valid says %v", b, got, want)
		}
	})
}
