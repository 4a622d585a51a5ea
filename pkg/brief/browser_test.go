package brief

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// requireOrSkip skips a test whose outside reader is missing, or fails it
// when CI asked for every reader (CROSSWALK_REQUIRE_BROWSER=1).
func requireOrSkip(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CROSSWALK_REQUIRE_BROWSER") == "1" {
		t.Fatalf("%s is required (CROSSWALK_REQUIRE_BROWSER=1) but not found", what)
	}
	t.Skipf("%s not found; skipping (bash .ci/run installs it)", what)
}

// artefacts is where screenshots and PDFs are kept: $CROSSWALK_ARTEFACTS
// (set by .ci/run), else the test's temporary folder.
func artefacts(t *testing.T) string {
	if dir := os.Getenv("CROSSWALK_ARTEFACTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// problems collects what the page must never do: log an error, throw, or
// make a request that fails or leaves the file.
type problems struct {
	mu   sync.Mutex
	list []string
}

func (p *problems) add(format string, a ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, fmt.Sprintf(format, a...))
}

func (p *problems) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			p.add("console %s", ev.Type)
		}
	case *runtime.EventExceptionThrown:
		p.add("exception: %s", ev.ExceptionDetails.Text)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
			p.add("log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventLoadingFailed:
		p.add("request failed: %s", ev.ErrorText)
	case *network.EventRequestWillBeSent:
		if !strings.HasPrefix(ev.Request.URL, "file://") {
			p.add("request outside the file: %s", ev.Request.URL)
		}
	}
}

func (p *problems) check(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.list {
		t.Error(s)
	}
}

