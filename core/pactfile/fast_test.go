package pactfile

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// marshalBoth writes p as V4, and as V3 when it can be, with and without the
// fast writer; it reports any difference in bytes or warnings.
func marshalBoth(t *testing.T, name string, p *model.Pact) {
	t.Helper()
	for _, ver := range []model.SpecVersion{model.V4, model.V3} {
		fast, fastWarn, err := Marshal(p, ver)
		if err != nil {
			if ver == model.V4 {
				t.Fatal(err)
			}
			continue
		}
		fastWrite = false
		full, fullWarn, _ := Marshal(p, ver)
		fastWrite = true
		if string(fast) != string(full) || !reflect.DeepEqual(fastWarn, fullWarn) {
			t.Errorf("%s as %v: the fast writer differs:\n%s\n%q\n---\n%s\n%q", name, ver, fast, fastWarn, full, fullWarn)
		}
	}
}

// TestFastWriteMatches: the fast writer gives exactly the bytes of the full
// one, on every real pact and testdata pact (read, then written as V4 and
// V3), and on a model with every kind of body, rule and generator.
func TestFastWriteMatches(t *testing.T) {
	var files []string
	if d := findConformanceDir(); d != "" {
		dir := filepath.Join(d, "real-pacts")
		if pacts, err := readIndex(dir); err == nil {
			for _, rp := range pacts {
				files = append(files, filepath.Join(dir, rp.file))
			}
		}
	}
	local, _ := filepath.Glob(filepath.Join("testdata", "pacts", "*.json"))
	files = append(files, local...)
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, _, err := Parse(data)
		if err != nil {
			continue
		}
		marshalBoth(t, f, p)
		checked++
	}
	t.Logf("%d pacts written alike", checked)

	p := model.NewPact("c", "p", model.V4)
	i := p.AddInteraction(model.HTTP, "everything")
	i.ID, i.Transport, i.Pending = "abc", "http", true
	i.Comments = map[string]any{"text": []any{"a"}, "testname": "t"}
	i.PluginConfig = map[string]any{"x": map[string]any{"b": 1, "a": 2}}
	i.InteractionMarkup = map[string]any{"markup": "#"}
	i.ProviderStates = []model.ProviderState{{Name: "s1"}, {Name: "s2", Params: map[string]any{"id": 1, "z": []any{nil, true}}}}
	i.Request.Method = "post"
	i.Request.RawQuery = "a=1&b&c=%20x"
	i.Request.Headers = model.Headers{{Name: "X-Empty", Values: []string{}}, {Name: "Accept", Values: []string{"a", "b"}}, {Name: "content-type", Values: []string{"application/json"}}}
	i.Request.Body = model.Body{State: model.BodyPresent, Content: []byte(`{"b": [1, {"z":null,"a":"\u00e9"}], "a": {}}`)}
	i.Request.MatchingRules = model.MatchingRules{}
	for n, r := range []model.Rule{
		{Kind: model.Equality}, {Kind: model.Regex, Regex: `\d"`}, {Kind: model.Type}, {Kind: model.MinType, Min: 1},
		{Kind: model.MaxType, Max: 2}, {Kind: model.MinMaxType, Min: 1, Max: 3}, model.Rule{Kind: model.Include}.WithValue("x"),
		model.Rule{Kind: model.Include}.WithValue(12), {Kind: model.Integer}, {Kind: model.Decimal}, {Kind: model.Number},
		{Kind: model.Null}, {Kind: model.Boolean}, {Kind: model.Date}, {Kind: model.Time, Format: "HH"},
		{Kind: model.Timestamp, Format: "yyyy"}, model.Rule{Kind: model.ContentType}.WithValue("image/png"), {Kind: model.Values},
		model.Rule{Kind: model.ArrayContains}.WithVariants([]model.Variant{{Index: 1}}), model.Rule{Kind: model.StatusCode}.WithStatus([]int{200}),
		{Kind: model.NotEmpty}, {Kind: model.Semver}, model.Rule{Kind: model.EachKey}.WithRules([]model.Rule{{Kind: model.Type}}),
		model.Rule{Kind: model.EachValue}.WithValue("v"), model.Rule{Kind: model.Plugin}.WithName("p").WithAttrs(map[string]any{"zz": 1, "aa": "x"}),
	} {
		i.Request.MatchingRules.Add(model.CategoryBody, "$.a"+string(rune('a'+n)), r)
	}
	i.Request.MatchingRules.Add(model.CategoryPath, "", model.Rule{Kind: model.Regex, Regex: "/x"})
	i.Request.MatchingRules.Add(model.CategoryHeader, "Accept", model.Rule{Kind: model.Type})
	i.Request.MatchingRules.Set(model.CategoryQuery, "empty", model.RuleList{})
	i.Request.MatchingRules.Get(model.CategoryHeader, "Accept").Combine = model.Or
	i.Request.Generators = model.Generators{}
	i.Request.Generators.Add(model.CategoryPath, "", model.Generator{Type: "ProviderState", Attrs: map[string]any{"expression": "/${id}"}})
	i.Request.Generators.Add(model.CategoryBody, "$.a", model.Generator{Type: "RandomInt", Attrs: map[string]any{"max": 9, "min": 1, "zeta": "z", "type": "ignored"}})
	i.Request.Generators.Add(model.CategoryHeader, "X", model.Generator{Type: "Uuid"})
	i.Response.Status = 404
	i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"image/png"}}}
	i.Response.Body = model.PresentBody([]byte{0xff, 0x00, 'a'}, "")
	for n, b := range []model.Body{
		{State: model.BodyNull}, {State: model.BodyNull, ContentType: "application/json", Hint: model.HintText},
		{State: model.BodyEmpty}, {State: model.BodyEmpty, ContentType: "text/plain"},
		{State: model.BodyPresent, Content: []byte("not json"), ContentType: "application/json"},
		{State: model.BodyPresent, Content: []byte("text \"q\"\n"), Hint: model.HintText},
		{State: model.BodyPresent, Content: []byte("bin"), Hint: model.HintBinary},
		{State: model.BodyPresent, Content: []byte("<a/>")}, {State: model.BodyPresent},
		{State: model.BodyMissing, ContentType: "text/plain"},
	} {
		j := p.AddInteraction(model.HTTP, "body "+string(rune('a'+n)))
		j.Key = "k"
		j.Request.Body, j.Response.Body = b, b
		j.Request.Query = model.Query{{Name: "q", Values: []string{"", "1"}}, {Name: "r", Values: []string{}}}
		j.Request.QueryNoValue = map[string]bool{"q": true}
	}
	marshalBoth(t, "the model", p)
	q := model.NewPact("c", "p", model.V3)
	for _, j := range p.Interactions {
		k := *j
		k.Pending, k.Comments, k.PluginConfig, k.InteractionMarkup = false, nil, nil, nil
		k.Request.Headers = model.Headers{{Name: "X", Values: []string{"a", "b"}}, {Name: "Vary", Values: []string{"a", "b"}}, {Name: "Y", Values: []string{}}, {Name: "Z", Values: []string{"z"}}}
		q.Interactions = append(q.Interactions, &k)
	}
	marshalBoth(t, "the model without V4 attributes", q)
}

