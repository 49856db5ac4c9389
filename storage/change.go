package storage

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"parley/app"
)

// Never overwrite blindly: the window takes a fingerprint of the file when
// it opens or saves it, and SaveChecked refuses to replace a file whose
// content no longer matches (another Parley saved it, a sync tool brought
// another copy). The user then merges, saves under another name, or
// overwrites on purpose (Save, or SaveChecked with a zero Fingerprint).

// ErrChanged is the kind of the error SaveChecked returns when the file on
// disk changed since its fingerprint was taken.
var ErrChanged = errors.New("changed on disk")

// Fingerprint identifies the content of a file on disk at one moment.
type Fingerprint struct {
	// Size and ModTime are as the file system reports them; Hash is the
	// SHA-256 of the content.
	Size    int64
	ModTime time.Time
	Hash    [sha256.Size]byte
}

// IsZero reports whether no fingerprint was taken (a file never saved).
func (f Fingerprint) IsZero() bool { return f == Fingerprint{} }

// Same reports whether two fingerprints are of the same content. The
// modification time does not count: sync tools and copies change it
// without changing the content, and coarse clocks leave it unchanged when
// the content changes.
func (f Fingerprint) Same(g Fingerprint) bool { return f.Size == g.Size && f.Hash == g.Hash }

// FingerprintData is the fingerprint of content read from or written to a
// file with the given modification time.
func FingerprintData(data []byte, mod time.Time) Fingerprint {
	return Fingerprint{Size: int64(len(data)), ModTime: mod, Hash: sha256.Sum256(data)}
}

// FingerprintOf takes the fingerprint of a file as it is now.
func FingerprintOf(path string) (Fingerprint, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Fingerprint{}, &Error{Path: path, Kind: err, Msg: openMessage(err)}
	}
	if st.IsDir() {
		return Fingerprint{}, &Error{Path: path, Kind: ErrNotParley, Msg: "is a folder, not a meeting file"}
	}
	data, err := ReadFile(path)
	if err != nil {
		return Fingerprint{}, err
	}
	return FingerprintData(data, st.ModTime()), nil
}

// Changed reports whether the file's content differs from the fingerprint:
// it was modified, replaced or removed since. A zero fingerprint (nothing
// was ever read from or written to the path) counts as changed when a file
// is there now.
func Changed(path string, fp Fingerprint) (bool, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return !fp.IsZero(), nil
	}
	if err != nil {
		return false, &Error{Path: path, Kind: err, Msg: openMessage(err)}
	}
	if fp.IsZero() || st.Size() != fp.Size {
		return true, nil
	}
	now, err := FingerprintOf(path)
	if err != nil {
		return false, err
	}
	return !now.Same(fp), nil
}

// LoadTracked is Load that also returns the fingerprint of the bytes it
// read, for SaveChecked and Changed.
func LoadTracked(path string) (*app.Meeting, []app.Problem, Fingerprint, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, Fingerprint{}, &Error{Path: path, Kind: err, Msg: openMessage(err)}
	}
	data, err := ReadFile(path)
	if err != nil {
		return nil, nil, Fingerprint{}, err
	}
	fp := FingerprintData(data, st.ModTime())
	if data, err = openBytes(path, data); err != nil {
		return nil, nil, fp, err
	}
	m, probs, err := Validated(data)
	if err != nil {
		return nil, probs, fp, withPath(err, path)
	}
	return m, probs, fp, nil
}

// SaveChecked saves the meeting atomically unless the file on disk changed
// since fp was taken: then it writes nothing and returns an error of kind
// ErrChanged. A zero fp skips the check (a first save, or the user chose to
// overwrite); a file that has gone is simply written. On success it returns
// the fingerprint of what it wrote; it does too with an error of kind
// ErrNotFlushed, as the file then holds what was written. A few milliseconds pass between the
// check and the rename that a third writer could slip into; the lock file
// is what keeps other Parleys away.
func SaveChecked(path string, m *app.Meeting, fp Fingerprint) (Fingerprint, error) {
	data, err := Encode(m)
	if err != nil {
		return Fingerprint{}, &Error{Path: path, Msg: err.Error()}
	}
	return SaveBytesChecked(path, data, fp)
}

// SaveBytesChecked is SaveChecked for encoded bytes.
func SaveBytesChecked(path string, data []byte, fp Fingerprint) (Fingerprint, error) {
	if !fp.IsZero() {
		changed, err := Changed(path, fp)
		if err != nil {
			return Fingerprint{}, err
		}
		if changed {
			if _, err := os.Stat(path); err == nil {
				return Fingerprint{}, &Error{Path: path, Kind: ErrChanged,
					Msg: "changed on disk since it was opened (saved by another Parley, or replaced by a sync tool): not overwriting it; merge the two copies, save under another name, or overwrite it on purpose"}
			}
		}
	}
	data, err := saveSealed(path, data)
	if err != nil && !errors.Is(err, ErrNotFlushed) {
		return Fingerprint{}, err
	}
	mod := time.Now()
	if st, err := os.Stat(path); err == nil {
		mod = st.ModTime()
	}
	return FingerprintData(data, mod), err
}

// String describes the fingerprint for messages and logs.
func (f Fingerprint) String() string {
	return fmt.Sprintf("%d bytes, sha256 %x…, modified %s", f.Size, f.Hash[:6], f.ModTime.Format(time.RFC3339))
}