// browser starts headless Chromium with the network disabled.
func browser(t *testing.T, p *problems) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if found, err := exec.LookPath(name); err == nil {
			path = found
			break
		}
	}
	if path == "" {
		requireOrSkip(t, "Chromium (Debian: apt-get install chromium)")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		// A profile under t.TempDir, so no test run leaves one behind in /tmp.
		chromedp.ExecPath(path), chromedp.UserDataDir(t.TempDir()), chromedp.NoSandbox, chromedp.WindowSize(1280, 800),
		chromedp.Flag("proxy-server", "http://127.0.0.1:9"), chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"))...)
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithListener(p.listen))
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	enable := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		if _, err := cdp.Call(ctx, tg, cdplog.Enable, cdp.Empty{}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, enable, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	// A promise is awaited: the page decodes its data asynchronously.
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// visibleRows counts the matrix rows the filters leave shown.
const visibleRows = `Array.from(document.querySelectorAll("#matrix-table tbody tr")).filter(r => !r.hidden).length`

// TestBrowser loads the page as a colleague would, from a file with no
// network, in headless Chromium: the matrix is whole, a cell opens its
// pair view, the filters hide what they should, and it prints.
func TestBrowser(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []compare.Filter{{}, {Objective: 3, Against: []string{"cn-position-2024"}}} {
		t.Run(fmt.Sprintf("objective=%d against=%v", f.Objective, f.Against), func(t *testing.T) {
			c := view.Context{Data: ds, Filter: f, Lang: "both"}
			browse(t, c, view.NewCompare(c))
		})
	}
}

func browse(t *testing.T, c view.Context, mx *view.Compare) {
	dir := artefacts(t)
	name := "brief"
	if c.Filter.Objective != 0 {
		name = fmt.Sprintf("brief-objective%d", c.Filter.Objective)
	}
	file := filepath.Join(dir, name+".html")
	if err := os.WriteFile(file, []byte(render(t, c)), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &problems{}
	ctx := browser(t, p)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatal(err)
	}
	if got := eval[int](t, ctx, visibleRows); got != len(mx.Rows) {
		t.Errorf("matrix shows %d rows, compare has %d", got, len(mx.Rows))
	}
	// The first 900 px at 1440 wide show the key figures and the picture
	// with its legend.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1440, 900)); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, ctx, `["figures", "picture"].every(id => document.getElementById(id).getBoundingClientRect().bottom <= 900) &&
		document.querySelector(".picture figcaption").getBoundingClientRect().bottom <= 900`) {
		t.Error("the key figures, the picture and its legend are not all in the first 900 px at 1440 wide")
	}
	// A phone: nothing wider than the screen outside the matrix's own scroll area.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, `crosswalkDrawAll().then(() => true)`)
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("at 390 px the page is %d px wide", w)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	clickCell(t, ctx, mx, filepath.Join(dir, name+"-pair.png"))
	filter(t, ctx, mx)
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Fatalf("print to PDF: %v (%d bytes)", err, len(pdf))
	}
	for ext, data := range map[string][]byte{".png": shot, ".pdf": pdf} {
		if err := os.WriteFile(filepath.Join(dir, name+ext), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
	if pages == 0 {
		t.Error("the PDF has no pages")
	}
	t.Logf("screenshot (1280×800) and PDF (%d bytes, %d A4 pages) in %s", len(pdf), pages, dir)
	p.check(t)
}

// clickCell clicks a matrix cell with a counterpart (that of gdc:29(d),
// the README's example, when shown) and expects its pair view on screen,
// with evidence highlighted. The screen is kept as NAME-pair.png.
func clickCell(t *testing.T, ctx context.Context, mx *view.Compare, shot string) {
	t.Helper()
	target := ""
	for _, r := range mx.Rows {
		for _, c := range r.Cells {
			if len(c.Counterparts) > 0 && (target == "" || r.Clause == "gdc:29(d)") {
				target = anchor(r.Clause)
			}
		}
	}
	if target == "" {
		t.Fatal("no matrix cell with a counterpart")
	}
	sel := chromedp.CSS(`tr[data-pair="` + target + `"] td:not([data-stance="silent"]) a`)
	if err := chromedp.Do(ctx, chromedp.Click(sel)); err != nil {
		t.Fatal(err)
	}
	// The cell opens its own record: the document's part of the clause
	// view, drawn once the page's data is decoded (awaited here; the
	// browser's two-minute deadline bounds it).
	eval[bool](t, ctx, `crosswalkDrawAll().then(() => new Promise(r => requestAnimationFrame(() => r(true))))`)
	js := `(() => { const id = decodeURIComponent(location.hash.slice(1)); const el = document.getElementById(id);
		if (!id.startsWith("` + target + `--") || !el) return false;
		const r = el.getBoundingClientRect();
		return r.top >= 0 && r.top < innerHeight && document.getElementById("` + target + `").querySelector("mark") !== null; })()`
	if !eval[bool](t, ctx, js) {
		t.Errorf("clicking a cell of %s did not bring its record, in a clause view with highlighted evidence, on screen", target)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(shot, png, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// filter sets one filter at a time and counts the rows and columns left.
func filter(t *testing.T, ctx context.Context, mx *view.Compare) {
	t.Helper()
	set := func(name, value string) {
		eval[bool](t, ctx, `(() => { const f = document.getElementById("filters"); f.reset(); f.elements["`+name+`"].value = "`+value+`";
			f.dispatchEvent(new Event("change")); return true; })()`)
	}
	byObjective, divergent, aligned := map[int]int{}, 0, 0
	for _, r := range mx.Rows {
		byObjective[r.Objective]++
		hasDivergent, hasAligned := false, false
		for _, c := range r.Cells {
			for _, cp := range c.Counterparts {
				hasDivergent = hasDivergent || cp.Stance == "divergent"
				hasAligned = hasAligned || cp.Stance == "aligned"
			}
		}
		if hasDivergent {
			divergent++
		}
		if hasAligned {
			aligned++
		}
	}
	for obj, want := range byObjective {
		set("objective", fmt.Sprint(obj))
		if got := eval[int](t, ctx, visibleRows); got != want {
			t.Errorf("objective %d: %d rows shown, want %d", obj, got, want)
		}
		if got := eval[int](t, ctx, `Array.from(document.querySelectorAll("article.pair")).filter(a => !a.hidden).length`); got != want {
			t.Errorf("objective %d: %d pair views shown, want %d: %s", obj, got, want, eval[string](t, ctx, `Array.from(document.querySelectorAll("article.pair")).filter(a => !a.hidden && document.getElementById("row-"+a.id).hidden).map(a => a.id).join(" ")`))
		}
	}
	// The stance filter selects records, as --stance does: a row shows when
	// any of its records has the stance, not only when a cell's strongest does.
	set("stance", "divergent")
	if got := eval[int](t, ctx, visibleRows); got != divergent {
		t.Errorf("stance divergent: %d rows shown, want %d", got, divergent)
	}
	set("stance", "aligned")
	if got := eval[int](t, ctx, visibleRows); got != aligned {
		t.Errorf("stance aligned: %d rows shown, want %d", got, aligned)
	}
	// Every section, the reports and clause views drawn too, keeps to the
	// chosen document.
	eval[bool](t, ctx, `crosswalkDrawAll().then(() => true)`)
	doc := mx.Documents[len(mx.Documents)-1]
	set("document", doc)
	if got := eval[int](t, ctx, `Array.from(document.querySelectorAll("[data-doc]")).filter(e => !e.closest("[hidden]") && e.getAttribute("data-doc") !== "`+doc+`").length`); got != 0 {
		t.Errorf("document %s: %d elements of other documents shown", doc, got)
	}
	for _, other := range mx.Documents {
		if other == doc {
			continue
		}
		// A note may compare with an older text, so the clause views are
		// checked by their document parts above, not by their words.
		for _, sec := range []string{"top", "headline", "matrix", "reports"} {
			if eval[bool](t, ctx, `document.getElementById("`+sec+`").innerText.includes("`+other+`")`) {
				t.Errorf("document %s: section %s still names %s", doc, sec, other)
			}
		}
	}
	if got := eval[string](t, ctx, `document.getElementById("filters-now").textContent`); !strings.Contains(got, doc) {
		t.Errorf("document %s: the header says filters %q", doc, got)
	}
	eval[bool](t, ctx, `(() => { const f = document.getElementById("filters"); f.reset(); f.dispatchEvent(new Event("change")); location.hash = ""; scrollTo(0, 0); return true; })()`)
	if got := eval[int](t, ctx, visibleRows); got != len(mx.Rows) {
		t.Errorf("after reset: %d rows shown, want %d", got, len(mx.Rows))
	}
}

// TestBrowserHostileNote: markup in a note shows as text and never runs.
func TestBrowserHostileNote(t *testing.T) {
	file := filepath.Join(t.TempDir(), "hostile.html")
	if err := os.WriteFile(file, []byte(render(t, view.Context{Data: hostileData(t), Lang: "both"})), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &problems{}
	ctx := browser(t, p)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, `crosswalkDrawAll().then(() => true)`)
	if eval[bool](t, ctx, `window.pwned !== undefined`) {
		t.Error("markup from a note ran")
	}
	if !eval[bool](t, ctx, `document.body.innerText.includes("<script>window.pwned=1</script>")`) {
		t.Error("the note's text does not show as written")
	}
	p.check(t)
}
