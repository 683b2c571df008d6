package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// writeFileAtomic replaces the file at path by data; see writeAtomic.
func writeFileAtomic(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomic replaces the file at path by what write writes, so that the
// file is at every moment either its old content or its whole new
// content: write goes to a temporary file in the same folder, which is
// synced to disk and renamed over path only when everything succeeded. On
// any failure (a full disk, an error from write) the temporary file is
// removed and path is untouched. An existing file keeps its permission
// bits (not its owner); a new file gets mode 0644. A symbolic
// link is followed: its target is replaced. An interruption waits for
// the replacement to finish or not to start (see output).
//
// A write that may run long (results streamed to a file) should watch
// the command's context and return its error: the interruption then
// waits only for the clean-up, and the file is left as it was.
//
// Every command that writes a file writes it with this function.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	perm := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}

	output.Lock()
	defer output.Unlock()
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// syncDir flushes a folder's entries, so that a rename survives a crash.
// Errors are ignored: not every system can sync a folder, and the file
// itself is already safe.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
