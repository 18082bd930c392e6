package model

import (
	"slices"
	"strings"
)

// Field is one header, query parameter or similar named list of values: its
// name as written and its values in order.
//
//	f := model.Field{Name: "Accept", Values: []string{"text/html", "*/*"}}
type Field struct {
	Name   string
	Values []string
}

// Headers is a list of headers in the order they were added, each with its
// name as written and its values in order. A list holds at most one field of
// each exact name (Put and Set replace); names that differ only in case may
// both be present, as they could be in the map this type replaced. Look
// names up with Get, which ignores case.
//
// A short slice costs a fraction of a map (one field is 40 B against a map's
// 8-slot group), and the model holds two of them per interaction.
//
//	h := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
//	h.Set("content-type", "text/plain") // replaces the values, keeps "Content-Type"
type Headers []Field

// Get returns the values of the header whose name equals name ignoring case,
// and whether there is one. A header of exactly that name wins over one that
// differs in case; among those, the first added wins.
//
//	h := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
//	v, ok := h.Get("content-type") // ["application/json"], true
func (h Headers) Get(name string) ([]string, bool) {
	found := -1
	for n := range h {
		if h[n].Name == name {
			return h[n].Values, true
		}
		if found < 0 && strings.EqualFold(h[n].Name, name) {
			found = n
		}
	}
	if found < 0 {
		return nil, false
	}
	return h[found].Values, true
}

// Exact returns the values of the header named exactly name (case
// matters), and whether there is one.
//
//	h := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
//	_, ok := h.Exact("content-type") // false
func (h Headers) Exact(name string) ([]string, bool) {
	return fieldsExact(h, name)
}

// Values returns the values of the header named exactly name, or nil, as
// indexing the map this type replaced did.
//
//	h := model.Headers{{Name: "X-Id", Values: []string{"1"}}}
//	h.Values("X-Id") // ["1"]
func (h Headers) Values(name string) []string {
	v, _ := fieldsExact(h, name)
	return v
}

