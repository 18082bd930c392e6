// Package broker is a client for the Pact Broker's HAL API: it publishes
// pacts, asks which pacts a provider must verify ("pacts for verification",
// with consumer version selectors, pending and work-in-progress pacts),
// fetches them, and publishes verification results back.
//
// It finds every endpoint through the HAL relations of the broker's index
// (GET /) rather than hard-coding paths, as the broker asks clients to:
//
//	pb:publish-contracts               POST /contracts/publish
//	pb:provider-pacts-for-verification POST /pacts/provider/{provider}/for-verification
//	pb:latest-provider-pacts           GET  /pacts/provider/{provider}/latest (older brokers)
//	pb:latest-provider-pacts-with-tag  GET  /pacts/provider/{provider}/latest/{tag}
//	pb:publish-verification-results    POST, a link of each fetched pact
//	pb:provider, pb:pacticipant        the provider resource, whose
//	pb:branch-version, pb:version-tag  PUT the provider version's branch and tags
//
// A typical provider run:
//
//	c := broker.New("https://broker.example", broker.TokenAuth(os.Getenv("PACT_BROKER_TOKEN")))
//	pacts, err := c.PactsForVerification(ctx, broker.Selection{
//		Provider:                 "Orders",
//		ConsumerVersionSelectors: []map[string]any{{"mainBranch": true}, {"deployedOrReleased": true}},
//		ProviderVersionBranch:    "main",
//		IncludePendingStatus:     true,
//		IncludeWipPactsSince:     "2024-01-01",
//	})
//	if err != nil { ... } // e.g. "... pact broker answered 401 Unauthorized: {...}"
//	for _, p := range pacts {
//		if p.Err != nil { ... } // this pact could not be fetched; the others still can be verified
//		// verify p.Pact; p.Pending failures must not fail the build
//		err := c.PublishVerificationResults(ctx, p.PublishResultsURL, broker.Result{
//			Success: ok, ProviderApplicationVersion: "1.2.3", Provider: "Orders",
//			ProviderBranch: "main", PactLinks: p.Links,
//		})
//	}
//
// Consumer version selectors are passed to the broker as given, never
// validated here: the broker keeps adding selectors, and its own error for a
// bad one is quoted in the returned error.
//
// Every request has a timeout (WithTimeout, 30 s by default), and failed
// attempts (no connection, timeout, HTTP 5xx, 408, 429) are retried with
// exponential back-off (WithRetries, 3 attempts by default), always within
// the caller's context. POSTs are retried too: publishing the same contracts
// or results again is harmless (the broker keeps the latest). A failure is an
// *Error that quotes what the broker answered: its status and the start of
// its body.
//
// Links in the broker's answers are followed against the client's base URL:
// an absolute link keeps its path and query but takes the base URL's scheme
// and host, as the reference client does, so that a broker which advertises
// an internal host name still works behind a proxy (KeepLinkHosts turns this
// off).
package broker
