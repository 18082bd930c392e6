package matching

import "testing"

func TestQuotedStrings(t *testing.T) {
	for _, c := range []struct{ in, debug, serde string }{
		{"abc", `"abc"`, `"abc"`},
		{"a\"b\\c", `"a\"b\\c"`, `"a\"b\\c"`},
		{"l1\nl2\r\t", `"l1\nl2\r\t"`, `"l1\nl2\r\t"`},
		{"\x00\x01\x7f", `"\0\u{1}\u{7f}"`, "\"\\u0000\\u0001\x7f\""},
		{"\b\f", `"\u{8}\u{c}"`, `"\b\f"`},
		{"é\u2028", "\"é\u2028\"", "\"é\u2028\""},
	} {
		if got := RustDebugString(c.in); got != c.debug {
			t.Errorf("RustDebugString(%q) = %s, want %s", c.in, got, c.debug)
		}
		if got := SerdeString(c.in); got != c.serde {
			t.Errorf("SerdeString(%q) = %s, want %s", c.in, got, c.serde)
		}
	}
}
