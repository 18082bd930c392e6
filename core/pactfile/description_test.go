package pactfile

import "testing"

// TestDefaultDescriptions: an interaction without a description is named as
// pact_models names it, and a non-string description is its JSON text.
func TestDefaultDescriptions(t *testing.T) {
	for _, c := range []struct{ name, pact, want string }{
		{"v3 http, missing", `{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"request":{"method":"GET","path":"/"},"response":{"status":200}},{"request":{"method":"GET","path":"/b"},"response":{"status":200}}],"metadata":{"pactSpecification":{"version":"3.0.0"}}}`, "Interaction 1"},
		{"v3 http, null", `{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"description":null,"request":{"method":"GET","path":"/"},"response":{"status":200}}],"metadata":{"pactSpecification":{"version":"3.0.0"}}}`, "null"},
		{"v3 message, missing", `{"consumer":{"name":"c"},"provider":{"name":"p"},"messages":[{"contents":"a"},{"contents":"b"}],"metadata":{"pactSpecification":{"version":"3.0.0"}}}`, "Message 1"},
		{"v3 message, number", `{"consumer":{"name":"c"},"provider":{"name":"p"},"messages":[{"description":12,"contents":"a"}],"metadata":{"pactSpecification":{"version":"3.0.0"}}}`, "12"},
		{"v4, missing", `{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"type":"Asynchronous/Messages","contents":{"content":"a"}},{"type":"Asynchronous/Messages","contents":{"content":"b"}}],"metadata":{"pactSpecification":{"version":"4.0"}}}`, "Interaction 1"},
	} {
		p, _, err := Parse([]byte(c.pact))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		last := p.Interactions[len(p.Interactions)-1]
		if last.Description != c.want {
			t.Errorf("%s: description %q, want %q", c.name, last.Description, c.want)
		}
	}
}
