package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"filippo.io/age"
	"golang.org/x/text/unicode/norm"
)

// Encryption at rest. A meeting file may be encrypted whole with age
// (a passphrase, scrypt recipient): it is still a .parley file, told apart
// by the age header at its start. The codec sits at the bytes level:
// Load and LoadTracked decrypt what they read (openBytes), SaveBytes and
// recovery copies encrypt what they write (sealBytes), so the format,
// merge and validation never see the difference.
//
// The passphrase of each file is kept in memory, by absolute path, once
// the file has been opened or the user has chosen one (SetPassphrase):
// a save to that path encrypts again with it; ClearPassphrase makes saves
// plain. A save that would put plain text over an encrypted file whose
// passphrase this process does not hold is refused. Passphrases are asked
// for through the PassphraseSource the program sets (a dialog in the
// window, a prompt or PARLEY_PASSPHRASE on the command line).

// ErrWrongPassphrase is the kind of the error for an encrypted file whose
// passphrase was wrong.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// ErrDamaged is the kind of the error for an encrypted file that is
// truncated or altered.
var ErrDamaged = errors.New("encrypted file damaged")

// ErrNoPassphrase is the kind of the error for an encrypted file opened
// with no passphrase to give (none set, or the user cancelled).
var ErrNoPassphrase = errors.New("no passphrase")

// ErrEmptyPassphrase refuses an empty passphrase.
var ErrEmptyPassphrase = errors.New("the passphrase is empty: choose one of at least one character")

// ageHeader starts every age file.
const ageHeader = "age-encryption.org/v1\n"

// workFactor is the scrypt work factor (log2 N) of new encryptions: age's
// default, about a second on a laptop, which is what makes guessing slow.
var workFactor = 18

// MaxPassphraseTries is how many times a file's passphrase is asked for
// before opening it fails as wrong.
const MaxPassphraseTries = 3

// A PassphraseSource gives the passphrase of an encrypted meeting file.
// again is true when the previous answer for this file was wrong. It
// returns an error (of kind ErrNoPassphrase when the user cancelled) to
// stop asking. It may be called from any goroutine.
type PassphraseSource interface {
	Passphrase(path string, again bool) (string, error)
}

var keyring = struct {
	sync.Mutex
	src  PassphraseSource
	pass map[string]string // absolute path -> passphrase; "" = save plain
}{pass: map[string]string{}}

// SetPassphraseSource sets where passphrases are asked for (nil: nowhere,
// encrypted files whose passphrase is not known fail to open).
func SetPassphraseSource(s PassphraseSource) {
	keyring.Lock()
	keyring.src = s
	keyring.Unlock()
}

func keyPath(path string) string {
	if path == "" {
		return ""
	}
	if abs, err := filepath.Abs(path); err == nil {
		return filepath.Clean(abs)
	}
	return path
}

// normPassphrase puts a passphrase in Unicode normal form C, so that "é"
// typed on a system that composes it and one that does not is the same.
func normPassphrase(p string) string { return norm.NFC.String(p) }

// SetPassphrase makes saves of path (a meeting file; "" for an untitled
// meeting) encrypted with pass. An empty passphrase is refused.
func SetPassphrase(path, pass string) error {
	if pass == "" {
		return ErrEmptyPassphrase
	}
	keyring.Lock()
	keyring.pass[keyPath(path)] = normPassphrase(pass)
	keyring.Unlock()
	return nil
}

// ClearPassphrase makes saves of path plain again.
func ClearPassphrase(path string) {
	keyring.Lock()
	keyring.pass[keyPath(path)] = ""
	keyring.Unlock()
}

// ForgetPassphrases drops every passphrase held in memory.
func ForgetPassphrases() {
	keyring.Lock()
	clear(keyring.pass)
	keyring.Unlock()
}

// Encrypted reports whether saves of path are encrypted.
func Encrypted(path string) bool {
	p, _ := knownPassphrase(path)
	return p != ""
}

func knownPassphrase(path string) (pass string, known bool) {
	keyring.Lock()
	defer keyring.Unlock()
	pass, known = keyring.pass[keyPath(path)]
	return pass, known
}

// CarryPassphrase makes saves of to encrypted with the passphrase of the
// first of from that is encrypted, unless saves of to are encrypted
// already: a meeting saved under another name, written with -o, or merged
// from an encrypted copy stays encrypted.
func CarryPassphrase(to string, from ...string) {
	keyring.Lock()
	defer keyring.Unlock()
	if keyring.pass[keyPath(to)] != "" {
		return
	}
	for _, f := range from {
		if p := keyring.pass[keyPath(f)]; p != "" {
			keyring.pass[keyPath(to)] = p
			return
		}
	}
}

