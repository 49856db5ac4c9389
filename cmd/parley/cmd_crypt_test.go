package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/storage"
)

func copyFile(t *testing.T, from, to string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

func TestEncryptDecryptCommands(t *testing.T) {
	dir := t.TempDir()
	m := copyFile(t, mergeA, filepath.Join(dir, "m.parley"))
	b := copyFile(t, mergeB, filepath.Join(dir, "b.parley"))
	const pass = "pâsse 水島 ключ"
	t.Setenv(passphraseEnv, pass)
	if code, _, stderr := runCLI("encrypt", m); code != exitOK {
		t.Fatalf("encrypt: exit %d %s", code, stderr)
	}
	enc, _ := os.ReadFile(m)
	if !storage.IsEncrypted(enc) || bytes.Contains(enc, []byte("Clarke")) {
		t.Fatal("not encrypted")
	}
	cases := []struct {
		name   string
		env    *string
		args   []string
		code   int
		stderr string
	}{
		{"check with the passphrase", ptr(pass), []string{"check", m}, exitOK, ""},
		{"wrong passphrase", ptr("pâsse"), []string{"check", m}, exitRefused, m + ": is encrypted: wrong passphrase"},
		{"no passphrase, no terminal", nil, []string{"check", m}, exitRefused, "set PARLEY_PASSPHRASE"},
		{"already encrypted", ptr(pass), []string{"encrypt", m}, exitRefused, "already encrypted"},
		{"empty new passphrase", ptr(""), []string{"encrypt", b, "-o", filepath.Join(dir, "x.parley")}, exitRefused, "empty"},
		{"not encrypted", ptr(pass), []string{"decrypt", b}, exitRefused, "not encrypted"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.env == nil {
				os.Unsetenv(passphraseEnv)
			} else {
				os.Setenv(passphraseEnv, *c.env)
			}
			code, _, stderr := runCLI(c.args...)
			if code != c.code || !strings.Contains(stderr, c.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, c.code, c.stderr)
			}
			if now, _ := os.ReadFile(m); !bytes.Equal(now, enc) {
				t.Fatal("the encrypted file changed")
			}
		})
	}
	os.Setenv(passphraseEnv, pass)
	// A merge of the encrypted copy with a plain one is written encrypted.
	out := filepath.Join(dir, "merged.parley")
	if code, _, stderr := runCLI("merge", b, m, "-o", out); code != exitRefused || stderr != "" {
		t.Fatalf("merge: exit %d %s", code, stderr)
	}
	if !storage.IsEncryptedFile(out) {
		t.Fatal("the merge of an encrypted copy was written unencrypted")
	}
	// A damaged file says so.
	bad := filepath.Join(dir, "bad.parley")
	os.WriteFile(bad, enc[:len(enc)-10], 0o644)
	if code, _, stderr := runCLI("check", bad); code != exitBad || !strings.Contains(stderr, "damaged") {
		t.Fatalf("damaged: exit %d %s", code, stderr)
	}
	if code, _, stderr := runCLI("decrypt", m, "-o", filepath.Join(dir, "plain.parley")); code != exitOK {
		t.Fatalf("decrypt: exit %d %s", code, stderr)
	}
	if storage.IsEncryptedFile(filepath.Join(dir, "plain.parley")) || !storage.IsEncryptedFile(m) {
		t.Fatal("decrypt -o wrote the wrong files")
	}
}

func ptr(s string) *string { return &s }
