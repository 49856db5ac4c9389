package storage

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"parley/app"
)

// Recovery copies. While a document has unsaved changes the window writes
// a copy of it every RecoveryInterval to the user's cache folder
// (os.UserCacheDir()/parley/recovery), atomically, one copy per document
// keyed by its file path (untitled documents share the key "untitled").
// Beside each copy, KEY.parley, a small KEY.json records the original path,
// the time, the process that wrote it and the fingerprint of the original
// file the unsaved changes started from. A successful save discards the
// copy, and a copy still being written when the save discards it is
// dropped (Pending); after a crash the next start lists the copies whose
// process is gone and offers to restore or discard them.

// RecoveryInterval is how often the window writes a recovery copy while
// there are unsaved changes.
const RecoveryInterval = 30 * time.Second

// RecoveryDirEnv names an environment variable that overrides the recovery
// folder (tests, portable installs).
const RecoveryDirEnv = "PARLEY_RECOVERY_DIR"

// Recovery is a folder of recovery copies. Its methods may be called from
// several goroutines: writing and discarding a copy exclude each other.
type Recovery struct {
	Dir string

	mu sync.Mutex
	// gens counts the discards of each key's copy, so that a copy noted
	// before a discard is not written after it (see Pending).
	gens map[string]uint64
}

// DefaultRecovery is the user's recovery folder: $PARLEY_RECOVERY_DIR, or
// parley/recovery in the user's cache folder. The folder is created when
// the first copy is written.
func DefaultRecovery() (*Recovery, error) {
	if d := os.Getenv(RecoveryDirEnv); d != "" {
		return &Recovery{Dir: d}, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return nil, fmt.Errorf("no folder for recovery copies: %w (set %s to choose one)", err, RecoveryDirEnv)
	}
	return &Recovery{Dir: filepath.Join(cache, "parley", "recovery")}, nil
}

// NewRecovery uses dir for recovery copies.
func NewRecovery(dir string) *Recovery { return &Recovery{Dir: dir} }

// RecoveryCopy is one recovery copy.
type RecoveryCopy struct {
	// Key names the copy's files in the recovery folder.
	Key string `json:"-"`
	// Copy is the path of the copy, a .parley file.
	Copy string `json:"-"`
	// Original is the document's file path, "" for an untitled document.
	Original string `json:"original"`
	// Saved is when the copy was written.
	Saved time.Time `json:"saved"`
	// Host, PID and User name the Parley that wrote it.
	Host string `json:"host"`
	PID  int    `json:"pid"`
	User string `json:"user,omitempty"`
	// Base is the fingerprint of the original file when the document was
	// opened or last saved: if the file no longer matches it, someone
	// changed it since and restoring means merging.
	Base Fingerprint `json:"base"`
	// Size is the copy's size in bytes.
	Size int64 `json:"-"`
	// Live reports whether the Parley that wrote the copy is still running
	// (this process, or another one on this host): its copy is not left
	// over from a crash and is not offered for restoring.
	Live bool `json:"-"`
}

// Name is the document's name for people: the original's file name, or
// "untitled".
func (c RecoveryCopy) Name() string {
	if c.Original == "" {
		return "untitled"
	}
	return filepath.Base(c.Original)
}

// RecoveryKey is the key of a document's recovery copy: the file name and
// a hash of its absolute path (symbolic links resolved, so that the links
// to one file share its copy), or "untitled".
func RecoveryKey(original string) string {
	if original == "" {
		return "untitled"
	}
	abs := realPath(original)
	sum := sha256.Sum256([]byte(abs))
	name := strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, filepath.Base(abs))
	if len(name) > 80 {
		name = name[:80]
	}
	return name + "-" + hex.EncodeToString(sum[:6])
}

func (r *Recovery) paths(key string) (copyPath, metaPath string) {
	return filepath.Join(r.Dir, key+Extension), filepath.Join(r.Dir, key+".json")
}

// Write writes the recovery copy of a document atomically: original is its
// file path ("" untitled), base the fingerprint of that file when it was
// opened or last saved (zero if never). Encoding normalises m, so pass a
// clone when another goroutine may be using it. Write is Pending and its
// Write at once: a copy written on another goroutine than the one that
// saves should be noted with Pending first.
func (r *Recovery) Write(original string, m *app.Meeting, base Fingerprint) error {
	return r.Pending(original).Write(m, base)
}

// PendingCopy is a recovery copy about to be written: the document as it
// was at one moment, written later on another goroutine.
type PendingCopy struct {
	r        *Recovery
	original string
	gen      uint64
}

// Pending notes a recovery copy to write of a document (its file path, ""
// for untitled) as it is now: call it where the meeting is cloned, on the
// goroutine that saves. When the document's copies are discarded before
// the pending copy is written (a save or a quit came in between), its
// Write writes nothing, so that a save never leaves a copy behind.
func (r *Recovery) Pending(original string) *PendingCopy {
	r.mu.Lock()
	defer r.mu.Unlock()
	return &PendingCopy{r: r, original: original, gen: r.gens[RecoveryKey(original)]}
}

