// Package pack renders the briefing pack.
package pack
