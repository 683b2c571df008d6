//go:build amd64 || arm64

package engine

import "unsafe"

// prefetch asks the processor to bring the memory at p into its cache,
// without waiting for it: a hint, which changes no result. evaluate
// prefetches the state of the lines a few lines ahead, so that their
// cache misses overlap the evaluation of the current line.
//
//go:noescape
func prefetch(p unsafe.Pointer)
