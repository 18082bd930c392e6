package verifier

import (
	"context"
	"fmt"

	"github.com/libpact/libpact/core/broker"
)

// publish sends the results of one broker-sourced pact to the broker: the
// provider version's branch and tags first, then the result with one test
// result per interaction. A failed pending interaction is still published as
// a failure (the broker decides what pending means).
func (v *run) publish(ctx context.Context, l *loaded, results []InteractionResult) error {
	opts := v.cfg.Publish
	branch, tags := opts.ProviderBranch, opts.ProviderTags
	if l.source.Kind == SourceBroker {
		// As the reference does, a broker source's own provider branch and
		// tags are the ones recorded.
		if l.source.ProviderBranch != "" {
			branch = l.source.ProviderBranch
		}
		if len(l.source.ProviderTags) > 0 {
			tags = l.source.ProviderTags
		}
	}
	r := broker.Result{
		Success:                    true,
		ProviderApplicationVersion: opts.ProviderVersion,
		BuildURL:                   opts.BuildURL,
		ProviderBranch:             branch,
		ProviderTags:               tags,
		Provider:                   l.pact.Provider,
		PactLinks:                  l.links,
		VerifiedBy:                 broker.VerifiedBy{Implementation: "libpact", Version: broker.Version},
	}
	// verifiedBy is {implementation, version} only: the compatibility suite's
	// broker accepts no other key (pact_ffi adds clientLanguage when called
	// through its FFI; the broker needs none of it).
	r.TestResults = testResults(results)
	for _, ir := range results {
		r.Success = r.Success && ir.OK
	}
	if l.client == nil || l.publishURL == "" {
		return fmt.Errorf("the pact from %s has no 'pb:publish-verification-results' link", l.source)
	}
	return l.client.PublishVerificationResults(ctx, l.publishURL, r)
}

// testResults builds the testResults of a published result as the reference
// does: when every interaction passed, {interactionId, success} for each
// interaction that has a broker id; otherwise one entry per run of
// consecutive interactions with the same id, with interactionDescription,
// success, and the mismatches and exceptions of its failures.
func testResults(results []InteractionResult) []broker.TestResult {
	allOK := true
	for _, ir := range results {
		allOK = allOK && ir.OK
	}
	out := []broker.TestResult{}
	if allOK {
		for _, ir := range results {
			if ir.ID != "" {
				out = append(out, broker.TestResult{InteractionID: ir.ID, Success: true})
			}
		}
		return out
	}
	for n := 0; n < len(results); {
		end := n + 1
		for end < len(results) && results[end].ID == results[n].ID {
			end++
		}
		tr := broker.TestResult{InteractionID: results[n].ID, InteractionDescription: results[n].InteractionDescription, Success: true}
		for _, ir := range results[n:end] {
			if ir.Error != "" {
				tr.Exceptions = append(tr.Exceptions, broker.Exception{Message: ir.Error})
			}
			for _, m := range ir.Mismatches {
				tr.Mismatches = append(tr.Mismatches, brokerMismatch(m))
			}
		}
		tr.Success = len(tr.Exceptions) == 0 && len(tr.Mismatches) == 0
		out = append(out, tr)
		n = end
	}
	return out
}

// brokerMismatch converts a mismatch to the broker's terms.
func brokerMismatch(m interface {
	ToJSON() map[string]any
}) broker.TestMismatch {
	j := m.ToJSON()
	out := broker.TestMismatch{Description: fmt.Sprint(j["mismatch"])}
	switch j["type"] {
	case "StatusMismatch":
		out.Attribute = "status"
	case "HeaderMismatch":
		out.Attribute, out.Identifier = "header", fmt.Sprint(j["key"])
	case "MetadataMismatch":
		out.Attribute, out.Identifier = "metadata", fmt.Sprint(j["key"])
	case "QueryMismatch":
		out.Attribute, out.Identifier = "query", fmt.Sprint(j["parameter"])
	case "MethodMismatch":
		out.Attribute = "method"
		out.Description = fmt.Sprintf("Expected method of %v but received %v", j["expected"], j["actual"])
	case "PathMismatch":
		out.Attribute = "path"
	case "BodyMismatch":
		out.Attribute, out.Identifier = "body", fmt.Sprint(j["path"])
	default: // BodyTypeMismatch
		out.Attribute, out.Identifier = "body", "$"
		out.Description = fmt.Sprintf("Expected body type of '%v' but received '%v'", j["expected"], j["actual"])
	}
	return out
}
