package broker_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/tidwall/gjson"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/broker/brokertest"
)

// A consumer publishes its pacts; the provider asks for the pacts of its
// consumers' main branches, verifies them and publishes the results.
func Example() {
	b := brokertest.New(brokertest.WithToken("t0k3n"))
	defer b.Close()
	ctx := context.Background()
	c := broker.New(b.URL, broker.TokenAuth("t0k3n"))

	_, err := c.PublishContracts(ctx, broker.PublishRequest{
		ConsumerVersion: "1.0.0", Branch: "main", Pacts: [][]byte{pactJSON("Web", "get the orders")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	pacts, err := c.PactsForVerification(ctx, broker.Selection{
		Provider:                 "Orders",
		ConsumerVersionSelectors: []map[string]any{{"mainBranch": true}},
		ProviderVersionBranch:    "main",
		IncludePendingStatus:     true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range pacts {
		fmt.Printf("%s, pending %v\n", p.ShortDescription, p.Pending)
		id := gjson.GetBytes(p.Pact, "interactions.0._id").String()
		err := c.PublishVerificationResults(ctx, p.PublishResultsURL, broker.Result{
			Success: true, ProviderApplicationVersion: "2.0.0", ProviderBranch: "main",
			Provider: "Orders", PactLinks: p.Links,
			TestResults: []broker.TestResult{{InteractionID: id, Success: true}},
		})
		if err != nil {
			fmt.Println(err)
		}
	}
	for _, r := range b.Results() {
		fmt.Printf("%s verified %s's pact: success %v\n", r.ProviderVersion, r.Consumer, r.Success)
	}

	pacts, _ = c.PactsForVerification(ctx, broker.Selection{
		Provider: "Orders", ConsumerVersionSelectors: []map[string]any{{"mainBranch": true}},
		ProviderVersionBranch: "main", IncludePendingStatus: true,
	})
	fmt.Printf("afterwards pending %v\n", pacts[0].Pending)

	_, err = broker.New(b.URL, broker.TokenAuth("wrong")).PactsForVerification(ctx, broker.Selection{Provider: "Orders"})
	var be *broker.Error
	if errors.As(err, &be) {
		fmt.Println(be.StatusCode, be.Body)
	}
	// Output:
	// latest version of Web from its main branch, pending true
	// 2.0.0 verified Web's pact: success true
	// afterwards pending false
	// 401 {"error":"Unauthorized: missing or wrong credentials"}
}
