package verifier

// afterNotice is the "when" of the broker notices printed after a pact is
// verified, chosen as pact_verifier 0.5.8 chooses it: from whether
// publishing was asked for (not whether it worked), and from the failures
// of all the pacts verified so far, not just this one. Without publishing,
// a run with no failure at all also gets the "success_false" notice (the
// reference tests `!errors.is_empty() || pending_errors.is_empty()`).
//
//	afterNotice(true, false, false)  // "after_verification:success_true_published_true"
//	afterNotice(false, false, false) // "after_verification:success_false_published_false"
func afterNotice(publish, failed, pendingFailed bool) string {
	if publish {
		if failed || pendingFailed {
			return "after_verification:success_false_published_true"
		}
		return "after_verification:success_true_published_true"
	}
	if failed || !pendingFailed {
		return "after_verification:success_false_published_false"
	}
	return "after_verification:success_true_published_false"
}
