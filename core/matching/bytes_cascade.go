package matching

import "github.com/libpact/libpact/core/model"

// MatchBytesCascaded is MatchBytes for a rule that may have cascaded down
// from a parent path, as pact_ffi's matches_binary_value takes it: with
// cascaded set, the collection rules (values, eachKey, eachValue) match any
// bytes instead of failing with "Unable to match ...".
//
//	err := matching.MatchBytesCascaded(model.Rule{Kind: model.Values}, nil, []byte("x"), true)
//	// err: nil
func MatchBytesCascaded(rule model.Rule, expected, actual []byte, cascaded bool) error {
	return matchBytes(rule, expected, actual, cascaded)
}
