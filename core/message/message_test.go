package message

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestAddStateParam(t *testing.T) {
	i := model.NewInteraction(model.AsyncMessage, "m")
	AddState(i, "plain")
	AddStateParam(i, "user", "id", "10")
	AddStateParam(i, "user", "name", "bob")
	AddStateParam(i, "user", "tags", `["a", "b"]`)
	if len(i.ProviderStates) != 2 {
		t.Fatalf("states = %+v, want 2", i.ProviderStates)
	}
	p := i.ProviderStates[1].Params
	if p["id"] != json.Number("10") || p["name"] != "bob" {
		t.Errorf("params = %#v", p)
	}
	if tags, ok := p["tags"].([]any); !ok || len(tags) != 2 {
		t.Errorf("tags = %#v, want a JSON array", p["tags"])
	}
}

func TestSetContents(t *testing.T) {
	tests := []struct {
		name, ct, body string
		wantBody       string
		wantCT         string
		wantRule       string // a body rule path that must exist, or ""
	}{
		{"json with a matcher", "application/json", `{"id": {"pact:matcher:type": "integer", "value": 7}}`, `{"id":7}`, "application/json", "$.id"},
		{"text that is not JSON is kept", "text/plain", "hello there", "hello there", "text/plain", ""},
		{"default content type", "", "plain", "plain", "text/plain", ""},
		{"binary kept byte for byte", "application/octet-stream", "\x00\x01{", "\x00\x01{", "application/octet-stream", ""},
		{"raw XML kept", "application/xml", "<a>1</a>", "<a>1</a>", "application/xml", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var mc model.MessageContents
			if err := SetContents(&mc, tc.ct, []byte(tc.body)); err != nil {
				t.Fatal(err)
			}
			if got := string(mc.Contents.Content); got != tc.wantBody {
				t.Errorf("body = %q, want %q", got, tc.wantBody)
			}
			if mc.Contents.ContentType != tc.wantCT {
				t.Errorf("content type = %q, want %q", mc.Contents.ContentType, tc.wantCT)
			}
			if tc.wantRule != "" && mc.MatchingRules.Get(model.CategoryBody, tc.wantRule) == nil {
				t.Errorf("no body rule at %s: %+v", tc.wantRule, mc.MatchingRules)
			}
		})
	}
}

func TestSetContentsXMLBuilder(t *testing.T) {
	var mc model.MessageContents
	body := `{"root": {"name": "a", "children": [{"content": "x"}]}}`
	if err := SetContents(&mc, "application/xml", []byte(body)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mc.Contents.Content), "<a>") {
		t.Errorf("XML builder JSON was not turned into XML: %s", mc.Contents.Content)
	}
}

func TestSetContentsRejectsInvalidUTF8(t *testing.T) {
	var mc model.MessageContents
	if err := SetContents(&mc, "application/json", []byte{'{', 0xff, '}'}); err == nil {
		t.Error("want an error for JSON contents that are not UTF-8")
	}
}

func TestSetMetadata(t *testing.T) {
	str := func(s string) *string { return &s }
	t.Run("async with a matcher", func(t *testing.T) {
		i := model.NewInteraction(model.AsyncMessage, "m")
		if err := SetMetadata(i, Request, "dest", str(`{"pact:matcher:type": "regex", "regex": "q-\\d+", "value": "q-1"}`)); err != nil {
			t.Fatal(err)
		}
		if i.Messages.Message.Metadata["dest"] != "q-1" {
			t.Errorf("metadata = %#v", i.Messages.Message.Metadata)
		}
		if l := i.Messages.Message.MatchingRules.Get(model.CategoryMetadata, "dest"); l == nil || l.Rules[0].Kind != model.Regex {
			t.Errorf("rules = %+v", i.Messages.Message.MatchingRules)
		}
		if err := SetMetadata(i, Request, "dest", nil); err != nil {
			t.Fatal(err)
		}
		if _, ok := i.Messages.Message.Metadata["dest"]; ok {
			t.Error("a nil value must remove the key")
		}
	})
	t.Run("plain text and JSON scalars", func(t *testing.T) {
		i := model.NewInteraction(model.AsyncMessage, "m")
		_ = SetMetadata(i, Request, "a", str("not json"))
		_ = SetMetadata(i, Request, "b", str("12"))
		if i.Messages.Message.Metadata["a"] != "not json" || i.Messages.Message.Metadata["b"] != json.Number("12") {
			t.Errorf("metadata = %#v", i.Messages.Message.Metadata)
		}
	})
	t.Run("sync response sets every response", func(t *testing.T) {
		i := model.NewInteraction(model.SyncMessage, "s")
		i.Messages.Responses = make([]model.MessageContents, 2)
		if err := SetMetadata(i, Response, "k", str(`"v"`)); err != nil {
			t.Fatal(err)
		}
		for n, r := range i.Messages.Responses {
			if r.Metadata["k"] != "v" {
				t.Errorf("response %d metadata = %#v", n, r.Metadata)
			}
		}
		if i.Messages.Request.Metadata != nil {
			t.Errorf("request metadata changed: %#v", i.Messages.Request.Metadata)
		}
	})
	t.Run("HTTP is refused", func(t *testing.T) {
		i := model.NewInteraction(model.HTTP, "h")
		if err := SetMetadata(i, Request, "k", str("v")); err == nil {
			t.Error("want an error for an HTTP interaction")
		}
	})
}

