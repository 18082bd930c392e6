package brokertest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tidwall/gjson"
)

func pact(consumer, desc string) []byte {
	return []byte(fmt.Sprintf(`{"consumer":{"name":%q},"provider":{"name":"P"},"interactions":[{"description":%q}]}`, consumer, desc))
}

// post sends a JSON body and returns the status and body.
func post(t *testing.T, url string, body any) (int, string) {
	t.Helper()
	data, _ := json.Marshal(body)
	resp, err := http.Post(url, "application/json", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

func forVerification(t *testing.T, b *Broker, req map[string]any) (int, string) {
	t.Helper()
	return post(t, b.URL+"/pacts/provider/P/for-verification", req)
}

// descs lists the interaction descriptions of the pacts in an answer, with
// " P" for pending and " W" for WIP.
func descs(t *testing.T, b *Broker, body string) []string {
	t.Helper()
	var out []string
	for _, p := range gjson.Get(body, "_embedded.pacts").Array() {
		resp, err := http.Get(p.Get("_links.self.href").String())
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		s := gjson.GetBytes(doc, "interactions.0.description").String()
		if p.Get("verificationProperties.pending").Bool() {
			s += " P"
		}
		if p.Get("verificationProperties.wip").Bool() {
			s += " W"
		}
		out = append(out, s)
	}
	return out
}

func TestSelectorsAndErrors(t *testing.T) {
	b := New()
	defer b.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(b.AddPact("1", "main", nil, pact("A", "a1")))
	must(b.AddPact("2", "main", nil, pact("A", "a1"))) // same content as version 1
	must(b.AddPact("3", "feat", []string{"t"}, pact("A", "a3")))
	must(b.AddPact("1", "develop", nil, pact("B", "b1")))
	must(b.MarkDeployed("A", "1"))
	must(b.MarkReleased("A", "2"))
	if err := b.MarkDeployed("A", "9"); err == nil {
		t.Error("MarkDeployed of an unknown version: no error")
	}
	if err := b.AddPact("1", "", nil, []byte(`{}`)); err == nil {
		t.Error("AddPact without names: no error")
	}
	cases := []struct {
		name    string
		req     map[string]any
		want    string // descriptions joined, or the 400 error text
		wantErr bool
	}{
		{"main branch of each (B's is develop)", map[string]any{"consumerVersionSelectors": []any{map[string]any{"mainBranch": true}}}, "a1,b1", false},
		{"deployed and released are one pact version", map[string]any{"consumerVersionSelectors": []any{map[string]any{"deployedOrReleased": true}}}, "a1", false},
		{"environment", map[string]any{"consumerVersionSelectors": []any{map[string]any{"deployed": true, "environment": "test"}}}, "", false},
		{"matching branch", map[string]any{"providerVersionBranch": "feat", "consumerVersionSelectors": []any{map[string]any{"matchingBranch": true}}}, "a3", false},
		{"all of a branch", map[string]any{"consumerVersionSelectors": []any{map[string]any{"branch": "main", "latest": false, "consumer": "A"}}}, "a1", false},
		{"tag without latest", map[string]any{"consumerVersionSelectors": []any{map[string]any{"tag": "t"}}}, "a3", false},
		{"fallback branch", map[string]any{"consumerVersionSelectors": []any{map[string]any{"branch": "gone", "fallbackBranch": "feat"}}}, "a3", false},
		{"GET-style default", map[string]any{}, "a1,b1", false},
		{"matching branch needs provider branch", map[string]any{"consumerVersionSelectors": []any{map[string]any{"matchingBranch": true}}}, `"matchingBranch\" needs providerVersionBranch`, true},
		{"two kinds", map[string]any{"consumerVersionSelectors": []any{map[string]any{"branch": "x", "tag": "y"}}}, `cannot be combined`, true},
		{"consumer alone", map[string]any{"consumerVersionSelectors": []any{map[string]any{"consumer": "A"}}}, `must name versions`, true},
		{"false flag", map[string]any{"consumerVersionSelectors": []any{map[string]any{"mainBranch": false}}}, `can only be true`, true},
		{"bad date", map[string]any{"includeWipPactsSince": "yesterday"}, `is not a date`, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := forVerification(t, b, tc.req)
			if tc.wantErr {
				if status != 400 || !strings.Contains(body, tc.want) {
					t.Fatalf("got %d %s, want 400 with %s", status, body, tc.want)
				}
				return
			}
			if status != 200 {
				t.Fatalf("got %d %s", status, body)
			}
			if got := strings.Join(descs(t, b, body), ","); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	resp, err := http.Get(b.URL + "/pacts/provider/P/for-verification")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET for-verification: %v %v", resp, err)
	}
	resp.Body.Close()
}

func TestPublishContractsAPI(t *testing.T) {
	b := New(WithClock(func() time.Time { return time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC) }))
	defer b.Close()
	enc := base64.StdEncoding.EncodeToString(pact("A", "a1"))
	contract := map[string]any{"consumerName": "A", "providerName": "P", "specification": "pact", "contentType": "application/json", "content": enc}
	status, body := post(t, b.URL+"/contracts/publish", map[string]any{
		"pacticipantName": "A", "pacticipantVersionNumber": "1", "branch": "feat", "tags": []string{"x"},
		"contracts": []any{contract}})
	if status != 200 || gjson.Get(body, "notices.#").Int() != 2 || gjson.Get(body, "_links.pb:contracts.0.href").String() == "" {
		t.Fatalf("publish: %d %s", status, body)
	}
	for _, tc := range []struct {
		body map[string]any
		want string
	}{
		{map[string]any{"pacticipantVersionNumber": "1", "contracts": []any{contract}}, "pacticipantName"},
		{map[string]any{"pacticipantName": "A", "contracts": []any{contract}}, "pacticipantVersionNumber"},
		{map[string]any{"pacticipantName": "A", "pacticipantVersionNumber": "1"}, "at least one contract"},
		{map[string]any{"pacticipantName": "A", "pacticipantVersionNumber": "1", "contracts": []any{
			map[string]any{"consumerName": "A", "providerName": "P", "specification": "pact", "contentType": "application/json", "content": "%%%"}}}, "not valid base64"},
	} {
		if status, body := post(t, b.URL+"/contracts/publish", tc.body); status != 400 || !strings.Contains(body, tc.want) {
			t.Errorf("got %d %s, want 400 with %s", status, body, tc.want)
		}
	}
	// Neither the feature branch nor a tag is a main branch; WIP since April
	// includes it, since June does not.
	_, body = forVerification(t, b, map[string]any{"includePendingStatus": true, "includeWipPactsSince": "2024-04-01T00:00:00Z"})
	if got := strings.Join(descs(t, b, body), ","); got != "a1 P W" {
		t.Errorf("WIP since April: %q in %s", got, body)
	}
	_, body = forVerification(t, b, map[string]any{"includePendingStatus": true, "includeWipPactsSince": "2024-06-01"})
	if got := strings.Join(descs(t, b, body), ","); got != "" {
		t.Errorf("WIP since June: %q", got)
	}
}

func TestHiddenRelationsAndHang(t *testing.T) {
	b := New(WithoutRelations("pb:publish-contracts"))
	resp, err := http.Get(b.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	idx, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if gjson.GetBytes(idx, `_links.pb:publish-contracts`).Exists() || !gjson.GetBytes(idx, `_links.pb:provider-pacts-for-verification`).Exists() {
		t.Errorf("index %s", idx)
	}
	// Close ends a hanging request promptly.
	b.Fail(Hang, -1)
	done := make(chan error, 1)
	go func() {
		resp, err := http.Get(b.URL + "/")
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	for len(b.Requests()) < 2 {
		time.Sleep(5 * time.Millisecond)
	}
	start := time.Now()
	b.Close()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a hanging request outlived Close")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Close took %v", d)
	}
}
