package model

import "testing"

func TestInteractionMessageParts(t *testing.T) {
	tests := []struct {
		typ       InteractionType
		wantParts bool // NewInteraction creates the message parts
	}{
		{HTTP, false},
		{AsyncMessage, true},
		{SyncMessage, true},
	}
	for _, tt := range tests {
		i := NewInteraction(tt.typ, "d")
		if got := i.Messages != nil; got != tt.wantParts {
			t.Errorf("NewInteraction(%s).Messages != nil is %v; want %v", tt.typ, got, tt.wantParts)
		}
		if c := i.Clone(); (c.Messages != nil) != tt.wantParts || tt.wantParts && c.Messages == i.Messages {
			t.Errorf("%s: Clone gives Messages %p for %p; want a copy, or nil for nil", tt.typ, c.Messages, i.Messages)
		}
		// Reading does not create the parts; MessageParts does, once.
		if empty := i.MessagePartsOrEmpty(); empty == nil || (i.Messages == nil) == tt.wantParts {
			t.Errorf("%s: MessagePartsOrEmpty = %v, Messages = %v", tt.typ, empty, i.Messages)
		}
		p := i.MessageParts()
		p.Message.Metadata = map[string]any{"k": "v"}
		if i.Messages != p || i.MessageParts() != p || i.MessagePartsOrEmpty() != p {
			t.Errorf("%s: MessageParts does not keep the parts it creates", tt.typ)
		}
	}
}
