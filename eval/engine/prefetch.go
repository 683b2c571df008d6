//go:build amd64 || arm64

package engine

import "unsafe"

// prefetch asks the processor to bring the n bytes at p (n ≥ 1) into its
// cache, without waiting for them: a hint, which changes no result.
// evaluate and checkFamilies prefetch the state of the lines a few lines
// ahead, so that their cache misses overlap the work on the current line
// (a plain read would wait for the memory). Go has no prefetch built in,
// hence this function in assembly; it costs a call, so a struct spanning
// several cache lines is prefetched in one call.
//
//go:noescape
func prefetch(p unsafe.Pointer, n uintptr)
