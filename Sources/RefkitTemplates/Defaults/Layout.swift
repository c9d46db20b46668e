extension DefaultTemplates {
    static let layout = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<!DOCTYPE html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
{{>head}}
<title>{{$title}}{{site.name}}{{/title}}</title>
</head>
<body class="{{$bodyclass}}page{{/bodyclass}}">
<a class="skip" href="#main">{{t.skip_link}}</a>
{{>header}}
<main id="main">
{{$content}}{{/content}}
</main>
{{>footer}}
</body>
</html>

"""#

    /// What every page's <head> shares: encoding, viewport, noindex for unlisted kits, the link
    /// preview's tags, the style sheet and the page's brand colours.
    static let head = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{#noindex}}<meta name="robots" content="noindex">
{{/noindex}}{{>preview}}<link rel="stylesheet" href="{{root}}assets/refkit.css">
<style>:root{--primary:{{brand.primary}};--on-primary:{{brand.on_primary}};--primary-ink:{{brand.primary_ink}};--accent:{{brand.accent}};--on-accent:{{brand.on_accent}};--primary-line:{{brand.primary_line}};--accent-line:{{brand.accent_line}}}</style>

"""#

    /// Open Graph and Twitter tags: what WhatsApp, LinkedIn, Slack, iMessage and mail programs show
    /// when the page's address is pasted (contract "Link previews").
    static let preview = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
{{#preview}}
<meta property="og:type" content="website">
<meta property="og:site_name" content="{{site_name}}">
<meta property="og:title" content="{{title}}">
<meta property="og:description" content="{{description}}">
<meta property="og:url" content="{{url}}">
<meta property="og:locale" content="{{locale}}">
<meta property="og:image" content="{{image}}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="{{image_width}}">
<meta property="og:image:height" content="{{image_height}}">
<meta property="og:image:alt" content="{{image_alt}}">
<meta name="twitter:card" content="summary_large_image">
{{/preview}}

"""#

    static let header = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<header class="brandbar">
  <div class="brandbar__inner">
    <a class="brandbar__logos" href="{{home}}">{{>logos}}{{^brand.site_logo}}<span class="wordmark">{{site.name}}</span>{{/brand.site_logo}}</a>
    {{#brand.show_title}}<p class="brandbar__title">{{brand.title}}</p>{{/brand.show_title}}
  </div>
{{>nav}}
</header>

"""#

    /// The partner's logo and the site's, each placed by its shape (`brand.logos`).
    static let logos = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
{{#brand.logos.partner}}<span class="logo logo--{{shape}}"><img src="{{url}}" alt="{{alt}}" width="{{width}}" height="{{height}}"></span><span class="times" aria-hidden="true">×</span>{{/brand.logos.partner}}{{#brand.logos.site}}<span class="logo logo--{{shape}}"><img src="{{url}}" alt="{{alt}}" width="{{width}}" height="{{height}}"></span>{{/brand.logos.site}}
"""#

    static let nav = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
  <nav class="nav" aria-label="{{t.nav_label}}">
    <ul>
      <li><a href="{{home}}"{{#is_home}} aria-current="page"{{/is_home}}>{{t.nav_home}}</a></li>
      {{#pages}}
      <li><a href="{{url}}"{{{lang_attr}}}{{#current}} aria-current="page"{{/current}}>{{title}}</a></li>
      {{/pages}}
    </ul>
  </nav>

"""#

    static let footer = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<footer class="footer">
  <p>{{site.name}}{{#site.contact.name}} · <bdi>{{site.contact.name}}</bdi>{{/site.contact.name}}{{#site.contact.email}} · <a href="mailto:{{site.contact.email}}" dir="ltr">{{site.contact.email}}</a>{{/site.contact.email}}{{#site.contact.phone}} · <bdi dir="ltr">{{site.contact.phone}}</bdi>{{/site.contact.phone}}</p>
  <p class="footer__meta">{{t.footer_kit}} · {{t.code_label}} <strong class="code" style="--chars:{{source.code_length}}">{{source.code}}</strong></p>
</footer>

"""#

    static let referralBox = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<section class="referral" aria-labelledby="referral-title">
  <div class="referral__text">
    <h2 id="referral-title">{{t.referral_heading}}</h2>
    <p>{{t.referral_share}} <strong class="code" style="--chars:{{source.code_length}}">{{source.code}}</strong>.</p>
    <p class="referral__link"><a href="{{referral.link}}" dir="ltr">{{referral.link}}</a></p>
    <p class="referral__tools"><a href="{{links.handout}}">{{t.link_handout}}</a> · <a href="{{links.share}}">{{t.link_share}}</a> · <a href="{{links.email}}">{{t.link_email}}</a> · <a href="{{links.email_text}}">{{t.link_email_text}}</a> · <a href="{{referral.qr_url}}" download>{{t.link_qr}}</a> · <a href="{{links.contact_card}}" download>{{t.link_contact_card}}</a></p>
  </div>
  <div class="qr"><img src="{{referral.qr_url}}" alt="{{t.qr_label}}" width="{{referral.qr_size}}" height="{{referral.qr_size}}"></div>
</section>

"""#
}