func TestReifyV3(t *testing.T) {
	i := model.NewInteraction(model.AsyncMessage, "a message")
	AddState(i, "s1")
	AddStateParam(i, "s2", "id", "10")
	if err := SetContents(&i.Messages.Message, "application/json", []byte(`{"b": "<&>", "a": {"pact:matcher:type": "type", "value": 1.50}}`)); err != nil {
		t.Fatal(err)
	}
	SetMetadataString(&i.Messages.Message, "queue", "q")
	got, err := Reify(i, model.V3)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"contents":{"a":1.5,"b":"<&>"},"description":"a message",` +
		`"matchingRules":{"body":{"$.a":{"combine":"AND","matchers":[{"match":"type"}]}}},` +
		`"metadata":{"contentType":"application/json","queue":"q"},` +
		`"providerStates":[{"name":"s1"},{"name":"s2","params":{"id":10}}]}`
	if got != want {
		t.Errorf("Reify =\n%s\nwant\n%s", got, want)
	}
}

func TestReifyAppliesGenerators(t *testing.T) {
	for _, ver := range []model.SpecVersion{model.V3, model.V4} {
		i := model.NewInteraction(model.AsyncMessage, "gen")
		body := `{"n": {"pact:matcher:type": "integer", "value": 1, "pact:generator:type": "RandomInt", "min": 50, "max": 60}}`
		if err := SetContents(&i.Messages.Message, "application/json", []byte(body)); err != nil {
			t.Fatal(err)
		}
		for range 20 {
			got, err := Reify(i, ver)
			if err != nil {
				t.Fatal(err)
			}
			var v map[string]any
			if err := json.Unmarshal([]byte(got), &v); err != nil {
				t.Fatal(err)
			}
			contents := v["contents"].(map[string]any)
			if ver == model.V4 {
				contents = contents["content"].(map[string]any)
			}
			if n := contents["n"].(float64); n < 50 || n > 60 {
				t.Fatalf("%v: n = %v, want 50..60 (%s)", ver, n, got)
			}
		}
		if string(i.Messages.Message.Contents.Content) != `{"n":1}` {
			t.Errorf("Reify changed the interaction: %s", i.Messages.Message.Contents.Content)
		}
	}
}

func TestReifyV4Shape(t *testing.T) {
	i := model.NewInteraction(model.AsyncMessage, "v4")
	i.Key = "k1"
	i.Messages.Message.Contents = model.Body{State: model.BodyPresent, Content: []byte{0, 1, 2}, ContentType: "application/octet-stream"}
	got, err := Reify(i, model.V4)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"contents":{"content":"AAEC","contentType":"application/octet-stream","encoded":"base64"},"description":"v4","key":"k1","pending":false,"type":"Asynchronous/Messages"}`
	if got != want {
		t.Errorf("Reify =\n%s\nwant\n%s", got, want)
	}
}

func TestReifyEdgeCases(t *testing.T) {
	empty := model.NewInteraction(model.AsyncMessage, "e")
	if got, err := Reify(empty, model.V3); err != nil || got != "" {
		t.Errorf("empty message: %q, %v; want \"\"", got, err)
	}
	null := model.NewInteraction(model.AsyncMessage, "n")
	null.Messages.Message.Contents.State = model.BodyNull
	if got, _ := Reify(null, model.V3); got != "null" {
		t.Errorf("null contents: %q, want null", got)
	}
	if _, err := Reify(model.NewInteraction(model.SyncMessage, "s"), model.V4); err == nil {
		t.Error("want an error for a synchronous message")
	}
	if _, err := Reify(model.NewInteraction(model.HTTP, "h"), model.V4); err == nil {
		t.Error("want an error for an HTTP interaction")
	}
}

