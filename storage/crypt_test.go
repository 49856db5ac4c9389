package storage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"parley/app"
	"parley/app/sample"
)

// Tests encrypt with a low work factor, to stay fast; the benchmarks use
// the real one.
func init() { workFactor = 10 }

// answers is a PassphraseSource that gives its answers in turn and counts
// the questions.
type answers struct {
	mu    sync.Mutex
	list  []string
	asked int
}

func (a *answers) Passphrase(path string, again bool) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.asked >= len(a.list) {
		return "", ErrNoPassphrase
	}
	a.asked++
	return a.list[a.asked-1], nil
}

func withSource(t *testing.T, list ...string) *answers {
	a := &answers{list: list}
	SetPassphraseSource(a)
	t.Cleanup(func() { SetPassphraseSource(nil) })
	return a
}

// secretPhrase is written into the test meeting; no file on disk may hold it.
const secretPhrase = "Kestrel-Ombudsman-7731"

func secretMeeting() *app.Meeting {
	m := sample.Sample()
	m.Details.Topic = "Dialogue " + secretPhrase
	return m
}

// saveEncrypted saves m encrypted with pass to a new file and forgets the
// passphrase, as a fresh process would.
func saveEncrypted(t *testing.T, m *app.Meeting, pass string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "secret.parley")
	if err := SetPassphrase(path, pass); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, m); err != nil {
		t.Fatal(err)
	}
	forget(path)
	return path
}

func forget(path string) {
	keyring.Lock()
	delete(keyring.pass, keyPath(path))
	keyring.Unlock()
}

func TestEncryptedRoundTrip(t *testing.T) {
	for _, pass := range []string{"correct horse", "mot de passe é 水島光一 이충면", "x"} {
		m := secretMeeting()
		path := saveEncrypted(t, m, pass)
		data, _ := os.ReadFile(path)
		if !IsEncrypted(data) || bytes.Contains(data, []byte(secretPhrase)) {
			t.Fatalf("%q: the file is not encrypted", pass)
		}
		// The passphrase typed in the other Unicode form opens it too.
		src := withSource(t, norm.NFD.String(pass))
		got, _, fp, err := LoadTracked(path)
		if err != nil {
			t.Fatalf("%q: %v", pass, err)
		}
		if got.Details.Topic != m.Details.Topic || src.asked != 1 {
			t.Fatalf("%q: topic %q, asked %d", pass, got.Details.Topic, src.asked)
		}
		got.Details.City = "Canberra " + secretPhrase
		fp2, err := SaveChecked(path, got, fp)
		if err != nil {
			t.Fatal(err)
		}
		if now, _ := FingerprintOf(path); !now.Same(fp2) {
			t.Fatal("the fingerprint returned is not the file's")
		}
		data, _ = os.ReadFile(path)
		if !IsEncrypted(data) || bytes.Contains(data, []byte(secretPhrase)) {
			t.Fatalf("%q: saved again unencrypted", pass)
		}
		forget(path)
		withSource(t, pass)
		if again, _, err := Load(path); err != nil || again.Details.City != got.Details.City {
			t.Fatalf("reopen: %v", err)
		}
	}
}

func TestEncryptedBadInput(t *testing.T) {
	path := saveEncrypted(t, secretMeeting(), "right one")
	orig, _ := os.ReadFile(path)
	hdrEnd := bytes.Index(orig, []byte("\n---")) + 40
	tamper := func(off int) []byte {
		b := bytes.Clone(orig)
		b[off] ^= 0x20
		return b
	}
	cases := []struct {
		name    string
		data    []byte
		answers []string
		kind    error
		asked   int
	}{
		{"wrong passphrase", orig, []string{"wrong", "Right one", "right one "}, ErrWrongPassphrase, 3},
		{"cancelled", orig, nil, ErrNoPassphrase, 0},
		{"empty passphrase", orig, []string{""}, ErrEmptyPassphrase, 1},
		{"truncated", orig[:len(orig)-100], []string{"right one"}, ErrDamaged, 1},
		{"truncated in the header", orig[:len(ageHeader)+30], []string{"right one"}, ErrDamaged, 1},
		{"payload altered", tamper(len(orig) - 50), []string{"right one"}, ErrDamaged, 1},
		{"header MAC altered", tamper(hdrEnd - 10), []string{"right one"}, ErrDamaged, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "m.parley")
			os.WriteFile(p, c.data, 0o644)
			src := withSource(t, c.answers...)
			_, _, err := Load(p)
			if !errors.Is(err, c.kind) {
				t.Fatalf("got %v, want kind %v", err, c.kind)
			}
			if !strings.HasPrefix(err.Error(), p+": ") {
				t.Errorf("the error does not name the file: %v", err)
			}
			if src.asked != c.asked {
				t.Errorf("asked %d times, want %d", src.asked, c.asked)
			}
			if now, _ := os.ReadFile(p); !bytes.Equal(now, c.data) {
				t.Error("the file changed")
			}
			// Nothing plain is saved over it either.
			if err := Save(p, sample.Sample()); !errors.Is(err, ErrNoPassphrase) {
				t.Errorf("a plain save over the encrypted file: %v", err)
			}
		})
	}
	if err := SetPassphrase("x.parley", ""); !errors.Is(err, ErrEmptyPassphrase) {
		t.Errorf("an empty passphrase was accepted: %v", err)
	}
	if _, err := Encrypt([]byte("{}"), ""); !errors.Is(err, ErrEmptyPassphrase) {
		t.Errorf("an empty passphrase was accepted: %v", err)
	}
}