// compactViaFast runs the fast reader's body compaction on data; ok is false
// when it (rightly) failed on invalid JSON.
func compactViaFast(data []byte) (out []byte, ok bool) {
	p := &parser{data: data, keys: map[string]string{}, depth: 5}
	defer func() {
		if x := recover(); x != nil {
			if _, syntax := x.(*syntaxError); !syntax {
				panic(x)
			}
			out, ok = nil, false
		}
	}()
	p.skipSpace()
	out = p.compactValue()
	p.skipSpace()
	if p.pos != len(data) {
		return nil, false
	}
	return out, true
}

func TestCompactValue(t *testing.T) {
	big := "{"
	for n := 40; n > 0; n-- {
		big += `"k` + string(rune('a'+n%26)) + string(rune('a'+n/26)) + `":` + string(rune('0'+n%10)) + ","
	}
	big += `"a":{"y":1,"x":[{"d":1,"c":2}]}}`
	for _, in := range []string{
		`{"a":1,"b":2}`, `{"b":2,"a":1}`, `{ "b" : [ 1 , { "z":null, "a":true } ] , "a" : "x" }`,
		`{"a!":1,"a":2}`, `{"a":1,"a!":2}`, `{"a\"":1,"a#":2}`, `{"a#":1,"a\"":2}`,
		`{"a":1,"a":2}`, `{"b":1,"a":2,"b":3}`, `{"\u0061":1}`, `"x\/y"`, `"\u00e9\n\t\"\\"`, `"caf` + "\xff" + `"`,
		`[1.50,-0,1e5,2E-3]`, `{}`, `[]`, `[{}]`, `{"é":1,"e":2,"z":3}`, big,
	} {
		want := encodeJSON(mustDecode(t, in), false)
		got, ok := compactViaFast([]byte(in))
		if !ok || string(got) != string(want) {
			t.Errorf("compact %s = %s, %v; want %s", in, got, ok, want)
		}
	}
	for _, bad := range []string{`{"a":1,}`, `[1,]`, `{"a" 1}`, `{"a":01}`, `[tru]`, `{"a":1`, `"abc`, `{,}`, `[1 2]`} {
		if got, ok := compactViaFast([]byte(bad)); ok {
			t.Errorf("compact %s = %s, want a failure", bad, got)
		}
	}
}

