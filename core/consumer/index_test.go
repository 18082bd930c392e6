package consumer

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestDescriptionIndex drives NewInteraction and UponReceiving at random and
// checks every result against the linear search the index replaces: a new
// interaction replaces the first one with its description.
func TestDescriptionIndex(t *testing.T) {
	descs := []string{"a", "b", "c", "d", ""}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		b := New("c", "p")
		var want []string // descriptions, by position
		for step := range 60 {
			d := descs[r.IntN(len(descs))]
			if len(want) > 0 && r.IntN(3) == 0 {
				n := 1 + r.IntN(len(want))
				i, err := b.Interaction(n)
				if err != nil {
					t.Fatal(err)
				}
				if err := i.UponReceiving(d); err != nil {
					t.Fatal(err)
				}
				want[n-1] = d
			} else {
				wantN := 0
				for k, w := range want {
					if w == d {
						wantN = k + 1
						break
					}
				}
				if wantN == 0 {
					want = append(want, d)
					wantN = len(want)
				}
				n, err := b.NewInteraction(model.HTTP, d)
				if err != nil {
					t.Fatal(err)
				}
				if n != wantN {
					t.Fatalf("round %d step %d: NewInteraction(%q) = %d, want %d (descriptions %q)", round, step, d, n, wantN, want)
				}
			}
			if len(b.Pact.Interactions) != len(want) {
				t.Fatalf("round %d step %d: %d interactions, want %d", round, step, len(b.Pact.Interactions), len(want))
			}
			for k, i := range b.Pact.Interactions {
				if i.Description != want[k] {
					t.Fatalf("round %d step %d: interaction %d is %q, want %q", round, step, k+1, i.Description, want[k])
				}
			}
		}
	}
}

// TestDescriptionIndexOutsideChanges: interactions appended to the pact
// without the builder are still found.
func TestDescriptionIndexOutsideChanges(t *testing.T) {
	b := New("c", "p")
	if _, err := b.NewInteraction(model.HTTP, "one"); err != nil {
		t.Fatal(err)
	}
	b.Pact.AddInteraction(model.HTTP, "two")
	n, err := b.NewInteraction(model.AsyncMessage, "two")
	if err != nil || n != 2 || len(b.Pact.Interactions) != 2 || b.Pact.Interactions[1].Type != model.AsyncMessage {
		t.Fatalf("NewInteraction(two) = %d, %v; %d interactions", n, err, len(b.Pact.Interactions))
	}
	// Renaming an interaction that is no longer in the pact leaves the pact as it is.
	old, _ := b.Interaction(1)
	if _, err := b.NewInteraction(model.HTTP, "one"); err != nil {
		t.Fatal(err)
	}
	if err := old.UponReceiving("two"); err != nil {
		t.Fatal(err)
	}
	if n, _ := b.NewInteraction(model.HTTP, "one"); n != 1 {
		t.Fatalf("NewInteraction(one) = %d, want 1", n)
	}
}

// TestInteractionHandles checks that the handles Interaction gives out, which
// come from blocks of handlesAtOnce, each stay with their interaction while
// later ones are given out.
func TestInteractionHandles(t *testing.T) {
	b := New("web", "api")
	const n = 3*handlesAtOnce + 5
	var hs []*Interaction
	for k := range n {
		idx, err := b.NewInteraction(model.HTTP, fmt.Sprintf("request %d", k))
		must(t, err)
		h, err := b.Interaction(idx)
		must(t, err)
		if again, _ := b.Interaction(idx); again != h {
			t.Fatalf("interaction %d: a second handle %p for the same interaction, want %p", idx, again, h)
		}
		hs = append(hs, h)
	}
	for k, h := range hs {
		if h.I != b.Pact.Interactions[k] || h.Builder() != b {
			t.Fatalf("handle %d is for %q", k, h.I.Description)
		}
		must(t, h.Given(fmt.Sprintf("state %d", k)))
	}
	for k, i := range b.Pact.Interactions {
		if len(i.ProviderStates) != 1 || i.ProviderStates[0].Name != fmt.Sprintf("state %d", k) {
			t.Fatalf("interaction %d has states %+v", k, i.ProviderStates)
		}
	}
}
