package audit

import (
	"regexp"
	"strings"
	"sync"
)

// noteCues are the words and phrases by which a note says that the target
// lacks, omits or narrows something — what makes a record partial
// (mappings/CURATION.md 3.3). Matched case-insensitively as whole words.
var noteCues = []string{
	"does not", "doesn't", "omits", "omitted", "leaves out", "lacks", "lacking",
	"only", "narrower", "narrows", "without", "but not", "never", "nothing on",
	"no mention", "silent on", "absent", "rather than", "instead of",
	"limited to", "confined to", "conditioned", "subject to", "falls short", "stops short",
}

// noteMasks are phrases that contain a cue but say the opposite ("leaves out
// nothing", "not only … but also", "without condition"); they are blanked
// out before cues are looked for.
var noteMasks = []string{
	"not only", "leaves out nothing", "omits nothing", "lacks nothing",
	"without condition", "without conditions", "without any condition", "without qualification",
}

// gdcWords and targetWords name the two texts in a note. A cue is about
// the GDC, and ignored, when the last of these words before it in its
// sentence names the GDC ("the GDC objective is narrower than …").
var (
	gdcWords    = []string{"gdc", "compact"}
	targetWords = []string{"target", "counterpart", "paper", "speech", "initiative"}
)

// Cue is one match of the narrowing rule.
type Cue struct {
	Cue      string // as listed in noteCues
	Sentence string // the note's sentence that contains it
}

// The expressions compile on first use, not at every start of the binary.
var (
	cueRe   = sync.OnceValue(func() *regexp.Regexp { return wordsRe(noteCues) })
	maskRe  = sync.OnceValue(func() *regexp.Regexp { return wordsRe(noteMasks) })
	actorRe = sync.OnceValue(func() *regexp.Regexp { return wordsRe(append(append([]string(nil), gdcWords...), targetWords...)) })
	sentEnd = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[.;!?](\s+|$)`) })
)

func wordsRe(list []string) *regexp.Regexp {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = regexp.QuoteMeta(s)
	}
	return regexp.MustCompile(`(?i)\b(?:` + strings.Join(q, "|") + `)\b`)
}

// NarrowingCues applies the narrowing rule to a note: every cue, in
// order, that is not masked and not about the GDC.
func NarrowingCues(note string) []Cue {
	var out []Cue
	start := 0
	for _, end := range sentenceEnds(note) {
		sentence := note[start:end]
		start = end
		masked := maskRe().ReplaceAllStringFunc(sentence, func(m string) string { return strings.Repeat(" ", len(m)) })
		for _, loc := range cueRe().FindAllStringIndex(masked, -1) {
			actors := actorRe().FindAllString(masked[:loc[0]], -1)
			if len(actors) > 0 && contains(gdcWords, strings.ToLower(actors[len(actors)-1])) {
				continue
			}
			out = append(out, Cue{Cue: strings.ToLower(masked[loc[0]:loc[1]]), Sentence: strings.TrimSpace(sentence)})
		}
	}
	return out
}

// sentenceEnds returns the byte offsets where the note's sentences end.
func sentenceEnds(s string) []int {
	var ends []int
	for _, loc := range sentEnd().FindAllStringIndex(s, -1) {
		ends = append(ends, loc[1])
	}
	if len(ends) == 0 || ends[len(ends)-1] < len(s) {
		ends = append(ends, len(s))
	}
	return ends
}
