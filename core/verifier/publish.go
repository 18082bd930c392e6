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
	if v.cfg.AppName != "" {
		r.VerifiedBy.ClientLanguage = map[string]any{"testFramework": "libpact", "name": v.cfg.AppName, "version": v.cfg.AppVersion}
	}
	for _, ir := range results {
		tr := broker.TestResult{InteractionID: ir.ID, InteractionDescription: ir.InteractionDescription, Success: ir.OK}
		if !ir.OK {
			r.Success = false
			if ir.Error != "" {
				tr.Exceptions = []broker.Exception{{Message: ir.Error}}
			}
			for _, m := range ir.Mismatches {
				tr.Mismatches = append(tr.Mismatches, brokerMismatch(m))
			}
		}
		r.TestResults = append(r.TestResults, tr)
	}
	if l.client == nil || l.publishURL == "" {
		return fmt.Errorf("the pact from %s has no 'pb:publish-verification-results' link", l.source)
	}
	return l.client.PublishVerificationResults(ctx, l.publishURL, r)
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
	case "PathMismatch":
		out.Attribute = "path"
	case "BodyMismatch":
		out.Attribute, out.Identifier = "body", fmt.Sprint(j["path"])
	default:
		out.Attribute = "body"
	}
	return out
}
