package model

// This file holds deep copies of the model, which the mock server needs so
// that a running server is not affected by later changes to the pact it was
// started with (spec-checklist §7 M10).

// Clone returns a deep copy of the pact: no slice, map or body of the copy is
// shared with p. Values of type any (metadata, rule attributes) are copied
// when they are JSON-shaped (map[string]any, []any); other values are shared.
//
//	c := p.Clone()
//	c.Interactions[0].Description = "changed" // p is unchanged
func (p *Pact) Clone() *Pact {
	if p == nil {
		return nil
	}
	c := *p
	c.Metadata = cloneMap(p.Metadata)
	if p.Interactions != nil {
		c.Interactions = make([]*Interaction, len(p.Interactions))
		for n, i := range p.Interactions {
			c.Interactions[n] = i.Clone()
		}
	}
	return &c
}

// Clone returns a deep copy of the interaction.
func (i *Interaction) Clone() *Interaction {
	if i == nil {
		return nil
	}
	c := *i
	if i.ProviderStates != nil {
		c.ProviderStates = make([]ProviderState, len(i.ProviderStates))
		for n, s := range i.ProviderStates {
			c.ProviderStates[n] = ProviderState{Name: s.Name, Params: cloneMap(s.Params)}
		}
	}
	c.Comments = cloneMap(i.Comments)
	c.PluginConfig = cloneMap(i.PluginConfig)
	c.InteractionMarkup = cloneMap(i.InteractionMarkup)
	c.Request = i.Request.Clone()
	c.Response = i.Response.Clone()
	if m := i.Messages; m != nil {
		cm := &MessageParts{Message: m.Message.Clone(), Request: m.Request.Clone()}
		if m.Responses != nil {
			cm.Responses = make([]MessageContents, len(m.Responses))
			for n, r := range m.Responses {
				cm.Responses[n] = r.Clone()
			}
		}
		c.Messages = cm
	}
	return &c
}

// Clone returns a deep copy of the request.
func (r Request) Clone() Request {
	c := r
	c.Query = r.Query.Clone()
	if r.QueryNoValue != nil {
		c.QueryNoValue = make(map[string]bool, len(r.QueryNoValue))
		for k, v := range r.QueryNoValue {
			c.QueryNoValue[k] = v
		}
	}
	c.Headers = r.Headers.Clone()
	c.Body = r.Body.Clone()
	c.MatchingRules = r.MatchingRules.Clone()
	c.Generators = r.Generators.Clone()
	return c
}

// Clone returns a deep copy of the response.
func (r Response) Clone() Response {
	c := r
	c.Headers = r.Headers.Clone()
	c.Body = r.Body.Clone()
	c.MatchingRules = r.MatchingRules.Clone()
	c.Generators = r.Generators.Clone()
	return c
}

// Clone returns a deep copy of the message contents.
func (m MessageContents) Clone() MessageContents {
	c := m
	c.Contents = m.Contents.Clone()
	c.Metadata = cloneMap(m.Metadata)
	c.MatchingRules = m.MatchingRules.Clone()
	c.Generators = m.Generators.Clone()
	return c
}

// Clone returns a copy of the body with its own content bytes.
func (b Body) Clone() Body {
	if b.Content != nil {
		b.Content = append([]byte(nil), b.Content...)
	}
	return b
}

// Clone returns a deep copy of the matching rules.
func (m MatchingRules) Clone() MatchingRules {
	if m == nil {
		return nil
	}
	c := make(MatchingRules, len(m))
	for n := range m {
		c[n] = CategoryRules{Category: m[n].Category, Paths: m[n].Paths.Clone()}
	}
	return c
}

// Clone returns a deep copy of the path rules.
func (p *PathRules) Clone() PathRules {
	if p.list == nil {
		return PathRules{}
	}
	c := PathRules{list: make([]PathRule, len(p.list))}
	for n, e := range p.list {
		c.list[n] = PathRule{Path: e.Path, RuleList: RuleList{Rules: cloneRules(e.Rules), Combine: e.Combine}}
	}
	if len(c.list) >= indexFrom {
		c.buildIndex()
	}
	return c
}

// Clone returns a deep copy of the generators.
func (g Generators) Clone() Generators {
	if g == nil {
		return nil
	}
	c := make(Generators, len(g))
	for cat, paths := range g {
		cp := make(map[string]Generator, len(paths))
		for path, gen := range paths {
			cp[path] = gen.Clone()
		}
		c[cat] = cp
	}
	return c
}

// Clone returns a deep copy of the generator.
func (g Generator) Clone() Generator {
	return Generator{Type: g.Type, Attrs: cloneMap(g.Attrs)}
}

// Clone returns a deep copy of the rule.
func (r Rule) Clone() Rule {
	if r.rare == nil {
		return r
	}
	a := *r.rare
	a.value = cloneAny(a.value)
	a.status = cloneAny(a.status)
	a.attrs = cloneMap(a.attrs)
	a.rules = cloneRules(a.rules)
	if a.generator != nil {
		g := a.generator.Clone()
		a.generator = &g
	}
	if a.variants != nil {
		vs := make([]Variant, len(a.variants))
		for n, v := range a.variants {
			cv := Variant{Index: v.Index, Rules: v.Rules.Clone()}
			if v.Generators != nil {
				cv.Generators = make(map[string]Generator, len(v.Generators))
				for path, g := range v.Generators {
					cv.Generators[path] = g.Clone()
				}
			}
			vs[n] = cv
		}
		a.variants = vs
	}
	c := r
	c.rare = &a
	return c
}

func cloneRules(rs []Rule) []Rule {
	if rs == nil {
		return nil
	}
	c := make([]Rule, len(rs))
	for n, r := range rs {
		c[n] = r.Clone()
	}
	return c
}

func cloneMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	c := make(map[string]any, len(m))
	for k, v := range m {
		c[k] = cloneAny(v)
	}
	return c
}

func cloneAny(v any) any {
	switch t := v.(type) {
	case map[string]any:
		return cloneMap(t)
	case []any:
		c := make([]any, len(t))
		for n, e := range t {
			c[n] = cloneAny(e)
		}
		return c
	case []string:
		return append([]string(nil), t...)
	case []int:
		return append([]int(nil), t...)
	}
	return v
}
