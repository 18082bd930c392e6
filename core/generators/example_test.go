package generators_test

import (
	"fmt"

	"github.com/libpact/libpact/core/generators"
	"github.com/libpact/libpact/core/model"
)

func ExampleGenerate() {
	g := model.Generator{Type: "ProviderState", Attrs: map[string]any{"expression": "/orders/${id}"}}
	ctx := generators.Context{"providerState": map[string]any{"id": 1000}}
	v, applied, err := generators.Generate(g, "/orders/1", generators.Provider, ctx)
	fmt.Println(v, applied, err)
	// In the consumer the generator does not run.
	v, applied, err = generators.Generate(g, "/orders/1", generators.Consumer, ctx)
	fmt.Println(v, applied, err)
	// Output:
	// /orders/1000 true <nil>
	// /orders/1 false <nil>
}

func ExampleApplyBody() {
	b := model.PresentBody([]byte(`{"items":[{"id":1},{"id":2}],"next":"http://localhost:1234/page/2"}`), "application/json")
	gens := map[string]model.Generator{
		"$.items[*].id": {Type: "RandomInt", Attrs: map[string]any{"min": 7, "max": 7}},
		"$.next":        {Type: "MockServerURL", Attrs: map[string]any{"example": "http://localhost:1234/page/2", "regex": `.*(/page/\d+)$`}},
	}
	ctx := generators.Context{"mockServer": map[string]any{"url": "http://127.0.0.1:40123", "port": 40123}}
	out, err := generators.ApplyBody(b, "", gens, generators.Consumer, ctx)
	fmt.Println(out.String(), err)
	// Output:
	// {"items":[{"id":7},{"id":7}],"next":"http://127.0.0.1:40123/page/2"} <nil>
}
