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

// mimePart is one part of a multipart body. As in the reference, a part
// with a Content-Disposition but no filename is a field; any other part
// (with a filename, or with no Content-Disposition at all) is a file.
type mimePart struct {
	index   int
	name    string // Content-Disposition name, "" when unnamed
	file    bool
	header  textproto.MIMEHeader
	content []byte
}

// key is the part's name, or its index when unnamed.
func (p mimePart) key() string {
	if p.name != "" {
		return p.name
	}
	return strconv.Itoa(p.index)
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
		mp := mimePart{index: i, header: p.Header, content: content, file: true}
		if cd := p.Header.Get("Content-Disposition"); cd != "" {
			_, params, _ := mime.ParseMediaType(cd)
			mp.name = params["name"]
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
			if (aparts[i].name == "" && aparts[i].index == ep.index) || (aparts[i].name != "" && aparts[i].name == ep.name) {
				ap = &aparts[i]
				break
			}
		}
		if ap == nil {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: ep.name, Actual: nil,
				Description: fmt.Sprintf("Expected a MIME part '%s' but was missing", ep.name)})
			continue
		}
		if !ep.file && ap.file {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: ep.name, Actual: nil,
				Description: fmt.Sprintf("Expected a MIME field '%s' but was file", ep.name)})
			continue
		}
		if ep.file && !ap.file {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: ep.name, Actual: nil,
				Description: fmt.Sprintf("Expected a MIME file '%s' but was field", ep.name)})
			continue
		}
		path := []string{"$", ep.key()}
		out = append(out, matchPartHeaders(ep, *ap, path, rules)...)
		if !ep.file {
			es, as := strings.ToValidUTF8(string(ep.content), "\uFFFD"), strings.ToValidUTF8(string(ap.content), "\uFFFD")
			if l, cascaded := rules.best(path); l != nil {
				for _, msg := range applyRules(l, func(r model.Rule) error { return matchStr(r, es, as, cascaded, false) }) {
					out = append(out, Mismatch{Type: "BodyMismatch", Path: renderPath(path), Expected: es, Actual: as, Description: msg})
				}
			} else if es != as {
				out = append(out, Mismatch{Type: "BodyMismatch", Path: renderPath(path), Expected: es, Actual: as,
					Description: fmt.Sprintf("MIME part '%s': Expected '%s' to be equal to '%s'", ep.name, as, es)})
			}
			continue
		}
		out = append(out, matchFilePart(ep, *ap, rules, allowUnexpected)...)
	}
	return out
}

func partBody(p mimePart) (model.Body, model.Headers) {
	h := model.Headers{}
	if ct := p.header.Get("Content-Type"); ct != "" {
		h = model.Headers{{Name: "Content-Type", Values: []string{ct}}}
	}
	return model.PresentBody(p.content, ""), h
}

func matchFilePart(ep, ap mimePart, rules *ruleSet, allowUnexpected bool) []Mismatch {
	eb, eh := partBody(ep)
	ab, ah := partBody(ap)
	var ect, act ctype
	if v := ep.header.Get("Content-Type"); v != "" {
		ect, _ = parseContentType(v)
	}
	if v := ap.header.Get("Content-Type"); v != "" {
		act, _ = parseContentType(v)
	}
	if !(ect.unknown() || act.unknown() || ect.equivalent(act) || ect.equivalent(act.base())) {
		return []Mismatch{{Type: "BodyTypeMismatch", Expected: ect.String(), Actual: act.String(),
			Description:  fmt.Sprintf("MIME part '%s': Expected a body of '%s' but the actual content type was '%s'", ep.key(), ect, act),
			ExpectedBody: ep.content, ActualBody: ap.content}}
	}
	var out []Mismatch
	for _, m := range compareBodies(ect, eb, ab, eh, ah, rerootRules(rules, ep.key()), allowUnexpected) {
		if m.Type == "BodyMismatch" {
			m.Description = fmt.Sprintf("MIME part '%s': %s", ep.key(), m.Description)
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

// matchPartHeaders checks that every expected part header is present with an
// equal value (or one satisfying a rule at $.part.header); Content-Disposition
// values are not compared, and a missing Content-Type, Content-Disposition or
// Content-Transfer-Encoding is fine.
func matchPartHeaders(ep, ap mimePart, path []string, rules *ruleSet) []Mismatch {
	keys := make([]string, 0, len(ep.header))
	for k := range ep.header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	partName := ep.name
	if partName == "" {
		partName = "unknown part"
	}
	var out []Mismatch
	for _, k := range keys {
		lk := strings.ToLower(k)
		kp := child(path, lk)
		ev := strings.Join(ep.header[k], ", ")
		avs, ok := ap.header[k]
		if !ok {
			if lk == "content-type" || lk == "content-disposition" || lk == "content-transfer-encoding" {
				continue
			}
			out = append(out, Mismatch{Type: "BodyMismatch", Path: renderPath(kp), Expected: ev, Actual: nil,
				Description: fmt.Sprintf("MIME part '%s': Expected multipart header '%s' with value '%s' but was missing", partName, lk, ev)})
			continue
		}
		av := strings.Join(avs, ", ")
		var msgs []string
		switch {
		case rules.directDefined(kp):
			l, cascaded := rules.best(kp)
			msgs = applyRules(l, func(r model.Rule) error { return matchStr(r, ev, av, cascaded, false) })
		case lk == "content-disposition":
		case ev != av:
			msgs = []string{fmt.Sprintf("header '%s': Expected '%s' to be equal to '%s'", lk, av, ev)}
		}
		for _, msg := range msgs {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: renderPath(kp), Expected: ev, Actual: av,
				Description: fmt.Sprintf("MIME part '%s': %s", partName, msg)})
		}
	}
	return out
}
