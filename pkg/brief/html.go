package brief

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"io"
	"sync"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

var (
	//go:embed assets/page.html
	pageHTML string
	//go:embed assets/page.css
	pageCSS string
	//go:embed assets/page.js
	pageJS string

	// Parsed on first use: every run of the binary would pay otherwise.
	pageTmpl = sync.OnceValue(func() *template.Template { return template.Must(template.New("page").Parse(pageHTML)) })
	// scriptHash lets the page's own script run and nothing else, even
	// if some text escaped escaping (Content-Security-Policy).
	scriptHash = sync.OnceValue(func() string {
		sum := sha256.Sum256([]byte(pageJS))
		return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	})
)

// HTML writes the briefing page for the data and filters of c: one
// self-contained file (styles and script inline, nothing fetched) holding
// the matrix, a side-by-side view per GDC clause and the other reports.
// The page is built in memory first, so an error writes nothing.
func HTML(w io.Writer, c view.Context) error {
	p, err := newPage(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	err = pageTmpl().Execute(&buf, struct {
		*page
		CSS        template.CSS
		JS         template.JS
		ScriptHash string
	}{p, template.CSS(pageCSS), template.JS(pageJS), scriptHash()})
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
