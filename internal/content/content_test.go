package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/zh/about.md":      {Data: []byte("+++\ntitle = \"关于\"\nweight = 2\nupdated = \"2025-06-30\"\n+++\n\n# 标题\n\n正文 *强调*。\n")},
		"content/en/years/2020.md": {Data: []byte("+++\ntitle = \"2020\"\n+++\nText with <script>x</script>.\n")},
	}
	pages, errs := Load(fsys, []string{"zh", "en"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	zh := pages["zh/about"]
	if zh == nil || zh.Title != "关于" || zh.Weight != 2 || zh.Updated != "2025-06-30" || !strings.Contains(string(zh.Body), "<em>强调</em>") {
		t.Errorf("zh/about = %+v", zh)
	}
	en := pages["en/years/2020"]
	if en == nil || strings.Contains(string(en.Body), "<script>") {
		t.Errorf("en/years/2020 = %+v; raw HTML must not pass through", en)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"no front matter\n", "content/zh/p.md:1:1: no front matter (start the file with a line +++, the TOML keys (title = \"…\"), and another +++)"},
		{"+++\ntitle = \"x\"\ntitel = \"y\"\n+++\n", `content/zh/p.md:3:1: unknown key "titel" (did you mean "title"?)`},
		{"+++\ndescription = \"x\"\n+++\n", "content/zh/p.md:2:1: page has no title (add title = \"…\" to the front matter)"},
		{"+++\ntitle = \"x\"\nupdated = \"2025-6-30\"\n+++\n", `content/zh/p.md:3:11: updated "2025-6-30" is not a day (write the day of the change, updated = "2025-06-30", or leave it out)`},
		{"+++\ntitle = \"x\n+++\n", "content/zh/p.md:2:11: TOML syntax error: strings cannot contain newlines (docs/EDITING.md shows the format of every file)"},
	} {
		_, errs := Load(fstest.MapFS{"content/zh/p.md": {Data: []byte(tc.src)}}, []string{"zh"})
		if len(errs) != 1 || errs[0].Error() != tc.want {
			t.Errorf("Load(%q) errors = %v, want %s", tc.src, errs, tc.want)
		}
	}
}
