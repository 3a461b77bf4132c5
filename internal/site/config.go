package site

import (
	"io/fs"
	"net/url"
	"strings"

	"reportsite/internal/diag"
	"reportsite/internal/tomlx"
)

// ConfigPath is the site's settings file.
const ConfigPath = "data/site.toml"

// Config is data/site.toml.
type Config struct {
	tomlx.Table
	TitleZh         string   `toml:"title_zh"`
	TitleEn         string   `toml:"title_en"`
	DescriptionZh   string   `toml:"description_zh"`
	DescriptionEn   string   `toml:"description_en"`
	BaseURL         string   `toml:"base_url"`
	Languages       []string `toml:"languages"`
	DefaultLanguage string   `toml:"default_language"`
	LicenseZh       string   `toml:"license_zh"`
	LicenseEn       string   `toml:"license_en"`
	// DataLicenseURL is the address of the data's licence, for the data
	// page's structured data (dataset search engines want a URL).
	DataLicenseURL string `toml:"data_license_url"`
	// Headline lists the ids of the figures shown first on the home pages.
	Headline []string `toml:"headline"`
	// Featured lists indicators whose charts appear on the home pages.
	Featured []string `toml:"featured"`
}

// Title returns the site title in lang.
func (c *Config) Title(lang string) string { return pick(lang, c.TitleZh, c.TitleEn) }

// Description returns the site description in lang.
func (c *Config) Description(lang string) string {
	return pick(lang, c.DescriptionZh, c.DescriptionEn)
}

// License returns the licence statement in lang.
func (c *Config) License(lang string) string { return pick(lang, c.LicenseZh, c.LicenseEn) }

func pick(lang, zh, en string) string {
	if lang == "zh" {
		return zh
	}
	return en
}

func loadConfig(fsys fs.FS) (*Config, diag.List) {
	c := &Config{}
	f, errs := tomlx.Decode(fsys, ConfigPath, c)
	if f == nil || len(errs) > 0 {
		return nil, errs
	}
	if strings.Join(c.Languages, ",") != "zh,en" {
		errs.Add(f.At("languages"), `the site is bilingual: languages = ["zh", "en"]`, "languages must be zh and en")
	}
	if c.DefaultLanguage != "zh" && c.DefaultLanguage != "en" {
		errs.Add(f.At("default_language"), `use "zh" or "en"`, "unknown default language %q", c.DefaultLanguage)
	}
	for _, f2 := range []struct{ key, v string }{{"title_zh", c.TitleZh}, {"title_en", c.TitleEn}, {"description_zh", c.DescriptionZh}, {"description_en", c.DescriptionEn}} {
		if strings.TrimSpace(f2.v) == "" {
			errs.Add(f.At(f2.key), "the site needs a title and description in both languages", "%s is empty", f2.key)
		}
	}
	if u, err := url.Parse(c.DataLicenseURL); c.DataLicenseURL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
		errs.Add(f.At("data_license_url"), `the licence's address, e.g. "https://creativecommons.org/licenses/by/4.0/", or leave it out`, "data_license_url %q is not a web address", c.DataLicenseURL)
	}
	if _, err := NormalizeBase(c.BaseURL); err != nil {
		errs.Add(f.At("base_url"), `use "/" for a local build, or https://OWNER.github.io/REPO/`, "%v", err)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// NormalizeBase checks a base URL — an absolute http(s) URL or a path
// starting with / — and returns it ending in exactly one /.
func NormalizeBase(s string) (string, error) {
	if s == "" {
		return "", errBase("base URL is empty")
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", errBase("base URL " + s + " does not parse: " + err.Error())
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		if u.Host == "" {
			return "", errBase("base URL " + s + " has no host")
		}
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/"):
	default:
		return "", errBase("base URL " + s + " is neither an http(s) URL nor a path starting with /")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", errBase("base URL " + s + " has a query or fragment")
	}
	return strings.TrimRight(s, "/") + "/", nil
}

type errBase string

func (e errBase) Error() string { return string(e) }