func TestV3ContentsJSON(t *testing.T) {
	tests := []struct {
		content, ct string
		want        any
	}{
		{`{"a":1}`, "application/json", map[string]any{"a": json.Number("1")}},
		{`not json`, "application/json", "bm90IGpzb24="},
		{"text", "text/plain", "text"},
		{"\x00\x01", "application/octet-stream", "AAE="},
		{"\xff", "text/plain", "/w=="},
	}
	for _, tc := range tests {
		got := V3ContentsJSON(model.Body{State: model.BodyPresent, Content: []byte(tc.content)}, tc.ct)
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(tc.want)
		if string(gj) != string(wj) {
			t.Errorf("V3ContentsJSON(%q, %s) = %s, want %s", tc.content, tc.ct, gj, wj)
		}
	}
}

func TestSerdeNumber(t *testing.T) {
	tests := map[string]string{
		"1": "1", "-7": "-7", "1.50": "1.5", "100.0": "100.0", "1e2": "100.0",
		"18446744073709551615": "18446744073709551615", "1e21": "1e21", "1.2e-7": "1.2e-7",
		"0.0": "0.0", "123456789012345678901234": "1.2345678901234569e23",
	}
	for in, want := range tests {
		if got := SerdeNumber(in); got != want {
			t.Errorf("SerdeNumber(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestDetectContentType(t *testing.T) {
	tests := map[string]string{
		`{"a": 1}`:     "application/json",
		`[1, 2]`:       "application/json",
		`<a/>`:         "application/xml",
		"hello":        "text/plain",
		"":             "text/plain",
		"\x00\x01\x02": "application/octet-stream",
		`{not json`:    "text/plain",
	}
	for in, want := range tests {
		if got := DetectContentType([]byte(in)); got != want {
			t.Errorf("DetectContentType(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestContentTypeClasses(t *testing.T) {
	tests := []struct {
		ct                   string
		json, xml, text, bin bool
	}{
		{"application/json", true, false, true, false},
		{"application/vnd.api+json; charset=utf-8", true, false, true, false},
		{"text/xml", false, true, true, false},
		{"text/plain", false, false, true, false},
		{"application/x-www-form-urlencoded", false, false, true, false},
		{"image/png", false, false, false, true},
		{"application/octet-stream", false, false, false, true},
	}
	for _, tc := range tests {
		if IsJSON(tc.ct) != tc.json || IsXML(tc.ct) != tc.xml || IsText(tc.ct) != tc.text || IsBinary(tc.ct) != tc.bin {
			t.Errorf("%s: json %v xml %v text %v binary %v", tc.ct, IsJSON(tc.ct), IsXML(tc.ct), IsText(tc.ct), IsBinary(tc.ct))
		}
	}
}

// FuzzReify builds a message from arbitrary contents, content type and
// metadata and reifies it: nothing may panic, and the output is "" or JSON.
func FuzzReify(f *testing.F) {
	f.Add("application/json", `{"id": {"pact:matcher:type": "integer", "value": 1, "pact:generator:type": "RandomInt"}}`, `{"pact:matcher:type": "type", "value": "x"}`)
	f.Add("text/plain", "hello", "plain")
	f.Add("application/xml", `{"root": {"name": "a"}}`, `[1, 2]`)
	f.Add("application/octet-stream", "\x00\xff", "")
	f.Fuzz(func(t *testing.T, ct, body, md string) {
		i := model.NewInteraction(model.AsyncMessage, "fuzz")
		if err := SetContents(&i.Messages.Message, ct, []byte(body)); err != nil {
			return
		}
		_ = SetMetadata(i, Request, "k", &md)
		for _, ver := range []model.SpecVersion{model.V3, model.V4} {
			out, err := Reify(i, ver)
			if err != nil || out == "" {
				continue
			}
			if !json.Valid([]byte(out)) {
				t.Fatalf("Reify(%v) gave invalid JSON: %s", ver, out)
			}
		}
	})
}
