package mapping_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readTSV reads a round-5 file's rows after its header.
func readTSV(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "mappings", "agreement-round5", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for i, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if i > 0 {
			rows = append(rows, strings.Split(l, "\t"))
		}
	}
	return rows
}

// readCodings reads a round-5 coding file (source, target, key, words) or
// the list of records coded (source, target) as keys per record.
func readCodings(t *testing.T, name string) map[[2]string][]string {
	t.Helper()
	out := map[[2]string][]string{}
	for _, p := range readTSV(t, name) {
		if len(p) != 2 && len(p) != 4 {
			t.Fatalf("%s: %q", name, p)
		}
		k := [2]string{p[0], p[1]}
		out[k] = out[k] // a record line lists the record, with no key
		if len(p) == 4 {
			out[k] = append(out[k], p[2])
		}
	}
	return out
}

// The qualifier study's figures in AGREEMENT.md are what its coding files
// give: the first coding and a blind second one of 120 random records.
func TestQualifierAgreementFigures(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "mappings", "AGREEMENT.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(doc)), " ")
	sample, first, second := readCodings(t, "records.tsv"), readCodings(t, "first.tsv"), readCodings(t, "second.tsv")
	var keys []string
	same, shared, jaccard := 0, 0, 0.0
	for rec := range sample {
		a, b := first[rec], second[rec]
		if len(a) == 0 || len(b) == 0 {
			t.Errorf("%s → %s: uncoded in one reading", rec[0], rec[1])
		}
		var both, either int
		for _, k := range append(slices.Clone(a), b...) {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		for _, k := range a {
			if slices.Contains(b, k) {
				both++
			}
		}
		either = len(a) + len(b) - both
		if both == len(a) && both == len(b) {
			same++
		}
		if both > 0 {
			shared++
		}
		jaccard += float64(both) / float64(either)
	}
	n := len(sample)
	pct := func(x, of int) float64 { return math.Round(1000*float64(x)/float64(of)) / 10 }
	want := []string{fmt.Sprintf("%d of %d records (%.1f%%) have the same set of qualifiers in both readings, %d (%.1f%%) share at least one, and the mean Jaccard similarity of the two sets is %.2f",
		same, n, pct(same, n), shared, pct(shared, n), jaccard/float64(n))}
	slices.Sort(keys)
	for _, k := range keys {
		var na, nb, agree int
		for rec := range sample {
			ia, ib := slices.Contains(first[rec], k), slices.Contains(second[rec], k)
			if ia {
				na++
			}
			if ib {
				nb++
			}
			if ia == ib {
				agree++
			}
		}
		po := float64(agree) / float64(n)
		pa, pb := float64(na)/float64(n), float64(nb)/float64(n)
		pe := pa*pb + (1-pa)*(1-pb)
		kappa := fmt.Sprintf("%.2f", (po-pe)/(1-pe))
		want = append(want, fmt.Sprintf("| `%s` | %d | %d | %.1f%% | %s |", k, na, nb, pct(agree, n), kappa))
	}
	outcomes := map[string]int{}
	for _, r := range readTSV(t, "adjudication.tsv") {
		outcomes[r[2]]++
	}
	want = append(want, fmt.Sprintf("%d went to A's set, %d to B's, %d took keys or words from both", outcomes["kept A"], outcomes["kept B"], outcomes["merged"]))
	if n := outcomes["kept A"] + outcomes["kept B"] + outcomes["merged"]; n != len(sample)-same {
		t.Errorf("%d records adjudicated, but the readings differ on %d", n, len(sample)-same)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("mappings/AGREEMENT.md does not state what the round-5 files give:\n  %s", w)
		}
	}
}
