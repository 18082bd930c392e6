package pactfile

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

func stdDecode(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if len(bytes.TrimLeft(data[d.InputOffset():], " \t\r\n")) > 0 {
		return nil, &json.SyntaxError{}
	}
	return v, nil
}

var jsonSeeds = []string{
	`{"a":[1,2.5,-0.1e10,true,false,null,"x\u00e9\ud83d\ude00\n\"\\\/"],"b":{}}`, `[]`, `""`, `"\ud800"`, `-0`,
	`01`, `1.`, `{"a" 1}`, `[1,]`, `{"a":1,}`, "\"\xff\"", `"a\u0041"`, `  {"k":"v"}  `, `1e5`, `[[[[]]]]`,
	`{"a":1,"a":2}`, `"\t"`, "\"\t\"", `nul`, `tru`, `{"\u0000":1}`,
}

// TestParseJSONAgainstStdlib checks the fast parser against encoding/json.
func TestParseJSONAgainstStdlib(t *testing.T) {
	for _, s := range jsonSeeds {
		compareParsers(t, []byte(s))
	}
}

func compareParsers(t *testing.T, data []byte) {
	t.Helper()
	want, werr := stdDecode(data)
	got, gerr := parseJSON(data)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%q: encoding/json error %v, parseJSON error %v", data, werr, gerr)
	}
	if werr == nil && !reflect.DeepEqual(want, got) {
		t.Fatalf("%q: encoding/json gives %#v, parseJSON %#v", data, want, got)
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareParsers(t, data)
	})
}

// FuzzSkipString: skipString (eight bytes at a time) stops where a plain
// byte loop stops.
func FuzzSkipString(f *testing.F) {
	for _, s := range []string{`"abc"`, `"a\"b"x`, `"a\\"b`, `"0123456789abcdef\"0123\\\\"!`, `"unterminated`, `"ab\`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || data[0] != '"' {
			return
		}
		want := -1
		for i := 1; i < len(data); i++ {
			if data[i] == '\\' {
				i++
			} else if data[i] == '"' {
				want = i + 1
				break
			}
		}
		got := func() (pos int) {
			defer func() {
				if recover() != nil {
					pos = -1
				}
			}()
			p := &parser{data: data}
			p.skipString()
			return p.pos
		}()
		if got != want {
			t.Fatalf("skipString(%q) stops at %d, want %d", data, got, want)
		}
	})
}