func mustDecode(t *testing.T, s string) any {
	t.Helper()
	v, err := DecodeJSON([]byte(s))
	if err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return v
}

// FuzzCompactValue: the fast reader's compaction of a body gives what
// decoding and encoding it gives, and fails on what does not decode.
func FuzzCompactValue(f *testing.F) {
	for _, s := range []string{`{"b":2,"a":[1,{"d":null,"c":"\n"}]}`, `{"a!":1,"a":2}`, `[1.5e3,"\u00e9"]`, `{"a":1,"a":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := DecodeJSON(data)
		got, ok := compactViaFast(bytes.TrimPrefix(data, bom))
		if err != nil {
			if ok {
				t.Fatalf("compacted invalid JSON %q to %s", data, got)
			}
			return
		}
		if want := encodeJSON(v, false); !ok || string(got) != string(want) {
			t.Fatalf("compact %q = %s, %v; want %s", data, got, ok, want)
		}
	})
}

// TestFastReadMatches: Parse, which reads V4 HTTP interactions with the
// fast reader, gives the same model (reflect.DeepEqual) and warnings as the
// full reader on the decoded tree, for every real pact, the testdata pacts,
// the written form of the model of TestFastWriteMatches, and edge cases.
func TestFastReadMatches(t *testing.T) {
	var inputs [][]byte
	if d := findConformanceDir(); d != "" {
		dir := filepath.Join(d, "real-pacts")
		if pacts, err := readIndex(dir); err == nil {
			for _, rp := range pacts {
				data, _ := os.ReadFile(filepath.Join(dir, rp.file))
				inputs = append(inputs, data)
			}
		}
	}
	local, _ := filepath.Glob(filepath.Join("testdata", "pacts", "*.json"))
	for _, f := range local {
		data, _ := os.ReadFile(f)
		inputs = append(inputs, data)
	}
	bench, _, _ := Marshal(benchPact(3), model.V4)
	inputs = append(inputs, bench)
	head := `{"metadata":{"pactSpecification":{"version":"4.0"}},"interactions":[`
	for _, i := range []string{
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"get","path":"/","headers":{"Accept":"a, b","X":[]},"body":{"content":{"b":1,"a":[{"d":2,"c":3}]}}},"response":{"status":200,"matchingRules":{"body":{"$.a":{"matchers":[]}}}}}`,
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","matchingRules":{"path":{"matchers":[{"match":"regex","regex":"x"}]}}},"response":{"status":"200"}}`,
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","query":{"a":["1",null],"b":[]},"body":{"content":"eA==","encoded":"base64","contentType":"text/plain"}},"response":{"status":200,"body":{"content":"x","contentTypeHint":"TEXT"},"generators":{"body":{"$.a":{"type":"RandomInt","min":1}},"status":{"type":"RandomInt"}}}}`,
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","body":{"content":"{\"a\":1}","encoded":"json","contentType":"application/json"}},"response":{"status":200,"body":{"content":null,"contentType":"application/json"}},"pending":true,"comments":{"text":["x"]},"providerStates":[{"name":"s","params":{"n":1.0}}]}`,
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","body":{"content":"\"q\"","contentType":"application/json"}},"response":{"status":200,"body":{"contentType":"text/plain"}},"transport":"http","key":"k"}`,
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","body":{"content":{"a":1,"a":2}}},"response":{"status":200,"matchingRules":{"body":{"$.a":{"combine":"OR","matchers":[{"match":"type","min":"1"},{"match":"bogus"}]}}}}}`,
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","extra":1},"response":{"status":200}}`,
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/"},"response":{"status":200,"matchingRules":{"body":{"$.a":{"match":"type"}}},"generators":{"body":{"$.a":"x"}}}}`,
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","headers":{"A":["1"],"A":["2"]}},"response":{"status":200}}`,
		`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","body":{"content":[1,2],"encoded":"base64"}},"response":{"status":200}}`,
	} {
		inputs = append(inputs, []byte(head+i+`]}`))
	}
	for _, m := range []string{
		`{"match":"type","min":"1"}`, `{"match":"type","min":1.5}`, `{"match":"type","min":1.0,"max":3}`, `{"match":"type","max":2}`,
		`{"match":"type","max":9007199254740993}`, `{"match":"integer","min":1e999}`, `{"match":"type","min":1,"min":2}`,
		`{"match":"date"}`, `{"match":"date","format":"yyyy"}`, `{"match":"datetime","format":"x"}`, `{"match":"timestamp","timestamp":"y"}`,
		`{"match":"time","format":7}`, `{"match":"include","value":1}`, `{"match":"include","value":"ab"}`, `{"match":"regex"}`,
		`{"match":"regex","regex":"a\\d"}`, `{"match":"regex","regex":"\u00e9"}`, `{"match":"contentType","value":"x/y"}`,
		`{"match":"content-type","value":"x/y"}`, `{"match":""}`, `{"match":"real"}`, `{"match":"not-empty"}`, `{"pact:matcher:type":"type"}`,
		`{"match":"eachKey","rules":[]}`, `{"match":"semver","extra":1}`, `{"match":"equality","regex":"x"}`, `{"match":"type","min":-1}`,
		`{"match":1}`, `{"regex":"x"}`, `{"match":"statusCode","status":[200]}`,
	} {
		inputs = append(inputs, []byte(head+`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/"},`+
			`"response":{"status":200,"matchingRules":{"body":{"$.a":{"combine":"AND","matchers":[`+m+`,{"match":"type"}]}}}}}]}`))
	}
	for _, g := range []string{
		`{"type":"RandomInt","min":1,"max":5}`, `{"type":""}`, `{"min":1}`, `{"type":"X","pact:generator:type":"Y"}`,
		`{"pact:generator:type":"Uuid"}`, `{"type":"A","type":"B"}`, `{"type":"A","a":1,"a":2}`, `{"type":"A","o":{"k":[1,"x"]}}`,
		`{"type":"ProviderState","expression":"${x}","dataType":"STRING"}`, `{"type":"\u0041"}`, `{"type":7}`, `"x"`,
	} {
		inputs = append(inputs, []byte(head+`{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/"},`+
			`"response":{"status":200,"generators":{"body":{"$.a":`+g+`,"$.b":{"type":"Uuid"}}}}}]}`))
	}
	checked := 0
	for _, data := range inputs {
		p, w, err := Parse(data)
		tp, tw, terr := parseViaTree(data)
		if (err == nil) != (terr == nil) {
			t.Errorf("Parse: %v, the decoded tree: %v\n%.300s", err, terr, data)
			continue
		}
		if err != nil {
			continue
		}
		if !reflect.DeepEqual(p, tp) || !reflect.DeepEqual(w, tw) {
			for n := range p.Interactions {
				if n < len(tp.Interactions) && !reflect.DeepEqual(p.Interactions[n], tp.Interactions[n]) {
					t.Errorf("interaction %d differs:\n%s\n%s", n, dump(p.Interactions[n]), dump(tp.Interactions[n]))
					break
				}
			}
			t.Errorf("Parse and the decoded tree differ (warnings %q vs %q)\n%.300s", w, tw, data)
		}
		checked++
	}
	t.Logf("%d pacts read alike", checked)
}
