// Package lsp is the language server of .garantie contracts: what an
// editor shows while an actuary types. It speaks the Language Server
// Protocol (3.17, positions in UTF-16 code units) over a stream and
// computes nothing of its own: every answer comes from the static
// pipeline of `garantie check` (dsl/parser, dsl/check, dsl/lint), the
// canonical printer (dsl/format) and the reference data (regles).
//
// It publishes diagnostics as the document changes (debounced), with the
// codes, ranges and suggested edits of `garantie check`; answers hover on
// postes, keywords and PMSS amounts, completion in context, formatting,
// quick fixes from the suggested edits, go to definition from a rule to
// the ancestor rules and poste declarations that shape it (and from
// "forfait NAME" to its enveloppe), and the document's outline.
//
// The protocol types and dispatch come from github.com/tliron/glsp, the
// framing and connection from github.com/sourcegraph/jsonrpc2 (the
// transport glsp itself uses); Serve runs them on any stream, so the
// tests drive a server in-process over a pipe. A panic while answering is
// turned into an error answer: no input, however half-typed, ends the
// server.
package lsp