// First returns the first value of the header name (ignoring case), or "".
//
//	h := model.Headers{{Name: "Accept", Values: []string{"text/html", "*/*"}}}
//	h.First("accept") // "text/html"
func (h Headers) First(name string) string {
	v, _ := h.Get(name)
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// Set replaces the values of the header name, keeping the spelling of an
// existing header with the same name ignoring case (the one Get finds), or
// adds the header at the end.
//
//	var h model.Headers
//	h.Set("X-A", "1")
//	h.Set("x-a", "2") // h is [{X-A [2]}]
func (h *Headers) Set(name string, values ...string) {
	found := -1
	for n := range *h {
		if (*h)[n].Name == name {
			found = n
			break
		}
		if found < 0 && strings.EqualFold((*h)[n].Name, name) {
			found = n
		}
	}
	if found >= 0 {
		(*h)[found].Values = values
		return
	}
	*h = append(*h, Field{Name: name, Values: values})
}

// Put replaces the values of the header named exactly name, or adds the
// header at the end; unlike Set it does not look at names that differ in
// case.
//
//	h := model.Headers{{Name: "X-A", Values: []string{"1"}}}
//	h.Put("x-a", []string{"2"}) // h is [{X-A [1]} {x-a [2]}]
func (h *Headers) Put(name string, values []string) {
	*h = Headers(fieldsPut(*h, name, values))
}

// Add appends value to the values of the header named exactly name, adding
// the header at the end if there is none.
//
//	var h model.Headers
//	h.Add("Accept", "text/html")
//	h.Add("Accept", "*/*") // h is [{Accept [text/html */*]}]
func (h *Headers) Add(name, value string) {
	*h = Headers(fieldsAdd(*h, name, value))
}

// Delete removes every header whose name equals name ignoring case.
//
//	h := model.Headers{{Name: "X-A"}, {Name: "x-a"}, {Name: "X-B"}}
//	h.Delete("X-A") // h is [{X-B []}]
func (h *Headers) Delete(name string) {
	*h = slices.DeleteFunc(*h, func(f Field) bool { return strings.EqualFold(f.Name, name) })
}

// Names returns the names of the headers as written, sorted.
//
//	h := model.Headers{{Name: "b"}, {Name: "A"}}
//	h.Names() // ["A", "b"]
func (h Headers) Names() []string { return fieldsNames(h) }

// Sort sorts the headers by name as written (byte order) in place, keeping
// the order of equal names.
//
//	h := model.Headers{{Name: "b"}, {Name: "A"}}
//	h.Sort() // h is [{A []} {b []}]
func (h Headers) Sort() { fieldsSort(h) }

// Sorted returns the headers sorted by name as written (byte order): h
// itself when it is already sorted, else a sorted copy that shares the
// values with h.
//
//	h := model.Headers{{Name: "b"}, {Name: "A"}}
//	h.Sorted() // [{A []} {b []}]
func (h Headers) Sorted() Headers { return fieldsSorted(h) }

// Clone returns a deep copy of the headers: the copy shares no values with h.
// A nil list stays nil.
func (h Headers) Clone() Headers { return fieldsClone(h) }

// Query is the query of a request as a list of parameters in the order they
// were added, each with its values in order. Names are compared exactly (a
// query parameter's name is case-sensitive), and a list holds at most one
// field of each name.
//
//	q := model.Query{{Name: "a", Values: []string{"1", "2"}}}
//	v, ok := q.Get("a") // ["1", "2"], true
type Query []Field

// Get returns the values of the parameter name and whether there is one.
//
//	q := model.Query{{Name: "a", Values: []string{"1"}}}
//	_, ok := q.Get("A") // false
func (q Query) Get(name string) ([]string, bool) { return fieldsExact(q, name) }

// Values returns the values of the parameter name, or nil.
//
//	q := model.Query{{Name: "a", Values: []string{"1"}}}
//	q.Values("a") // ["1"]
func (q Query) Values(name string) []string {
	v, _ := fieldsExact(q, name)
	return v
}

// Set replaces the values of the parameter name, or adds it at the end.
//
//	var q model.Query
//	q.Set("a", []string{"1"})
//	q.Set("a", []string{"2"}) // q is [{a [2]}]
func (q *Query) Set(name string, values []string) { *q = Query(fieldsPut(*q, name, values)) }

// Add appends value to the values of the parameter name, adding the
// parameter at the end if there is none.
//
//	var q model.Query
//	q.Add("a", "1")
//	q.Add("a", "2") // q is [{a [1 2]}]
func (q *Query) Add(name, value string) { *q = Query(fieldsAdd(*q, name, value)) }

// Names returns the names of the parameters, sorted.
//
//	q := model.Query{{Name: "b"}, {Name: "a"}}
//	q.Names() // ["a", "b"]
func (q Query) Names() []string { return fieldsNames(q) }

// Sort sorts the parameters by name in place.
//
//	q := model.Query{{Name: "b"}, {Name: "a"}}
//	q.Sort() // q is [{a []} {b []}]
func (q Query) Sort() { fieldsSort(q) }

// Sorted returns the parameters sorted by name: q itself when it is already
// sorted, else a sorted copy that shares the values with q.
//
//	q := model.Query{{Name: "b"}, {Name: "a"}}
//	q.Sorted() // [{a []} {b []}]
func (q Query) Sorted() Query { return fieldsSorted(q) }

// Clone returns a deep copy of the query: the copy shares no values with q.
// A nil query stays nil.
func (q Query) Clone() Query { return fieldsClone(q) }

func fieldsExact[F ~[]Field](fs F, name string) ([]string, bool) {
	for n := range fs {
		if fs[n].Name == name {
			return fs[n].Values, true
		}
	}
	return nil, false
}

func fieldsPut[F ~[]Field](fs F, name string, values []string) F {
	for n := range fs {
		if fs[n].Name == name {
			fs[n].Values = values
			return fs
		}
	}
	return append(fs, Field{Name: name, Values: values})
}

func fieldsAdd[F ~[]Field](fs F, name, value string) F {
	for n := range fs {
		if fs[n].Name == name {
			fs[n].Values = append(fs[n].Values, value)
			return fs
		}
	}
	if cap(fs) == 0 {
		return F(oneField(name, value))
	}
	return append(fs, Field{Name: name, Values: []string{value}})
}

// oneField returns a list of one field with one value, the two in one
// allocation instead of two: most parts have one header, most queries one
// parameter. Each slice has capacity one, so appending a field or a value
// reallocates instead of writing past it.
//
//	oneField("Accept", "application/json") // [{Accept [application/json]}]
func oneField(name, value string) []Field {
	b := new(struct {
		fields [1]Field
		values [1]string
	})
	b.values[0] = value
	b.fields[0] = Field{Name: name, Values: b.values[:]}
	return b.fields[:]
}

func fieldsNames[F ~[]Field](fs F) []string {
	names := make([]string, len(fs))
	for n := range fs {
		names[n] = fs[n].Name
	}
	slices.Sort(names)
	return names
}

func byName(a, b Field) int { return strings.Compare(a.Name, b.Name) }

func fieldsSorted[F ~[]Field](fs F) F {
	if slices.IsSortedFunc(fs, byName) {
		return fs
	}
	c := slices.Clone(fs)
	fieldsSort(c)
	return c
}

// fieldsSort sorts by name, stably: by insertion for the handful of fields
// a request or a pact usually has.
func fieldsSort[F ~[]Field](fs F) {
	if len(fs) > 12 {
		slices.SortStableFunc(fs, byName)
		return
	}
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Name < fs[j-1].Name; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// fieldsClone copies the fields and all their values into two allocations;
// each copied Values has its capacity cut to its length, so an append to one
// never writes into the next.
func fieldsClone[F ~[]Field](fs F) F {
	if fs == nil {
		return nil
	}
	c := make(F, len(fs))
	total := 0
	for n := range fs {
		total += len(fs[n].Values)
	}
	var all []string
	if total > 0 {
		all = make([]string, 0, total)
	}
	for n, f := range fs {
		c[n].Name = f.Name
		if f.Values == nil {
			continue
		}
		start := len(all)
		all = append(all, f.Values...)
		c[n].Values = all[start:len(all):len(all)]
	}
	return c
}
