package matching

import (
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func multipartBody(boundary string, parts ...string) []byte {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString("--" + boundary + "\r\n" + p + "\r\n")
	}
	b.WriteString("--" + boundary + "--\r\n")
	return []byte(b.String())
}

func TestMatchMultipart(t *testing.T) {
	field := func(name, value string) string {
		return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
	}
	file := func(name, ct, value string) string {
		return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"f.bin\"\r\nContent-Type: " + ct + "\r\n\r\n" + value
	}
	h := func(boundary string) model.Headers {
		return model.Headers{{Name: "Content-Type", Values: []string{"multipart/form-data; boundary=" + boundary}}}
	}
	jpegRule := rulesOf(model.CategoryBody, "$.photo", model.Rule{Kind: model.ContentType}.WithValue("image/jpeg"))
	tests := []struct {
		name             string
		expected, actual []byte
		rules            model.MatchingRules
		want             string
	}{
		{"same parts, different boundaries", multipartBody("AAA", field("a", "1"), file("f", "text/plain", "hi")),
			multipartBody("BBB", field("a", "1"), file("f", "text/plain", "hi")), nil, ""},
		{"extra actual part", multipartBody("AAA", field("a", "1")), multipartBody("BBB", field("a", "1"), field("b", "2")), nil, ""},
		{"field value", multipartBody("AAA", field("a", "1")), multipartBody("BBB", field("a", "2")), nil, "MIME part 'a': Expected '2' to be equal to '1'"},
		{"missing part", multipartBody("AAA", field("a", "1"), field("b", "2")), multipartBody("BBB", field("a", "1")), nil,
			"Expected a MIME part 'b' but was missing"},
		{"field vs file", multipartBody("AAA", field("a", "1")), multipartBody("BBB", file("a", "text/plain", "1")), nil,
			"Expected a MIME field 'a' but was file"},
		{"file text differs", multipartBody("AAA", file("f", "text/plain", "hi")), multipartBody("BBB", file("f", "text/plain", "ho")), nil,
			"MIME part 'f': Expected body 'hi' to match 'ho' using equality but did not match"},
		{"file type differs", multipartBody("AAA", file("f", "text/plain", "hi")), multipartBody("BBB", file("f", "application/json", "{}")), nil,
			"MIME part 'f': Expected a body of 'text/plain' but the actual content type was 'application/json'"},
		{"base64 part", multipartBody("AAA", "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8="),
			multipartBody("BBB", "Content-Type: text/plain\r\n\r\nhello"), nil, ""},
		{"contentType rule on a file part", multipartBody("AAA", file("photo", "image/jpeg", "\xff\xd8\xff\xe0abc")),
			multipartBody("BBB", file("photo", "image/jpeg", "%PDF-1.4")), jpegRule,
			"MIME part 'photo': Expected binary contents to have content type 'image/jpeg' but detected contents was 'application/pdf'"},
		{"no boundary", []byte("x"), []byte("y"), nil, "Failed to parse the expected body as a MIME multipart body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eh, ah := h("AAA"), h("BBB")
			if tt.name == "no boundary" {
				eh = model.Headers{{Name: "Content-Type", Values: []string{"multipart/form-data"}}}
			}
			mm := MatchBody(model.PresentBody(tt.expected, ""), model.PresentBody(tt.actual, ""), eh, ah, tt.rules, false)
			if tt.want == "" {
				for _, m := range mm {
					t.Errorf("unexpected mismatch %s", m)
				}
				return
			}
			for _, m := range mm {
				if strings.Contains(m.Description, tt.want) {
					return
				}
			}
			t.Errorf("no mismatch containing %q in %v", tt.want, mm)
		})
	}
}
