package integration

import (
	"os"
	"strings"
	"testing"
)

func TestProcessXMLGolden(t *testing.T) {
	runGolden(t, "xml", ".json", ProcessXML)
}

// TestProcessXMLReference checks the two builder documents of pact_ffi's own
// tests (tests.rs, http_xml_consumer_feature_test and the examples-and-content
// test) give the documents and rule paths pact_ffi gives.
func TestProcessXMLReference(t *testing.T) {
	tests := []struct {
		file  string
		want  string
		rules []string
	}{
		{"namespaces_examples", "<?xml version='1.0'?><ns1:projects id='1234' xmlns:ns1='http://some.namespace/and/more/stuff'><ns1:project id='1' name='Project 1' type='activity'><ns1:tasks><ns1:task done='true' id='1' name='Task 1'/><ns1:task done='true' id='1' name='Task 1'/><ns1:task done='true' id='1' name='Task 1'/><ns1:task done='true' id='1' name='Task 1'/><ns1:task done='true' id='1' name='Task 1'/></ns1:tasks></ns1:project><ns1:project id='1' name='Project 1' type='activity'><ns1:tasks><ns1:task done='true' id='1' name='Task 1'/><ns1:task done='true' id='1' name='Task 1'/><ns1:task done='true' id='1' name='Task 1'/><ns1:task done='true' id='1' name='Task 1'/><ns1:task done='true' id='1' name='Task 1'/></ns1:tasks></ns1:project></ns1:projects>",
			[]string{"$.ns1:projects.ns1:project", "$.ns1:projects.ns1:project.ns1:tasks.ns1:task",
				"$.ns1:projects.ns1:project.ns1:tasks.ns1:task['@done']", "$.ns1:projects.ns1:project.ns1:tasks.ns1:task['@id']",
				"$.ns1:projects.ns1:project.ns1:tasks.ns1:task['@name']", "$.ns1:projects.ns1:project['@id']",
				"$.ns1:projects.ns1:project['@name']"}},
		{"examples_and_content", "<?xml version='1.0'?><items><item><name>Item 1</name><price>10</price></item><item><name>Item 1</name><price>10</price></item><item><name>Item 1</name><price>10</price></item>Item list</items>",
			[]string{"$.items.item", "$.items.item.name.#text", "$.items.item.price.#text"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in, err := os.ReadFile("testdata/xml/" + tt.file + ".json")
			if err != nil {
				t.Fatal(err)
			}
			doc, rules, _, err := ProcessXML(in)
			if err != nil {
				t.Fatal(err)
			}
			if string(doc) != tt.want {
				t.Errorf("got  %s\nwant %s", doc, tt.want)
			}
			if rules.Len() != len(tt.rules) {
				t.Errorf("%d rule paths, want %d: %v", rules.Len(), len(tt.rules), rules)
			}
			for _, p := range tt.rules {
				if rules.Get(p) == nil {
					t.Errorf("no rules at %s", p)
				}
			}
		})
	}
}

func TestProcessXMLErrors(t *testing.T) {
	for in, want := range map[string]string{
		`[]`:                         "must be a JSON object",
		`{"root": "a"}`:              "has no root element",
		`{}`:                         "has no root element",
		`{"root": {"content": "x"}}`: "the root must be an element",
		`{"root": {"name": "a", "children": [1]}}`:                                                                                "child 0 must be an object",
		`{"root": {"name": "a", "children": {}}}`:                                                                                 "'children' must be an array",
		`{"root": {"name": "a", "children": [{"x": 1}]}}`:                                                                         "XML child must be an element",
		`{"root": {"name": "a", "children": [{"pact:matcher:type": "type", "value": "x"}]}}`:                                      "needs a 'value' that is an element",
		`{"root": {"name": "a", "children": [{"pact:matcher:type": "regex", "value": {"name": "b"}}]}}`:                           "$.a.b: regex matcher is missing",
		`{"root": {"name": "a", "children": [{"name": "b", "examples": -1}]}}`:                                                    "'examples' must be a whole number",
		`{"root": {"name": "a", "children": [{"name": "b", "examples": 10000, "children": [{"name": "c", "examples": 10000}]}]}}`: "more than 1000000 nodes",
		`{"root": {"name": ""}}`: "non-empty 'name'",
	} {
		_, _, _, err := ProcessXML([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ProcessXML(%s) error = %v, want %q", in, err, want)
		}
	}
}
