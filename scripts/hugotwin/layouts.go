package main

// The twin's interface strings and layouts: simple, but they render what
// reportsite's pages hold — every report's metadata, table of contents, text
// and figures; every year's and indicator's figures; links between them.

const i18nZh = `home = "首页"
compare = "川渝对比"
indicators = "指标"
data = "数据"
about = "关于"
issuer = "发布机构"
period = "时期"
published = "发布日期"
source_text = "原文"
years = "年份"
figures = "数字"
contents = "目录"
reports = "报告"
indicator = "指标"
region = "地区"
kind = "类型"
value = "数值"
quote = "原句"
source = "出处"
targets = "目标"
`

const i18nEn = `home = "Home"
compare = "Compare"
indicators = "Indicators"
data = "Data"
about = "About"
issuer = "Issued by"
period = "Period"
published = "Published"
source_text = "Source text"
years = "Years"
figures = "Figures"
contents = "Contents"
reports = "Reports"
indicator = "Indicator"
region = "Region"
kind = "Kind"
value = "Value"
quote = "Source sentence"
source = "source"
targets = "Targets"
`

var layouts = map[string]string{
	"_default/baseof.html": `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:type" content="website">
<meta property="og:url" content="{{ .Permalink }}">
<meta name="twitter:card" content="summary">
<link rel="icon" href="{{ "assets/favicon.svg" | relURL }}" type="image/svg+xml">
<link rel="stylesheet" href="{{ "assets/css/site.css" | relURL }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Site.LanguageCode }}" href="{{ .RelPermalink }}">
{{ end }}</head>
<body>
<header class="site-header">
  <a class="site-title" href="{{ "" | relLangURL }}">{{ site.Title }}</a>
  <nav class="site-nav">
    <a href="{{ "" | relLangURL }}">{{ i18n "home" }}</a>
    <a href="{{ "compare/" | relLangURL }}">{{ i18n "compare" }}</a>
    <a href="{{ "indicators/" | relLangURL }}">{{ i18n "indicators" }}</a>
    <a href="{{ "data/" | relLangURL }}">{{ i18n "data" }}</a>
    <a href="{{ "about/" | relLangURL }}">{{ i18n "about" }}</a>
  </nav>
  {{ range .Translations }}<a class="lang-switch" href="{{ .RelPermalink }}" hreflang="{{ .Site.LanguageCode }}">{{ .Language.LanguageName }}</a>{{ end }}
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Params.license }}</p></footer>
</body>
</html>
`,
	// The strings and base URLs are looked up once per table, not per row.
	"partials/figures.html": `{{ $ind := relLangURL "indicators/" }}{{ $rep := relLangURL "reports/" }}{{ $source := i18n "source" -}}
<div class="table-wrap"><table class="figures">
<thead><tr><th scope="col">{{ i18n "indicator" }}</th><th scope="col">{{ i18n "region" }}</th><th scope="col">{{ i18n "period" }}</th><th scope="col">{{ i18n "kind" }}</th><th scope="col" class="num">{{ i18n "value" }}</th><th scope="col">{{ i18n "quote" }}</th></tr></thead>
<tbody>
{{ range . }}<tr><td><a href="{{ $ind }}{{ .indicator }}/">{{ .name }}</a></td><td>{{ .region }}</td><td>{{ .period }}</td><td>{{ .kind }}</td><td class="num">{{ .value }}</td><td class="quote"><q lang="zh-Hans">{{ .quote }}</q> <a href="{{ $rep }}{{ .report }}/">{{ $source }}</a></td></tr>
{{ end }}</tbody></table></div>
`,
	"_default/single.html": `{{ define "main" }}
<article class="report">
<header class="report-header">
  <h1>{{ .Title }}</h1>
  {{ with .Description }}<p class="summary">{{ . }}</p>{{ end }}
  {{ if .Params.issuer }}<dl class="meta">
    <div><dt>{{ i18n "issuer" }}</dt><dd>{{ .Params.issuer }}</dd></div>
    <div><dt>{{ i18n "period" }}</dt><dd>{{ .Params.period }}</dd></div>
    <div><dt>{{ i18n "published" }}</dt><dd>{{ .Params.issued }}</dd></div>
    <div><dt>{{ i18n "source_text" }}</dt><dd>seeds/{{ .Params.seed }}</dd></div>
    <div><dt>{{ i18n "years" }}</dt><dd>{{ range $i, $t := .GetTerms "years" }}{{ if $i }} · {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</dd></div>
    <div><dt>{{ i18n "figures" }}</dt><dd><a href="#figures">{{ len .Params.figures }}</a></dd></div>
  </dl>{{ end }}
</header>
{{ if .Params.issuer }}<nav class="toc"><h2>{{ i18n "contents" }}</h2>{{ .TableOfContents }}</nav>{{ end }}
<div class="report-body">
{{ .Content }}
</div>
{{ with .Params.figures }}<section id="figures"><h2>{{ i18n "figures" }}</h2>
{{ partial "figures.html" . }}
</section>{{ end }}
</article>
{{ end }}
`,
	"_default/list.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
`,
	"_default/taxonomy.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="indicator-list">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
`,
	"_default/term.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.definition }}<p class="definition">{{ . }}</p>{{ end }}
{{ with .Content }}<section class="overview">{{ . }}</section>{{ end }}
{{ with .Pages }}<section><h2>{{ i18n "reports" }}</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="card-meta">({{ .Params.period }})</span></li>{{ end }}</ul>
</section>{{ end }}
{{ with .Params.figures }}<section><h2>{{ i18n "figures" }}</h2>
{{ partial "figures.html" . }}
</section>{{ end }}
{{ with .Params.targets }}<section><h2>{{ i18n "targets" }}</h2>
{{ partial "figures.html" . }}
</section>{{ end }}
{{ end }}
`,
	"index.html": `{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{ .Content }}
<section><h2>{{ i18n "reports" }}</h2>
<ul>{{ range where site.RegularPages "Section" "reports" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="card-meta">({{ .Params.period }})</span></li>{{ end }}</ul>
</section>
<section><h2>{{ i18n "years" }}</h2>
<ul>{{ with site.GetPage "/years" }}{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>
</section>
{{ end }}
`,
	"404.html": `{{ define "main" }}
<h1>404</h1>
<p><a href="{{ "" | relLangURL }}">{{ i18n "home" }}</a></p>
{{ end }}
`,
}
