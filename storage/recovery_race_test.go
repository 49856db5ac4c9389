package storage

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"parley/app/sample"
)

// TestRecoveryCopyInFlightDoesNotOutliveDiscard: a recovery copy noted
// before a save discards the copies (the window's timer cloned the meeting
// and the write is still under way on another goroutine) never lands
// after the discard; one noted after it does.
func TestRecoveryCopyInFlightDoesNotOutliveDiscard(t *testing.T) {
	dir := t.TempDir()
	rec := NewRecovery(filepath.Join(dir, "recovery"))
	a := filepath.Join(dir, "meeting.parley")
	m := sample.Sample()
	base := FingerprintData([]byte("on disk"), time.Now())
	for i := range 40 {
		p := rec.Pending(a)
		done := make(chan error, 1)
		go func() { done <- p.Write(m.Clone(), base) }()
		if err := rec.Discard(a); err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if _, ok := rec.Find(a); ok {
			t.Fatalf("round %d: a copy begun before the discard landed after it", i)
		}
	}
	if err := rec.Pending(a).Write(m, base); err != nil {
		t.Fatal(err)
	}
	if _, ok := rec.Find(a); !ok {
		t.Fatal("a copy begun after the discard was not written")
	}
}

// TestRecoveryWritesAndDiscardsConcurrently: many copies written and
// discarded at once, of two documents (run with -race): every discard
// leaves no copy behind that was noted before it.
func TestRecoveryWritesAndDiscardsConcurrently(t *testing.T) {
	dir := t.TempDir()
	rec := NewRecovery(filepath.Join(dir, "recovery"))
	docs := []string{filepath.Join(dir, "a.parley"), filepath.Join(dir, "b.parley")}
	m := sample.Sample()
	var wg sync.WaitGroup
	for _, d := range docs {
		for range 8 {
			wg.Go(func() {
				for range 5 {
					p := rec.Pending(d)
					if err := p.Write(m.Clone(), Fingerprint{}); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Go(func() {
			for range 10 {
				if err := rec.Discard(d); err != nil {
					t.Error(err)
				}
			}
		})
	}
	// A copy noted now, then the final discards: nothing may be left.
	pending := []*PendingCopy{rec.Pending(docs[0]), rec.Pending(docs[1])}
	wg.Wait()
	for _, d := range docs {
		if err := rec.Discard(d); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range pending {
		if err := p.Write(m, Fingerprint{}); err != nil {
			t.Fatal(err)
		}
	}
	if list, err := rec.List(); err != nil || len(list) != 0 {
		t.Fatalf("copies left after the last discard: %v %v", list, err)
	}
}
