package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parley/app"
)

// ReadFile reads a file of at most MaxSize bytes.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Kind: err, Msg: openMessage(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{Path: path, Kind: ErrNotParley, Msg: "is a folder, not a meeting file"}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &Error{Path: path, Kind: err, Msg: "cannot read: " + err.Error()}
	}
	if len(data) > MaxSize {
		return nil, &Error{Path: path, Kind: ErrTooLarge, Msg: fmt.Sprintf("the file is over the %d MiB limit: it is not a meeting file", MaxSize>>20)}
	}
	return data, nil
}

func openMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: ask for read access or copy the file somewhere you can read it"
	}
	return "cannot open: " + err.Error()
}

// Load reads, decodes and validates a meeting file. It returns the
// validation problems (warnings and errors) with the meeting; a file with
// fatal problems is refused with an ErrInvalid error.
func Load(path string) (*app.Meeting, []app.Problem, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if data, err = openBytes(path, data); err != nil {
		return nil, nil, err
	}
	m, probs, err := Validated(data)
	if err != nil {
		return nil, probs, withPath(err, path)
	}
	return m, probs, nil
}

// Save encodes the meeting and writes it atomically. It refuses to replace
// a file made by a newer Parley.
func Save(path string, m *app.Meeting) error {
	data, err := Encode(m)
	if err != nil {
		return &Error{Path: path, Msg: err.Error()}
	}
	return SaveBytes(path, data)
}

// SaveBytes writes encoded meeting bytes atomically, refusing to replace a
// file made by a newer Parley or a file that is not a meeting.
func SaveBytes(path string, data []byte) error {
	_, err := saveSealed(path, data)
	return err
}

// saveSealed is SaveBytes returning the bytes written: data encrypted
// when saves of path are (see sealBytes). A save that only failed to
// flush the folder (ErrNotFlushed) returns the bytes with the error.
func saveSealed(path string, data []byte) ([]byte, error) {
	// First what is there: looking into a named pipe for an encryption
	// header would wait for a writer that never comes.
	if _, err := SaveTarget(path); err != nil {
		msg := "cannot save: " + err.Error()
		if errors.Is(err, ErrNotRegular) {
			msg += ": Parley saves meetings only to regular files; choose a file name"
		}
		return nil, &Error{Path: path, Kind: err, Msg: msg}
	}
	data, err := sealBytes(path, data)
	if err != nil {
		return nil, err
	}
	return data, saveRaw(path, data)
}

// saveRaw writes the bytes as they are over a file Parley may replace
// (saveSealed has checked that it is a regular file or none).
func saveRaw(path string, data []byte) error {
	if err := checkReplaceable(path); err != nil {
		return err
	}
	if err := WriteAtomic(path, data); err != nil {
		return saveError(path, err)
	}
	return nil
}

// saveError says what a failed WriteAtomic of a meeting left on disk.
func saveError(path string, err error) error {
	if nf := (*notFlushedError)(nil); errors.As(err, &nf) {
		return &Error{Path: path, Kind: err, Msg: "saved, but flushing its folder to the disk failed afterwards (" + nf.err.Error() +
			"): the file holds the new content, though a power cut in the next moments could bring back the old; save again to be sure"}
	}
	return &Error{Path: path, Kind: err, Msg: "cannot save: " + err.Error() + "; the file on disk is unchanged"}
}

// checkReplaceable refuses to overwrite a newer-format meeting file or a
// non-empty file that is not a meeting at all.
func checkReplaceable(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // nothing there yet, or the write will say why
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = trimBOM(head[:n])
	if len(bytes.TrimSpace(head)) == 0 || IsEncrypted(head) {
		return nil
	}
	if h, ok := probeHeader(head); ok {
		if h.Format == nil || *h.Format != FormatMarker {
			return &Error{Path: path, Kind: ErrNotParley, Msg: "is not a Parley meeting file: not overwriting it; choose another name"}
		}
		if h.Version != nil {
			if v, err := ParseVersion(*h.Version); err == nil && v.Major > Major {
				return &Error{Path: path, Kind: ErrNewer, Msg: fmt.Sprintf("was made by a newer Parley (format %s): not overwriting it; save under another name", v)}
			}
		}
		return nil
	}
	if head[0] != '{' {
		return &Error{Path: path, Kind: ErrNotParley, Msg: "is not a Parley meeting file: not overwriting it; choose another name"}
	}
	return nil
}

