package engine

import (
	"testing"
	"unsafe"
)

// TestPrefetch runs prefetch on spans of every size around a cache line:
// it must return (its loop ends) and change nothing.
func TestPrefetch(t *testing.T) {
	buf := make([]byte, 4096)
	for i := range buf {
		buf[i] = byte(i)
	}
	for _, off := range []int{0, 1, 63, 64, 100} {
		for _, n := range []uintptr{1, 7, 8, 63, 64, 65, 127, 128, 168, 1000} {
			prefetch(unsafe.Pointer(&buf[off]), n)
		}
	}
	for i := range buf {
		if buf[i] != byte(i) {
			t.Fatalf("byte %d changed", i)
		}
	}
}
