extension DefaultTemplates {
    /// `S/library/ID.html`: a guide or seminar for the partner's own customer. Standalone (no kit
    /// navigation, no reward), co-branded, printed on as many pages as it needs (page numbers from
    /// the style sheet's `@page library`), ending with the business's contact, the referral link
    /// and its QR code, kept together.
    static let library = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<!DOCTYPE html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
{{>head}}
<title>{{library_piece.title}} · {{site.name}}</title>
</head>
<body class="library-body">
<a class="skip" href="#main">{{t.skip_link}}</a>
<header class="library__header">
  <div class="library__logos">{{>logos}}{{^brand.site_logo}}<span class="wordmark">{{site.name}}</span>{{/brand.site_logo}}</div>
  <p class="library__shared">{{library_piece.shared_by}}{{#library_piece.website}} · <a href="{{library_piece.website}}" dir="ltr">{{library_piece.website}}</a>{{/library_piece.website}}</p>
</header>
<main id="main" class="library">
<article class="library__article">
  <p class="library__kind">{{#library_piece.is_seminar}}{{t.library_seminar}}{{/library_piece.is_seminar}}{{^library_piece.is_seminar}}{{t.library_guide}}{{/library_piece.is_seminar}}</p>
  <h1{{{library_piece.lang_attr}}}>{{library_piece.title}}</h1>
  {{#library_piece.summary}}<p class="lead"{{{library_piece.lang_attr}}}>{{library_piece.summary}}</p>{{/library_piece.summary}}
  {{#library_piece.is_seminar}}
  <dl class="seminar">
    <div><dt>{{t.seminar_when}}</dt><dd><time datetime="{{library_piece.when}}">{{library_piece.when_text}}</time> · {{library_piece.duration_text}}</dd></div>
    <div><dt>{{t.seminar_where}}</dt><dd>{{library_piece.place}}</dd></div>
  </dl>
  <p class="seminar__actions"><a class="button" href="{{referral.link}}">{{t.seminar_register}}</a> <a href="{{library_piece.calendar_url}}" download>{{t.seminar_calendar}}</a></p>
  {{/library_piece.is_seminar}}
  <div class="prose"{{{library_piece.lang_attr}}}>
{{{content}}}
  </div>
</article>
<aside class="library__contact" aria-labelledby="library-contact">
  <div class="qr"><img src="{{referral.qr_url}}" alt="{{t.qr_label}}" width="{{referral.qr_size}}" height="{{referral.qr_size}}"></div>
  <div>
    <h2 id="library-contact">{{t.library_contact_heading}}</h2>
    <p>{{#site.contact.name}}<bdi>{{site.contact.name}}</bdi>{{/site.contact.name}}{{#site.contact.email}} · <a href="mailto:{{site.contact.email}}" dir="ltr">{{site.contact.email}}</a>{{/site.contact.email}}{{#site.contact.phone}} · <bdi dir="ltr">{{site.contact.phone}}</bdi>{{/site.contact.phone}}</p>
    <p>{{t.library_link_lead}} <a class="library__link" href="{{referral.link}}" dir="ltr">{{referral.printed_link}}</a></p>
  </div>
</aside>
</main>
</body>
</html>

"""#

    /// `output/network/index.html` and `network/page/N.html`: the blog's posts, newest first.
    static let network = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<!DOCTYPE html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
{{>head}}
<link rel="alternate" type="application/atom+xml" href="{{network.feed}}" title="{{site.name}}">
<title>{{t.network_title}}{{#network.page_text}} · {{network.page_text}}{{/network.page_text}}</title>
</head>
<body class="page page--network">
<a class="skip" href="#main">{{t.skip_link}}</a>
{{>network-header}}
<main id="main">
<h1>{{t.network_title}}</h1>
<p class="lead">{{t.network_lead}}</p>
<ul class="posts">
  {{#posts}}
  <li class="post-card" style="--author:{{author.line}}">
    <h2><a href="{{url}}">{{title}}</a></h2>
    <p class="byline">{{#author.logo}}<span class="logo logo--{{shape}}"><img src="{{url}}" alt="" width="{{width}}" height="{{height}}"></span>{{/author.logo}}<span>{{author.byline}} · <time datetime="{{date}}">{{date_text}}</time></span></p>
    {{#summary}}<p>{{summary}}</p>{{/summary}}
  </li>
  {{/posts}}
</ul>
<nav class="pager" aria-label="{{network.page_text}}">
  {{#network.newer}}<a href="{{network.newer}}" rel="prev">{{t.network_newer}}</a>{{/network.newer}}
  <span>{{network.page_text}}</span>
  {{#network.older}}<a href="{{network.older}}" rel="next">{{t.network_older}}</a>{{/network.older}}
</nav>
<p><a href="{{network.feed}}">{{t.network_feed}}</a></p>
</main>
</body>
</html>

"""#

    /// `output/network/SLUG.html`: one post with its author's co-branded byline.
    static let post = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<!DOCTYPE html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
{{>head}}
<link rel="alternate" type="application/atom+xml" href="{{network.feed}}" title="{{site.name}}">
<title>{{post.title}} · {{t.network_title}}</title>
</head>
<body class="page page--post">
<a class="skip" href="#main">{{t.skip_link}}</a>
{{>network-header}}
<main id="main">
<article class="article post" style="--author:{{post.author.line}}">
  <h1>{{post.title}}</h1>
  <p class="byline">{{#post.author.logo}}<span class="logo logo--{{shape}}"><img src="{{url}}" alt="" width="{{width}}" height="{{height}}"></span>{{/post.author.logo}}<span>{{post.author.byline}} · <time datetime="{{post.date}}">{{post.date_text}}</time>{{#post.author.website}} · <a href="{{post.author.website}}" dir="ltr">{{post.author.website}}</a>{{/post.author.website}}</span></p>
  {{#post.summary}}<p class="lead">{{post.summary}}</p>{{/post.summary}}
  <div class="prose">
{{{content}}}
  </div>
</article>
<p><a href="{{network.index}}">{{t.network_title}}</a> · <a href="{{network.feed}}">{{t.network_feed}}</a></p>
</main>
</body>
</html>

"""#

    /// The blog's header: the business's brand, a link to the blog (and, for a listed kit, the directory).
    static let networkHeader = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<header class="brandbar">
  <div class="brandbar__inner">
    <a class="brandbar__logos" href="{{network.index}}">{{>logos}}{{^brand.site_logo}}<span class="wordmark">{{site.name}}</span>{{/brand.site_logo}}</a>
    <p class="brandbar__title">{{t.network_title}}</p>
  </div>
</header>

"""#
}