// Write writes the pending copy, unless the document's copies were
// discarded since it was noted.
func (p *PendingCopy) Write(m *app.Meeting, base Fingerprint) error {
	data, err := Encode(m)
	if err != nil {
		return fmt.Errorf("recovery copy of %s: %w", orUntitled(p.original), err)
	}
	return p.r.writeBytes(p, data, base)
}

// WriteBytes is Write for an encoded meeting.
func (r *Recovery) WriteBytes(original string, data []byte, base Fingerprint) error {
	return r.writeBytes(r.Pending(original), data, base)
}

func (r *Recovery) writeBytes(p *PendingCopy, data []byte, base Fingerprint) error {
	original := p.original
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gens[RecoveryKey(original)] != p.gen {
		return nil // discarded since: the document was saved or closed
	}
	if err := os.MkdirAll(r.Dir, 0o700); err != nil {
		return fmt.Errorf("recovery copy of %s: cannot create %s: %w", orUntitled(original), r.Dir, err)
	}
	if original != "" {
		if abs, err := filepath.Abs(original); err == nil {
			original = abs
		}
	}
	key := RecoveryKey(original)
	copyPath, metaPath := r.paths(key)
	meta := RecoveryCopy{Original: original, Saved: time.Now().UTC(), Host: hostname(), PID: os.Getpid(), User: userName(), Base: base}
	mb, _ := json.MarshalIndent(meta, "", "  ")
	data, err := sealBytes(original, data)
	if err != nil {
		return fmt.Errorf("recovery copy of %s: %w", orUntitled(original), err)
	}
	if err := WriteAtomic(copyPath, data); err != nil {
		return fmt.Errorf("recovery copy of %s: %w", orUntitled(original), err)
	}
	if err := WriteAtomic(metaPath, mb); err != nil {
		return fmt.Errorf("recovery copy of %s: %w", orUntitled(original), err)
	}
	return nil
}

func orUntitled(s string) string {
	if s == "" {
		return "untitled meeting"
	}
	return s
}

// List returns the recovery copies, newest first. A copy whose notes are
// missing (the writer died between the two files) is listed with what is
// known: its key and time.
func (r *Recovery) List() ([]RecoveryCopy, error) {
	ents, err := os.ReadDir(r.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("recovery copies: %w", err)
	}
	var out []RecoveryCopy
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, Extension) || strings.HasPrefix(name, ".") {
			continue
		}
		c, ok := r.load(strings.TrimSuffix(name, Extension))
		if ok {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b RecoveryCopy) int {
		return cmp.Or(b.Saved.Compare(a.Saved), cmp.Compare(a.Key, b.Key))
	})
	return out, nil
}

func (r *Recovery) load(key string) (RecoveryCopy, bool) {
	copyPath, metaPath := r.paths(key)
	st, err := os.Stat(copyPath)
	if err != nil {
		return RecoveryCopy{}, false
	}
	var c RecoveryCopy
	if mb, err := os.ReadFile(metaPath); err == nil {
		_ = json.Unmarshal(mb, &c)
	}
	if c.Saved.IsZero() {
		c.Saved = st.ModTime()
	}
	c.Key, c.Copy, c.Size = key, copyPath, st.Size()
	c.Live = c.PID > 0 && c.Host == hostname() && (c.PID == os.Getpid() || processAlive(c.PID))
	return c, true
}

// Find returns the recovery copy of a document (its file path, "" for
// untitled), if there is one.
func (r *Recovery) Find(original string) (RecoveryCopy, bool) {
	return r.load(RecoveryKey(original))
}

// Read loads a recovery copy. The meeting comes with its validation
// problems, as from Load; open it as a document for c.Original with unsaved
// changes, and take c.Base as its fingerprint, so that saving it over a
// file changed since asks first.
func (r *Recovery) Read(c RecoveryCopy) (*app.Meeting, []app.Problem, error) {
	m, probs, err := Load(c.Copy)
	if err == nil && IsEncryptedFile(c.Copy) {
		CarryPassphrase(c.Original, c.Copy)
	}
	return m, probs, err
}

// Discard removes the recovery copy of a document (its file path, "" for
// untitled): after a successful save, or when the user declines to restore
// it. Removing a copy that is not there is not an error.
func (r *Recovery) Discard(original string) error {
	return r.remove(RecoveryKey(original))
}

// DiscardCopy removes one listed copy.
func (r *Recovery) DiscardCopy(c RecoveryCopy) error { return r.remove(c.Key) }

func (r *Recovery) remove(key string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gens == nil {
		r.gens = map[string]uint64{}
	}
	r.gens[key]++
	copyPath, metaPath := r.paths(key)
	var errs []error
	for _, p := range []string{copyPath, metaPath} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("discarding the recovery copy: %w", errors.Join(errs...))
	}
	return nil
}
