package matching

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"sort"
	"strconv"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// mimePart is one part of a multipart body.
type mimePart struct {
	name    string // Content-Disposition name, or the part's index when unnamed
	file    bool   // has a filename
	header  textproto.MIMEHeader
	content []byte
}

func boundaryOf(h model.Headers, b model.Body) string {
	for _, v := range []string{b.ContentType, h.First("Content-Type")} {
		if v == "" {
			continue
		}
		if _, params, err := mime.ParseMediaType(v); err == nil && params["boundary"] != "" {
			return params["boundary"]
		}
	}
	return ""
}

func parseMultipart(data []byte, boundary string) ([]mimePart, error) {
	if boundary == "" {
		return nil, fmt.Errorf("no boundary in the Content-Type header")
	}
	r := multipart.NewReader(bytes.NewReader(data), boundary)
	var parts []mimePart
	for i := 0; ; i++ {
		p, err := r.NextRawPart()
		if err == io.EOF {
			return parts, nil
		}
		if err != nil {
			return nil, err
		}
		content, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "base64") {
			if d, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(content)), "")); err == nil {
				content = d
			}
		}
		mp := mimePart{header: p.Header, content: content, name: strconv.Itoa(i)}
		if _, params, err := mime.ParseMediaType(p.Header.Get("Content-Disposition")); err == nil {
			if params["name"] != "" {
				mp.name = params["name"]
			}
			_, mp.file = params["filename"]
		}
		parts = append(parts, mp)
	}
}

// matchMultipart compares multipart bodies: every expected part must be in
// the actual body (by name, or by index when unnamed); extra parts are fine.
func matchMultipart(expected, actual model.Body, eh, ah model.Headers, rules *ruleSet, allowUnexpected bool) []Mismatch {
	e, a := bodyBytes(expected), bodyBytes(actual)
	eparts, eerr := parseMultipart(e, boundaryOf(eh, expected))
	aparts, aerr := parseMultipart(a, boundaryOf(ah, actual))
	var out []Mismatch
	if eerr != nil {
		out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(e), Actual: string(a),
			Description: fmt.Sprintf("Failed to parse the expected body as a MIME multipart body: '%v'", eerr)})
	}
	if aerr != nil {
		out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(e), Actual: string(a),
			Description: fmt.Sprintf("Failed to parse the actual body as a MIME multipart body: '%v'", aerr)})
	}
	if len(out) > 0 {
		return out
	}
	for _, ep := range eparts {
		var ap *mimePart
		for i := range aparts {
			if aparts[i].name == ep.name {
				ap = &aparts[i]
				break
			}
		}
		path := "$." + ep.name
		if ap == nil {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: path, Expected: ep.name, Actual: nil,
				Description: fmt.Sprintf("Expected a MIME part '%s' but was missing", ep.name)})
			continue
		}
		if !ep.file && ap.file {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: path, Expected: ep.name, Actual: ap.name,
				Description: fmt.Sprintf("Expected a MIME field '%s' but was file", ep.name)})
			continue
		}
		if ep.file && !ap.file {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: path, Expected: ep.name, Actual: ap.name,
				Description: fmt.Sprintf("Expected a MIME file '%s' but was field", ep.name)})
			continue
		}
		out = append(out, matchPartHeaders(ep, *ap, path)...)
		if !ep.file {
			// a field: its text, by equality or the rule at $.name
			p := []string{"$", ep.name}
			es, as := string(ep.content), string(ap.content)
			if rules.defined(p) {
				l, cascaded := rules.best(p)
				for _, msg := range applyRules(l, func(r model.Rule) error { return matchStr(r, es, as, cascaded, false) }) {
					out = append(out, Mismatch{Type: "BodyMismatch", Path: path, Expected: es, Actual: as,
						Description: fmt.Sprintf("MIME part '%s': %s", ep.name, msg)})
				}
			} else if es != as {
				out = append(out, Mismatch{Type: "BodyMismatch", Path: path, Expected: es, Actual: as,
					Description: fmt.Sprintf("MIME part '%s': Expected '%s' to be equal to '%s'", ep.name, as, es)})
			}
			continue
		}
		out = append(out, matchFilePart(ep, *ap, path, rules, allowUnexpected)...)
	}
	return out
}

func partBody(p mimePart) (model.Body, model.Headers) {
	h := model.Headers{}
	if ct := p.header.Get("Content-Type"); ct != "" {
		h["Content-Type"] = []string{ct}
	}
	return model.PresentBody(p.content, ""), h
}

func matchFilePart(ep, ap mimePart, path string, rules *ruleSet, allowUnexpected bool) []Mismatch {
	eb, eh := partBody(ep)
	ab, ah := partBody(ap)
	ect, act := contentTypeOf(eb, eh), contentTypeOf(ab, ah)
	if !(ect.unknown() || act.unknown() || ect.equivalent(act) || ect.equivalent(act.base())) {
		return []Mismatch{{Type: "BodyTypeMismatch", Expected: ect.String(), Actual: act.String(),
			Description:  fmt.Sprintf("MIME part '%s': Expected a body of '%s' but the actual content type was '%s'", ep.name, ect, act),
			ExpectedBody: ep.content, ActualBody: ap.content}}
	}
	sub := rerootRules(rules, ep.name)
	var out []Mismatch
	for _, m := range matchBodyContent(ect, eb, ab, eh, ah, sub, allowUnexpected) {
		m.Description = fmt.Sprintf("MIME part '%s': %s", ep.name, m.Description)
		if m.Path == "$" || m.Path == "/" {
			m.Path = path
		} else if strings.HasPrefix(m.Path, "$") {
			m.Path = path + m.Path[1:]
		}
		out = append(out, m)
	}
	return out
}

// rerootRules returns the body rules under $.name, re-rooted at "$".
func rerootRules(rules *ruleSet, name string) *ruleSet {
	out := &ruleSet{weighted: true}
	if rules.empty() {
		return out
	}
	for _, e := range rules.entries {
		p := e.path
		if len(p) >= 2 && p[0].Kind == model.TokRoot && p[1].Kind == model.TokField && p[1].Name == name {
			np := append(model.DocPath{{Kind: model.TokRoot}}, p[2:]...)
			out.entries = append(out.entries, ruleEntry{path: np, list: e.list})
		}
	}
	return out
}

// matchPartHeaders checks that every expected part header (other than the
// transfer encoding) is present with an equal value.
func matchPartHeaders(ep, ap mimePart, path string) []Mismatch {
	keys := make([]string, 0, len(ep.header))
	for k := range ep.header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Mismatch
	for _, k := range keys {
		lk := strings.ToLower(k)
		if lk == "content-transfer-encoding" || lk == "content-length" {
			continue
		}
		ev := strings.Join(ep.header[k], ", ")
		avs, ok := ap.header[k]
		if !ok {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: path, Expected: ev, Actual: nil,
				Description: fmt.Sprintf("MIME part '%s': Expected multipart header '%s' with value '%s' but was missing", ep.name, k, ev)})
			continue
		}
		av := strings.Join(avs, ", ")
		var msgs []string
		if lk == "content-type" || lk == "content-disposition" {
			msgs = matchParameterHeader(ev, av, k, "header", 0, true)
		} else if normaliseCommas(ev) != normaliseCommas(av) {
			msgs = []string{fmt.Sprintf("Expected '%s' to be equal to '%s'", av, ev)}
		}
		for _, msg := range msgs {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: path, Expected: ev, Actual: av,
				Description: fmt.Sprintf("MIME part '%s': header '%s': %s", ep.name, k, msg)})
		}
	}
	return out
}
