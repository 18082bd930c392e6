package verifier

import (
	"bytes"
	"encoding/json"
)

// rustJSON encodes v as serde_json writes it: like json.Marshal (keys of
// maps sorted) but without escaping <, > and & (json.Marshal writes "->"
// as "-\u003e") or U+2028 and U+2029.
//
//	rustJSON("a -> b") // "\"a -> b\""
func rustJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	out := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	if !bytes.Contains(out, []byte(`\u202`)) {
		return out, nil
	}
	// encoding/json escapes U+2028 and U+2029 even without HTML escaping;
	// put them back where the escape is one (an odd run of backslashes).
	res := make([]byte, 0, len(out))
	for i := 0; i < len(out); i++ {
		c := out[i]
		if c != '\\' {
			res = append(res, c)
			continue
		}
		j := i
		for j < len(out) && out[j] == '\\' {
			j++
		}
		run := j - i
		res = append(res, out[i:j]...)
		i = j - 1
		if run%2 == 1 && j+5 <= len(out) && (string(out[j:j+5]) == "u2028" || string(out[j:j+5]) == "u2029") {
			res = res[:len(res)-1]
			if out[j+4] == '8' {
				res = append(res, "\u2028"...)
			} else {
				res = append(res, "\u2029"...)
			}
			i = j + 4
		}
	}
	return res, nil
}
