package consumer_test

import (
	"fmt"

	"github.com/libpact/libpact/core/consumer"
	"github.com/libpact/libpact/core/model"
)

func Example() {
	b := consumer.New("web", "users-api")
	n, _ := b.NewInteraction(model.HTTP, "a request for user 1")
	i, _ := b.Interaction(n)
	i.Given("user 1 exists")
	i.WithRequest("GET", `{"value": "/users/1", "pact:matcher:type": "regex", "regex": "/users/\\d+"}`)
	i.ResponseStatus(200)
	i.WithBody(consumer.Response, "", `{"id": {"pact:matcher:type": "integer", "value": 1}}`)

	r := b.Pact.Interactions[0]
	fmt.Println(r.Request.Method, r.Request.Path)
	fmt.Println(r.Response.Headers.First("Content-Type"), r.Response.Body.String())
	fmt.Println(r.Response.MatchingRules.Get(model.CategoryBody, "$.id").Rules[0].Kind == model.Integer)
	// Output:
	// GET /users/1
	// application/json {"id":1}
	// true
}
