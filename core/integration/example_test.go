package integration_test

import (
	"fmt"

	"github.com/libpact/libpact/core/integration"
)

func ExampleProcessJSON() {
	body := `{"id":{"pact:matcher:type":"integer","value":1},` +
		`"tags":{"pact:matcher:type":"type","min":1,"value":["a"]}}`
	ex, rules, _, err := integration.ProcessJSON([]byte(body))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(ex))
	fmt.Println(rules.Get("$.id").Rules[0].ToJSON()["match"], rules.Get("$.tags").Rules[0].Min)
	// Output:
	// {"id":1,"tags":["a"]}
	// integer 1
}

func ExampleParseDefinition() {
	d, err := integration.ParseDefinition(`matching(regex, '\d+', fromProviderState('${id}', '100'))`)
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Value, d.ValueType, d.Rules[0].Regex, d.Generator.Type, d.Generator.Attrs["expression"])
	// Output: 100 String \d+ ProviderState ${id}
}

func ExampleProcessValue() {
	ex, rules, _, err := integration.ProcessValue(`{"value":"/path/to/100","pact:matcher:type":"regex","regex":"\\/path\\/to\\/\\d+"}`)
	if err != nil {
		panic(err)
	}
	fmt.Println(ex, rules[0].Regex)
	// Output: /path/to/100 \/path\/to\/\d+
}

func ExampleProcessForm() {
	form, _, _, err := integration.ProcessForm([]byte(`{"id":{"pact:matcher:type":"integer","value":1},"tag":["a b","c"]}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(form))
	// Output: id=1&tag=a+b&tag=c
}