func TestDecryptOnPurpose(t *testing.T) {
	path := saveEncrypted(t, secretMeeting(), "pw")
	withSource(t, "pw")
	m, _, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ClearPassphrase(path)
	if err := Save(path, m); err != nil {
		t.Fatal(err)
	}
	if IsEncryptedFile(path) {
		t.Fatal("still encrypted after ClearPassphrase")
	}
}

// TestNoPlaintextOnDisk: every file Parley writes for an encrypted meeting
// (the file, the temporary file of a save, the recovery copy and its
// record, the lock) is free of the meeting's text.
func TestNoPlaintextOnDisk(t *testing.T) {
	dir := t.TempDir()
	recDir := filepath.Join(dir, "recovery")
	path := filepath.Join(dir, "meeting.parley")
	m := secretMeeting()
	if err := SetPassphrase(path, "pw"); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, m); err != nil {
		t.Fatal(err)
	}
	lk, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Unlock()
	rec := NewRecovery(recDir)
	if err := rec.Write(path, m, Fingerprint{}); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	check := func() {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			seen[filepath.Base(p)] = true
			data, _ := os.ReadFile(p)
			if bytes.Contains(data, []byte(secretPhrase)) {
				t.Errorf("%s holds the meeting's text", p)
			}
			return nil
		})
	}
	// Look while a save's temporary file is there.
	faultHook = func(step string) error {
		if step == "rename" {
			check()
		}
		return nil
	}
	defer func() { faultHook = nil }()
	if err := Save(path, m); err != nil {
		t.Fatal(err)
	}
	faultHook = nil
	check()
	var temps, copies int
	for n := range seen {
		if strings.Contains(n, ".saving-") {
			temps++
		}
		if strings.HasSuffix(n, Extension) && n != "meeting.parley" {
			copies++
		}
	}
	if temps == 0 || copies == 0 || !seen[filepath.Base(LockPath(path))] {
		t.Fatalf("not every kind of file was looked at: %v", seen)
	}
	// The recovery copy opens with the meeting's passphrase and saves of
	// the original stay encrypted.
	forget(path)
	withSource(t, "pw")
	c, ok := rec.Find(path)
	if !ok {
		t.Fatal("no recovery copy")
	}
	if _, _, err := rec.Read(c); err != nil || !Encrypted(path) {
		t.Fatalf("recovery copy: %v, encrypted %v", err, Encrypted(path))
	}
}

// TestMergeEncryptedCopies: two copies with different passphrases merge,
// and the result saved under a new name is encrypted.
func TestMergeEncryptedCopies(t *testing.T) {
	base := secretMeeting()
	a := setDetail(t, base, "city", "Tokyo")
	b := setDetail(t, base, "venue", "Embassy "+secretPhrase)
	pa := saveEncrypted(t, a, "first")
	pb := saveEncrypted(t, b, "second")
	withSource(t, "first", "second")
	ma, _, err := Load(pa)
	if err != nil {
		t.Fatal(err)
	}
	mb, _, err := Load(pb)
	if err != nil {
		t.Fatal(err)
	}
	out, rep, err := app.Merge(ma, mb, app.MergeOptions{Base: base})
	if err != nil || len(rep.Conflicts) > 0 {
		t.Fatalf("merge: %v %v", err, rep.Conflicts)
	}
	dest := filepath.Join(t.TempDir(), "merged.parley")
	CarryPassphrase(dest, pa, pb)
	if err := Save(dest, out); err != nil {
		t.Fatal(err)
	}
	forget(dest)
	withSource(t, "first")
	got, _, err := Load(dest)
	if err != nil {
		t.Fatal(err)
	}
	if got.Details.City != "Tokyo" || got.Details.Venue != b.Details.Venue {
		t.Fatalf("merged: %q %q", got.Details.City, got.Details.Venue)
	}
}

// setDetail returns a copy of m with one field of its details edited, as
// the window would.
func setDetail(t *testing.T, m *app.Meeting, field, v string) *app.Meeting {
	t.Helper()
	d := app.NewDocument(m.Clone())
	if err := d.Apply(app.Edit{Ops: []app.Op{app.Set(app.KindDetails, m.Details.ID, field, v)}}); err != nil {
		t.Fatal(err)
	}
	return d.Meeting()
}

// TestEncryptedConflictCopy: when a command cannot replace an encrypted
// meeting (it changed meanwhile), the copy it writes beside it is
// encrypted with the meeting's passphrase too.
func TestEncryptedConflictCopy(t *testing.T) {
	path := saveEncrypted(t, secretMeeting(), "pw")
	withSource(t, "pw")
	u, err := BeginUpdate(path, "import-people", time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	m, _, err := u.Load()
	if err != nil {
		t.Fatal(err)
	}
	m.Details.Venue = "The command's venue"
	// Another writer replaces the file behind the lock.
	if err := Save(path, secretMeeting()); err != nil {
		t.Fatal(err)
	}
	err = u.Save(m)
	var uc *UpdateConflict
	if !errors.As(err, &uc) || uc.Aside == "" {
		t.Fatalf("err = %v", err)
	}
	data, err := os.ReadFile(uc.Aside)
	if err != nil {
		t.Fatal(err)
	}
	if !IsEncrypted(data) || bytes.Contains(data, []byte(secretPhrase)) {
		t.Fatalf("the conflict copy %s is not encrypted", uc.Aside)
	}
	forget(path)
	forget(uc.Aside)
	withSource(t, "pw")
	got, _, err := Load(uc.Aside)
	if err != nil || got.Details.Venue != "The command's venue" {
		t.Fatalf("conflict copy: %v", err)
	}
}
