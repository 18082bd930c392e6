package mockserver

import (
	"reflect"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestNotFoundHeaderNames checks that an unexpected request is reported with
// lower-case header names, as pact_mock_server reports it, and that a
// missing request keeps the names of the pact.
func TestNotFoundHeaderNames(t *testing.T) {
	req := &model.Request{Method: "PUT", Path: "/pong", Headers: model.Headers{{Name: "Content-Type", Values: []string{"text/plain"}}, {Name: "X-Trace-Id", Values: []string{"a"}}}}
	got := Result{Kind: NotFound, Method: "PUT", Path: "/pong", Request: req}.ToJSON()
	h, _ := got["request"].(map[string]any)["headers"].(map[string]any)
	want := map[string]any{"content-type": "text/plain", "x-trace-id": "a"}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("not-found headers = %v, want %v", h, want)
	}
	if _, ok := req.Headers.Exact("Content-Type"); !ok || len(req.Headers) != 2 {
		t.Errorf("the received request was changed: %v", req.Headers)
	}
	i := &model.Interaction{Request: model.Request{Method: "GET", Path: "/a", Headers: model.Headers{{Name: "X-Id", Values: []string{"1"}}}}}
	got = Result{Kind: Missing, Method: "GET", Path: "/a", Interaction: i}.ToJSON()
	h, _ = got["request"].(map[string]any)["headers"].(map[string]any)
	if !reflect.DeepEqual(h, map[string]any{"X-Id": "1"}) {
		t.Errorf("missing-request headers = %v", h)
	}
}
