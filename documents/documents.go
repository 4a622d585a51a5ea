// Package documents embeds the document YAML files and their source texts,
// so the binary works with no files beside it.
package documents

import "embed"

// FS holds *.yaml (one file per document) and source/*.txt (provenance).
//
//go:embed *.yaml source/*.txt
var FS embed.FS
