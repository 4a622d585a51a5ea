package mapping_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

const vocab = `qualifiers:
  - key: state-led-governance
    en: State-led or UN-led governance
    definition: Governance among states.
  - key: narrower-reach
    en: Narrower reach
    definition: Fewer actors.
`

const partial = `  - source: "27"
    target: "9"
    stance: partial
    relationship: intersects-with
    rationale: semantic
    confidence: low
    theme: internet-governance
    note: The UN as main channel, with other actors unnamed.
    quotes:
      source: "互联网治理必须继续具有全球性和多利益攸关方性质"
      target: "发挥联合国在网络空间国际治理中的主渠道作用"
`

const quals = `    qualifiers:
      - key: state-led-governance
        words: "联合国在网络空间国际治理中的主渠道作用"
`

func loadWith(t *testing.T, files map[string]string) (*mapping.Set, string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	set, probs := mapping.Load(fsys, "mappings", loadCorpus(t))
	if probs != nil {
		return set, probs.Error()
	}
	return set, ""
}

func TestQualifiersLoad(t *testing.T) {
	complete := strings.Replace(header, "status: draft", "status: complete", 1)
	set, msg := loadWith(t, map[string]string{"qualifiers.yaml": vocab, "cn-africa-2021.yaml": header + partial + quals})
	if msg != "" {
		t.Fatal(msg)
	}
	r := set.Records()[0]
	if !r.HasQualifier("state-led-governance") || r.HasQualifier("narrower-reach") || len(set.Qualifiers) != 2 {
		t.Errorf("qualifiers %+v, vocabulary %+v", r.Qualifiers, set.Qualifiers)
	}
	// With is the filter every report applies: the cell stays decided.
	if got := set.WithQualifier("narrower-reach"); len(got.Files[0].Records) != 0 || len(got.Files[0].Silences) != 1 ||
		!strings.Contains(got.Files[0].Silences[0].Note, "no qualifier narrower-reach") {
		t.Errorf("filtered to narrower-reach: %+v", got.Files[0])
	}

	cases := []struct{ name, vocab, body, want string }{
		{"unknown key", vocab, header + partial + strings.Replace(quals, "state-led-governance", "state-led-govenance", 1),
			`mappings/cn-africa-2021.yaml:20: records[0].qualifiers[0].key: unknown qualifier "state-led-govenance"; use one of state-led-governance, narrower-reach (did you mean "state-led-governance"?)`},
		{"words not verbatim", vocab, header + partial + strings.Replace(quals, "主渠道作用", "主导作用", 1),
			`mappings/cn-africa-2021.yaml:21: records[0].qualifiers[0].words: words "联合国在网络空间国际治理中的主导作用" are not verbatim in cn-africa-2021:9`},
		{"no words", vocab, header + partial + strings.Replace(quals, `"联合国在网络空间国际治理中的主渠道作用"`, `""`, 1),
			`records[0].qualifiers[0].words: qualifier "state-led-governance" needs words`},
		{"listed twice", vocab, header + partial + quals + strings.TrimPrefix(quals, "    qualifiers:\n"),
			`records[0].qualifiers[1].key: qualifier "state-led-governance" is listed twice`},
		{"on an aligned record", vocab, header + strings.Replace(partial, "stance: partial", "stance: aligned", 1) + quals,
			`records[0].qualifiers: qualifiers say why a record is partial or divergent; remove them from this aligned record`},
		{"partial without one in a complete file", vocab, complete + partial,
			`mappings/cn-africa-2021.yaml:10: records[0].stance: a partial record in a complete file lists at least one qualifier`},
		{"no vocabulary", "", header + partial + quals, `unknown qualifier "state-led-governance"; mappings/qualifiers.yaml defines none`},
		{"bad vocabulary", strings.Replace(vocab, "    en: Narrower reach\n", "", 1), header + partial,
			`mappings/qualifiers.yaml:5: qualifiers[1].key: qualifier "narrower-reach" needs en and definition`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"cn-africa-2021.yaml": tc.body}
			if tc.vocab != "" {
				files["qualifiers.yaml"] = tc.vocab
			}
			set, msg := loadWith(t, files)
			if set != nil || !strings.Contains(msg, tc.want) {
				t.Errorf("error:\n%s\nwant it to contain:\n%s", msg, tc.want)
			}
		})
	}
	// A draft may leave a partial record uncoded; so may a folder without
	// a vocabulary.
	for name, files := range map[string]map[string]string{
		"draft":         {"qualifiers.yaml": vocab, "cn-africa-2021.yaml": header + partial},
		"no vocabulary": {"cn-africa-2021.yaml": complete + partial},
	} {
		if _, msg := loadWith(t, files); msg != "" && !strings.Contains(msg, "undecided") {
			t.Errorf("%s: %s", name, msg)
		}
	}
}