// IsEncrypted reports whether data is an encrypted meeting file.
func IsEncrypted(data []byte) bool { return bytes.HasPrefix(data, []byte(ageHeader)) }

// IsEncryptedFile reports whether the file at path is encrypted.
func IsEncryptedFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(ageHeader))
	n, _ := io.ReadFull(f, head)
	return IsEncrypted(head[:n])
}

// Encrypt encrypts data with pass.
func Encrypt(data []byte, pass string) ([]byte, error) {
	if pass == "" {
		return nil, ErrEmptyPassphrase
	}
	r, err := age.NewScryptRecipient(normPassphrase(pass))
	if err != nil {
		return nil, err
	}
	r.SetWorkFactor(workFactor)
	var b bytes.Buffer
	b.Grow(len(data) + 1024)
	w, err := age.Encrypt(&b, r)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Decrypt decrypts data with pass. A wrong passphrase gives an error of
// kind ErrWrongPassphrase; a truncated or altered file one of kind
// ErrDamaged.
func Decrypt(data []byte, pass string) ([]byte, error) {
	if pass == "" {
		return nil, ErrEmptyPassphrase
	}
	id, err := age.NewScryptIdentity(normPassphrase(pass))
	if err != nil {
		return nil, err
	}
	r, err := age.Decrypt(bytes.NewReader(data), id)
	var nomatch *age.NoIdentityMatchError
	if errors.As(err, &nomatch) {
		return nil, fmt.Errorf("%w: %w", ErrWrongPassphrase, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	plain, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	if len(plain) > MaxSize {
		return nil, fmt.Errorf("%w: over the %d MiB limit", ErrDamaged, MaxSize>>20)
	}
	return plain, nil
}

// openBytes decrypts data read from path when it is encrypted, with the
// passphrase known for path or asked for, and remembers the passphrase so
// that saving path encrypts again. Plain data comes back as it is.
func openBytes(path string, data []byte) ([]byte, error) {
	if !IsEncrypted(data) {
		return data, nil
	}
	var tried []string
	if p, _ := knownPassphrase(path); p != "" {
		plain, err := Decrypt(data, p)
		if err == nil {
			return plain, nil
		}
		if !errors.Is(err, ErrWrongPassphrase) {
			return nil, damaged(path, err)
		}
		tried = append(tried, p)
	}
	keyring.Lock()
	src := keyring.src
	keyring.Unlock()
	if src == nil {
		return nil, &Error{Path: path, Kind: ErrNoPassphrase, Msg: "is encrypted and no passphrase was given: open it in the window, or set PARLEY_PASSPHRASE"}
	}
	for i := 0; i < MaxPassphraseTries; i++ {
		p, err := src.Passphrase(path, i > 0 || len(tried) > 0)
		if err != nil {
			if errors.Is(err, ErrNoPassphrase) {
				return nil, &Error{Path: path, Kind: ErrNoPassphrase, Msg: "is encrypted: " + err.Error() + "; nothing was opened"}
			}
			return nil, &Error{Path: path, Kind: err, Msg: "is encrypted: " + err.Error()}
		}
		if p == "" {
			return nil, &Error{Path: path, Kind: ErrEmptyPassphrase, Msg: ErrEmptyPassphrase.Error()}
		}
		plain, err := Decrypt(data, p)
		if err == nil {
			SetPassphrase(path, p)
			return plain, nil
		}
		if !errors.Is(err, ErrWrongPassphrase) {
			return nil, damaged(path, err)
		}
	}
	return nil, &Error{Path: path, Kind: ErrWrongPassphrase, Msg: "wrong passphrase: the file was not opened and nothing was changed"}
}

func damaged(path string, err error) error {
	return &Error{Path: path, Kind: ErrDamaged, Msg: "is encrypted but damaged (truncated or altered: " + err.Error() + "); open a backup or another copy"}
}

// sealBytes encrypts data for writing to path when saves of path are
// encrypted. It refuses to put plain text over an encrypted file whose
// passphrase is not known here.
func sealBytes(path string, data []byte) ([]byte, error) {
	p, known := knownPassphrase(path)
	if p != "" {
		enc, err := Encrypt(data, p)
		if err != nil {
			return nil, &Error{Path: path, Msg: "cannot encrypt: " + err.Error() + "; the file on disk is unchanged"}
		}
		return enc, nil
	}
	if !known && IsEncryptedFile(path) {
		return nil, &Error{Path: path, Kind: ErrNoPassphrase, Msg: "is encrypted and this Parley does not hold its passphrase: not overwriting it with an unencrypted meeting; open it first, or save under another name"}
	}
	return data, nil
}
