package report

import (
	"encoding/json"
	"io"
)

// JSON writes v indented, without HTML escaping (so < > & stay readable).
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
