package scenario

import "garantie/eval/claims"

// drawKey is what decides whether c moves, besides the seed and the
// beneficiary: the line id.
func drawKey(c *claims.Claim) string { return c.ID }
