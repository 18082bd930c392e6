package verifier

import "testing"

func TestAfterNotice(t *testing.T) {
	tests := []struct {
		publish, failed, pending bool
		want                     string
	}{
		{true, false, false, "after_verification:success_true_published_true"},
		{true, true, false, "after_verification:success_false_published_true"},
		{true, false, true, "after_verification:success_false_published_true"},
		{false, true, false, "after_verification:success_false_published_false"},
		{false, false, false, "after_verification:success_false_published_false"},
		{false, false, true, "after_verification:success_true_published_false"},
	}
	for _, tt := range tests {
		if got := afterNotice(tt.publish, tt.failed, tt.pending); got != tt.want {
			t.Errorf("afterNotice(%v, %v, %v) = %s, want %s", tt.publish, tt.failed, tt.pending, got, tt.want)
		}
	}
}
