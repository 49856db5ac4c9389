package app

import (
	"math/rand"
	"slices"
	"testing"
)

func TestPosBetween(t *testing.T) {
	cases := []struct{ a, b string }{
		{"", ""}, {"", "V"}, {"V", ""}, {"1", "2"}, {"1", "11"}, {"z", ""}, {"zz", ""},
		{"", "1"}, {"", "01"}, {"49", "5"}, {"V", "V1"}, {"Vz", "W"},
	}
	for _, c := range cases {
		m := PosBetween(c.a, c.b)
		if !ValidPos(m) || m <= c.a || (c.b != "" && m >= c.b) {
			t.Errorf("PosBetween(%q, %q) = %q, not strictly between", c.a, c.b, m)
		}
	}
}

func TestPosRandomInsertsKeepOrder(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	keys := []string{}
	for i := 0; i < 2000; i++ {
		at := r.Intn(len(keys) + 1)
		a, b := "", ""
		if at > 0 {
			a = keys[at-1]
		}
		if at < len(keys) {
			b = keys[at]
		}
		k := PosBetween(a, b)
		keys = slices.Insert(keys, at, k)
	}
	if !slices.IsSorted(keys) {
		t.Fatal("keys out of order")
	}
	for i := 1; i < len(keys); i++ {
		if keys[i] == keys[i-1] {
			t.Fatalf("duplicate key %q", keys[i])
		}
	}
}

func TestPosSequence(t *testing.T) {
	for _, n := range []int{1, 2, 61, 62, 63, 500, 5000} {
		ks := PosSequence(n)
		if len(ks) != n {
			t.Fatalf("n=%d: got %d keys", n, len(ks))
		}
		for i, k := range ks {
			if !ValidPos(k) {
				t.Fatalf("n=%d: key %d %q invalid", n, i, k)
			}
			if i > 0 && ks[i-1] >= k {
				t.Fatalf("n=%d: keys %q, %q out of order", n, ks[i-1], k)
			}
		}
	}
}

func TestPosBetweenPanicsOnDisorder(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for reversed keys")
		}
	}()
	PosBetween("b", "a")
}