// probeHeader reads "format" and "version" from the start of a file whose
// writer put them first (as Encode does).
func probeHeader(head []byte) (header, bool) {
	dec := json.NewDecoder(bytes.NewReader(head))
	var h header
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return h, false
	}
	for i := 0; i < 2 && dec.More(); i++ {
		k, err := dec.Token()
		if err != nil {
			return h, false
		}
		v, err := dec.Token()
		if err != nil {
			return h, false
		}
		s, _ := v.(string)
		switch k {
		case "format":
			h.Format = &s
		case "version":
			h.Version = &s
		default:
			return h, h.Format != nil
		}
	}
	return h, true
}

// faultHook lets tests make each step of WriteAtomic fail.
var faultHook func(step string) error

func fault(step string) error {
	if faultHook != nil {
		return faultHook(step)
	}
	return nil
}

// WriteAtomic replaces path with data so that, whatever happens, the file
// holds either its old content or the new: write a temporary file in the
// same folder, flush it, rename it over path, flush the folder. When path
// is a symbolic link, the file it leads to is replaced, beside itself, and
// the link stays (see SaveTarget). The rename is the commit point: a
// failure after it (flushing the folder) returns an error of kind
// ErrNotFlushed, and the file holds the new content.
func WriteAtomic(path string, data []byte) (err error) {
	path, err = SaveTarget(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := fault("create"); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".saving-*")
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if err != nil && !renamed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fault("write"); err != nil {
		return err
	}
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = fault("sync"); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = fault("close"); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = fault("rename"); err != nil {
		return err
	}
	if err = replaceFile(tmp.Name(), path); err != nil {
		return err
	}
	renamed = true
	removeStaleTemps(dir, filepath.Base(path))
	if err = fault("syncdir"); err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		return &notFlushedError{err}
	}
	return nil
}

// notFlushedError is a failure after the rename: the file holds the new
// content, not yet flushed to the disk.
type notFlushedError struct{ err error }

func (e *notFlushedError) Error() string { return ErrNotFlushed.Error() + ": " + e.err.Error() }

func (e *notFlushedError) Unwrap() []error { return []error{ErrNotFlushed, e.err} }

// SaveTarget is the file that a write to path replaces: path itself, or,
// when path is a symbolic link or a chain of them, the file they lead to,
// so that saving through a link updates the real file and the link stays
// a link. A link whose target does not exist yet leads to that target,
// which the write creates (as the shell's > does), provided its folder
// exists. Anything but a regular file (a folder, a device, a named pipe,
// a socket) is refused with an error of kind ErrNotRegular.
func SaveTarget(path string) (string, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return "", &notRegularError{what: fileKind(st.Mode())}
	}
	return resolveLinks(path)
}

// notRegularError refuses to replace what is not a regular file.
type notRegularError struct{ what string }

func (e *notRegularError) Error() string { return "it is " + e.what + ", not a regular file" }

func (e *notRegularError) Unwrap() error { return ErrNotRegular }

// fileKind names what a file mode that is not a regular file's is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// maxLinks is how many symbolic links resolveLinks follows in a row.
const maxLinks = 255

// resolveLinks follows the symbolic links from path to the file they lead
// to, which may not exist yet (a dangling link). The result is path when
// it is no link.
func resolveLinks(path string) (string, error) {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p, nil
	}
	p := path
	for range maxLinks {
		st, err := os.Lstat(p)
		if err != nil {
			// Not there yet: the links of its folder resolved, if it has one.
			if d, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
				return filepath.Join(d, filepath.Base(p)), nil
			}
			return p, nil
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		t, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(t) {
			t = filepath.Join(filepath.Dir(p), t)
		}
		p = t
	}
	return "", fmt.Errorf("more than %d symbolic links in a row (a loop?)", maxLinks)
}

// SameFile reports whether two paths name the same file, through symbolic
// links; the file need not exist yet.
func SameFile(a, b string) bool { return realPath(a) == realPath(b) }

// realPath is the absolute path of the file that path names, through any
// symbolic links: the key of its lock and of its recovery copy, so that
// two links to one file share them.
func realPath(path string) string {
	p, err := resolveLinks(path)
	if err != nil {
		p = path
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// removeStaleTemps deletes temporary files that a save interrupted by a
// crash left beside the file. Only old ones: a fresh one may belong to a
// save under way in another process. (Matched by prefix, not a glob: a
// glob cannot escape "[" in a name on Windows.)
func removeStaleTemps(dir, base string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "."+base+".saving-") {
			continue
		}
		m := filepath.Join(dir, e.Name())
		if st, err := os.Stat(m); err == nil && time.Since(st.ModTime()) > staleTemp {
			os.Remove(m)
		}
	}
}

// staleTemp is how old a left-over temporary file must be to be removed.
const staleTemp = 10 * time.Minute
